import { Command, Option } from 'commander';
import { displayName } from '../../domain/contact.js';
import type { MailboxNotice, MailboxRecord, UnreadableRecord } from '../../mailbox/mailbox.js';
import { addMailbox, findMailbox, resolveActingUser } from '../../tracking/index.js';
import { printJson, printNote, printResult, writeOut } from '../output.js';
import { renderFixedRow, renderTable } from '../render-table.js';
import { withStore } from '../with-store.js';

const CONTACT_COLUMNS = ['ITEM ID', 'FOLDER', 'NAME', 'E-MAIL', 'COMPANY', 'CATEGORIES'];
/** The item id column fits a UUID whole: it is what `liaison track` takes. */
const CONTACT_WIDTHS = [36, 24, 28, 32, 24, 40];

export function mailboxCommand(): Command {
  const mailbox = new Command('mailbox').description("Add and read a user's mailboxes (address books: vCard files or folders, Outlook CSV exports).");

  mailbox
    .command('add')
    .description("Add a mailbox. Its owner address must be the user's primary e-mail (PRODUCT.md P1).")
    .argument('<name>', 'a name for the mailbox, unique for the user')
    .option('--user <email>', 'the user it belongs to (default: the only user)')
    .requiredOption('--owner <address>', "the mailbox's own e-mail address")
    .addOption(new Option('--vcard <path>', 'a .vcf file, or a folder of .vcf files (subfolders are subfolders)').conflicts('outlookCsv'))
    .addOption(new Option('--outlook-csv <file>', 'an Outlook, Google or Thunderbird CSV export'))
    .option('--encoding <code page>', 'the CSV\'s code page when it has no BOM (default: windows-1252)')
    .option('--json', 'print the new mailbox as JSON')
    .addHelpText(
      'after',
      `
Examples:
  liaison mailbox add "Address book" --owner ada@example.org --vcard ~/Contacts
  liaison mailbox add "Outlook export" --owner ada@example.org --outlook-csv contacts.csv --encoding windows-1252`,
    )
    .action(
      async (
        name: string,
        options: { user?: string; owner: string; vcard?: string; outlookCsv?: string; encoding?: string; json?: boolean },
        command: Command,
      ) => {
        if (!options.vcard && !options.outlookCsv) command.error('error: say where the mailbox is: --vcard <path> or --outlook-csv <file>.');
        if (options.encoding && !options.outlookCsv) command.error('error: --encoding goes with --outlook-csv.');
        await withStore(command, async (store) => {
          const added = await addMailbox(store, {
            name,
            userEmail: options.user,
            ownerAddress: options.owner,
            connector: options.vcard ? 'vcard' : 'outlook-csv',
            path: (options.vcard ?? options.outlookCsv)!,
            encoding: options.encoding,
          });
          if (options.json) return printJson(added);
          printResult(`Added mailbox "${added.name}" (${added.connector.kind}, ${String(added.connector.settings.path)}).`);
        });
      },
    );

  mailbox
    .command('list')
    .description("List a user's mailboxes.")
    .option('--user <email>', 'whose mailboxes (default: the only user)')
    .option('--json', 'print {mailboxes} as JSON')
    .action(async (options: { user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const user = await resolveActingUser(store, options.user);
        const mailboxes = await store.mailboxes.list(user.id);
        if (options.json) return printJson({ mailboxes });
        if (mailboxes.length === 0) return printResult('No mailboxes yet. Add one with: liaison mailbox add <name> --owner <address> --vcard <path>');
        printResult(
          renderTable(mailboxes, [
            { header: 'NAME', value: (m) => m.name },
            { header: 'KIND', value: (m) => m.connector.kind },
            { header: 'OWNER ADDRESS', value: (m) => m.ownerAddress },
            { header: 'SOURCE', value: (m) => String(m.connector.settings.path) },
          ], 60),
        );
      });
    });

  mailbox
    .command('folders')
    .description("List a mailbox's contacts folders; the default one is marked.")
    .argument('<name>', 'the mailbox')
    .option('--user <email>', 'whose mailbox (default: the only user)')
    .option('--json', 'print {folders} as JSON')
    .action(async (name: string, options: { user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const { mailbox: source } = await findMailbox(store, name, options.user);
        const folders = await source.folders();
        if (options.json) return printJson({ folders });
        printResult(folders.map((f) => `${f.path}${f.isDefault ? '  (default)' : ''}`).join('\n'));
      });
    });

  mailbox
    .command('contacts')
    .description("List a mailbox's contacts as they are read; records that cannot be read are listed after them.")
    .argument('<name>', 'the mailbox')
    .option('--user <email>', 'whose mailbox (default: the only user)')
    .option('--folder <path>', 'the folder to read (default: the default folder)')
    .option('--no-subfolders', "leave out the folder's subfolders")
    .option('--json', 'print {mailbox, folder, contacts, unreadable, notices, counts} as JSON, streamed')
    .addHelpText('after', '\nExamples:\n  liaison mailbox contacts "Address book" --folder Contacts/Clients\n  liaison mailbox contacts "Outlook export" --json | jq ".contacts[].fields.emails"')
    .action(async (name: string, options: { user?: string; folder?: string; subfolders: boolean; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const { stored, mailbox: source } = await findMailbox(store, name, options.user);
        const query = { folder: options.folder, includeSubfolders: options.subfolders };
        const unreadable: UnreadableRecord[] = [];
        const notices: MailboxNotice[] = [];
        const warned: string[] = [];
        let contacts = 0;
        const records: AsyncIterable<MailboxRecord> = source.contacts(query);
        if (options.json) {
          await writeOut(`{\n  "mailbox": ${JSON.stringify(stored.name)},\n  "folder": ${JSON.stringify(options.folder ?? null)},\n  "contacts": [`);
          for await (const record of records) {
            if (record.kind === 'unreadable') unreadable.push(record);
            else if (record.kind === 'notice') notices.push(record);
            else await writeOut(`${contacts++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(withPhotoSize(record))}`);
          }
          await writeOut(
            `${contacts > 0 ? '\n  ' : ''}],\n  "unreadable": ${JSON.stringify(unreadable)},\n  "notices": ${JSON.stringify(notices)},\n  "counts": ${JSON.stringify({ contacts, unreadable: unreadable.length })}\n}\n`,
          );
          return;
        }
        // The header goes out with the first record, so an error (no such folder) comes alone.
        let headed = false;
        const head = async () => {
          if (!headed) await writeOut(`${renderFixedRow(CONTACT_COLUMNS, CONTACT_WIDTHS)}\n`);
          headed = true;
        };
        for await (const record of records) {
          if (record.kind === 'unreadable') {
            unreadable.push(record);
            continue;
          }
          if (record.kind === 'notice') {
            notices.push(record);
            continue;
          }
          contacts++;
          await head();
          const f = record.fields;
          for (const warning of record.warnings) warned.push(`  ${record.source.file}:${record.source.line}: ${displayName(f)}: ${warning}`);
          await writeOut(
            `${renderFixedRow([record.itemId, record.folder, displayName(f), f.emails?.[0], f.company, f.categories?.join(', ')], CONTACT_WIDTHS)}\n`,
          );
        }
        if (contacts === 0) await head();
        for (const notice of notices) printNote(`Note: ${notice.source.file}: ${notice.message}`);
        if (warned.length > 0) printNote(`Warnings:\n${warned.join('\n')}`);
        printNote(`${contacts} contact(s)${unreadable.length > 0 ? `, ${unreadable.length} record(s) could not be read:` : '.'}`);
        for (const record of unreadable) printNote(`  ${record.source.file}:${record.source.line}: ${record.reason}`);
      });
    });

  return mailbox;
}

/** A contact for JSON: the photo's size and type, not its bytes. */
function withPhotoSize(record: Extract<MailboxRecord, { kind: 'contact' }>) {
  const { photo, ...rest } = record;
  return { ...rest, photo: photo ? { mediaType: photo.mediaType, bytes: photo.bytes.length } : null };
}
