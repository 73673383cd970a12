/**
 * `npm run start:cli` (`liaison demo`): the embedded default. The database, the demo user and the
 * bundled sample address book are created on first use and found again after; in a
 * terminal the wizard adds the sample's contacts, without one the plan is printed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type FreshDatabase } from './crm-dialects.js';
import { KEY, liaison, liaisonInTerminal } from './run-cli.js';

describe('liaison demo, what npm run start:cli runs', () => {
  it('creates ./liaison.db, the demo user and the sample mailbox once, and without a terminal prints the plan', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'liaison-demo-'));
    const first = await liaison(['demo'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Created the demo user demo@liaison\.example in .*liaison\.db\.\nAdded the sample address book \(.*samples\/address-book\) as the mailbox "Sample address book"\./);
    expect(first.stderr).toMatch(/nothing was added/);
    expect(first.stdout).toMatch(/^Folder Contacts: 296 contacts in 43 groups by company\./);
    expect(first.stdout).toMatch(/3 records could not be read/);
    const second = await liaison(['demo'], { cwd });
    expect(second.stderr).not.toMatch(/Created|Added the sample/);
    expect(second.stdout).toBe(first.stdout);
    const users = JSON.parse((await liaison(['user', 'list', '--json'], { cwd })).stdout);
    expect(users.users.map((u: { email: string }) => u.email)).toEqual(['demo@liaison.example']);
  });
});

describe.each(DIALECTS)('liaison demo in a terminal, on %s', (dialect) => {
  let database: FreshDatabase;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => database.cleanup());

  it('runs the wizard on the sample address book; a second start finds every group in the CRM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'liaison-demo-'));
    const t = liaisonInTerminal(['demo', '--db', database.location], { cwd });
    await t.waitFor(/Contacts folder/);
    t.press(KEY.enter);
    await t.waitFor(/Subfolders to include/);
    t.press(KEY.enter);
    await t.waitFor(/Group contacts by/);
    t.press(KEY.enter);
    await t.waitFor(/What next\?/);
    t.press(KEY.enter);
    // One person is in Clients and again in Clients/Europe with the same address (W9).
    expect(await t.waitFor(/runs show \d+/, 60_000)).toMatch(/295 added, 0 linked, 1 skipped, 42 accounts created, 3 failed/);
    expect((await t.exit()).code).toBe(0);

    const plan = JSON.parse((await liaison(['wizard', 'Sample address book', '--db', database.location, '--plan', '--json'], { cwd })).stdout);
    expect(plan.groups.map((g: { colour: string }) => g.colour)).toEqual(plan.groups.map(() => 'green'));
  });
});
