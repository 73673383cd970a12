/**
 * The tables of the CRM store as Kysely sees them, in camelCase (the store runs Kysely
 * with `CamelCasePlugin`; the SQL names are snake_case). Timestamps are ISO 8601 text
 * on both dialects once read (PostgreSQL's `timestamptz` is parsed to ISO by the pool),
 * JSON columns are text, and booleans are read with `Boolean()` because SQLite has
 * none.
 */
import type { ColumnType, Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  emailKey: string;
  name: string;
  role: 'admin' | 'user';
  createdAt: string;
  /** scrypt hash (see src/server/auth/password.ts), or null: no password sign-in. */
  passwordHash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  nameKey: string;
  ownerId: number;
  website: string | null;
  parentAccountId: number | null;
  createdAt: string;
  modifiedAt: string;
}

export interface ContactsTable {
  id: Generated<number>;
  ownerId: number;
  state: 'active' | 'inactive';
  parentAccountId: number | null;
  parentContactId: number | null;
  prefix: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  fullName: string | null;
  nickname: string | null;
  company: string | null;
  department: string | null;
  jobTitle: string | null;
  webPage: string | null;
  birthday: string | null;
  anniversary: string | null;
  spouse: string | null;
  manager: string | null;
  assistantName: string | null;
  notes: string | null;
  /** JSON array of strings, or null. */
  categories: string | null;
  businessStreet: string | null;
  businessCity: string | null;
  businessRegion: string | null;
  businessPostalCode: string | null;
  businessCountry: string | null;
  homeStreet: string | null;
  homeCity: string | null;
  homeRegion: string | null;
  homePostalCode: string | null;
  homeCountry: string | null;
  otherStreet: string | null;
  otherCity: string | null;
  otherRegion: string | null;
  otherPostalCode: string | null;
  otherCountry: string | null;
  rowVersion: number;
  createdAt: string;
  modifiedAt: string;
}

export interface ContactEmailsTable {
  contactId: number;
  position: number;
  address: string;
  addressKey: string;
}

export interface ContactPhonesTable {
  contactId: number;
  kind: string;
  number: string;
  numberKey: string;
}

export interface ActivitiesTable {
  id: Generated<number>;
  kind: 'email' | 'appointment' | 'task';
  externalKey: string;
  subject: string | null;
  body: string | null;
  startsAt: string | null;
  endsAt: string | null;
  dueAt: string | null;
  sentAt: string | null;
  ownerId: number;
  regardingAccountId: number | null;
  regardingContactId: number | null;
  createdAt: string;
  modifiedAt: string;
}

export interface ActivityPartiesTable {
  id: Generated<number>;
  activityId: number;
  role: string;
  address: string;
  addressKey: string;
  displayName: string | null;
  userId: number | null;
  contactId: number | null;
  accountId: number | null;
}

export interface MailboxesTable {
  id: Generated<number>;
  ownerId: number;
  name: string;
  ownerAddress: string;
  connectorKind: string;
  /** JSON object of the connector's settings that are not secret. */
  settings: string;
  /** The connector's secrets, encrypted (see `secret-box.ts`), or null. */
  secrets: string | null;
  createdAt: string;
}

export interface TrackingLinksTable {
  id: Generated<number>;
  mailboxId: number;
  sourceItemId: string;
  /** Null once the CRM contact was deleted: the sync then ends the link (S3). */
  contactId: number | null;
  trackCommunications: boolean | number;
  /** W7: past communications are back-filled from this time; null: from the link's creation on. */
  communicationsSince: string | null;
  snapshot: string | null;
  sourceVersion: string | null;
  crmVersion: number | null;
  syncedAt: string | null;
  createdAt: string;
}

export interface RunsTable {
  id: Generated<number>;
  kind: string;
  userId: number;
  mailboxId: number | null;
  status: 'running' | 'finished' | 'failed' | 'undone';
  options: string | null;
  summary: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface RunItemsTable {
  runId: number;
  itemKey: string;
  subjectKind: 'contact' | 'account' | 'link';
  outcome: string;
  recordId: number | null;
  folder: string | null;
  reason: string | null;
  detail: string | null;
  recordedAt: string;
}

export interface ConflictsTable {
  id: Generated<number>;
  contactId: number;
  linkId: number | null;
  field: string;
  crmValue: string | null;
  mailboxValue: string | null;
  baseValue: string | null;
  winner: 'crm' | 'mailbox';
  resolution: 'open' | 'kept' | 'restored';
  createdAt: string;
  resolvedAt: string | null;
}

export interface SessionsTable {
  id: Generated<number>;
  /** SHA-256 of the session cookie's value (hex). */
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  /** SHA-256 of the token (hex); the token itself is shown once and never stored. */
  tokenHash: string;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface Database {
  users: UsersTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  contactEmails: ContactEmailsTable;
  contactPhones: ContactPhonesTable;
  activities: ActivitiesTable;
  activityParties: ActivityPartiesTable;
  mailboxes: MailboxesTable;
  trackingLinks: TrackingLinksTable;
  runs: RunsTable;
  runItems: RunItemsTable;
  conflicts: ConflictsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
}
