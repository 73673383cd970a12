/**
 * Errors of the mailbox side that stop a whole read (a record that cannot be read is
 * not an error but an `UnreadableRecord` in the stream). `cli/render-error.ts` turns
 * each into one sentence.
 */
export abstract class MailboxError extends Error {
  abstract readonly code: string;
}

/** The source does not exist, or cannot be read (permissions, a symlink loop…). */
export class MailboxSourceUnreadable extends MailboxError {
  readonly code = 'MAILBOX_SOURCE_UNREADABLE';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
  }
}

/** The source is there but is not what the connector reads (not a vCard, not a known CSV). */
export class MailboxFormatUnknown extends MailboxError {
  readonly code = 'MAILBOX_FORMAT_UNKNOWN';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} is not a mailbox file Liaison can read: ${reason}`);
  }
}

/** A folder path that the mailbox does not have. */
export class MailboxFolderNotFound extends MailboxError {
  readonly code = 'MAILBOX_FOLDER_NOT_FOUND';
  constructor(
    readonly folder: string,
    readonly known: readonly string[],
  ) {
    super(`no folder "${folder}" (folders: ${known.join(', ')})`);
  }
}
