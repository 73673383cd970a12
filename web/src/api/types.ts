/** The shapes of the Liaison HTTP API (see notes/api-contract.md), as the browser app reads them. */

export interface User {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'user';
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export interface Mailbox {
  id: number;
  name: string;
  ownerAddress: string;
  connector: { kind: string };
}

export interface Folder {
  path: string;
  name: string;
  parent: string | null;
}

export interface FolderList {
  defaultFolder: string | null;
  folders: Folder[];
}

export interface MailboxContact {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  folder: string;
  categories: string[];
  tracked: boolean;
  crmContactId: number | null;
}

export type Grouping = 'company' | 'domain' | 'category';
export type Colour = 'green' | 'yellow' | 'red' | 'none';

export interface Group {
  key: string;
  label: string;
  count: number;
  tracked: number;
  matched: number;
  alreadyInCrm: number;
  colour: Colour;
}

export interface Merge {
  from: string;
  to: string;
}

export interface Variant {
  canonical: string;
  names: { name: string; count: number }[];
  reason: 'same-loose-key' | 'edit-distance';
}

export interface ReportContact {
  id: string;
  name: string;
  folder: string;
}

export interface PlanReport {
  counts: { missingName: number; missingEmail: number; missingCompany: number; unreadable: number; warnings: number; nearAccounts: number };
  missingName: ReportContact[];
  missingEmail: ReportContact[];
  missingCompany: ReportContact[];
  unreadable: { folder: string; file: string; line: number | null; reason: string }[];
  notices: { folder: string; file: string; message: string }[];
  warnings: { id: string; name: string; folder: string; message: string }[];
  nearAccounts: { company: string; accounts: { id: number; name: string }[] }[];
}

export interface Plan {
  planId: string;
  mailboxId: number;
  folder: string;
  folders: string[];
  excludedSubfolders: string[];
  groupBy: Grouping;
  merges: Merge[];
  contactCount: number;
  groupCount: number;
  variants: Variant[];
  report: PlanReport;
  groups: Page<Group>;
}

export interface GroupContact {
  id: string;
  name: string;
  email: string | null;
  folder: string;
}

export type AccountSetting = { kind: 'none' } | { kind: 'company' } | { kind: 'account'; id: number } | { kind: 'contact'; id: number };

export interface GroupSetting {
  account?: AccountSetting;
  includeCommunications?: boolean;
}

export interface RunChoices {
  unchecked?: string[];
  companyAccount?: boolean;
  trackCommunications?: boolean;
  communicationsSince?: string | null;
  groupSettings?: Record<string, GroupSetting>;
}

export type RunStatus = 'running' | 'finished' | 'failed' | 'undone';

export interface RunProgress {
  runId: number;
  status: RunStatus;
  done: number | null;
  total: number | null;
  error?: string | null;
}

export interface RunCounts {
  added: number;
  linked: number;
  skipped: number;
  parentSet: number;
  accountsCreated: number;
  failed: number;
}

export interface RunSummary extends RunCounts {
  runId: number;
  status: RunStatus;
  failures: { id: string; name: string; folder: string | null; reason: string }[];
  warnings: { id: string | null; name: string; folder: string | null; message: string }[];
}

export interface RunListItem {
  id: number;
  kind: 'wizard' | 'track' | string;
  mailboxId: number | null;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts | null;
}

export interface UntrackOutcome {
  id: string;
  outcome: 'untracked' | 'untracked-and-deleted' | 'not-tracked';
  contactId: number | null;
  kept?: string;
}

export interface Account {
  id: number;
  name: string;
  website: string | null;
  ownerId: number | null;
  parentAccountId: number | null;
}

export interface ParentInfo {
  kind: 'account' | 'contact';
  id: number;
  name: string | null;
}

export interface ContactSummary {
  id: number;
  name: string;
  email: string | null;
  company: string | null;
  parent: ParentInfo | null;
}

export interface Activity {
  id: number;
  kind: 'email' | 'appointment' | 'task';
  subject: string | null;
  occurredAt: string;
}

export interface AccountDetail {
  account: Account & Record<string, unknown>;
  contacts: ContactSummary[];
  activities: Activity[];
}

export interface ContactDetail {
  contact: Record<string, unknown> & { id: number; state: string };
  parent: ParentInfo | null;
  trackedBy: { userId: number | null; userName: string | null; mailboxId: number | null; mailboxName: string | null }[];
  activities: Activity[];
  conflicts: Record<string, unknown>[];
}

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface NewApiToken extends ApiToken {
  token: string;
}

/** A parent the user picked by typing: an account or a contact. */
export interface RecordRef {
  kind: 'account' | 'contact';
  id: number;
  name: string;
}
