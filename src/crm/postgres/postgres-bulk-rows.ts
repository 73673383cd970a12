/**
 * The rows of new contacts, tracking links and run items on PostgreSQL, streamed with
 * COPY on one client inside one transaction: the bulk path of the contacts store
 * (`addMany`) and a run's batches (`commitBatch`) both write through here, so they
 * write the same rows. Ids are reserved from the sequences first (looked up once, not
 * once per row), so the rows that refer to them can be streamed without reading back.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DuplicateTrackingLink } from '../crm-errors.js';
import type { NewContact, NewTrackingLink } from '../crm-records.js';
import { CONTACT_WRITE_COLUMNS, contactRowValues, emailRows, phoneRows } from '../repositories/contact-rows.js';
import { LINK_WRITE_COLUMNS, linkRowValues } from '../repositories/link-rows.js';
import { uniqueViolationColumns } from '../repositories/unique-violation.js';
import { copyLine } from './copy-text.js';

/** Rows per chunk handed to the COPY stream. */
const CHUNK_ROWS = 2_000;

/** A link to write: its reserved id, its contact and the contact version it saw. */
export interface LinkRow {
  id: number;
  contactId: number;
  crmVersion: number | null;
  link: NewTrackingLink;
}

/**
 * Runs `work` on one client of the pool between `begin` and `commit`; on any error,
 * rolls back and throws it, a clash on `tracking_links` as `DuplicateTrackingLink`.
 */
export async function bulkTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw bulkLinkClash(error) ?? error;
  } finally {
    client.release();
  }
}

/** `count` new ids of `table`'s identity column, in one query. */
export async function reserveIds(client: pg.PoolClient, table: 'contacts' | 'tracking_links', count: number): Promise<number[]> {
  if (count === 0) return [];
  const { rows } = await client.query<{ id: number }>(
    `select nextval((select pg_get_serial_sequence('${table}', 'id'))::regclass)::integer as id from generate_series(1, $1)`,
    [count],
  );
  return rows.map((r) => r.id);
}

/** New contacts (row version 1) with their e-mails and phones, under the reserved `ids`. */
export async function copyContacts(client: pg.PoolClient, contacts: readonly NewContact[], ids: readonly number[], now: string): Promise<void> {
  if (contacts.length === 0) return;
  await copyRows(client, `contacts (id, ${CONTACT_WRITE_COLUMNS.join(', ')})`, contacts, function* (contact, i) {
    yield [ids[i], ...contactRowValues(contact, 1, now, now)];
  });
  await copyRows(client, 'contact_emails (contact_id, position, address, address_key)', contacts, function* (contact, i) {
    for (const row of emailRows(contact.fields)) yield [ids[i], ...row];
  });
  await copyRows(client, 'contact_phones (contact_id, kind, number, number_key)', contacts, function* (contact, i) {
    for (const row of phoneRows(contact.fields)) yield [ids[i], ...row];
  });
}

/** New tracking links; a clash surfaces from {@link bulkTransaction} as `DuplicateTrackingLink`. */
export async function copyLinks(client: pg.PoolClient, links: readonly LinkRow[], now: string): Promise<void> {
  if (links.length === 0) return;
  await copyRows(client, `tracking_links (id, ${LINK_WRITE_COLUMNS.join(', ')})`, links, function* (row) {
    yield [row.id, ...linkRowValues('postgres', row.link, row.contactId, row.crmVersion, now)];
  });
}

/** Streams the rows `toRows` makes of each item into `COPY target FROM STDIN`. */
export async function copyRows<T>(
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
