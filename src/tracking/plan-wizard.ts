/**
 * The wizard's first step (PRODUCT.md W1–W5 and the preparation report): reads the
 * source once, finds which contacts are already in the CRM (tracked from this mailbox,
 * or an active CRM contact has one of their e-mails), groups them, and reports what the
 * user may want to fix first. Changes nothing.
 */
import type { Account, CrmStore } from '../crm/index.js';
import { accountNameKey } from '../domain/account-name.js';
import { proposeCompanyVariants, type VariantProposal } from '../domain/company-variants.js';
import { displayName, type ContactFields } from '../domain/contact.js';
import { emailKey } from '../domain/email-address.js';
import { groupContacts, mergedCompany, type ContactGroup, type Grouping, type InCrm } from '../domain/group-contacts.js';
import type { MailboxContact } from '../mailbox/mailbox.js';
import type { TrackingMailbox } from './open-tracking-mailbox.js';
import { readSource, resolveSource } from './read-source-contacts.js';
import { UnknownChoice } from './tracking-errors.js';
import type { WizardSource } from './wizard-choices.js';

/** A contact as the plan shows it; the run reads the full contact again from the mailbox. */
export interface PlannedContact {
  id: string;
  name: string;
  /** The first e-mail, or null. */
  email: string | null;
  emails: string[];
  folder: string;
  company: string | null;
  categories: string[];
  inCrm: InCrm;
  /** The CRM contacts it is already in: its tracked copy, or the active contacts with one of its e-mails (oldest first). */
  crmContactIds: number[];
  hasName: boolean;
  warnings: string[];
  /** What the run adds: the contact's S1 fields and its version as the mailbox read them. */
  fields: ContactFields;
  version: string;
}

export interface NamedContact {
  id: string;
  name: string;
  folder: string;
}

export interface PlanReport {
  missingName: NamedContact[];
  missingEmail: NamedContact[];
  missingCompany: NamedContact[];
  /** Records the mailbox could not read: they are not in any group. */
  unreadable: { folder: string; file: string; line: number; reason: string }[];
  /** Said once per source file (columns not read…). */
  notices: { folder: string; file: string; message: string }[];
  /** What a reader noticed on a contact (an Exchange address left out, a photo too big…). */
  warnings: (NamedContact & { message: string })[];
  /** Company names that almost match an existing account (a loose key or edit distance, not W3). */
  nearAccounts: { company: string; accounts: { id: number; name: string }[] }[];
}

export interface WizardPlan {
  mailbox: { id: number; name: string; ownerAddress: string };
  userId: number;
  folder: string;
  excludedSubfolders: string[];
  /** Every folder read. */
  folders: string[];
  groupBy: Grouping;
  merges: { from: string; to: string }[];
  contacts: PlannedContact[];
  groups: ContactGroup[];
  /** Company-name merges proposed (W3); the accepted ones are in `merges`. */
  variants: VariantProposal[];
  report: PlanReport;
}

const LOOKUP_CHUNK = 1_000;

export async function planWizard(store: CrmStore, opened: TrackingMailbox, source: WizardSource): Promise<WizardPlan> {
  const resolved = await resolveSource(opened, source);
  const tracked = await store.links.trackedItems(opened.stored.id);
  const report: PlanReport = { missingName: [], missingEmail: [], missingCompany: [], unreadable: [], notices: [], warnings: [], nearAccounts: [] };
  const contacts: PlannedContact[] = [];

  for await (const record of readSource(opened, resolved)) {
    if (record.kind === 'unreadable') report.unreadable.push({ folder: record.folder, file: record.source.file, line: record.source.line, reason: record.reason });
    else if (record.kind === 'notice') report.notices.push({ folder: record.folder, file: record.source.file, message: record.message });
    else contacts.push(plannedContact(record, tracked));
  }

  await findMatches(store, contacts);
  const accounts = await accountsByName(store);
  const merges = checkMerges(source.merges ?? [], contacts);
  const mergeMap = new Map(merges.map((m) => [accountNameKey(m.from), m.to]));
  const groups = groupContacts(
    contacts.map((c) => ({ company: c.company ?? undefined, emails: c.emails, categories: c.categories, inCrm: c.inCrm })),
    source.groupBy,
    { merges: mergeMap, accountName: (key) => accounts.get(key)?.[0]?.name },
  );

  const companyCounts = new Map<string, number>();
  for (const contact of contacts) {
    const named = { id: contact.id, name: contact.name, folder: contact.folder };
    if (!contact.hasName) report.missingName.push(named);
    if (contact.email === null) report.missingEmail.push(named);
    if (contact.company === null) report.missingCompany.push(named);
    for (const message of contact.warnings) report.warnings.push({ ...named, message });
    if (contact.company !== null) companyCounts.set(contact.company, (companyCounts.get(contact.company) ?? 0) + 1);
  }
  const variants = proposeCompanyVariants([...companyCounts].map(([name, count]) => ({ name, count })));
  report.nearAccounts = nearAccounts([...companyCounts.keys()], accounts);

  return {
    mailbox: { id: opened.stored.id, name: opened.stored.name, ownerAddress: opened.stored.ownerAddress },
    userId: opened.user.id,
    folder: resolved.folder,
    excludedSubfolders: resolved.excluded,
    folders: resolved.folders.map((f) => f.path),
    groupBy: source.groupBy,
    merges,
    contacts,
    groups,
    variants,
    report,
  };
}

function plannedContact(record: MailboxContact, tracked: ReadonlyMap<string, number | null>): PlannedContact {
  const { fields } = record;
  const emails = (fields.emails ?? []).filter((e) => e.trim() !== '');
  const company = fields.company?.trim() ? fields.company.trim() : null;
  const trackedAs = tracked.get(record.itemId);
  const hasName = Boolean(fields.fullName || fields.firstName || fields.lastName || fields.middleName || fields.nickname);
  return {
    id: record.itemId,
    name: displayName(fields),
    email: emails[0] ?? null,
    emails,
    folder: record.folder,
    company,
    categories: fields.categories ?? [],
    inCrm: tracked.has(record.itemId) ? 'tracked' : null,
    crmContactIds: trackedAs === undefined || trackedAs === null ? [] : [trackedAs],
    hasName,
    warnings: record.warnings,
    fields,
    version: record.version,
  };
}

/** W5/W9: an untracked contact is "matched" when an active CRM contact has one of its e-mails. */
async function findMatches(store: CrmStore, contacts: PlannedContact[]): Promise<void> {
  const untracked = contacts.filter((c) => c.inCrm === null && c.emails.length > 0);
  const keys = [...new Set(untracked.flatMap((c) => c.emails.map(emailKey)))];
  const found = new Map<string, number[]>();
  for (let at = 0; at < keys.length; at += LOOKUP_CHUNK) {
    const chunk = await store.contacts.findIdsByEmails(keys.slice(at, at + LOOKUP_CHUNK), { activeOnly: true });
    for (const [key, ids] of chunk) if (ids.length > 0) found.set(key, ids);
  }
  for (const contact of untracked) {
    const ids = new Set<number>();
    for (const email of contact.emails) for (const id of found.get(emailKey(email)) ?? []) ids.add(id);
    if (ids.size > 0) {
      contact.inCrm = 'matched';
      contact.crmContactIds = [...ids].sort((a, b) => a - b);
    }
  }
}

/** Every CRM account, by W3 name key, oldest first within a key. */
export async function accountsByName(store: CrmStore): Promise<Map<string, Account[]>> {
  const byName = new Map<string, Account[]>();
  const page = 10_000;
  for (let offset = 0; ; offset += page) {
    const accounts = await store.accounts.list({ limit: page, offset });
    for (const account of accounts) {
      const key = accountNameKey(account.name);
      const list = byName.get(key);
      if (list) list.push(account);
      else byName.set(key, [account]);
    }
    if (accounts.length < page) break;
  }
  for (const list of byName.values()) list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
  return byName;
}

/** Each merge must name a company some contact has; the canonical name is kept as given. */
function checkMerges(merges: readonly { from: string; to: string }[], contacts: readonly PlannedContact[]): { from: string; to: string }[] {
  if (merges.length === 0) return [];
  const known = new Map<string, string>();
  for (const c of contacts) if (c.company !== null) known.set(accountNameKey(c.company), mergedCompany(c.company)!);
  for (const { from } of merges) {
    if (!known.has(accountNameKey(from))) {
      const suggestions = [...known.values()].filter((name) => accountNameKey(name).startsWith(accountNameKey(from).slice(0, 3))).slice(0, 5);
      throw new UnknownChoice('company', from, suggestions);
    }
  }
  return merges.map((m) => ({ from: m.from.trim(), to: m.to.trim() }));
}

/** Company names with no account of their W3 name but proposed together with one (loose key, edit distance). */
function nearAccounts(companies: readonly string[], accounts: ReadonlyMap<string, Account[]>): PlanReport['nearAccounts'] {
  const accountNames = [...accounts.values()].map((list) => list[0]!.name);
  const proposals = proposeCompanyVariants([...companies, ...accountNames].map((name) => ({ name, count: 1 })));
  const result: PlanReport['nearAccounts'] = [];
  for (const proposal of proposals) {
    const inCrm = proposal.names.filter((n) => accounts.has(accountNameKey(n.name)));
    if (inCrm.length === 0) continue;
    for (const n of proposal.names) {
      if (accounts.has(accountNameKey(n.name))) continue;
      result.push({ company: n.name, accounts: inCrm.map((a) => ({ id: accounts.get(accountNameKey(a.name))![0]!.id, name: a.name })) });
    }
  }
  return result.sort((a, b) => (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));
}
