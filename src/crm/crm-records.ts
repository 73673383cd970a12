/**
 * The records the CRM store reads and writes, as the rest of Liaison sees them.
 */
import type { ContactFields } from '../domain/contact.js';

export type UserRole = 'admin' | 'user';

export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  role?: UserRole;
  /** An scrypt hash made by the server's password module; absent: no password sign-in yet. */
  passwordHash?: string | null;
}

/** A signed-in browser: found by the SHA-256 of its cookie, never by the cookie itself. */
export interface Session {
  id: number;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
}

/** A token a user made for scripts; the token itself is shown once and only its hash kept. */
export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Account {
  id: number;
  name: string;
  ownerId: number;
  website: string | null;
  parentAccountId: number | null;
  createdAt: string;
  modifiedAt: string;
}

export interface NewAccount {
  name: string;
  ownerId: number;
  website?: string | null;
  parentAccountId?: number | null;
}

/** A contact's parent customer: an account or another contact. */
export interface ParentRef {
  kind: 'account' | 'contact';
  id: number;
}

export type ContactState = 'active' | 'inactive';

export interface Contact extends ContactFields {
  id: number;
  ownerId: number;
  state: ContactState;
  parent: ParentRef | null;
  /** Increases on every change of the contact, its e-mails or phones. */
  rowVersion: number;
  createdAt: string;
  modifiedAt: string;
}

export interface NewContact {
  ownerId: number;
  fields: ContactFields;
  state?: ContactState;
  parent?: ParentRef | null;
}

/** What an update changes; `fields` replaces every S1 field at once. */
export interface ContactChange {
  fields?: ContactFields;
  state?: ContactState;
  parent?: ParentRef | null;
}

export interface NewTrackingLink {
  mailboxId: number;
  sourceItemId: string;
  trackCommunications: boolean;
  /** With `trackCommunications`: the date from which past communications are back-filled (PRODUCT.md W7); null: from now on. */
  communicationsSince?: string | null;
  /** The contact as last synchronised (any JSON value). */
  snapshot?: unknown;
  sourceVersion?: string | null;
}

export interface TrackingLink {
  id: number;
  mailboxId: number;
  sourceItemId: string;
  /** Null once the CRM contact was deleted. */
  contactId: number | null;
  trackCommunications: boolean;
  communicationsSince: string | null;
  snapshot: unknown;
  sourceVersion: string | null;
  crmVersion: number | null;
  syncedAt: string | null;
  createdAt: string;
}

/** One contact for the bulk path, with the tracking link to create beside it. */
export interface NewTrackedContact {
  contact: NewContact;
  link?: NewTrackingLink;
}

export type ActivityKind = 'email' | 'appointment' | 'task';
export type PartyRole = 'from' | 'to' | 'cc' | 'bcc' | 'organizer' | 'required' | 'optional' | 'owner';

export interface ActivityParty {
  role: PartyRole;
  address: string;
  displayName?: string | null;
  /** The record this address resolved to, or null while unresolved. */
  resolved: { kind: 'user' | 'contact' | 'account'; id: number } | null;
}

export interface NewActivity {
  kind: ActivityKind;
  /** Message-ID for e-mails, iCalendar UID for appointments and tasks. */
  externalKey: string;
  ownerId: number;
  subject?: string | null;
  body?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  dueAt?: string | null;
  sentAt?: string | null;
  regarding?: ParentRef | null;
  parties: ActivityParty[];
}

export interface Activity extends Required<Omit<NewActivity, 'regarding'>> {
  id: number;
  regarding: ParentRef | null;
  createdAt: string;
  modifiedAt: string;
}

/** An activity as a timeline shows it: when is the e-mail's sending, the appointment's start, the task's due date (else its creation). */
export interface ActivitySummary {
  id: number;
  kind: ActivityKind;
  subject: string | null;
  occurredAt: string;
}

export interface MailboxConnector {
  kind: string;
  settings: Record<string, unknown>;
}

export interface NewMailbox {
  ownerId: number;
  name: string;
  ownerAddress: string;
  connector: MailboxConnector;
  /** Passwords, tokens: encrypted at rest, never listed. */
  secrets?: Record<string, string> | null;
}

export interface Mailbox {
  id: number;
  ownerId: number;
  name: string;
  ownerAddress: string;
  connector: MailboxConnector;
  hasSecrets: boolean;
  createdAt: string;
}

export type RunStatus = 'running' | 'finished' | 'failed' | 'undone';

export interface NewRun {
  kind: string;
  userId: number;
  mailboxId?: number | null;
  options?: unknown;
}

export interface Run {
  id: number;
  kind: string;
  userId: number;
  mailboxId: number | null;
  status: RunStatus;
  options: unknown;
  summary: unknown;
  startedAt: string;
  finishedAt: string | null;
}

export interface RunItem {
  /** The item's key within the run (a mailbox item id, or `account:<name key>`). */
  itemKey: string;
  subjectKind: 'contact' | 'account' | 'link';
  outcome: string;
  recordId?: number | null;
  folder?: string | null;
  reason?: string | null;
  detail?: unknown;
}

export interface NewConflict {
  contactId: number;
  linkId?: number | null;
  field: string;
  crmValue: unknown;
  mailboxValue: unknown;
  baseValue: unknown;
  winner: 'crm' | 'mailbox';
}

export interface Conflict extends Required<NewConflict> {
  id: number;
  resolution: 'open' | 'kept' | 'restored';
  createdAt: string;
  resolvedAt: string | null;
}

/** A page of a list: `limit` rows from `offset`. */
export interface Page {
  limit?: number;
  offset?: number;
}

/**
 * One batch of a run's writes, committed in one transaction with the run items that
 * record them, so a run killed at any point has either written an item and recorded it,
 * or done neither (PRODUCT.md W11). Item keys are mailbox item ids.
 */
export interface RunBatch {
  /** New CRM contacts, each with its tracking link: outcome `added`. */
  added: { itemKey: string; folder: string; contact: NewContact; link: NewTrackingLink }[];
  /** Tracking links to existing CRM contacts (matched by e-mail): outcome `linked`. */
  linked: { itemKey: string; folder: string; contactId: number; link: NewTrackingLink }[];
  /**
   * New parents for contacts already tracked (PRODUCT.md T2): outcome `parent-set`,
   * the previous parent and row version kept in the item's detail for undo.
   */
  parentSet: { itemKey: string; folder: string; contactId: number; parent: ParentRef | null }[];
  /** Items recorded without a write: `skipped`, `failed` (with a reason). */
  recorded: RunItem[];
}

/** What a committed batch wrote: new contact ids in the order of `added`, link ids in the order of `added` then `linked`. */
export interface RunBatchResult {
  addedContactIds: number[];
  linkIds: number[];
}

/** The account a run uses for a company name (PRODUCT.md W6). */
export interface ClaimedAccount {
  account: Account;
  /** True when this run created it (now, or earlier before it was interrupted). */
  created: boolean;
  /** Every account of that name when there were several (the summary warns); else empty. */
  ambiguous: Account[];
}

/** A record a run wrote that has changed since, so the run cannot be undone. */
export interface ChangedSince {
  kind: 'contact' | 'account' | 'link';
  id: number;
  /**
   * What changed, in words: "edited since the run (version 3, the run left version 1)",
   * "deleted since the run", "untracked since the run", "now the parent of 2 contacts the
   * run did not add", "now tracked by 1 link the run did not make", "now in 3 activities".
   * Several changes of one record are joined with "; ".
   */
  change: string;
}
