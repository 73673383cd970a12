/**
 * A fresh, empty CRM store for one benchmark: a new SQLite file under bench/.data (on
 * the project's disk, not a tmpfs, like a user's liaison.db), or a new schema in the
 * PostgreSQL at `postgresUrl`; `cleanUp()` closes it and removes it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DatabaseUnavailable, openCrmStore, type CrmStore } from '../src/crm/index.js';
import type { Dialect } from './bench-options.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

export interface BenchStore {
  store: CrmStore;
  /** Where it is: the SQLite file or the URL with its schema. */
  location: string;
  cleanUp(): Promise<void>;
}

export async function openBenchStore(dialect: Dialect, postgresUrl: string): Promise<BenchStore> {
  const suffix = randomBytes(4).toString('hex');
  if (dialect === 'sqlite') {
    const dir = join(BENCH_DIR, '.data', `sqlite-${suffix}`);
    mkdirSync(dir, { recursive: true });
    const remove = () => rmSync(dir, { recursive: true, force: true });
    const location = join(dir, 'bench.db');
    try {
      const store = await openCrmStore(location, { create: true });
      return { store, location, cleanUp: async () => { await store.close(); remove(); } };
    } catch (error) {
      remove();
      throw error;
    }
  }
  const schema = `bench_${suffix}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  const dropSchema = async () => {
    const base = new URL(postgresUrl);
    base.searchParams.delete('schema');
    const client = new pg.Client({ connectionString: base.toString(), connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  let store: CrmStore;
  try {
    store = await openCrmStore(url.toString(), { create: true });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) await dropSchema().catch(() => undefined);
    throw error;
  }
  return { store, location: url.toString(), cleanUp: async () => { await store.close(); await dropSchema(); } };
}
