/**
 * What every repository of the CRM store is built on: the Kysely instance for the
 * dialect, and the two places where SQLite and PostgreSQL values differ.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import type { SqlDialect } from '../migrations/column-types.js';

export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** The current time as ISO 8601 text. */
  now(): string;
  /**
   * Runs `work` in one transaction that other writers wait for: `BEGIN IMMEDIATE` on
   * SQLite (one writer for the whole database); on PostgreSQL, an ordinary transaction
   * that first takes the advisory transaction lock of `lock`, when given, so that two
   * writers of the same key (an account name) take turns. Rows read on PostgreSQL to
   * decide a write should still be locked (`for update`).
   */
  writeTransaction<T>(work: (trx: Kysely<Database>) => Promise<T>, locks?: string | readonly string[]): Promise<T>;
}

/** A boolean as the dialect stores it (SQLite has none: 0/1). */
export function dbBoolean(dialect: SqlDialect, value: boolean): boolean | number {
  return dialect === 'sqlite' ? (value ? 1 : 0) : value;
}

export const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
export const fromJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Page bounds with a sane default and ceiling. */
export function pageBounds(page: { limit?: number; offset?: number } = {}): { limit: number; offset: number } {
  return {
    limit: Math.min(Math.max(page.limit ?? 100, 1), 10_000),
    offset: Math.max(page.offset ?? 0, 0),
  };
}
