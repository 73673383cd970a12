/**
 * The interactive wizard (`liaison wizard <mailbox>` in a terminal) driven key by key in
 * a pseudo-terminal, as a user goes through it: folder and subfolders, grouping, a
 * group's names, a merge, the two options, the advanced settings of a group, Add, the
 * summary; and the offer to finish an interrupted run (W11).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmStore, Mailbox, User } from '../src/crm/index.js';
import { openTrackingMailbox, planWizard, runWizard } from '../src/tracking/index.js';
import { DIALECTS, openFreshStore } from './crm-dialects.js';
import { KEY, liaisonInTerminal } from './run-cli.js';
import { addVcardMailbox, sampleTree } from './tracking/wizard-fixtures.js';

describe.each(DIALECTS)('the interactive wizard in a terminal, on %s', (dialect) => {
  let store: CrmStore;
  let location: string;
  let cleanup: () => Promise<void>;
  let owner: User;
  let mailbox: Mailbox;
  let cwd: string;

  beforeEach(async () => {
    ({ store, location, cleanup } = await openFreshStore(dialect));
    owner = await store.users.add({ email: 'ada@example.org', name: 'Ada', role: 'admin' });
    cwd = sampleTree();
    mailbox = await addVcardMailbox(store, owner, cwd, 'Book');
  });
  afterEach(async () => cleanup());

  const wizard = () => liaisonInTerminal(['wizard', 'Book', '--db', location], { cwd });

  it('goes through every step and adds what was chosen (W1, W3, W4, W6, W7, W8, W10)', async () => {
    const t = wizard();
    await t.waitFor(/Contacts folder/);
    t.press(KEY.enter);
    await t.waitFor(/Subfolders to include[\s\S]*Contacts\/Clients\/Old/);
    t.press(KEY.down, KEY.space, KEY.enter); // leave out Contacts/Clients/Old
    await t.waitFor(/Group contacts by/);
    t.press(KEY.enter); // company name
    const table = await t.waitFor(/What next\?/);
    expect(table).toMatch(/Contoso Ltd\s+2\s+0 \(none in CRM\)/);
    expect(table).not.toMatch(/Northwind/);

    t.press(KEY.down, KEY.enter); // list a group's names
    await t.waitFor(/Which group\?/);
    t.press(KEY.enter); // Contoso Ltd
    expect(await t.waitFor(/What next\?/)).toMatch(/Ada Lovelace <ada@contoso\.com>[\s\S]*Bob Martin <bob@contoso\.com>/);

    t.press(KEY.down, KEY.down, KEY.down, KEY.enter); // accept company-name merges
    await t.waitFor(/Merges to accept[\s\S]*Contoso Ltd \/ Contoso, Inc\./);
    t.press(KEY.space, KEY.enter);
    expect(await t.waitFor(/What next\?/)).toMatch(/Contoso Ltd\s+3\s+0 \(none in CRM\)/);

    t.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // options
    await t.waitFor(/Use company name as account name\?/);
    t.press('y');
    await t.waitFor(/Track all communications/);
    t.press('y');
    await t.waitFor(/Back-fill from/);
    t.press(...'2026-01-01', KEY.enter);
    await t.waitFor(/What next\?/);

    t.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter); // advanced
    await t.waitFor(/Which group\?/);
    t.press(KEY.down, KEY.enter); // Fabrikam
    await t.waitFor(/Set account/);
    t.press(KEY.down, KEY.enter); // not set
    await t.waitFor(/Include communications\?/);
    t.press('n');
    await t.waitFor(/What next\?/);

    t.press(KEY.enter); // add
    const summary = await t.waitFor(/runs show \d+/);
    expect(summary).toMatch(/Run #1 \(finished\): 7 added, 0 linked, 0 skipped, 1 accounts created, 1 failed\./);
    expect(summary).toMatch(/broken\.vcf, line \d+: it could not be read/);
    expect((await t.exit()).code).toBe(0);

    const contacts = new Map((await store.contacts.list()).map((c) => [c.fullName, c]));
    expect([...contacts.keys()].sort()).toEqual(['Ada Lovelace', 'Bob Martin', 'Cho Yun', 'Dan Brown', 'Eve Adams', 'Fay Wong', 'Hal Jordan']);
    const [contoso] = await store.accounts.list();
    expect(contoso!.name).toBe('Contoso Ltd');
    expect(contacts.get('Cho Yun')!.parent).toEqual({ kind: 'account', id: contoso!.id });
    expect(contacts.get('Dan Brown')!.parent).toBeNull();
    const links = new Map((await store.links.listByMailbox(mailbox.id)).map((l) => [l.sourceItemId, l]));
    expect(links.get('ada')).toMatchObject({ trackCommunications: true, communicationsSince: expect.stringMatching(/^2026-01-01/) });
    expect(links.get('fay')).toMatchObject({ trackCommunications: false });
  });

  it('W11: offers to finish an interrupted run with its own choices, and finishes it', async () => {
    const opened = await openTrackingMailbox(store, 'Book', owner.email);
    const choices = { groupBy: 'domain' as const };
    const plan = await planWizard(store, opened, choices);
    const stop = (p: { done: number }) => {
      if (p.done >= 2) throw new Error('killed');
    };
    await expect(runWizard(store, plan, choices, { batchSize: 2, onProgress: stop })).rejects.toThrow('killed');
    const before = await store.contacts.count();

    const t = wizard();
    await t.waitFor(/Run #1 of this mailbox was interrupted[\s\S]*Finish run #1 now/);
    t.press('y');
    expect(await t.waitFor(/runs show 1/)).toMatch(/Run #1 \(finished\): \d+ added/);
    expect((await t.exit()).code).toBe(0);
    expect(before).toBeLessThan(8);
    expect(await store.contacts.count()).toBe(8);
    expect((await store.runs.list()).map((r) => r.status)).toEqual(['finished']);
  });
});
