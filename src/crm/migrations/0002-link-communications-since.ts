/**
 * PRODUCT.md W7's back-fill date on a tracking link (`communications_since`), and the
 * indexes on the foreign keys that had none, so deleting many contacts or accounts (an
 * undo of a run, W10) does not scan `activities`, `activity_parties` or `accounts` once
 * per deleted row.
 */
import type { Kysely, Migration } from 'kysely';
import { columnTypes, type SqlDialect } from './column-types.js';

/** Foreign-key columns without an index until this migration: `[table, column]`. */
const UNINDEXED_FOREIGN_KEYS = [
  ['accounts', 'parent_account_id'],
  ['activities', 'regarding_account_id'],
  ['activities', 'regarding_contact_id'],
  ['activity_parties', 'account_id'],
  ['activity_parties', 'user_id'],
] as const;

export function linkCommunicationsSince(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('tracking_links').addColumn('communications_since', t.timestamp).execute();
      for (const [table, column] of UNINDEXED_FOREIGN_KEYS) {
        await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
      }
    },
  };
}
