/**
 * The team CRM store: PostgreSQL through `pg`, optionally in a schema of its own
 * (`postgres://…/db?schema=liaison`). Timestamps are read back as ISO text and
 * `bigint` counts as numbers, so both dialects return the same records.
 */
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import { DatabaseNotInitialised, DatabaseTooNew, DatabaseUnavailable } from '../crm-errors.js';
import type { CrmStore } from '../crm-store.js';
import type { Database } from '../database-schema.js';
import { migrateToLatest, readSchemaState } from '../migrate.js';
import { createRepositories, type OpenOptions } from '../repositories/create-repositories.js';
import type { StoreContext } from '../repositories/store-context.js';
import { PostgresContactsRepository } from './postgres-contacts-repository.js';
import { PostgresRunsRepository } from './postgres-runs-repository.js';
import { parsePostgresUrl } from './postgres-url.js';

const TIMESTAMPTZ = 1184;
const INT8 = 20;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
    if (oid === INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export class PostgresCrmStore implements CrmStore {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  migrationsRun: readonly string[] = [];
  readonly users;
  readonly accounts;
  readonly contacts: PostgresContactsRepository;
  readonly activities;
  readonly mailboxes;
  readonly links;
  readonly runs: PostgresRunsRepository;
  readonly conflicts;
  readonly sessions;
  readonly apiTokens;
  readonly #db: Kysely<Database>;

  private constructor(location: string, pool: pg.Pool, options: OpenOptions) {
    this.location = location;
    this.#db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    const db = this.#db;
    const ctx: StoreContext = {
      db,
      dialect: 'postgres',
      now: options.clock ?? (() => new Date().toISOString()),
      writeTransaction: (work, locks) =>
        db.transaction().execute(async (trx) => {
          // The schema is part of the key: stores in two schemas of one database do not make each other wait.
          // Several locks are taken in sorted order, one statement, so two transactions cannot deadlock on them.
          const keys = locks === undefined ? [] : [locks].flat().sort();
          if (keys.length > 0) {
            await sql`select pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || k, 0)) from unnest(${keys}::text[]) with ordinality as t(k, n) order by n`.execute(trx);
          }
          return work(trx);
        }),
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
    this.contacts = new PostgresContactsRepository(ctx, pool);
    this.runs = new PostgresRunsRepository(ctx, pool);
  }

  /**
   * Connects and checks the schema. With `create`, makes the schema (and the named
   * PostgreSQL schema) if missing; without it, a database without Liaison's tables is
   * `DatabaseNotInitialised`. A server that does not answer is `DatabaseUnavailable`
   * within five seconds.
   */
  static async open(url: string, options: OpenOptions & { create?: boolean } = {}): Promise<PostgresCrmStore> {
    const target = parsePostgresUrl(url);
    const pool = new pg.Pool({
      connectionString: target.connectionString,
      connectionTimeoutMillis: 5_000,
      max: 4,
      options: `-c search_path=${target.schema}`,
      types: typeParsers,
    });
    pool.on('error', () => undefined); // an idle client's error surfaces on its next query
    const store = new PostgresCrmStore(target.display, pool, options);
    try {
      await sql`select 1`.execute(store.#db);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailable(target.display, postgresReason(error, target));
    }
    try {
      const state = await readSchemaState(store.#db, 'postgres');
      if (state.unknown.length > 0) throw new DatabaseTooNew(target.display, state.unknown);
      if (state.applied.length === 0 && !options.create) throw new DatabaseNotInitialised(target.display);
      if (state.pending.length > 0) store.migrationsRun = await migrateUnderLock(store.#db, pool, target);
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#db.destroy().catch(() => undefined);
  }
}

/**
 * Creates the schema and runs the migrations while holding an advisory lock, so two
 * processes that initialise one database at once do not race (`create schema if not
 * exists` alone does); the second finds nothing left to do.
 */
async function migrateUnderLock(db: Kysely<Database>, pool: pg.Pool, target: { schema: string; display: string }): Promise<string[]> {
  const lock = await pool.connect();
  const key = `liaison:migrate:${target.schema}`;
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [key]);
    try {
      if (target.schema !== 'public') await sql`create schema if not exists ${sql.id(target.schema)}`.execute(db);
      return await migrateToLatest(db, 'postgres', target.display, target.schema);
    } finally {
      await lock.query('select pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    lock.release();
  }
}

function postgresReason(error: unknown, target: { host: string; port: string; database: string; user: string }): string {
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing answers at ${target.host}:${target.port} (is PostgreSQL running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host ${target.host} is not known`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login of user "${target.user}" (check the user and password in the URL)`;
    case '3D000':
      return `the database "${target.database}" does not exist (create it with: createdb ${target.database})`;
    default:
      return /timeout/i.test(message ?? '') ? `no answer from ${target.host}:${target.port} within 5 seconds` : (message ?? String(error));
  }
}
