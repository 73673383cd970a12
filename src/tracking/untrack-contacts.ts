/**
 * Untrack (PRODUCT.md T3): stops the synchronisation of mailbox contacts by removing
 * their tracking links. The CRM copy is deleted only when asked, and only when the user
 * may delete it (its owner, or an admin); otherwise it stays and the result says why.
 */
import type { CrmStore } from '../crm/index.js';
import { openTrackingMailbox } from './open-tracking-mailbox.js';
import { TRACK_LIMIT } from './track-contacts.js';
import { TooManyContacts } from './tracking-errors.js';

export interface UntrackOutcome {
  id: string;
  outcome: 'untracked' | 'untracked-and-deleted' | 'not-tracked';
  contactId: number | null;
  /** Why the CRM copy was kept although its deletion was asked. */
  kept?: string;
}

export async function untrackContacts(
  store: CrmStore,
  input: { mailbox: string; userEmail?: string; itemIds: readonly string[]; deleteCopy?: boolean },
): Promise<UntrackOutcome[]> {
  const itemIds = [...new Set(input.itemIds)];
  if (itemIds.length > TRACK_LIMIT) throw new TooManyContacts(itemIds.length, TRACK_LIMIT);
  const opened = await openTrackingMailbox(store, input.mailbox, input.userEmail);
  const outcomes: UntrackOutcome[] = [];
  for (const id of itemIds) {
    const link = await store.links.findBySourceItem(opened.stored.id, id);
    if (!link) {
      outcomes.push({ id, outcome: 'not-tracked', contactId: null });
      continue;
    }
    await store.links.remove(link.id);
    if (!input.deleteCopy || link.contactId === null) {
      outcomes.push({ id, outcome: 'untracked', contactId: link.contactId });
      continue;
    }
    const contact = await store.contacts.find(link.contactId);
    if (contact && contact.ownerId !== opened.user.id && opened.user.role !== 'admin') {
      outcomes.push({ id, outcome: 'untracked', contactId: link.contactId, kept: `CRM contact #${contact.id} belongs to another user; only its owner or an admin may delete it` });
      continue;
    }
    if (contact) await store.contacts.delete(contact.id);
    outcomes.push({ id, outcome: 'untracked-and-deleted', contactId: link.contactId });
  }
  return outcomes;
}
