/**
 * Every migration of the CRM store, in order. Names sort in the order they run; a
 * database that holds a name not listed here was made by a newer Liaison.
 */
import type { Migration } from 'kysely';
import type { SqlDialect } from './column-types.js';
import { initialSchema } from './0001-initial-schema.js';
import { linkCommunicationsSince } from './0002-link-communications-since.js';
import { signIn } from './0003-sign-in.js';

export function migrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001-initial-schema': initialSchema(dialect),
    '0002-link-communications-since': linkCommunicationsSince(dialect),
    '0003-sign-in': signIn(dialect),
  };
}
