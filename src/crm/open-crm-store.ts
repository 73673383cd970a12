/**
 * Opens the CRM store a location names: a `postgres://` URL opens PostgreSQL, anything
 * else is a SQLite file path. The default location is `./liaison.db`, or `LIAISON_DB`.
 */
import type { CrmStore } from './crm-store.js';
import { PostgresCrmStore } from './postgres/postgres-crm-store.js';
import { isPostgresUrl } from './postgres/postgres-url.js';
import type { OpenOptions } from './repositories/create-repositories.js';
import { SqliteCrmStore } from './sqlite/sqlite-crm-store.js';

export const DEFAULT_DATABASE = './liaison.db';

/** `--db`, else `LIAISON_DB`, else `./liaison.db`; an empty value counts as not given. */
export function databaseLocation(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit?.trim() || env.LIAISON_DB?.trim() || DEFAULT_DATABASE;
}

export function openCrmStore(location: string, options: OpenOptions & { create?: boolean } = {}): Promise<CrmStore> {
  return isPostgresUrl(location) ? PostgresCrmStore.open(location, options) : SqliteCrmStore.open(location, options);
}
