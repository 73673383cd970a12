/**
 * Errors of the use cases that a user can meet; the CLI renders each as one sentence.
 */
export abstract class TrackingError extends Error {
  abstract readonly code: string;
}

/** No user can act: the CRM has none, several and none was named, or the named one is unknown. */
export class ActingUserUnknown extends TrackingError {
  readonly code = 'ACTING_USER_UNKNOWN';
  constructor(
    readonly situation: 'no users' | 'several users' | 'unknown email',
    readonly email?: string,
  ) {
    super(situation === 'unknown email' ? `no user has the e-mail ${email}` : situation);
  }
}

/** An account of the same name (PRODUCT.md W3) exists and a duplicate was not asked for. */
export class AccountNameTaken extends TrackingError {
  readonly code = 'ACCOUNT_NAME_TAKEN';
  constructor(
    readonly accountName: string,
    readonly existing: readonly { id: number; name: string }[],
  ) {
    super(`an account named "${accountName}" already exists`);
  }
}

/** PRODUCT.md P1: a mailbox is tracked only by the user whose primary e-mail is its owner address. */
export class MailboxAddressMismatch extends TrackingError {
  readonly code = 'MAILBOX_ADDRESS_MISMATCH';
  constructor(
    readonly mailboxAddress: string,
    readonly userEmail: string,
  ) {
    super(`the mailbox address ${mailboxAddress} is not the user's primary e-mail ${userEmail}`);
  }
}

/** PRODUCT.md P2: a folder of another person's mailbox (a delegate's, a shared one) is never a source. */
export class ForeignFolder extends TrackingError {
  readonly code = 'FOREIGN_FOLDER';
  constructor(
    readonly folder: string,
    readonly folderOwner: string,
    readonly mailboxAddress: string,
  ) {
    super(`the folder ${folder} belongs to ${folderOwner}, not to ${mailboxAddress}`);
  }
}

/** A choice of the wizard names something the plan does not have: a group key, a company name to merge. */
export class UnknownChoice extends TrackingError {
  readonly code = 'UNKNOWN_CHOICE';
  constructor(
    readonly what: 'group' | 'company',
    readonly value: string,
    readonly suggestions: readonly string[],
  ) {
    super(`there is no ${what} ${JSON.stringify(value)} in the plan`);
  }
}

/** PRODUCT.md T1: track and set parent take at most 20 contacts at a time. */
export class TooManyContacts extends TrackingError {
  readonly code = 'TOO_MANY_CONTACTS';
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`${count} contacts at once, more than ${limit}`);
  }
}

/** A mailbox item id that the mailbox does not have. */
export class ItemNotFound extends TrackingError {
  readonly code = 'ITEM_NOT_FOUND';
  constructor(readonly itemIds: readonly string[]) {
    super(`the mailbox has no item ${itemIds.join(', ')}`);
  }
}

/** An account or contact named as a parent that the CRM does not have, or that the user may not see. */
export class ParentNotFound extends TrackingError {
  readonly code = 'PARENT_NOT_FOUND';
  constructor(
    readonly kind: 'account' | 'contact',
    readonly id: number,
    readonly group?: string,
  ) {
    super(`there is no ${kind} #${id}`);
  }
}

/** PRODUCT.md W10: a run is undone only while nothing has changed what it wrote. */
export class RunChangedSince extends TrackingError {
  readonly code = 'RUN_CHANGED_SINCE';
  constructor(
    readonly runId: number,
    readonly changed: readonly { kind: string; id: number; change: string }[],
  ) {
    super(`run #${runId} cannot be undone: ${changed.length} of its records changed since`);
  }
}

/** `runs resume` of a run that is not an interrupted wizard run. */
export class RunNotResumable extends TrackingError {
  readonly code = 'RUN_NOT_RESUMABLE';
  constructor(
    readonly runId: number,
    readonly reason: string,
  ) {
    super(`run #${runId} cannot be resumed: ${reason}`);
  }
}
