/**
 * The few column types that differ between SQLite and PostgreSQL, so one migration
 * text serves both dialects.
 */
import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type CreateTableBuilder, type Expression } from 'kysely';

type DataTypeExpression = ColumnDataType | Expression<unknown>;

export type SqlDialect = 'sqlite' | 'postgres';

export interface ColumnTypes {
  /** ISO text on SQLite, `timestamptz` on PostgreSQL. */
  readonly timestamp: DataTypeExpression;
  /** `integer` (0/1) on SQLite, `boolean` on PostgreSQL. */
  readonly boolean: DataTypeExpression;
  /** Adds an `id` primary key that is never reused (AUTOINCREMENT / identity). */
  id<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
}

export function columnTypes(dialect: SqlDialect): ColumnTypes {
  const idColumn =
    dialect === 'sqlite'
      ? (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()
      : (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity();
  return {
    timestamp: dialect === 'sqlite' ? 'text' : sql`timestamptz`,
    boolean: dialect === 'sqlite' ? 'integer' : 'boolean',
    id: (table) => table.addColumn('id', 'integer', idColumn),
  };
}
