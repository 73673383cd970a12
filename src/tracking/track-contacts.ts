/**
 * Tracking by hand (PRODUCT.md T1, T2, T4): up to 20 mailbox contacts at a time, each
 * linked to the CRM contact with one of its e-mails or added as a new one (W9), with no
 * parent, or with the one parent given. A contact already tracked is skipped, or, with a
 * parent, gets that parent (T2). The company text never becomes a parent here (T4).
 * Each action is recorded as a run of kind `track`, so it can be read and undone like a
 * wizard run.
 */
import type { CrmStore, NewTrackingLink, ParentRef, RunBatch } from '../crm/index.js';
import { emailKey } from '../domain/email-address.js';
import type { MailboxContact } from '../mailbox/mailbox.js';
import { displayName } from '../domain/contact.js';
import { openTrackingMailbox } from './open-tracking-mailbox.js';
import { countsOf, readRunSummary, type RunSummary } from './run-summary.js';
import { ItemNotFound, ParentNotFound, TooManyContacts } from './tracking-errors.js';

export const TRACK_LIMIT = 20;
export const TRACK_RUN_KIND = 'track';

export interface TrackInput {
  mailbox: string;
  userEmail?: string;
  itemIds: readonly string[];
  parent?: ParentRef;
}

export async function trackContacts(store: CrmStore, input: TrackInput): Promise<RunSummary> {
  const itemIds = [...new Set(input.itemIds)];
  if (itemIds.length > TRACK_LIMIT) throw new TooManyContacts(itemIds.length, TRACK_LIMIT);
  const opened = await openTrackingMailbox(store, input.mailbox, input.userEmail);
  if (input.parent) await checkParent(store, input.parent);
  const contacts = await findItems(opened.mailbox.contacts(), itemIds);

  const mailboxId = opened.stored.id;
  const run = await store.runs.start({ kind: TRACK_RUN_KIND, userId: opened.user.id, mailboxId, options: { itemIds, parent: input.parent ?? null } });
  const batch: RunBatch = { added: [], linked: [], parentSet: [], recorded: [] };
  const tracked = await store.links.trackedItems(mailboxId);
  const trackedContacts = new Set([...tracked.values()].filter((id): id is number => id !== null));
  const parent = input.parent ?? null;

  for (const contact of contacts) {
    const { itemId: id, folder } = contact;
    const name = displayName(contact.fields);
    const crmId = tracked.get(id);
    if (crmId !== undefined) {
      if (crmId !== null && parent) batch.parentSet.push({ itemKey: id, folder, contactId: crmId, parent });
      else batch.recorded.push({ itemKey: id, subjectKind: 'contact', outcome: 'skipped', folder, reason: crmId === null ? 'it is tracked, but its CRM copy was deleted' : 'already tracked', detail: { name } });
      continue;
    }
    const link: NewTrackingLink = { mailboxId, sourceItemId: id, trackCommunications: false, snapshot: contact.fields, sourceVersion: contact.version };
    const keys = (contact.fields.emails ?? []).map(emailKey);
    const found = keys.length === 0 ? new Map<string, number[]>() : await store.contacts.findIdsByEmails(keys, { activeOnly: true });
    const matches = [...new Set([...found.values()].flat())].sort((a, b) => a - b);
    if (matches.length > 0) {
      const free = matches.find((m) => !trackedContacts.has(m));
      if (free === undefined) {
        batch.recorded.push({ itemKey: id, subjectKind: 'contact', outcome: 'skipped', folder, reason: `its e-mail belongs to CRM contact #${matches[0]}, already tracked from this mailbox as another item`, detail: { name } });
        continue;
      }
      trackedContacts.add(free);
      batch.linked.push({ itemKey: id, folder, contactId: free, link });
      if (parent) batch.parentSet.push({ itemKey: `parent:${id}`, folder, contactId: free, parent });
      continue;
    }
    batch.added.push({ itemKey: id, folder, contact: { ownerId: opened.user.id, fields: contact.fields, parent }, link });
  }
  await store.runs.commitBatch(run.id, batch);
  const summary: RunSummary = { ...(await readRunSummary(store, run.id)), status: 'finished' };
  await store.runs.finish(run.id, 'finished', countsOf(summary));
  return summary;
}

/** The parent must exist (T1): an account, or a contact. */
export async function checkParent(store: CrmStore, parent: ParentRef): Promise<void> {
  const found = parent.kind === 'account' ? await store.accounts.find(parent.id) : await store.contacts.find(parent.id);
  if (!found) throw new ParentNotFound(parent.kind, parent.id);
}

/** The mailbox contacts with these item ids, in the order given; stops reading once all are found. */
export async function findItems(records: AsyncIterable<MailboxContact | { kind: 'unreadable' | 'notice' }>, itemIds: readonly string[]): Promise<MailboxContact[]> {
  const wanted = new Set(itemIds);
  const found = new Map<string, MailboxContact>();
  for await (const record of records) {
    if (record.kind !== 'contact' || !wanted.has(record.itemId)) continue;
    found.set(record.itemId, record);
    if (found.size === wanted.size) break;
  }
  const missing = itemIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ItemNotFound(missing);
  return itemIds.map((id) => found.get(id)!);
}
