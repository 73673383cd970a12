/**
 * The accounts a run gives the contacts of its company names (PRODUCT.md W6): one per
 * distinct name per run, created only when none exists, and never twice by two runs at
 * once. Each decision is made under a lock on the name (SQLite: the database's write
 * lock; PostgreSQL: an advisory lock per name key, taken in sorted order so two runs
 * cannot deadlock), so a second run waits and then finds the account the first created.
 *
 * Names are claimed many at a time, a chunk per transaction: a run over 5,000 companies
 * makes a few dozen transactions, not 5,000.
 */
import { accountNameKey, tidyAccountName } from '../../domain/account-name.js';
import type { Account, ClaimedAccount, RunItem } from '../crm-records.js';
import { InvalidRecord } from '../crm-errors.js';
import { toAccount } from './accounts-repository.js';
import { checkRunOpen, upsertRunItems, type AccountCreatedItemDetail } from './run-item-rows.js';
import type { StoreContext } from './store-context.js';

/** Names decided in one transaction (and, on PostgreSQL, advisory locks held at once). */
const CHUNK = 250;

const itemKeyOf = (nameKey: string) => `account:${nameKey}`;

/**
 * For each name, in order: the account this run created for it before (a resumed run);
 * the one account of that name (W3 comparison); among several, the oldest `ownerId`
 * owns, else the oldest, with all of them as `ambiguous`; else a new account, created
 * with its run item (`account:<name key>`, outcome `created`) in the same transaction.
 * Returns one claim per name given, in the same order (names with one W3 key share one).
 */
export async function claimAccounts(ctx: StoreContext, runId: number, names: readonly string[], ownerId: number): Promise<ClaimedAccount[]> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const tidy = tidyAccountName(name);
    if (tidy === '') throw new InvalidRecord('name', 'an account needs a name');
    const key = accountNameKey(tidy);
    if (!wanted.has(key)) wanted.set(key, tidy);
  }
  const claims = new Map<string, ClaimedAccount>();
  const keys = [...wanted.keys()].sort();
  for (let at = 0; at < keys.length; at += CHUNK) {
    const chunk = keys.slice(at, at + CHUNK);
    const decided = await ctx.writeTransaction(
      (trx) => claimChunk(ctx, trx, runId, chunk, wanted, ownerId),
      chunk.map((key) => `liaison-account:${key}`),
    );
    for (const [key, claim] of decided) claims.set(key, claim);
  }
  return names.map((name) => claims.get(accountNameKey(tidyAccountName(name)))!);
}

async function claimChunk(
  ctx: StoreContext,
  trx: Parameters<Parameters<StoreContext['writeTransaction']>[0]>[0],
  runId: number,
  keys: readonly string[],
  names: ReadonlyMap<string, string>,
  ownerId: number,
): Promise<Map<string, ClaimedAccount>> {
  const run = await trx.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirst();
  checkRunOpen(runId, run?.status);
  const claims = new Map<string, ClaimedAccount>();

  const earlier = await trx
    .selectFrom('runItems')
    .innerJoin('accounts', 'accounts.id', 'runItems.recordId')
    .selectAll('accounts')
    .where('runItems.runId', '=', runId)
    .where('runItems.itemKey', 'in', keys.map(itemKeyOf))
    .where('runItems.outcome', '=', 'created')
    .execute();
  for (const row of earlier) claims.set(row.nameKey, { account: toAccount(row), created: true, ambiguous: [] });

  const open = keys.filter((key) => !claims.has(key));
  const existing = new Map<string, Account[]>();
  if (open.length > 0) {
    const rows = await trx.selectFrom('accounts').selectAll().where('nameKey', 'in', open).orderBy('createdAt').orderBy('id').execute();
    for (const row of rows) {
      const list = existing.get(row.nameKey);
      if (list) list.push(toAccount(row));
      else existing.set(row.nameKey, [toAccount(row)]);
    }
  }
  for (const [key, accounts] of existing) {
    if (accounts.length === 1) claims.set(key, { account: accounts[0]!, created: false, ambiguous: [] });
    else claims.set(key, { account: accounts.find((a) => a.ownerId === ownerId) ?? accounts[0]!, created: false, ambiguous: accounts });
  }

  const missing = open.filter((key) => !existing.has(key));
  if (missing.length === 0) return claims;
  const now = ctx.now();
  const created = await trx
    .insertInto('accounts')
    .values(missing.map((key) => ({ name: names.get(key)!, nameKey: key, ownerId, website: null, parentAccountId: null, createdAt: now, modifiedAt: now })))
    .returningAll()
    .execute();
  const items: RunItem[] = created.map((row) => {
    claims.set(row.nameKey, { account: toAccount(row), created: true, ambiguous: [] });
    const detail: AccountCreatedItemDetail = { name: row.name };
    return { itemKey: itemKeyOf(row.nameKey), subjectKind: 'account', outcome: 'created', recordId: row.id, detail };
  });
  await upsertRunItems(trx, runId, items, now);
  return claims;
}
