import { sql, type Kysely, type Selectable } from 'kysely';
import { containsText } from './contains-text.js';
import { accountNameKey, tidyAccountName } from '../../domain/account-name.js';
import { InvalidRecord, RecordNotFound } from '../crm-errors.js';
import type { Account, NewAccount, Page } from '../crm-records.js';
import type { AccountsStore } from '../crm-store.js';
import type { AccountsTable, Database } from '../database-schema.js';
import { pageBounds, type StoreContext } from './store-context.js';

export const toAccount = (row: Selectable<AccountsTable>): Account => ({
  id: row.id,
  name: row.name,
  ownerId: row.ownerId,
  website: row.website,
  parentAccountId: row.parentAccountId,
  createdAt: row.createdAt,
  modifiedAt: row.modifiedAt,
});

/** Adds an account, its name tidied (W3); on `db`, which may be a transaction. */
export async function insertAccount(db: Kysely<Database>, now: string, account: NewAccount): Promise<Account> {
  const name = tidyAccountName(account.name);
  if (name === '') throw new InvalidRecord('name', 'an account needs a name');
  const row = await db
    .insertInto('accounts')
    .values({
      name,
      nameKey: accountNameKey(name),
      ownerId: account.ownerId,
      website: account.website ?? null,
      parentAccountId: account.parentAccountId ?? null,
      createdAt: now,
      modifiedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

/** Every account whose name is the same under PRODUCT.md W3, oldest first; on `db`, which may be a transaction. */
export async function selectAccountsByName(db: Kysely<Database>, name: string): Promise<Account[]> {
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('nameKey', '=', accountNameKey(name))
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map(toAccount);
}

export class AccountsRepository implements AccountsStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async add(account: NewAccount): Promise<Account> {
    return insertAccount(this.#ctx.db, this.#ctx.now(), account);
  }

  async find(id: number): Promise<Account | undefined> {
    const row = await this.#ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  async findMany(ids: readonly number[]): Promise<Account[]> {
    if (ids.length === 0) return [];
    const rows = await this.#ctx.db.selectFrom('accounts').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map(toAccount);
  }

  async getOrThrow(id: number): Promise<Account> {
    const account = await this.find(id);
    if (!account) throw new RecordNotFound('account', id);
    return account;
  }

  async findByName(name: string): Promise<Account[]> {
    return selectAccountsByName(this.#ctx.db, name);
  }

  async list(query: Page & { search?: string } = {}): Promise<Account[]> {
    const { limit, offset } = pageBounds(query);
    let select = this.#ctx.db.selectFrom('accounts').selectAll();
    if (query.search) select = select.where(containsText(sql.ref('name_key'), accountNameKey(query.search)));
    const rows = await select.orderBy('nameKey').orderBy('id').limit(limit).offset(offset).execute();
    return rows.map(toAccount);
  }

  async count(): Promise<number> {
    const { n } = await this.#ctx.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}
