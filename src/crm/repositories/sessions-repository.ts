import type { Selectable } from 'kysely';
import type { NewSession, Session } from '../crm-records.js';
import type { SessionsStore } from '../crm-store.js';
import type { SessionsTable } from '../database-schema.js';
import type { StoreContext } from './store-context.js';

const toSession = (row: Selectable<SessionsTable>): Session => ({
  id: row.id,
  userId: row.userId,
  csrfToken: row.csrfToken,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
});

export class SessionsRepository implements SessionsStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async add(session: NewSession): Promise<Session> {
    const row = await this.#ctx.db
      .insertInto('sessions')
      .values({ ...session, createdAt: this.#ctx.now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSession(row);
  }

  async findLive(tokenHash: string, now: string): Promise<Session | undefined> {
    const row = await this.#ctx.db
      .selectFrom('sessions')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async extend(id: number, expiresAt: string): Promise<void> {
    await this.#ctx.db.updateTable('sessions').set({ expiresAt }).where('id', '=', id).execute();
  }

  async remove(id: number): Promise<void> {
    await this.#ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async removeExpired(now: string): Promise<number> {
    const result = await this.#ctx.db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
