import type BetterSqlite3 from 'better-sqlite3';

/**
 * Statements prepared on the first call, not before: a store is built before its
 * migrations run, and SQLite refuses to prepare a statement on a table that does not
 * exist yet. Later calls return the same statements.
 */
export function preparedOnFirstUse<T>(sqlite: BetterSqlite3.Database, prepare: (sqlite: BetterSqlite3.Database) => T): () => T {
  let statements: T | undefined;
  return () => (statements ??= prepare(sqlite));
}
