/**
 * The store suites run once per dialect, like Kysely's own tests: `DIALECTS` holds
 * SQLite always and PostgreSQL when the global setup found it. `openFreshStore` gives
 * each test a new SQLite file or a new PostgreSQL schema, removed by `cleanup()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, inject } from 'vitest';
import { openCrmStore, SecretBox, type CrmStore, type User } from '../src/crm/index.js';

export type Dialect = 'sqlite' | 'postgres';

const postgresUrl = inject('postgresUrl');

export const DIALECTS: readonly Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** A fixed key for the tests, so no key file is written under the user's home. */
export const TEST_SECRET_BOX = new SecretBox(Buffer.alloc(32, 7));

export interface FreshDatabase {
  /** The location to open: a file path or a URL with `?schema=`. */
  location: string;
  cleanup(): Promise<void>;
}

export async function freshDatabase(dialect: Dialect): Promise<FreshDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-test-'));
    return { location: join(dir, 'liaison.db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!postgresUrl) throw new Error('bug: PostgreSQL tests requested without PostgreSQL');
  const schema = `liaison_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  return {
    location: url.toString(),
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A new, initialised store on its own database; `cleanup()` closes and removes it. */
export async function openFreshStore(dialect: Dialect): Promise<{ store: CrmStore; location: string; cleanup(): Promise<void> }> {
  const database = await freshDatabase(dialect);
  const store = await openCrmStore(database.location, { create: true, secretBox: () => TEST_SECRET_BOX });
  return {
    store,
    location: database.location,
    cleanup: async () => {
      await store.close();
      await database.cleanup();
    },
  };
}

/** Runs SQL on the database behind a store, around the store (to see what it really wrote). */
export async function rawQuery<T = Record<string, unknown>>(location: string, text: string, values: unknown[] = []): Promise<T[]> {
  if (!location.startsWith('postgres')) {
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    const db = new BetterSqlite3(location);
    try {
      const statement = db.prepare(text.replace(/\$\d+/g, '?'));
      return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
    } finally {
      db.close();
    }
  }
  const url = new URL(location);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString(), options: `-c search_path=${schema}` });
  await client.connect();
  try {
    const result = (await client.query(text, values)) as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(result) ? result.at(-1)!.rows : result.rows) as T[];
  } finally {
    await client.end();
  }
}

export interface StoreTestContext {
  store: CrmStore;
  location: string;
  /** A user made for the test, to own what it adds. */
  owner: User;
}

/**
 * Gives every test of the enclosing `describe` a fresh store with one user, removed
 * after the test: `useFreshStore(dialect, (t) => ({ store, owner } = t))`.
 */
export function useFreshStore(dialect: Dialect, assign: (context: StoreTestContext) => void): void {
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const fresh = await openFreshStore(dialect);
    cleanup = fresh.cleanup;
    const owner = await fresh.store.users.add({ email: 'owner@example.org', name: 'Owner' });
    assign({ store: fresh.store, location: fresh.location, owner });
  });
  afterEach(async () => cleanup?.());
}
