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
