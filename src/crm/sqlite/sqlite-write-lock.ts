/**
 * SQLite's write lock, taken without blocking the event loop. SQLite has one writer at
 * a time; a transaction that starts `IMMEDIATE` takes the lock at `BEGIN`, so its
 * checks and writes cannot interleave with another writer's (two runs claiming the
 * same account name, PRODUCT.md W6).
 *
 * better-sqlite3 waits for a busy database synchronously (`busy_timeout`): a writer in
 * this same process, holding the lock across an `await`, could then never finish. So
 * the lock is tried with a zero timeout and tried again after a pause, for up to 10 s,
 * then SQLite's own "database is locked" is thrown. The same holds for this connection's
 * own transaction (a Kysely transaction waiting on an `await`): a write waits for it to
 * end rather than becoming a savepoint inside it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

const PAUSE_MS = 20;
const GIVE_UP_MS = 10_000;

/** `BEGIN IMMEDIATE` once this connection is idle and no other connection writes. */
export async function beginImmediate(sqlite: BetterSqlite3.Database): Promise<void> {
  await whenWritable(sqlite, () => sqlite.exec('begin immediate'));
}

/**
 * Runs `work` (synchronous: prepared statements) in one `IMMEDIATE` transaction
 * (better-sqlite3's `.immediate()`): all of it or, when it throws, none of it.
 */
export async function immediateTransaction<T>(sqlite: BetterSqlite3.Database, work: () => T): Promise<T> {
  const transaction = sqlite.transaction(work);
  return whenWritable(sqlite, () => transaction.immediate());
}

/**
 * Runs `work` (asynchronous: Kysely queries on `trx`) in one `IMMEDIATE` transaction,
 * holding Kysely's connection, so no other query of this store runs inside it.
 */
export async function immediateKyselyTransaction<T>(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await beginImmediate(sqlite);
    try {
      const result = await work(connection);
      sqlite.exec('commit');
      return result;
    } finally {
      if (sqlite.inTransaction) sqlite.exec('rollback');
    }
  });
}

/** Calls `attempt` with a zero busy timeout until it does not meet a busy database or this connection's open transaction. */
async function whenWritable<T>(sqlite: BetterSqlite3.Database, attempt: () => T): Promise<T> {
  for (let waited = 0; ; waited += PAUSE_MS) {
    if (!sqlite.inTransaction) {
      const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
      sqlite.pragma('busy_timeout = 0');
      try {
        return attempt();
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || waited >= GIVE_UP_MS) throw error;
      } finally {
        sqlite.pragma(`busy_timeout = ${timeout}`);
      }
    } else if (waited >= GIVE_UP_MS) {
      throw new Error('database is locked: this connection stayed in a transaction for 10 s');
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
