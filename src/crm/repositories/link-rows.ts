/**
 * How a new tracking link becomes a `tracking_links` row. `LinksRepository.add` (Kysely)
 * and both bulk paths (prepared statements on SQLite, COPY on PostgreSQL) write the same
 * values from here.
 */
import { InvalidRecord } from '../crm-errors.js';
import type { NewTrackingLink } from '../crm-records.js';
import type { SqlDialect } from '../migrations/column-types.js';
import { dbBoolean, toJson } from './store-context.js';

/** The `tracking_links` columns a new row sets, in the order of {@link linkRowValues}. */
export const LINK_WRITE_COLUMNS: readonly string[] = [
  'mailbox_id',
  'source_item_id',
  'contact_id',
  'track_communications',
  'communications_since',
  'snapshot',
  'source_version',
  'crm_version',
  'synced_at',
  'created_at',
];

/**
 * The values of a new `tracking_links` row, in {@link LINK_WRITE_COLUMNS} order.
 * `crmVersion` is the row version of the contact the link saw.
 */
export function linkRowValues(dialect: SqlDialect, link: NewTrackingLink, contactId: number, crmVersion: number | null, now: string): unknown[] {
  const hasSnapshot = link.snapshot !== undefined;
  return [
    link.mailboxId,
    link.sourceItemId,
    contactId,
    dbBoolean(dialect, link.trackCommunications),
    communicationsSince(link.communicationsSince),
    hasSnapshot ? toJson(link.snapshot) : null,
    link.sourceVersion ?? null,
    crmVersion,
    hasSnapshot ? now : null,
    now,
  ];
}

/**
 * The back-fill date as ISO 8601 text, so both dialects store and return the same
 * value for `2024-03-01` (SQLite keeps text as given, PostgreSQL reads it as a
 * timestamp in the server's time zone).
 */
function communicationsSince(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new InvalidRecord('communicationsSince', `"${value}" is not a date`);
  return time.toISOString();
}
