/**
 * Reads a `postgres://` URL as Liaison takes it: the usual libpq URL, plus an optional
 * `schema` parameter naming the PostgreSQL schema Liaison's tables live in (default
 * `public`). Gives back the URL for `pg` without that parameter, and one safe to print
 * (no password).
 */
export interface PostgresTarget {
  connectionString: string;
  schema: string;
  display: string;
  host: string;
  port: string;
  database: string;
  user: string;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export function parsePostgresUrl(url: string): PostgresTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`the schema "${schema}" in the database URL must be a plain identifier (letters, digits, _)`);
  }
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  const display = new URL(connectionString);
  if (display.password) display.password = '***';
  return {
    connectionString,
    schema,
    display: display.toString() + (schema === 'public' ? '' : `${display.search ? '&' : '?'}schema=${schema}`),
    host: parsed.hostname || 'localhost',
    port: parsed.port || '5432',
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username || 'postgres',
    user: decodeURIComponent(parsed.username) || 'postgres',
  };
}
