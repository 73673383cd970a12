/**
 * Signing in to the web app and the HTTP API (issue 5): a password hash on each user
 * (null: the user cannot sign in with a password), browser sessions, and API tokens for
 * scripts. Sessions and tokens are stored as the SHA-256 of their secret only, so a copy
 * of the database does not let anyone in.
 */
import type { Kysely, Migration } from 'kysely';
import { columnTypes, type SqlDialect } from './column-types.js';

export function signIn(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();

      await t
        .id(db.schema.createTable('sessions'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

      await t
        .id(db.schema.createTable('api_tokens'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_used_at', t.timestamp)
        .execute();
      await db.schema.createIndex('api_tokens_user_id').on('api_tokens').column('user_id').execute();
    },
  };
}
