/**
 * The contacts store on SQLite: the bulk path and the e-mail lookups run as prepared
 * better-sqlite3 statements (Kysely costs 1.7× on bulk inserts and 5× on point
 * lookups, ARCHITECTURE.md), inside one transaction for the bulk path.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { emailKey } from '../../domain/email-address.js';
import type { NewTrackedContact } from '../crm-records.js';
import { ContactsRepository, groupByAddress } from '../repositories/contacts-repository.js';
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
    const keys = [...new Set(addresses.map(emailKey))];
    if (keys.length < MANY) {
      const lookup = options.activeOnly ? this.#lookups().activeByEmail : this.#lookups().byEmail;
      return new Map(keys.map((key) => [key, lookup.all(key) as number[]]));
    }
    // Many addresses: one statement per chunk, the keys given as one JSON array (a call
    // into SQLite per address costs more than the index lookup itself).
    const lookup = options.activeOnly ? this.#lookups().activeByEmailList : this.#lookups().byEmailList;
    const rows: { address_key: string; contact_id: number }[] = [];
    for (let at = 0; at < keys.length; at += CHUNK) {
      for (const row of lookup.all(JSON.stringify(keys.slice(at, at + CHUNK))) as typeof rows) rows.push(row);
    }
    return groupByAddress(keys, rows);
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
    byEmailList: sqlite.prepare(
      `select address_key, contact_id from contact_emails
        where address_key in (select value from json_each(?)) order by contact_id`,
    ),
    activeByEmailList: sqlite.prepare(
      `select e.address_key, e.contact_id from contact_emails e join contacts c on c.id = e.contact_id
        where e.address_key in (select value from json_each(?)) and c.state = 'active' order by e.contact_id`,
    ),
  };
}

/** From this many addresses on, they are looked up a chunk at a time. */
const MANY = 16;
const CHUNK = 2_000;
