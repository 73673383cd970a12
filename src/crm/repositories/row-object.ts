/**
 * Positional row values and Kysely's row objects: the bulk paths (prepared statements,
 * COPY) write values in a column order, the single-row paths hand Kysely an object
 * with camelCase keys; both are built from the same column list and values.
 */

/** `row_version` → `rowVersion`. */
export const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A row object for Kysely from positional values and their camelCase column names. */
export function rowObject(keys: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  keys.forEach((key, i) => (row[key] = values[i]));
  return row;
}
