/**
 * A mailbox of the signed-in user by id (PRODUCT.md X2): another user's mailbox is 403
 * and nothing of it is read; opened through its connector for reading, or with P1
 * checked for tracking.
 */
import type { CrmStore, Mailbox as StoredMailbox, User } from '../../crm/index.js';
import { openTrackingMailbox, type TrackingMailbox } from '../../tracking/index.js';
import { findMailbox } from '../../tracking/find-mailbox.js';
import type { Mailbox } from '../../mailbox/mailbox.js';
import { forbidden, notFound } from '../problem.js';

export async function ownedMailbox(store: CrmStore, user: User, id: number): Promise<StoredMailbox> {
  const stored = await store.mailboxes.find(id);
  if (!stored) throw notFound(`mailbox #${id}`);
  if (stored.ownerId !== user.id) throw forbidden(`Mailbox #${id}`);
  return stored;
}

export async function readableMailbox(store: CrmStore, user: User, id: number): Promise<{ stored: StoredMailbox; mailbox: Mailbox }> {
  const stored = await ownedMailbox(store, user, id);
  return findMailbox(store, stored.name, user.email);
}

export async function trackingMailbox(store: CrmStore, user: User, id: number): Promise<TrackingMailbox> {
  const stored = await ownedMailbox(store, user, id);
  return openTrackingMailbox(store, stored.name, user.email);
}
