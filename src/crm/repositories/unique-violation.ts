/**
 * Recognises a unique-constraint violation from either driver and says which columns
 * clashed, so repositories can turn it into the project's own error.
 *
 * better-sqlite3: `code: 'SQLITE_CONSTRAINT_UNIQUE'` (or `_PRIMARYKEY`), message
 * `UNIQUE constraint failed: users.email_key`. pg: `code: '23505'`, detail
 * `Key (email_key)=(…) already exists.`
 */
export function uniqueViolationColumns(error: unknown): string[] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, detail } = error as { code?: unknown; message?: unknown; detail?: unknown };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const list = /constraint failed: (.+)$/.exec(String(message))?.[1] ?? '';
    return list.split(', ').map((qualified) => qualified.slice(qualified.indexOf('.') + 1));
  }
  if (code === '23505') {
    const list = /Key \(([^)]+)\)=/.exec(String(detail))?.[1] ?? '';
    return list.split(', ');
  }
  return undefined;
}
