/**
 * Brings a CRM database to the latest schema, after making sure it was not made by a
 * newer Liaison (then nothing is changed and `DatabaseTooNew` says so).
 */
import { Migrator, sql, type Kysely } from 'kysely';
import { DatabaseTooNew } from './crm-errors.js';
import type { SqlDialect } from './migrations/column-types.js';
import { migrations } from './migrations/migrations.js';

export const MIGRATION_TABLE = 'kysely_migration';

export interface SchemaState {
  /** Migrations the database has, in the order they ran; empty for a new database. */
  applied: string[];
  /** Migrations this version knows and the database lacks. */
  pending: string[];
  /** Migrations the database has and this version does not know (a newer Liaison). */
  unknown: string[];
}

export async function readSchemaState(db: Kysely<any>, dialect: SqlDialect): Promise<SchemaState> {
  const present =
    dialect === 'sqlite'
      ? (await sql`select 1 from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(db)).rows.length > 0
      : (await sql<{ present: boolean }>`select to_regclass(${MIGRATION_TABLE}) is not null as present`.execute(db)).rows[0]
          ?.present === true;
  const applied = present
    ? (await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db)).rows.map((r) => r.name)
    : [];
  const known = Object.keys(migrations(dialect));
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
  };
}

/**
 * Runs the pending migrations; returns the names it ran. On PostgreSQL, `schema` must
 * name the schema the tables live in: Kysely looks for its own tables across every
 * schema of the database otherwise, and would take another schema's for ours.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: SqlDialect, location: string, schema?: string): Promise<string[]> {
  const state = await readSchemaState(db, dialect);
  if (state.unknown.length > 0) throw new DatabaseTooNew(location, state.unknown);
  if (state.pending.length === 0) return [];
  const migrator = new Migrator({
    db: db.withoutPlugins(),
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableName: MIGRATION_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
