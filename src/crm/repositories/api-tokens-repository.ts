import type { Selectable } from 'kysely';
import type { ApiToken } from '../crm-records.js';
import type { ApiTokensStore } from '../crm-store.js';
import type { ApiTokensTable } from '../database-schema.js';
import type { StoreContext } from './store-context.js';

const toApiToken = (row: Selectable<ApiTokensTable>): ApiToken => ({
  id: row.id,
  userId: row.userId,
  name: row.name,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
});

export class ApiTokensRepository implements ApiTokensStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async add(token: { tokenHash: string; userId: number; name: string }): Promise<ApiToken> {
    const row = await this.#ctx.db
      .insertInto('apiTokens')
      .values({ ...token, createdAt: this.#ctx.now(), lastUsedAt: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApiToken(row);
  }

  async list(userId: number): Promise<ApiToken[]> {
    const rows = await this.#ctx.db.selectFrom('apiTokens').selectAll().where('userId', '=', userId).orderBy('id').execute();
    return rows.map(toApiToken);
  }

  async findByTokenHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.#ctx.db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
    return row && toApiToken(row);
  }

  async markUsed(id: number): Promise<void> {
    await this.#ctx.db.updateTable('apiTokens').set({ lastUsedAt: this.#ctx.now() }).where('id', '=', id).execute();
  }

  async remove(userId: number, id: number): Promise<boolean> {
    const result = await this.#ctx.db.deleteFrom('apiTokens').where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
