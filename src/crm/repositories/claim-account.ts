/**
 * The account a run gives the contacts of one company name (PRODUCT.md W6): one per
 * distinct name per run, created only when none exists, and never twice by two runs at
 * once. The whole decision is made under a lock on the name (SQLite: the database's
 * write lock; PostgreSQL: an advisory lock on the name key), so a second run waits and
 * then finds the account the first one created.
 */
import { accountNameKey } from '../../domain/account-name.js';
import type { ClaimedAccount } from '../crm-records.js';
import { insertAccount, selectAccountsByName, toAccount } from './accounts-repository.js';
import { checkRunOpen, upsertRunItem, type AccountCreatedItemDetail } from './run-item-rows.js';
import type { StoreContext } from './store-context.js';

/**
 * In order: the account this run created for the name before (a resumed run); the one
 * account of that name; among several, the oldest `ownerId` owns, else the oldest,
 * with all of them as `ambiguous`; else a new account, created with its run item
 * (`account:<name key>`, outcome `created`) in the same transaction.
 */
export async function claimAccount(ctx: StoreContext, runId: number, name: string, ownerId: number): Promise<ClaimedAccount> {
  const itemKey = `account:${accountNameKey(name)}`;
  return ctx.writeTransaction(async (trx) => {
    const run = await trx.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirst();
    checkRunOpen(runId, run?.status);
    const earlier = await trx
      .selectFrom('runItems')
      .innerJoin('accounts', 'accounts.id', 'runItems.recordId')
      .selectAll('accounts')
      .where('runItems.runId', '=', runId)
      .where('runItems.itemKey', '=', itemKey)
      .where('runItems.outcome', '=', 'created')
      .executeTakeFirst();
    if (earlier) return { account: toAccount(earlier), created: true, ambiguous: [] };

    const existing = await selectAccountsByName(trx, name);
    if (existing.length === 1) return { account: existing[0]!, created: false, ambiguous: [] };
    if (existing.length > 1) {
      const account = existing.find((a) => a.ownerId === ownerId) ?? existing[0]!;
      return { account, created: false, ambiguous: existing };
    }
    const now = ctx.now();
    const account = await insertAccount(trx, now, { name, ownerId });
    const detail: AccountCreatedItemDetail = { name: account.name };
    await upsertRunItem(trx, runId, { itemKey, subjectKind: 'account', outcome: 'created', recordId: account.id, detail }, now);
    return { account, created: true, ambiguous: [] };
  }, `liaison-account:${accountNameKey(name)}`);
}
