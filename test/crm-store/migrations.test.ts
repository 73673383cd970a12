import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseNotInitialised, DatabaseTooNew, DatabaseUnavailable, openCrmStore } from '../../src/crm/index.js';
import { DIALECTS, freshDatabase, rawQuery, TEST_SECRET_BOX, type FreshDatabase } from '../crm-dialects.js';

const options = { secretBox: () => TEST_SECRET_BOX };
const ALL_MIGRATIONS = ['0001-initial-schema', '0002-link-communications-since', '0003-sign-in'];

describe.each(DIALECTS)('opening and migrating on %s', (dialect) => {
  let database: FreshDatabase;
  beforeEach(async () => (database = await freshDatabase(dialect)));
  afterEach(() => database.cleanup());

  it('creates the schema once; opening again runs nothing and keeps the data', async () => {
    const first = await openCrmStore(database.location, { ...options, create: true });
    expect(first.migrationsRun).toEqual(ALL_MIGRATIONS);
    await first.users.add({ email: 'ada@example.org', name: 'Ada' });
    await first.close();
    const again = await openCrmStore(database.location, options);
    expect(again.migrationsRun).toEqual([]);
    expect((await again.users.list()).map((u) => u.email)).toEqual(['ada@example.org']);
    await again.close();
  });

  it('refuses a database that was never initialised, and creates nothing', async () => {
    await expect(openCrmStore(database.location, options)).rejects.toThrow(DatabaseNotInitialised);
    if (dialect === 'sqlite') {
      expect(existsSync(database.location)).toBe(false);
    } else {
      const schema = new URL(database.location).searchParams.get('schema');
      expect(await rawQuery(database.location, 'select 1 from pg_namespace where nspname = $1', [schema])).toEqual([]);
    }
  });

  it('refuses a database made by a newer Liaison, and changes nothing', async () => {
    const store = await openCrmStore(database.location, { ...options, create: true });
    await store.users.add({ email: 'ada@example.org', name: 'Ada' });
    await store.close();
    await rawQuery(database.location, "insert into kysely_migration (name, timestamp) values ('0999-from-the-future', '2030-01-01')");
    const before = await fingerprint(dialect, database.location);

    const error = await openCrmStore(database.location, { ...options, create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNew);
    expect((error as DatabaseTooNew).unknownMigrations).toEqual(['0999-from-the-future']);
    expect(await fingerprint(dialect, database.location)).toEqual(before);
  });

  it('brings a database of the first schema up to date and keeps its tracking links', async () => {
    const store = await openCrmStore(database.location, { ...options, create: true });
    const owner = await store.users.add({ email: 'ada@example.org', name: 'Ada' });
    const mailbox = await store.mailboxes.add({ ownerId: owner.id, name: 'Mine', ownerAddress: owner.email, connector: { kind: 'vcard', settings: {} } });
    const contact = await store.contacts.add({ ownerId: owner.id, fields: { lastName: 'Lovelace' } });
    await store.links.add(contact.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: true });
    await store.close();
    // Back to the first schema, as a database made before 0002 is.
    await rawQuery(database.location, "delete from kysely_migration where name in ('0002-link-communications-since', '0003-sign-in')");
    for (const table of ['sessions', 'api_tokens']) await rawQuery(database.location, `drop table ${table}`);
    await rawQuery(database.location, 'alter table users drop column password_hash');
    await rawQuery(database.location, 'alter table tracking_links drop column communications_since');
    for (const index of ['accounts_parent_account_id', 'activities_regarding_account_id', 'activities_regarding_contact_id', 'activity_parties_account_id', 'activity_parties_user_id']) {
      await rawQuery(database.location, `drop index ${index}`);
    }

    const reopened = await openCrmStore(database.location, options);
    expect(reopened.migrationsRun).toEqual(['0002-link-communications-since', '0003-sign-in']);
    expect(await reopened.users.passwordHash(owner.id)).toBeNull();
    expect(await reopened.links.findBySourceItem(mailbox.id, 'uid-1')).toMatchObject({ contactId: contact.id, trackCommunications: true, communicationsSince: null });
    await reopened.close();
  });

  it('lets two processes initialise the same database at once', async () => {
    const [a, b] = await Promise.all([
      openCrmStore(database.location, { ...options, create: true }),
      openCrmStore(database.location, { ...options, create: true }),
    ]);
    expect([...a.migrationsRun, ...b.migrationsRun]).toEqual(ALL_MIGRATIONS);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('a database that cannot be opened', () => {
  it('a SQLite path in a folder that does not exist', async () => {
    const error = await openCrmStore('/nonexistent-liaison-folder/crm.db', { create: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    expect((error as DatabaseUnavailable).reason).toBe('the folder /nonexistent-liaison-folder does not exist');
  });

  it('a PostgreSQL URL where nothing answers', async () => {
    const error = await openCrmStore('postgres://postgres:pw@127.0.0.1:1/test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    expect((error as DatabaseUnavailable).reason).toBe('nothing answers at 127.0.0.1:1 (is PostgreSQL running?)');
    expect((error as DatabaseUnavailable).location).not.toContain('pw');
  });
});

/** What a database holds, to show that an open changed nothing. */
async function fingerprint(dialect: string, location: string): Promise<string> {
  if (dialect === 'sqlite') return createHash('sha256').update(readFileSync(location)).digest('hex');
  const tables = await rawQuery(location, "select table_name from information_schema.tables where table_schema = current_schema() order by 1");
  const migrations = await rawQuery(location, 'select name from kysely_migration order by 1');
  const users = await rawQuery(location, 'select * from users order by id');
  return JSON.stringify({ tables, migrations, users });
}
