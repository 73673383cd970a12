/**
 * The Mailbox port: one user's address book as Liaison reads it, whatever program
 * wrote it. A mailbox has an owner address and a tree of contacts folders, one of them
 * the default; its contacts come out as an async stream, never the whole source in
 * memory. Connectors live in one folder each (`vcard/`, `outlook-csv/`, …) and turn
 * their own failures into the errors of `mailbox-errors.ts`.
 */
import type { ContactFields } from '../domain/contact.js';

/** A contacts folder. Paths use `/` between levels: `Contacts`, `Contacts/Clients`. */
export interface MailboxFolder {
  path: string;
  /** The last level of the path. */
  name: string;
  /** The folder the wizard proposes first (PRODUCT.md W1). */
  isDefault: boolean;
  /**
   * Set when the folder belongs to another person's mailbox, a delegate's or a shared
   * folder (server connectors show them): its owner's address. Such a folder can never
   * be a source (PRODUCT.md P2). File connectors have none.
   */
  ownerAddress?: string;
}

/** Where a record came from: the file and the line its record starts on (1-based). */
export interface SourceLocation {
  file: string;
  line: number;
}

/** A photo kept as bytes (never decoded), with its media type when the source says it. */
export interface ContactPhoto {
  mediaType: string | null;
  bytes: Uint8Array;
}

export interface MailboxContact {
  kind: 'contact';
  /** Stable across reads of the same source (a UID, or a hash; see each connector). */
  itemId: string;
  /** A hash of the contact's canonical content: it changes when, and only when, the content does. */
  version: string;
  /** The folder path the contact is in. */
  folder: string;
  /** Every S1 field the source has, categories included. */
  fields: ContactFields;
  photo: ContactPhoto | null;
  source: SourceLocation;
  /** What was read but may not mean what it seems (an Exchange X.500 address, a photo left out…). */
  warnings: string[];
}

/** A record that could not be read: the stream yields it and goes on (PRODUCT.md X1). */
export interface UnreadableRecord {
  kind: 'unreadable';
  folder: string;
  source: SourceLocation;
  /** What is wrong, in words a user can act on. */
  reason: string;
}

/**
 * Something about a whole source the user should know, said once (columns of a CSV that
 * Liaison does not read, say), not once per contact.
 */
export interface MailboxNotice {
  kind: 'notice';
  folder: string;
  source: SourceLocation;
  message: string;
}

export type MailboxRecord = MailboxContact | UnreadableRecord | MailboxNotice;

export interface ContactQuery {
  /** The folder to read; by default the default folder. */
  folder?: string;
  /** Whether the folder's subfolders are read too (default: yes). */
  includeSubfolders?: boolean;
}

export interface Mailbox {
  readonly ownerAddress: string;
  /** Every folder, parents before their children; exactly one is the default. */
  folders(): Promise<MailboxFolder[]>;
  /** The contacts of a folder (and its subfolders), as they are read. */
  contacts(query?: ContactQuery): AsyncIterable<MailboxRecord>;
}
