import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `expression LIKE '%text%'`, where `%`, `_` and `\` in the text match themselves, on
 * both dialects (SQLite has no default escape character). Compare lower-cased text
 * with a lower-cased expression for a search that ignores case.
 *
 * ### Examples
 * ```ts
 * containsText(sql.ref('name_key'), '50%') // name_key like '%50\%%' escape '\'
 * ```
 */
export function containsText(expression: RawBuilder<unknown>, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  return sql<SqlBool>`${expression} like ${pattern} escape '\\'`;
}
