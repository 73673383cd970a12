/**
 * The contacts store on PostgreSQL: the bulk path reserves ids from the sequence,
 * then streams contacts, e-mails, phones and links with COPY, all in one transaction;
 * the e-mail lookup is a named prepared statement.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { emailKey } from '../../domain/email-address.js';
import { DuplicateTrackingLink } from '../crm-errors.js';
import type { NewTrackedContact } from '../crm-records.js';
import {
  CONTACT_WRITE_COLUMNS,
  checkNewContact,
  contactRowValues,
  emailRows,
  phoneRows,
} from '../repositories/contact-rows.js';
import { ContactsRepository, groupByAddress } from '../repositories/contacts-repository.js';
import type { StoreContext } from '../repositories/store-context.js';
import { uniqueViolationColumns } from '../repositories/unique-violation.js';
import { copyLine } from './copy-text.js';

/** Rows per chunk handed to the COPY stream. */
const CHUNK_ROWS = 2_000;

export class PostgresContactsRepository extends ContactsRepository {
  readonly #pool: pg.Pool;

  constructor(ctx: StoreContext, pool: pg.Pool) {
    super(ctx);
    this.#pool = pool;
  }

  async addMany(contacts: Iterable<NewTrackedContact>): Promise<number[]> {
    const items = [...contacts];
    for (const { contact } of items) checkNewContact(contact);
    if (items.length === 0) return [];
    const now = this.ctx.now();
    const client = await this.#pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<{ id: number }>(
        // The sequence is looked up once, not once per row.
        "select nextval((select pg_get_serial_sequence('contacts', 'id'))::regclass)::integer as id from generate_series(1, $1)",
        [items.length],
      );
      const ids = rows.map((r) => r.id);
      await copyRows(client, `contacts (id, ${CONTACT_WRITE_COLUMNS.join(', ')})`, items, function* ({ contact }, i) {
        yield [ids[i], ...contactRowValues(contact, 1, now, now)];
      });
      await copyRows(client, 'contact_emails (contact_id, position, address, address_key)', items, function* ({ contact }, i) {
        for (const row of emailRows(contact.fields)) yield [ids[i], ...row];
      });
      await copyRows(client, 'contact_phones (contact_id, kind, number, number_key)', items, function* ({ contact }, i) {
        for (const row of phoneRows(contact.fields)) yield [ids[i], ...row];
      });
      if (items.some((item) => item.link)) {
        await copyRows(
          client,
          `tracking_links (mailbox_id, source_item_id, contact_id, track_communications, snapshot,
             source_version, crm_version, synced_at, created_at)`,
          items,
          function* ({ link }, i) {
            if (!link) return;
            const hasSnapshot = link.snapshot !== undefined;
            yield [
              link.mailboxId,
              link.sourceItemId,
              ids[i],
              link.trackCommunications,
              hasSnapshot ? JSON.stringify(link.snapshot) : null,
              link.sourceVersion ?? null,
              1,
              hasSnapshot ? now : null,
              now,
            ];
          },
        );
      }
      await client.query('commit');
      return ids;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw bulkLinkClash(error) ?? error;
    } finally {
      client.release();
    }
  }

  async findIdsByEmail(address: string): Promise<number[]> {
    const { rows } = await this.#pool.query<{ contact_id: number }>({
      name: 'liaison-contact-ids-by-email',
      text: 'select contact_id from contact_emails where address_key = $1 order by contact_id',
      values: [emailKey(address)],
    });
    return rows.map((r) => r.contact_id);
  }

  async findIdsByEmails(addresses: readonly string[]): Promise<Map<string, number[]>> {
    const keys = [...new Set(addresses.map(emailKey))];
    const { rows } = await this.#pool.query<{ address_key: string; contact_id: number }>({
      name: 'liaison-contact-ids-by-emails',
      text: 'select address_key, contact_id from contact_emails where address_key = any($1::text[]) order by contact_id',
      values: [keys],
    });
    return groupByAddress(keys, rows);
  }
}

/** Streams the rows `toRows` makes of each item into `COPY target FROM STDIN`. */
async function copyRows<T>(
  client: pg.PoolClient,
  target: string,
  items: readonly T[],
  toRows: (item: T, index: number) => Iterable<unknown[]>,
): Promise<void> {
  function* chunks() {
    let chunk = '';
    let count = 0;
    for (let i = 0; i < items.length; i++) {
      for (const row of toRows(items[i]!, i)) {
        chunk += copyLine(row);
        if (++count === CHUNK_ROWS) {
          yield chunk;
          chunk = '';
          count = 0;
        }
      }
    }
    if (chunk !== '') yield chunk;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${target} from stdin`)));
}

/** A unique violation on `tracking_links` during COPY, told as the clash it is. */
function bulkLinkClash(error: unknown): DuplicateTrackingLink | undefined {
  const columns = uniqueViolationColumns(error);
  if (!columns?.includes('mailbox_id')) return undefined;
  const values = /=\(([^)]*)\)/.exec(String((error as { detail?: string }).detail))?.[1]?.split(', ') ?? [];
  const mailboxId = Number(values[0]);
  if (columns.includes('source_item_id')) return new DuplicateTrackingLink(mailboxId, 'source item', values[1] ?? '?');
  if (columns.includes('contact_id')) return new DuplicateTrackingLink(mailboxId, 'contact', Number(values[1]));
  return undefined;
}
