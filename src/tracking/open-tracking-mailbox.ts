import type { CrmStore, Mailbox as StoredMailbox, User } from '../crm/index.js';
import { emailKey } from '../domain/email-address.js';
import type { Mailbox } from '../mailbox/mailbox.js';
import { findMailbox } from './find-mailbox.js';
import { MailboxAddressMismatch } from './tracking-errors.js';

export interface TrackingMailbox {
  user: User;
  stored: StoredMailbox;
  mailbox: Mailbox;
}

/**
 * A user's mailbox, opened for tracking: found among the user's own mailboxes (X2) and
 * refused unless its owner address is the user's primary e-mail (PRODUCT.md P1), which
 * every tracking action and the wizard check again, whatever was checked when it was added.
 */
export async function openTrackingMailbox(store: Pick<CrmStore, 'users' | 'mailboxes'>, name: string, userEmail?: string): Promise<TrackingMailbox> {
  const found = await findMailbox(store, name, userEmail);
  if (emailKey(found.stored.ownerAddress) !== emailKey(found.user.email)) {
    throw new MailboxAddressMismatch(found.stored.ownerAddress, found.user.email);
  }
  return found;
}
