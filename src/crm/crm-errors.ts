/**
 * Errors of the CRM store that a user can meet. Each carries the facts a message
 * needs; `cli/render-error.ts` turns them into one sentence with what to do.
 */

export abstract class CrmError extends Error {
  abstract readonly code: string;
}

/** The database could not be opened or reached (bad path, file not a database, server down). */
export class DatabaseUnavailable extends CrmError {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(`cannot open the database at ${location}: ${reason}`);
  }
}

/** The database exists (or the server answers) but Liaison's schema is not there yet. */
export class DatabaseNotInitialised extends CrmError {
  readonly code = 'DATABASE_NOT_INITIALISED';
  constructor(readonly location: string) {
    super(`no Liaison database at ${location}`);
  }
}

/** The database holds migrations this version does not know: a newer Liaison made it. */
export class DatabaseTooNew extends CrmError {
  readonly code = 'DATABASE_TOO_NEW';
  constructor(
    readonly location: string,
    readonly unknownMigrations: readonly string[],
  ) {
    super(`the database at ${location} was made by a newer Liaison (${unknownMigrations.join(', ')})`);
  }
}

export class DuplicateUserEmail extends CrmError {
  readonly code = 'DUPLICATE_USER_EMAIL';
  constructor(readonly email: string) {
    super(`a user with the e-mail ${email} already exists`);
  }
}

export class RecordNotFound extends CrmError {
  readonly code = 'RECORD_NOT_FOUND';
  constructor(
    readonly kind: 'user' | 'account' | 'contact' | 'mailbox' | 'run' | 'activity' | 'link' | 'conflict',
    readonly key: string | number,
  ) {
    super(`no ${kind} ${typeof key === 'number' ? `#${key}` : key}`);
  }
}

/** A second tracking link for the same mailbox item, or for the same CRM contact from one mailbox. */
export class DuplicateTrackingLink extends CrmError {
  readonly code = 'DUPLICATE_TRACKING_LINK';
  constructor(
    readonly mailboxId: number,
    readonly clash: 'source item' | 'contact',
    readonly value: string | number,
  ) {
    super(`mailbox #${mailboxId} already tracks ${clash} ${value}`);
  }
}

/** Someone changed the record since it was read (optimistic concurrency). */
export class StaleRowVersion extends CrmError {
  readonly code = 'STALE_ROW_VERSION';
  constructor(
    readonly contactId: number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`contact #${contactId} changed since it was read (version ${actual}, expected ${expected})`);
  }
}

/** Input the store refuses before writing (too many e-mails, two parents, …). */
export class InvalidRecord extends CrmError {
  readonly code = 'INVALID_RECORD';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** The key that encrypts mailbox secrets is missing, unsafe or not the one that was used. */
export class SecretKeyProblem extends CrmError {
  readonly code = 'SECRET_KEY_PROBLEM';
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(reason);
  }
}

/** PRODUCT.md W10: a run that cannot be undone at all (it was undone already). */
export class RunNotUndoable extends CrmError {
  readonly code = 'RUN_NOT_UNDOABLE';
  constructor(
    readonly runId: number,
    readonly reason: string,
  ) {
    super(`run #${runId} cannot be undone: ${reason}`);
  }
}

/**
 * A write for a run that is no longer running (finished, failed or undone): nothing is
 * added to a run once it ended, so an undone run stays undone (PRODUCT.md W10, W11).
 */
export class RunClosed extends CrmError {
  readonly code = 'RUN_CLOSED';
  constructor(
    readonly runId: number,
    readonly status: string,
  ) {
    super(`run #${runId} is ${status}: nothing more can be recorded in it`);
  }
}
