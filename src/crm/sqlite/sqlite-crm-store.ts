/**
 * The embedded CRM store: one SQLite file (WAL journal, foreign keys on), through
 * better-sqlite3 12. The default store, at `./liaison.db`.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { DatabaseNotInitialised, DatabaseTooNew, DatabaseUnavailable } from '../crm-errors.js';
import type { CrmStore } from '../crm-store.js';
import type { Database } from '../database-schema.js';
import { migrateToLatest, readSchemaState } from '../migrate.js';
import { createRepositories, type OpenOptions } from '../repositories/create-repositories.js';
import type { StoreContext } from '../repositories/store-context.js';
import { SqliteContactsRepository } from './sqlite-contacts-repository.js';
import { SqliteRowWriter } from './sqlite-row-writer.js';
import { SqliteRunsRepository } from './sqlite-runs-repository.js';
import { beginImmediate, immediateKyselyTransaction } from './sqlite-write-lock.js';

export class SqliteCrmStore implements CrmStore {
  readonly dialect = 'sqlite' as const;
  readonly location: string;
  migrationsRun: readonly string[] = [];
  readonly users;
  readonly accounts;
  readonly contacts: SqliteContactsRepository;
  readonly activities;
  readonly mailboxes;
  readonly links;
  readonly runs: SqliteRunsRepository;
  readonly conflicts;
  readonly sessions;
  readonly apiTokens;
  readonly #db: Kysely<Database>;
  readonly #sqlite: BetterSqlite3.Database;

  private constructor(location: string, sqlite: BetterSqlite3.Database, options: OpenOptions) {
    this.location = location;
    this.#sqlite = sqlite;
    this.#db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    const ctx: StoreContext = {
      db: this.#db,
      dialect: 'sqlite',
      now: options.clock ?? (() => new Date().toISOString()),
      writeTransaction: (work) => immediateKyselyTransaction(this.#db, sqlite, work),
    };
    const repositories = createRepositories(ctx, options);
    this.users = repositories.users;
    this.accounts = repositories.accounts;
    this.activities = repositories.activities;
    this.mailboxes = repositories.mailboxes;
    this.links = repositories.links;
    this.conflicts = repositories.conflicts;
    this.sessions = repositories.sessions;
    this.apiTokens = repositories.apiTokens;
    const writer = new SqliteRowWriter(sqlite);
    this.contacts = new SqliteContactsRepository(ctx, sqlite, writer);
    this.runs = new SqliteRunsRepository(ctx, sqlite, writer);
  }

  /**
   * Opens the database file. With `create`, makes the file and the schema if missing
   * (`liaison init`); without it, a missing file or schema is `DatabaseNotInitialised`
   * and nothing is written. Pending migrations run either way; a database made by a
   * newer Liaison is refused before anything is changed.
   */
  static async open(path: string, options: OpenOptions & { create?: boolean } = {}): Promise<SqliteCrmStore> {
    const location = resolve(path);
    if (!options.create && !existsSync(location)) throw new DatabaseNotInitialised(location);
    if (existsSync(location) && statSync(location).isDirectory()) {
      throw new DatabaseUnavailable(location, 'it is a directory, not a file');
    }
    if (!existsSync(dirname(location))) {
      throw new DatabaseUnavailable(location, `the folder ${dirname(location)} does not exist`);
    }
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(location, { fileMustExist: !options.create });
    } catch (error) {
      throw new DatabaseUnavailable(location, sqliteReason(error));
    }
    // SQLite's own lower() folds ASCII only; searches must find "Émile" by "émile" too.
    sqlite.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
    const store = new SqliteCrmStore(location, sqlite, options);
    try {
      // Reading the schema first: a file that is not SQLite fails here, before any write.
      const state = await readSchemaState(store.#db, 'sqlite');
      if (state.unknown.length > 0) throw new DatabaseTooNew(location, state.unknown);
      if (state.applied.length === 0 && !options.create) throw new DatabaseNotInitialised(location);
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('cache_size = -65536'); // 64 MiB of page cache, taken as needed
      // Kysely takes no lock on SQLite; a write transaction makes a second process that
      // initialises the same file wait, then find nothing left to do. SQLite's DDL is
      // transactional, so a migration killed half-way leaves nothing behind.
      await beginImmediate(sqlite);
      try {
        store.migrationsRun = await migrateToLatest(store.#db, 'sqlite', location);
        sqlite.exec('commit');
      } finally {
        if (sqlite.inTransaction) sqlite.exec('rollback');
      }
      return store;
    } catch (error) {
      await store.close();
      if (error instanceof DatabaseTooNew || error instanceof DatabaseNotInitialised) throw error;
      throw new DatabaseUnavailable(location, sqliteReason(error));
    }
  }

  async close(): Promise<void> {
    if (this.#sqlite.open) await this.#db.destroy();
  }
}

function sqliteReason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened (check that its folder exists and is writable)';
  if (code === 'SQLITE_READONLY') return 'the file is read-only';
  if (code === 'SQLITE_CORRUPT') return 'the database file is damaged';
  return message ?? String(error);
}
