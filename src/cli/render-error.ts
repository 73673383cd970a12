/**
 * Turns an error into what the user reads: one sentence that says what went wrong,
 * where, and what to do, plus the exit code. Stack traces only with `--debug`.
 *
 * Exit codes: 2 = the command could not do what was asked (bad input, database not
 * there, refused by a rule); 1 = an unexpected error (a bug: please report it).
 */
import { CommanderError } from 'commander';
import {
  DatabaseNotInitialised,
  DatabaseTooNew,
  DatabaseUnavailable,
  DuplicateTrackingLink,
  DuplicateUserEmail,
  InvalidRecord,
  RecordNotFound,
  RunClosed,
  RunNotUndoable,
  SecretKeyProblem,
  StaleRowVersion,
} from '../crm/index.js';
import { MailboxFolderNotFound, MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox/mailbox-errors.js';
import {
  AccountNameTaken,
  ActingUserUnknown,
  ForeignFolder,
  ItemNotFound,
  MailboxAddressMismatch,
  ParentNotFound,
  RunChangedSince,
  RunNotResumable,
  TooManyContacts,
  UnknownChoice,
} from '../tracking/index.js';

export interface RenderedError {
  message: string;
  exitCode: number;
}

export function renderError(error: unknown): RenderedError {
  const refused = (message: string): RenderedError => ({ message, exitCode: 2 });
  if (error instanceof DatabaseUnavailable) {
    return refused(`Cannot open the database at ${error.location}: ${error.reason}. Check --db or LIAISON_DB; nothing was changed.`);
  }
  if (error instanceof DatabaseNotInitialised) {
    return refused(
      `There is no Liaison database at ${error.location}. Run "liaison init" to create it there, or point --db or LIAISON_DB at an existing one.`,
    );
  }
  if (error instanceof DatabaseTooNew) {
    return refused(
      `The database at ${error.location} was made by a newer version of Liaison (it has ${error.unknownMigrations.join(', ')}). Upgrade Liaison to use it; nothing was changed.`,
    );
  }
  if (error instanceof DuplicateUserEmail) {
    return refused(
      `A user with the e-mail ${error.email} already exists (e-mails are compared ignoring case and surrounding spaces). See them with "liaison user list".`,
    );
  }
  if (error instanceof RecordNotFound) {
    const where: Record<string, string> = { mailbox: 'liaison mailbox list', run: 'liaison runs list', account: 'liaison accounts list', contact: 'liaison contacts list' };
    const see = where[error.kind] ? ` See them with "${where[error.kind]}".` : '';
    return refused(`There is no ${error.kind} ${typeof error.key === 'number' ? `#${error.key}` : `"${error.key}"`} in this CRM.${see}`);
  }
  if (error instanceof InvalidRecord) return refused(`Invalid ${error.field}: ${error.reason}.`);
  if (error instanceof DuplicateTrackingLink) {
    return refused(`Mailbox #${error.mailboxId} already tracks ${error.clash} ${error.value}; untrack it first to link it again.`);
  }
  if (error instanceof StaleRowVersion) {
    return refused(`Contact #${error.contactId} was changed by someone else meanwhile (now version ${error.actual}); read it again and retry.`);
  }
  if (error instanceof SecretKeyProblem) return refused(`${capitalise(error.reason)}: ${error.fix}.`);
  if (error instanceof ActingUserUnknown) {
    switch (error.situation) {
      case 'no users':
        return refused('The CRM has no user yet. Add yourself first: liaison user add <email> --name "<your name>".');
      case 'several users':
        return refused('The CRM has several users: say which one with --owner <email>.');
      case 'unknown email':
        return refused(`No user has the e-mail ${error.email}. See the users with "liaison user list".`);
    }
  }
  if (error instanceof AccountNameTaken) {
    const ids = error.existing.map((a) => `#${a.id} "${a.name}"`).join(', ');
    return refused(
      `An account with the same name already exists (${ids}); names are compared ignoring case and extra spaces. Pass --allow-duplicate to add another one anyway.`,
    );
  }
  if (error instanceof MailboxAddressMismatch) {
    return refused(
      `The mailbox address ${error.mailboxAddress} is not ${error.userEmail}, the user's primary e-mail: only the user whose address it is may track from a mailbox. Pass --owner ${error.userEmail} if it is that user's own address book, or --user <e-mail> for the user it belongs to; nothing was added.`,
    );
  }
  if (error instanceof MailboxSourceUnreadable) return refused(`Cannot read ${error.path}: ${error.reason}.`);
  if (error instanceof MailboxFormatUnknown) return refused(`${error.path} is not a mailbox file Liaison can read: ${error.reason}.`);
  if (error instanceof MailboxFolderNotFound) {
    return refused(`The mailbox has no folder "${error.folder}"; its folders are: ${error.known.join(', ')}.`);
  }
  if (error instanceof ForeignFolder) {
    return refused(
      `The folder "${error.folder}" belongs to ${error.folderOwner}, not to this mailbox (${error.mailboxAddress}): a delegate's or shared folder cannot be a source. Choose a folder of your own with --folder, or leave it out with --exclude-subfolder "${error.folder}"; nothing was added.`,
    );
  }
  if (error instanceof UnknownChoice) {
    const hint = error.suggestions.length > 0 ? ` Did you mean ${error.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    const see = error.what === 'group' ? ' See the group keys with --plan (the KEY column, or "key" in --json).' : ' Merges take company names as the contacts spell them (see --plan).';
    return refused(`There is no ${error.what} ${JSON.stringify(error.value)} in this plan.${hint}${see} Nothing was added.`);
  }
  if (error instanceof TooManyContacts) {
    return refused(
      `${error.count} contacts at once is more than ${error.limit}: track at most ${error.limit} at a time, or use the wizard (liaison wizard <mailbox>) to add many contacts by company, domain or category. Nothing was changed.`,
    );
  }
  if (error instanceof ItemNotFound) {
    return refused(`The mailbox has no contact with the item id ${error.itemIds.map((id) => `"${id}"`).join(', ')}; see the ids with "liaison mailbox contacts <mailbox>". Nothing was changed.`);
  }
  if (error instanceof ParentNotFound) {
    return refused(`There is no ${error.kind} #${error.id} in this CRM${error.group ? ` (set for the group "${error.group}")` : ''}; see them with "liaison ${error.kind === 'account' ? 'accounts' : 'contacts'} list". Nothing was added.`);
  }
  if (error instanceof RunChangedSince) {
    const list = error.changed.slice(0, 20).map((c) => `${c.kind} #${c.id} ${c.change}`).join('; ');
    const more = error.changed.length > 20 ? `; and ${error.changed.length - 20} more (--json lists all)` : '';
    return refused(`Run #${error.runId} was not undone, because ${error.changed.length} of the records it wrote changed since: ${list}${more}. Nothing was changed.`);
  }
  if (error instanceof RunNotUndoable) return refused(`Run #${error.runId} cannot be undone: ${error.reason}. See your runs with "liaison runs list".`);
  if (error instanceof RunClosed) {
    return refused(`Run #${error.runId} is ${error.status}: nothing more can be recorded in it. Start a new run with "liaison wizard <mailbox>".`);
  }
  if (error instanceof RunNotResumable) return refused(`Run #${error.runId} cannot be resumed: ${error.reason}. See your runs with "liaison runs list".`);
  if (error instanceof CommanderError) return { message: '', exitCode: error.exitCode === 0 ? 0 : 2 };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `Liaison hit an unexpected error: ${message}. Run again with --debug for details, and please report it.`, exitCode: 1 };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
