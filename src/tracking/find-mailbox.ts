import type { CrmStore, Mailbox as StoredMailbox, User } from '../crm/index.js';
import { RecordNotFound } from '../crm/index.js';
import type { Mailbox } from '../mailbox/mailbox.js';
import { openMailbox, type ConnectorSettings } from '../mailbox/open-mailbox.js';
import { resolveActingUser } from './resolve-acting-user.js';

/**
 * A user's mailbox by name, opened through its connector. Only the user's own
 * mailboxes are found (PRODUCT.md X2): another user's mailbox of the same name is
 * "not found", never shown.
 */
export async function findMailbox(
  store: Pick<CrmStore, 'users' | 'mailboxes'>,
  name: string,
  userEmail?: string,
): Promise<{ user: User; stored: StoredMailbox; mailbox: Mailbox }> {
  const user = await resolveActingUser(store, userEmail);
  const stored = await store.mailboxes.findByName(user.id, name);
  if (!stored) throw new RecordNotFound('mailbox', name);
  const mailbox = openMailbox(stored.connector.kind, stored.connector.settings as unknown as ConnectorSettings, stored.ownerAddress);
  return { user, stored, mailbox };
}
