/**
 * The contacts store on SQLite: the bulk path and the e-mail lookups run as prepared
 * better-sqlite3 statements (Kysely costs 1.7× on bulk inserts and 5× on point
 * lookups, ARCHITECTURE.md), inside one transaction for the bulk path.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { emailKey } from '../../domain/email-address.js';
import type { NewTrackedContact } from '../crm-records.js';
import { ContactsRepository } from '../repositories/contacts-repository.js';
import type { StoreContext } from '../repositories/store-context.js';
import type { SqliteRowWriter } from './sqlite-row-writer.js';
import { preparedOnFirstUse } from './prepared-on-first-use.js';

export class SqliteContactsRepository extends ContactsRepository {
  readonly #writer: SqliteRowWriter;
  readonly #lookups: () => ReturnType<typeof prepareLookups>;

  constructor(ctx: StoreContext, sqlite: BetterSqlite3.Database, writer: SqliteRowWriter) {
    super(ctx);
    this.#writer = writer;
    this.#lookups = preparedOnFirstUse(sqlite, prepareLookups);
  }

  async addMany(contacts: Iterable<NewTrackedContact>): Promise<number[]> {
    const items = [...contacts]; // a transaction tried again reads them again
    const now = this.ctx.now();
    return this.#writer.transaction(() => {
      const ids: number[] = [];
      for (const { contact, link } of items) {
        const id = this.#writer.addContact(contact, now);
        if (link) this.#writer.addLink(id, link, 1, now);
        ids.push(id);
      }
      return ids;
    });
  }

  async findIdsByEmail(address: string): Promise<number[]> {
    return this.#lookups().byEmail.all(emailKey(address)) as number[];
  }

  async findIdsByEmails(addresses: readonly string[], options: { activeOnly?: boolean } = {}): Promise<Map<string, number[]>> {
    const lookup = options.activeOnly ? this.#lookups().activeByEmail : this.#lookups().byEmail;
    const result = new Map<string, number[]>();
    for (const address of addresses) {
      const key = emailKey(address);
      if (!result.has(key)) result.set(key, lookup.all(key) as number[]);
    }
    return result;
  }
}

function prepareLookups(sqlite: BetterSqlite3.Database) {
  return {
    byEmail: sqlite.prepare('select contact_id from contact_emails where address_key = ? order by contact_id').pluck(),
    activeByEmail: sqlite
      .prepare(
        `select e.contact_id from contact_emails e join contacts c on c.id = e.contact_id
          where e.address_key = ? and c.state = 'active' order by e.contact_id`,
      )
      .pluck(),
  };
}
