/**
 * `liaison wizard`, `track`, `untrack` and `runs` as a user runs them, non-interactively:
 * the JSON shapes of the README, and one clear sentence for each bad input of the issue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, rawQuery, type FreshDatabase } from './crm-dialects.js';
import { expectOneSentence, expectUsageError, liaison } from './run-cli.js';
import { sampleTree } from './tracking/wizard-fixtures.js';

describe.each(DIALECTS)('wizard, track and runs commands on %s', (dialect) => {
  let cwd: string;
  let database: FreshDatabase;
  const run = (...args: string[]) => liaison([...args, '--db', database.location], { cwd });
  const json = async (...args: string[]) => {
    const result = await run(...args, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  beforeEach(async () => {
    cwd = sampleTree();
    database = await freshDatabase(dialect);
    expect((await run('init')).code).toBe(0);
    expect((await run('user', 'add', 'ada@example.org', '--name', 'Ada')).code).toBe(0);
    expect((await run('mailbox', 'add', 'Book', '--owner', 'ada@example.org', '--vcard', cwd)).code).toBe(0);
  });
  afterEach(async () => database.cleanup());

  it('--plan prints the plan as the README shows it and changes nothing', async () => {
    const plan = await json('wizard', 'Book', '--group-by', 'company', '--plan');
    expect(Object.keys(plan)).toEqual(expect.arrayContaining(['folder', 'groups', 'variants', 'report']));
    expect(plan.folder).toBe('Contacts');
    expect(plan.groups[0]).toEqual({
      key: 'contoso ltd',
      label: 'Contoso Ltd',
      count: 2,
      tracked: 0,
      matched: 0,
      alreadyInCrm: 0,
      colour: 'none',
      contacts: [
        { id: 'ada', name: 'Ada Lovelace', email: 'ada@contoso.com', folder: 'Contacts' },
        { id: 'bob', name: 'Bob Martin', email: 'bob@contoso.com', folder: 'Contacts' },
      ],
    });
    expect(plan.variants).toEqual([{ canonical: expect.any(String), reason: 'same-loose-key', names: expect.any(Array) }]);
    expect(await json('runs', 'list')).toEqual({ runs: [] });
    expect(await json('contacts', 'list')).toMatchObject({ contacts: [] });
  });

  it('the text plan names each colour in words beside the count', async () => {
    const result = await run('wizard', 'Book', '--group-by', 'domain', '--plan');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/contoso\.com\s+contoso\.com\s+3\s+0 \(none in CRM\)/);
    expect(result.stdout).toMatch(/1 records could not be read/);
  });

  it('runs, prints the summary as the README shows it, and a re-run adds nothing', async () => {
    const summary = await json('wizard', 'Book', '--group-by', 'company', '--merge', 'Contoso, Inc.=Contoso Ltd', '--uncheck', '(no company)');
    expect(summary).toEqual({
      runId: expect.any(Number),
      status: 'finished',
      added: 6,
      linked: 0,
      skipped: 0,
      parentSet: 0,
      accountsCreated: 3,
      failed: 1,
      failures: [{ id: expect.stringMatching(/^unreadable:/), name: expect.any(String), folder: 'Contacts/Clients', reason: expect.stringMatching(/could not be read/) }],
      warnings: [],
    });
    const again = await json('wizard', 'Book', '--group-by', 'company', '--merge', 'Contoso, Inc.=Contoso Ltd', '--uncheck', '(no company)');
    expect(again).toMatchObject({ added: 0, skipped: 6, accountsCreated: 0 });
    const shown = await json('runs', 'show', String(summary.runId));
    expect(shown).toEqual(summary);
    const skipped = await json('runs', 'show', String(again.runId), '--skipped');
    expect(skipped.skippedItems).toHaveLength(6);
    expect(skipped.skippedItems[0]).toEqual({ id: expect.any(String), name: expect.any(String), folder: expect.any(String), reason: expect.stringMatching(/^already tracked from this mailbox \(CRM contact #\d+\)$/) });
    const text = await run('runs', 'list');
    expect(text.stdout).toMatch(/wizard\s+finished/);
  });

  it('undo removes what the run added; an unknown run id is one sentence', async () => {
    const summary = await json('wizard', 'Book', '--group-by', 'domain');
    const undone = await run('runs', 'undo', String(summary.runId));
    expect(undone.stdout).toMatch(new RegExp(`Run #${summary.runId} was undone: 8 contacts`));
    expect(await json('contacts', 'list')).toMatchObject({ contacts: [] });
    expectOneSentence(await run('runs', 'show', '999'), /^There is no run #999 in this CRM\. See them with "liaison runs list"\.$/);
    expectOneSentence(await run('runs', 'undo', String(summary.runId)), new RegExp(`^Run #${summary.runId} cannot be undone: it was undone already\\.`));
  });

  it('undo refused with --json prints what changed and exits with 2', async () => {
    const summary = await json('wizard', 'Book', '--group-by', 'domain');
    const [contact] = await rawQuery<{ id: number }>(database.location, 'select id from contacts order by id limit 1');
    await rawQuery(database.location, "update contacts set notes = 'changed by hand', row_version = row_version + 1 where id = $1", [contact!.id]);
    const refused = await run('runs', 'undo', String(summary.runId), '--json');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ runId: summary.runId, undone: false, changed: [expect.objectContaining({ kind: 'contact', id: contact!.id })] });
  });

  it('bad choices are one sentence each, and nothing is added', async () => {
    expectOneSentence(await run('wizard', 'Book', '--group-by', 'company', '--uncheck', 'contoso'), /There is no group "contoso" in this plan\. Did you mean "contoso ltd", "contoso, inc\."\?/);
    expectOneSentence(await run('wizard', 'Book', '--group-by', 'company', '--set-account', 'fabrikam=account:77'), /There is no account #77 in this CRM \(set for the group "fabrikam"\)/);
    expectOneSentence(await run('wizard', 'Book', '--group-by', 'company', '--folder', 'Nope'), /The mailbox has no folder "Nope"/);
    expectUsageError(await run('wizard', 'Book'), /^error: the interactive wizard needs a terminal; without one, give --group-by/);
    expectUsageError(await run('wizard', 'Book', '--group-by', 'company', '--set-account', 'fabrikam=maybe'), /"maybe" is not none, company, account:<id> or contact:<id>/);
    expect(await json('contacts', 'list')).toMatchObject({ contacts: [] });
  });

  it('T1: track takes at most 20 contacts, pointing to the wizard; untrack --delete removes the copy', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `id-${i}`);
    expectOneSentence(await run('track', 'Book', ...many), /21 contacts at once is more than 20.*liaison wizard/);
    expectOneSentence(await run('track', 'Book', 'ada', 'nobody'), /no contact with the item id "nobody"/);
    const tracked = await json('track', 'Book', 'ada', 'dan');
    expect(tracked).toMatchObject({ added: 2, linked: 0, skipped: 0 });
    const contacts = (await json('contacts', 'list')).contacts;
    expect(contacts.every((c: { parent: unknown }) => c.parent === null)).toBe(true);
    const untracked = await json('untrack', 'Book', 'ada', '--delete');
    expect(untracked).toEqual({ results: [{ id: 'ada', outcome: 'untracked-and-deleted', contactId: expect.any(Number) }] });
    expect((await json('contacts', 'list')).contacts).toHaveLength(1);
  });
});
