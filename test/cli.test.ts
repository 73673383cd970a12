/**
 * The `liaison` command as a user runs it: a child process, its output and exit code.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCrmStore } from '../src/crm/index.js';
import { DIALECTS, freshDatabase, rawQuery, TEST_SECRET_BOX, type FreshDatabase } from './crm-dialects.js';
import { expectOneSentence, liaison } from './run-cli.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('help', () => {
  it('lists every command, and each command has examples', async () => {
    const main = await liaison(['--help'], { cwd });
    expect(main.code).toBe(0);
    for (const command of ['init', 'user', 'accounts', 'contacts']) expect(main.stdout).toContain(command);
    const accountsAdd = await liaison(['accounts', 'add', '--help'], { cwd });
    expect(accountsAdd.code).toBe(0);
    expect(accountsAdd.stdout).toContain('Examples:');
    expect(accountsAdd.stdout).toContain('--allow-duplicate');
  });

  it('a usage error exits 2 and points to --help', async () => {
    const result = await liaison(['accounts', 'list', '--limit', 'lots'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit must be a whole number');
    expect(result.stderr).toContain('--help');
  });
});

describe('the default database', () => {
  it('is ./liaison.db, made by init and used by every command after', async () => {
    const init = await liaison(['init'], { cwd });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(join(cwd, 'liaison.db'));
    expect(init.stderr).toContain('liaison user add');
    expect(existsSync(join(cwd, 'liaison.db'))).toBe(true);
    expect((await liaison(['user', 'add', 'ada@example.org', '--name', 'Ada Lovelace'], { cwd })).stdout).toBe(
      'Added user #1 Ada Lovelace <ada@example.org> (admin).\n',
    );
    const again = await liaison(['init', '--json'], { cwd });
    expect(JSON.parse(again.stdout)).toEqual({
      location: join(cwd, 'liaison.db'),
      dialect: 'sqlite',
      migrationsRun: [],
      counts: { users: 1, accounts: 0, contacts: 0 },
    });
  });

  it('is LIAISON_DB when set, and --db over both', async () => {
    await liaison(['init'], { cwd, env: { LIAISON_DB: 'from-env.db' } });
    expect(existsSync(join(cwd, 'from-env.db'))).toBe(true);
    await liaison(['init', '--db', 'from-flag.db'], { cwd, env: { LIAISON_DB: 'from-env.db' } });
    expect(existsSync(join(cwd, 'from-flag.db'))).toBe(true);
    expect(existsSync(join(cwd, 'liaison.db'))).toBe(false);
  });
});

describe('bad input: one sentence, exit 2, nothing changed', () => {
  it('a command before init says to run init, and creates no file', async () => {
    expectOneSentence(await liaison(['contacts', 'list'], { cwd }), /There is no Liaison database at .*liaison\.db\. Run "liaison init"/);
    expect(existsSync(join(cwd, 'liaison.db'))).toBe(false);
  });

  it('a database path that cannot be opened', async () => {
    expectOneSentence(await liaison(['init', '--db', join(cwd, 'missing', 'crm.db')], { cwd }), /folder .*missing does not exist/);
    expectOneSentence(await liaison(['init', '--db', cwd], { cwd }), /it is a directory, not a file/);
  });

  it('a file that is not a database is left as it was', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(join(cwd, 'notes.db'), 'my notes, not a database\n');
    expectOneSentence(await liaison(['init', '--db', 'notes.db'], { cwd }), /the file is not a SQLite database/);
    expect(readFileSync(join(cwd, 'notes.db'), 'utf8')).toBe('my notes, not a database\n');
  });

  it('a PostgreSQL URL that does not answer', async () => {
    expectOneSentence(
      await liaison(['contacts', 'list', '--db', 'postgres://crm:secret@127.0.0.1:1/crm'], { cwd }),
      /^Cannot open the database at postgres:\/\/crm:\*\*\*@127\.0\.0\.1:1\/crm: nothing answers at 127\.0\.0\.1:1 \(is PostgreSQL running\?\)/,
    );
  });
});

describe.each(DIALECTS)('the CLI on %s', (dialect) => {
  let database: FreshDatabase;
  const run = (...args: string[]) => liaison([...args, '--db', database.location], { cwd });
  beforeEach(async () => (database = await freshDatabase(dialect)));
  afterEach(() => database.cleanup());

  it('adds users and accounts, refusing duplicates with a sentence that says what to do', async () => {
    expect((await run('init')).code).toBe(0);
    expect((await run('user', 'add', 'ada@example.org', '--name', 'Ada Lovelace')).code).toBe(0);
    expectOneSentence(await run('user', 'add', ' ADA@Example.org', '--name', 'Ada Again'), /already exists.*liaison user list/);
    expect((await run('user', 'add', 'bob@example.org', '--name', 'Bob')).stdout).toContain('(user)');

    expectOneSentence(await run('accounts', 'add', 'Contoso Ltd'), /several users: say which one with --owner/);
    const added = await run('accounts', 'add', 'Contoso Ltd ', '--owner', 'ada@example.org', '--website', 'https://contoso.example', '--json');
    expect(JSON.parse(added.stdout)).toMatchObject({ id: 1, name: 'Contoso Ltd', website: 'https://contoso.example' });
    expectOneSentence(await run('accounts', 'add', 'contoso  ltd', '--owner', 'bob@example.org'), /#1 "Contoso Ltd".*--allow-duplicate/);
    expect((await run('accounts', 'add', 'contoso  ltd', '--owner', 'bob@example.org', '--allow-duplicate')).code).toBe(0);
    expect((await run('accounts', 'add', 'Contoso Europe', '--owner', 'bob@example.org', '--parent', '1')).code).toBe(0);
    expectOneSentence(await run('accounts', 'add', 'Orphan', '--owner', 'bob@example.org', '--parent', '99'), /There is no account #99/);

    const table = await run('accounts', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+WEBSITE\s+PARENT$/);
    expect(table.stdout).toContain('Contoso Europe');
    const json = JSON.parse((await run('accounts', 'list', '--search', 'EUROPE', '--json')).stdout);
    expect(json).toMatchObject({ accounts: [{ name: 'Contoso Europe', parentAccountId: 1 }], limit: 100, offset: 0 });
  });

  it('lists contacts as a table and as JSON with every field', async () => {
    const store = await openCrmStore(database.location, { create: true, secretBox: () => TEST_SECRET_BOX });
    const ada = await store.users.add({ email: 'ada@example.org', name: 'Ada' });
    const contoso = await store.accounts.add({ name: 'Contoso Ltd', ownerId: ada.id });
    await store.contacts.addMany(
      Array.from({ length: 120 }, (_, i) => ({
        contact: {
          ownerId: ada.id,
          fields: { firstName: 'Émile', lastName: `Zola ${i}`, company: 'Contoso', emails: [`emile${i}@contoso.example`], phones: { mobile: `+33 6 ${i}` } },
          parent: { kind: 'account' as const, id: contoso.id },
        },
      })),
    );
    await store.close();

    const table = await run('contacts', 'list', '--limit', '5');
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\s*ID\s+NAME\s+E-MAIL\s+COMPANY\s+PARENT\s+STATE$/);
    expect(lines).toHaveLength(2 + 5);
    expect(lines[2]).toMatch(/1\s+Émile Zola 0\s+emile0@contoso\.example\s+Contoso\s+Contoso Ltd\s+active/);
    expect(table.stderr).toContain('Showing 1–5 of 120 contacts');

    const json = JSON.parse((await run('contacts', 'list', '--json', '--offset', '100', '--limit', '50')).stdout);
    expect(json.total).toBe(120);
    expect(json.contacts).toHaveLength(20);
    expect(json.contacts[0]).toMatchObject({ lastName: 'Zola 100', emails: ['emile100@contoso.example'], phones: { mobile: '+33 6 100' }, parent: { kind: 'account', id: contoso.id }, rowVersion: 1 });

    const search = JSON.parse((await run('contacts', 'list', '--search', 'EMILE119', '--json')).stdout);
    expect(search.contacts.map((c: { lastName: string }) => c.lastName)).toEqual(['Zola 119']);
  });

  it('refuses a database made by a newer Liaison and leaves it as it was', async () => {
    expect((await run('init')).code).toBe(0);
    await rawQuery(database.location, "insert into kysely_migration (name, timestamp) values ('0999-from-the-future', '2030-01-01')");
    expectOneSentence(await run('user', 'add', 'ada@example.org', '--name', 'Ada'), /made by a newer version of Liaison \(it has 0999-from-the-future\)\. Upgrade Liaison/);
    expect(await rawQuery(database.location, 'select id from users')).toEqual([]);
  });
});
