import type { Account, CrmStore } from '../crm/index.js';
import { resolveActingUser } from './resolve-acting-user.js';
import { AccountNameTaken } from './tracking-errors.js';

export interface AddAccountInput {
  name: string;
  /** The owner's e-mail; by default the only user. */
  ownerEmail?: string;
  website?: string;
  parentAccountId?: number;
  /** Add it even when an account of the same name (W3) exists. */
  allowDuplicate?: boolean;
}

/**
 * Adds an account, refusing a second account of the same name under PRODUCT.md W3
 * unless asked, since duplicates are what the wizard later has to warn about.
 */
export async function addAccount(store: Pick<CrmStore, 'users' | 'accounts'>, input: AddAccountInput): Promise<Account> {
  const owner = await resolveActingUser(store, input.ownerEmail);
  if (!input.allowDuplicate) {
    const existing = await store.accounts.findByName(input.name);
    if (existing.length > 0) throw new AccountNameTaken(input.name, existing);
  }
  if (input.parentAccountId !== undefined) await store.accounts.getOrThrow(input.parentAccountId);
  return store.accounts.add({
    name: input.name,
    ownerId: owner.id,
    website: input.website ?? null,
    parentAccountId: input.parentAccountId ?? null,
  });
}
