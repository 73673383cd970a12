/**
 * The contacts store on SQLite: the bulk path and the e-mail lookup run as prepared
 * better-sqlite3 statements (Kysely costs 1.7× on bulk inserts and 5× on point
 * lookups, ARCHITECTURE.md), inside one transaction for the bulk path.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { emailKey } from '../../domain/email-address.js';
import type { NewTrackedContact } from '../crm-records.js';
import {
  CONTACT_WRITE_COLUMNS,
  checkNewContact,
  contactRowValues,
  emailRows,
  phoneRows,
} from '../repositories/contact-rows.js';
import { ContactsRepository } from '../repositories/contacts-repository.js';
import { linkClash } from '../repositories/links-repository.js';
import type { StoreContext } from '../repositories/store-context.js';

export class SqliteContactsRepository extends ContactsRepository {
  readonly #sqlite: BetterSqlite3.Database;
  #statements?: ReturnType<typeof prepareStatements>;

  constructor(ctx: StoreContext, sqlite: BetterSqlite3.Database) {
    super(ctx);
    this.#sqlite = sqlite;
  }

  /** Prepared once, on first use (the tables exist only after the migrations). */
  get #prepared() {
    return (this.#statements ??= prepareStatements(this.#sqlite));
  }

  async addMany(contacts: Iterable<NewTrackedContact>): Promise<number[]> {
    const s = this.#prepared;
    const now = this.ctx.now();
    const insertAll = this.#sqlite.transaction((items: Iterable<NewTrackedContact>) => {
      const ids: number[] = [];
      for (const { contact, link } of items) {
        checkNewContact(contact);
        const id = Number(s.contact.run(contactRowValues(contact, 1, now, now)).lastInsertRowid);
        for (const row of emailRows(contact.fields)) s.email.run(id, ...row);
        for (const row of phoneRows(contact.fields)) s.phone.run(id, ...row);
        if (link) {
          try {
            s.link.run(
              link.mailboxId,
              link.sourceItemId,
              id,
              link.trackCommunications ? 1 : 0,
              link.snapshot === undefined ? null : JSON.stringify(link.snapshot),
              link.sourceVersion ?? null,
              1,
              link.snapshot === undefined ? null : now,
              now,
            );
          } catch (error) {
            throw linkClash(error, id, link) ?? error;
          }
        }
        ids.push(id);
      }
      return ids;
    });
    return insertAll(contacts);
  }

  async findIdsByEmail(address: string): Promise<number[]> {
    return this.#prepared.byEmail.all(emailKey(address)) as number[];
  }

  async findIdsByEmails(addresses: readonly string[]): Promise<Map<string, number[]>> {
    const byEmail = this.#prepared.byEmail;
    const result = new Map<string, number[]>();
    for (const address of addresses) {
      const key = emailKey(address);
      if (!result.has(key)) result.set(key, byEmail.all(key) as number[]);
    }
    return result;
  }
}

function prepareStatements(sqlite: BetterSqlite3.Database) {
  const placeholders = CONTACT_WRITE_COLUMNS.map(() => '?').join(', ');
  return {
    contact: sqlite.prepare(`insert into contacts (${CONTACT_WRITE_COLUMNS.join(', ')}) values (${placeholders})`),
    email: sqlite.prepare('insert into contact_emails (contact_id, position, address, address_key) values (?, ?, ?, ?)'),
    phone: sqlite.prepare('insert into contact_phones (contact_id, kind, number, number_key) values (?, ?, ?, ?)'),
    link: sqlite.prepare(
      `insert into tracking_links (mailbox_id, source_item_id, contact_id, track_communications, snapshot,
         source_version, crm_version, synced_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    byEmail: sqlite.prepare('select contact_id from contact_emails where address_key = ? order by contact_id').pluck(),
  };
}
