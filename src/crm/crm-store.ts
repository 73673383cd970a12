/**
 * The CRM store: Liaison's system of record. One interface, two implementations,
 * {@link SqliteCrmStore} (embedded, the default) and {@link PostgresCrmStore} (teams).
 * Open one with `openCrmStore()`.
 */
import type {
  Account,
  ApiToken,
  Activity,
  ActivitySummary,
  ChangedSince,
  ClaimedAccount,
  Conflict,
  Contact,
  ContactChange,
  Mailbox,
  NewAccount,
  NewActivity,
  NewConflict,
  NewContact,
  NewMailbox,
  NewRun,
  NewSession,
  NewTrackedContact,
  NewTrackingLink,
  NewUser,
  Page,
  ParentRef,
  Run,
  RunBatch,
  RunBatchResult,
  RunItem,
  RunStatus,
  Session,
  TrackingLink,
  User,
} from './crm-records.js';

export interface UsersStore {
  /** Adds a user; throws `DuplicateUserEmail` when the e-mail (trimmed, any case) is taken. */
  add(user: NewUser): Promise<User>;
  findByEmail(email: string): Promise<User | undefined>;
  getOrThrow(id: number): Promise<User>;
  list(): Promise<User[]>;
  /** The user's password hash, or null when the user has none (cannot sign in with a password). */
  passwordHash(id: number): Promise<string | null>;
  setPasswordHash(id: number, hash: string | null): Promise<void>;
}

export interface SessionsStore {
  add(session: NewSession): Promise<Session>;
  /** The session with this token hash, if it exists and has not expired at `now`. */
  findLive(tokenHash: string, now: string): Promise<Session | undefined>;
  /** Moves the expiry of a session still in use (sliding expiry). */
  extend(id: number, expiresAt: string): Promise<void>;
  remove(id: number): Promise<void>;
  /** Removes the sessions that expired before `now`; returns how many. */
  removeExpired(now: string): Promise<number>;
}

export interface ApiTokensStore {
  add(token: { tokenHash: string; userId: number; name: string }): Promise<ApiToken>;
  list(userId: number): Promise<ApiToken[]>;
  findByTokenHash(tokenHash: string): Promise<ApiToken | undefined>;
  markUsed(id: number): Promise<void>;
  /** Revokes one of the user's tokens; false when the user has no token of that id. */
  remove(userId: number, id: number): Promise<boolean>;
}

export interface AccountsStore {
  add(account: NewAccount): Promise<Account>;
  find(id: number): Promise<Account | undefined>;
  /** The accounts of these ids that exist, by id. */
  findMany(ids: readonly number[]): Promise<Account[]>;
  getOrThrow(id: number): Promise<Account>;
  /** Every account whose name is the same under PRODUCT.md W3, oldest first. */
  findByName(name: string): Promise<Account[]>;
  /** Accounts by name, optionally those whose name contains `search` (any case). */
  list(query?: Page & { search?: string }): Promise<Account[]>;
  count(): Promise<number>;
}

export interface ContactsStore {
  add(contact: NewContact): Promise<Contact>;
  /**
   * The bulk path: adds many contacts with their e-mails, phones and tracking links
   * in one transaction (prepared statements on SQLite, COPY on PostgreSQL). All or
   * nothing. Returns the new ids in input order.
   */
  addMany(contacts: Iterable<NewTrackedContact>): Promise<number[]>;
  find(id: number): Promise<Contact | undefined>;
  getOrThrow(id: number): Promise<Contact>;
  /**
   * Changes a contact and increases its row version. With `expectedVersion`, throws
   * `StaleRowVersion` if someone changed it since.
   */
  update(id: number, change: ContactChange, options?: { expectedVersion?: number }): Promise<Contact>;
  delete(id: number): Promise<void>;
  /** Ids of the contacts that have this e-mail address (any case): one index lookup. */
  findIdsByEmail(address: string): Promise<number[]>;
  /** The same for many addresses at once: each address key maps to its contact ids. */
  findIdsByEmails(addresses: readonly string[], options?: { activeOnly?: boolean }): Promise<Map<string, number[]>>;
  /** Contacts by id; `parent` keeps those whose parent it is (an account's contacts). */
  list(query?: Page & { ownerId?: number; search?: string; parent?: ParentRef }): Promise<Contact[]>;
  count(): Promise<number>;
}

export interface ActivitiesStore {
  /**
   * Stores an activity once per (kind, external key) (PRODUCT.md C4): a second call
   * with the same key returns the stored one and `created: false`.
   */
  record(activity: NewActivity): Promise<{ activity: Activity; created: boolean }>;
  findByExternalKey(kind: Activity['kind'], externalKey: string): Promise<Activity | undefined>;
  /** The activities regarding a contact or account, or with it as a party: newest first. */
  timeline(ref: ParentRef, page?: Page): Promise<ActivitySummary[]>;
}

export interface MailboxesStore {
  add(mailbox: NewMailbox): Promise<Mailbox>;
  find(id: number): Promise<Mailbox | undefined>;
  findByName(ownerId: number, name: string): Promise<Mailbox | undefined>;
  list(ownerId: number): Promise<Mailbox[]>;
  /** The decrypted secrets of a mailbox (only the connector should ask). */
  readSecrets(id: number): Promise<Record<string, string> | null>;
}

export interface LinksStore {
  /** Links a CRM contact to a mailbox item; throws `DuplicateTrackingLink` on either clash. */
  add(contactId: number, link: NewTrackingLink): Promise<TrackingLink>;
  findBySourceItem(mailboxId: number, sourceItemId: string): Promise<TrackingLink | undefined>;
  findByContact(mailboxId: number, contactId: number): Promise<TrackingLink | undefined>;
  listByMailbox(mailboxId: number): Promise<TrackingLink[]>;
  /** The links of a CRM contact, across every mailbox that tracks it. */
  listByContact(contactId: number): Promise<TrackingLink[]>;
  /** Every item a mailbox tracks, without snapshots: source item id → CRM contact id (null once deleted). */
  trackedItems(mailboxId: number): Promise<Map<string, number | null>>;
  /** Records a synchronisation: the new snapshot and the versions of both sides. */
  markSynced(id: number, state: { snapshot: unknown; sourceVersion: string | null; crmVersion: number }): Promise<void>;
  remove(id: number): Promise<void>;
}

export interface RunsStore {
  start(run: NewRun): Promise<Run>;
  /** Records what the run did to one item; recording the same item key again replaces it. */
  recordItem(runId: number, item: RunItem): Promise<void>;
  finish(runId: number, status: Exclude<RunStatus, 'running'>, summary: unknown): Promise<Run>;
  getOrThrow(id: number): Promise<Run>;
  list(query?: Page & { userId?: number }): Promise<Run[]>;
  /** The run's items in the order recorded; only those of these outcomes when `outcomes` is given. */
  items(runId: number, filter?: { outcomes?: readonly string[] }): Promise<RunItem[]>;
  /** How many items the run recorded, by subject kind and outcome (one query, no item read). */
  countItems(runId: number): Promise<{ subjectKind: RunItem['subjectKind']; outcome: string; count: number }[]>;
  /** The newest run of this kind on this mailbox still `running` (an interrupted one, to resume), if any. */
  findUnfinished(mailboxId: number, kind: string): Promise<Run | undefined>;
  /**
   * Writes a batch and its run items in one transaction (all or nothing). A clash with
   * a tracking link written meanwhile throws `DuplicateTrackingLink` and writes nothing;
   * a run that is no longer `running` takes no batch (`RunClosed`).
   */
  commitBatch(runId: number, batch: RunBatch): Promise<RunBatchResult>;
  /**
   * The account for a company name in this run (PRODUCT.md W6), under a lock so that two
   * concurrent runs never create the same account twice: the one this run created
   * earlier; else the accounts of that name (W3 comparison), the one `ownerId` owns,
   * else the oldest; else a new one, created with its run item (`account:<name key>`,
   * outcome `created`) in the same transaction. A run that is no longer `running`
   * claims nothing (`RunClosed`).
   */
  claimAccount(runId: number, name: string, ownerId: number): Promise<ClaimedAccount>;
  /**
   * `claimAccount` for many names at once, a chunk of names per transaction; one claim
   * per name given, in order (names that are the same under W3 get the same account).
   */
  claimAccounts(runId: number, names: readonly string[], ownerId: number): Promise<ClaimedAccount[]>;
  /**
   * Undoes a run in one transaction: deletes the contacts and accounts it created and the
   * links it made, and restores the parents it set, unless one of them changed since;
   * then nothing is changed and the list of what changed is returned. Marks the run `undone`.
   * An interrupted run (still `running`) may be undone; one undone already throws `RunNotUndoable`.
   */
  undo(runId: number): Promise<{ undone: true } | { undone: false; changed: ChangedSince[] }>;
}

export interface ConflictsStore {
  add(conflict: NewConflict): Promise<Conflict>;
  listOpen(contactId?: number): Promise<Conflict[]>;
  resolve(id: number, resolution: 'kept' | 'restored'): Promise<Conflict>;
}

export interface CrmStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the data lives, for messages: a file path, or a URL without its password. */
  readonly location: string;
  /** The migrations that opening this store ran (empty when the schema was current). */
  readonly migrationsRun: readonly string[];
  readonly users: UsersStore;
  readonly accounts: AccountsStore;
  readonly contacts: ContactsStore;
  readonly activities: ActivitiesStore;
  readonly mailboxes: MailboxesStore;
  readonly links: LinksStore;
  readonly runs: RunsStore;
  readonly conflicts: ConflictsStore;
  readonly sessions: SessionsStore;
  readonly apiTokens: ApiTokensStore;
  close(): Promise<void>;
}
