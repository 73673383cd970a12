import { resolve } from 'node:path';
import type { CrmStore, Mailbox as StoredMailbox } from '../crm/index.js';
import { emailKey } from '../domain/email-address.js';
import { openMailbox, type ConnectorKind, type ConnectorSettings } from '../mailbox/open-mailbox.js';
import { resolveActingUser } from './resolve-acting-user.js';
import { MailboxAddressMismatch } from './tracking-errors.js';

export interface AddMailboxInput {
  name: string;
  /** The user the mailbox belongs to; by default the only user. */
  userEmail?: string;
  /** The mailbox's own address (its owner address). */
  ownerAddress: string;
  connector: ConnectorKind;
  path: string;
  encoding?: string;
}

/**
 * Adds a mailbox for a user, after PRODUCT.md P1 (its owner address is the user's
 * primary e-mail) and after reading its folders once, so a path that cannot be read
 * or a file that is not a mailbox is refused before anything is stored.
 */
export async function addMailbox(store: Pick<CrmStore, 'users' | 'mailboxes'>, input: AddMailboxInput): Promise<StoredMailbox> {
  const user = await resolveActingUser(store, input.userEmail);
  if (emailKey(input.ownerAddress) !== emailKey(user.email)) {
    throw new MailboxAddressMismatch(input.ownerAddress.trim(), user.email);
  }
  const settings: ConnectorSettings = { path: resolve(input.path), ...(input.encoding ? { encoding: input.encoding } : {}) };
  await openMailbox(input.connector, settings, input.ownerAddress).folders();
  return store.mailboxes.add({
    ownerId: user.id,
    name: input.name,
    ownerAddress: input.ownerAddress.trim(),
    connector: { kind: input.connector, settings: { ...settings } },
  });
}
