import type { Selectable } from 'kysely';
import { emailKey, looksLikeEmail } from '../../domain/email-address.js';
import { DuplicateUserEmail, InvalidRecord, RecordNotFound } from '../crm-errors.js';
import type { NewUser, User } from '../crm-records.js';
import type { UsersStore } from '../crm-store.js';
import type { UsersTable } from '../database-schema.js';
import type { StoreContext } from './store-context.js';
import { uniqueViolationColumns } from './unique-violation.js';

const toUser = (row: Selectable<UsersTable>): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.createdAt,
});

export class UsersRepository implements UsersStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async add(user: NewUser): Promise<User> {
    const email = user.email.trim();
    if (!looksLikeEmail(email)) throw new InvalidRecord('email', `"${user.email}" is not an e-mail address`);
    const name = user.name.trim();
    if (name === '') throw new InvalidRecord('name', 'a user needs a name');
    try {
      const row = await this.#ctx.db
        .insertInto('users')
        .values({ email, emailKey: emailKey(email), name, role: user.role ?? 'user', createdAt: this.#ctx.now(), passwordHash: user.passwordHash ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    } catch (error) {
      if (uniqueViolationColumns(error)?.includes('email_key')) throw new DuplicateUserEmail(email);
      throw error;
    }
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.#ctx.db.selectFrom('users').selectAll().where('emailKey', '=', emailKey(email)).executeTakeFirst();
    return row && toUser(row);
  }

  async getOrThrow(id: number): Promise<User> {
    const row = await this.#ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new RecordNotFound('user', id);
    return toUser(row);
  }

  async list(): Promise<User[]> {
    const rows = await this.#ctx.db.selectFrom('users').selectAll().orderBy('id').execute();
    return rows.map(toUser);
  }

  async passwordHash(id: number): Promise<string | null> {
    const row = await this.#ctx.db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst();
    if (!row) throw new RecordNotFound('user', id);
    return row.passwordHash;
  }

  async setPasswordHash(id: number, hash: string | null): Promise<void> {
    const result = await this.#ctx.db.updateTable('users').set({ passwordHash: hash }).where('id', '=', id).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new RecordNotFound('user', id);
  }
}
