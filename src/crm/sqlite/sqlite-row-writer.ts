/**
 * The rows of new contacts and tracking links on SQLite, written with prepared
 * better-sqlite3 statements: the bulk path of the contacts store (`addMany`) and a run's
 * batches (`commitBatch`) both write through here, so they write the same rows. Call
 * it inside {@link SqliteRowWriter.transaction}.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { NewContact, NewTrackingLink } from '../crm-records.js';
import { CONTACT_WRITE_COLUMNS, checkNewContact, contactRowValues, emailRows, phoneRows } from '../repositories/contact-rows.js';
import { LINK_WRITE_COLUMNS, linkRowValues } from '../repositories/link-rows.js';
import { linkClash } from '../repositories/links-repository.js';
import { preparedOnFirstUse } from './prepared-on-first-use.js';
import { immediateTransaction } from './sqlite-write-lock.js';

export class SqliteRowWriter {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #prepared: () => ReturnType<typeof prepareStatements>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.#sqlite = sqlite;
    this.#prepared = preparedOnFirstUse(sqlite, prepareStatements);
  }

  /**
   * Runs `work` (synchronous: it writes through this writer and other prepared
   * statements) in one `IMMEDIATE` transaction: all of it, or when it throws, none.
   */
  async transaction<T>(work: () => T): Promise<T> {
    return immediateTransaction(this.#sqlite, work);
  }

  /** Inserts a new contact (row version 1) with its e-mails and phones; returns its id. */
  addContact(contact: NewContact, now: string): number {
    const s = this.#prepared();
    checkNewContact(contact);
    const id = Number(s.contact.run(contactRowValues(contact, 1, now, now)).lastInsertRowid);
    for (const row of emailRows(contact.fields)) s.email.run(id, ...row);
    for (const row of phoneRows(contact.fields)) s.phone.run(id, ...row);
    return id;
  }

  /**
   * Inserts a tracking link that saw the contact at `crmVersion`; returns its id. A
   * clash with another link is `DuplicateTrackingLink`.
   */
  addLink(contactId: number, link: NewTrackingLink, crmVersion: number | null, now: string): number {
    try {
      return Number(this.#prepared().link.run(linkRowValues('sqlite', link, contactId, crmVersion, now)).lastInsertRowid);
    } catch (error) {
      throw linkClash(error, contactId, link) ?? error;
    }
  }
}

function prepareStatements(sqlite: BetterSqlite3.Database) {
  const placeholders = (columns: readonly string[]) => columns.map(() => '?').join(', ');
  return {
    contact: sqlite.prepare(`insert into contacts (${CONTACT_WRITE_COLUMNS.join(', ')}) values (${placeholders(CONTACT_WRITE_COLUMNS)})`),
    email: sqlite.prepare('insert into contact_emails (contact_id, position, address, address_key) values (?, ?, ?, ?)'),
    phone: sqlite.prepare('insert into contact_phones (contact_id, kind, number, number_key) values (?, ?, ?, ?)'),
    link: sqlite.prepare(`insert into tracking_links (${LINK_WRITE_COLUMNS.join(', ')}) values (${placeholders(LINK_WRITE_COLUMNS)})`),
  };
}
