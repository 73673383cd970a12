/**
 * `liaison mailbox …` as a user runs it, on small address books written by the test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type FreshDatabase } from './crm-dialects.js';
import { expectOneSentence, liaison } from './run-cli.js';

const card = (uid: string, name: string, email: string, extra = '') =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nN:${name.split(' ').reverse().join(';')};;;\r\nEMAIL;TYPE=INTERNET:${email}\r\n${extra}END:VCARD\r\n`;

describe.each(DIALECTS)('mailbox commands on %s', (dialect) => {
  let cwd: string;
  let database: FreshDatabase;
  const run = (...args: string[]) => liaison([...args, '--db', database.location], { cwd });

  beforeEach(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'liaison-mailbox-'));
    database = await freshDatabase(dialect);
    const books = join(cwd, 'Contacts');
    mkdirSync(join(books, 'Clients'), { recursive: true });
    writeFileSync(join(books, 'team.vcf'), card('ada-1', 'Ada Lovelace', 'ada@analytical.example', 'ORG:Analytical Engines;Research\r\nCATEGORIES:VIP,Team\r\n'));
    writeFileSync(
      join(books, 'Clients', 'clients.vcf'),
      card('grace-1', 'Grace Hopper', 'grace@navy.example', 'ORG:US Navy\r\n') + 'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no name\\, no e-mail\r\nEND:VCARD\r\n',
    );
    writeFileSync(
      join(cwd, 'outlook.csv'),
      '\uFEFFFirst Name,Last Name,Company,E-mail Address,Categories\r\nÉmile,Zola,Les Éditions,emile@editions.example,Auteurs;VIP\r\n',
    );
    expect((await run('init')).code).toBe(0);
    expect((await run('user', 'add', 'ada@example.org', '--name', 'Ada')).code).toBe(0);
  });
  afterEach(async () => {
    await database.cleanup();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('P1: refuses a mailbox whose owner address is not the user’s primary e-mail, and adds nothing', async () => {
    expectOneSentence(
      await run('mailbox', 'add', 'Book', '--owner', 'someone.else@example.org', '--vcard', 'Contacts'),
      /The mailbox address someone\.else@example\.org is not ada@example\.org, the user's primary e-mail.*--owner ada@example\.org.*nothing was added/,
    );
    expect(JSON.parse((await run('mailbox', 'list', '--json')).stdout)).toEqual({ mailboxes: [] });
  });

  it('refuses a path that does not exist, naming it', async () => {
    expectOneSentence(await run('mailbox', 'add', 'Book', '--owner', 'ADA@example.org', '--vcard', 'Missing'), /Cannot read .*Missing/);
  });

  it('adds a vCard folder tree and reads its folders and contacts', async () => {
    const added = await run('mailbox', 'add', 'Book', '--owner', 'ADA@example.org ', '--vcard', 'Contacts', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Book', ownerAddress: 'ADA@example.org', connector: { kind: 'vcard', settings: { path: join(cwd, 'Contacts') } } });
    expect((await run('mailbox', 'list')).stdout).toMatch(/Book\s+vcard\s+ADA@example\.org/);

    const folders = await run('mailbox', 'folders', 'Book');
    expect(folders.stdout.trim().split('\n')).toEqual(['Contacts  (default)', 'Contacts/Clients']);

    const all = await run('mailbox', 'contacts', 'Book');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/ada-1\s+Contacts\s+Ada Lovelace\s+ada@analytical\.example\s+Analytical Engines\s+VIP, Team/);
    expect(all.stdout).toMatch(/grace-1\s+Contacts\/Clients\s+Grace Hopper/);
    expect(all.stderr).toMatch(/2 contact\(s\), 1 record\(s\) could not be read:\n\s+.*clients\.vcf:\d+: .*no name and no e-mail/i);

    const top = JSON.parse((await run('mailbox', 'contacts', 'Book', '--no-subfolders', '--json')).stdout);
    expect(top.contacts.map((c: { itemId: string }) => c.itemId)).toEqual(['ada-1']);
    expect(top.contacts[0]).toMatchObject({ folder: 'Contacts', fields: { fullName: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@analytical.example'] } });
    expect(top.counts).toEqual({ contacts: 1, unreadable: 0 });

    const clients = JSON.parse((await run('mailbox', 'contacts', 'Book', '--folder', 'Contacts/Clients', '--json')).stdout);
    expect(clients.contacts.map((c: { itemId: string }) => c.itemId)).toEqual(['grace-1']);
    expect(clients.unreadable).toHaveLength(1);
    expect(clients.unreadable[0].source.file).toContain('clients.vcf');

    expectOneSentence(await run('mailbox', 'contacts', 'Book', '--folder', 'Contacts/Nope'), /no folder "Contacts\/Nope".*Contacts, Contacts\/Clients/);
  });

  it('adds an Outlook CSV export and reads it', async () => {
    expect((await run('mailbox', 'add', 'Outlook', '--owner', 'ada@example.org', '--outlook-csv', 'outlook.csv')).code).toBe(0);
    const read = JSON.parse((await run('mailbox', 'contacts', 'Outlook', '--json')).stdout);
    expect(read.contacts).toHaveLength(1);
    expect(read.contacts[0].fields).toMatchObject({ firstName: 'Émile', lastName: 'Zola', company: 'Les Éditions', emails: ['emile@editions.example'], categories: ['Auteurs', 'VIP'] });
  });

  it('a user never sees another user’s mailbox (X2)', async () => {
    expect((await run('mailbox', 'add', 'Book', '--owner', 'ada@example.org', '--vcard', 'Contacts')).code).toBe(0);
    expect((await run('user', 'add', 'bob@example.org', '--name', 'Bob')).code).toBe(0);
    expectOneSentence(await run('mailbox', 'contacts', 'Book', '--user', 'bob@example.org'), /There is no mailbox "Book"/);
  });
});
