import { describe, expect, it } from 'vitest';
import type { CrmStore, User } from '../../src/crm/index.js';
import type { Mailbox, MailboxRecord } from '../../src/mailbox/mailbox.js';
import {
  addContacts,
  ForeignFolder,
  MailboxAddressMismatch,
  openTrackingMailbox,
  ParentNotFound,
  planWizard,
  RunChangedSince,
  runWizard,
  showRun,
  undoRun,
  UnknownChoice,
  type WizardChoices,
} from '../../src/tracking/index.js';
import { resolveSource } from '../../src/tracking/read-source-contacts.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { newAccount, newContact, newUser } from '../store-fixtures.js';
import { addVcardMailbox, sampleTree, writeVcardTree } from './wizard-fixtures.js';

describe.each(DIALECTS)('the Add Contacts wizard on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  const open = async (root = sampleTree()) => {
    const stored = await addVcardMailbox(store, owner, root);
    return { stored, opened: await openTrackingMailbox(store, stored.name, owner.email) };
  };
  const add = (choices: WizardChoices, mailbox = 'Address book') => addContacts(store, { mailbox, userEmail: owner.email, choices });
  const countRows = async () => ({ contacts: await store.contacts.count(), accounts: await store.accounts.count() });

  it('P1: refuses a mailbox whose owner address is not the user’s primary e-mail, and writes nothing', async () => {
    await store.mailboxes.add({ ownerId: owner.id, name: 'Theirs', ownerAddress: 'someone.else@example.org', connector: { kind: 'vcard', settings: { path: sampleTree() } } });
    await expect(add({ groupBy: 'company' }, 'Theirs')).rejects.toThrow(MailboxAddressMismatch);
    expect(await store.runs.list()).toEqual([]);
    expect(await countRows()).toEqual({ contacts: 0, accounts: 0 });
  });

  it("P2: a delegate's folder is refused with its owner, never skipped", async () => {
    const { opened } = await open();
    const delegate: Mailbox = {
      ownerAddress: opened.mailbox.ownerAddress,
      folders: async () => [
        { path: 'Contacts', name: 'Contacts', isDefault: true },
        { path: 'Contacts/Boss', name: 'Boss', isDefault: false, ownerAddress: 'boss@example.org' },
      ],
      contacts: async function* (): AsyncGenerator<MailboxRecord> {},
    };
    await expect(resolveSource({ ...opened, mailbox: delegate }, {})).rejects.toThrow(ForeignFolder);
    await expect(resolveSource({ ...opened, mailbox: delegate }, { excludeSubfolders: ['Contacts/Boss'] })).resolves.toMatchObject({ folder: 'Contacts' });
  });

  it('W1: proposes the default folder with every subfolder; an excluded subfolder is left out with its own', async () => {
    const { opened } = await open();
    const all = await planWizard(store, opened, { groupBy: 'company' });
    expect(all.folder).toBe('Contacts');
    expect(all.folders).toEqual(['Contacts', 'Contacts/Clients', 'Contacts/Clients/Old']);
    expect(all.contacts.map((c) => c.id).sort()).toEqual(['ada', 'bob', 'cho', 'dan', 'eve', 'fay', 'gus', 'hal']);
    const without = await planWizard(store, opened, { groupBy: 'company', excludeSubfolders: ['Contacts/Clients'] });
    expect(without.contacts.map((c) => c.id).sort()).toEqual(['ada', 'bob', 'cho', 'dan']);
  });

  it('the preparation report: missing company and e-mail, records that could not be read, variant proposals, near account names', async () => {
    await newAccount(store, owner, 'Northwind Ltd');
    const { opened } = await open();
    const plan = await planWizard(store, opened, { groupBy: 'company' });
    expect(plan.report.missingCompany.map((c) => c.id).sort()).toEqual(['eve', 'hal']);
    expect(plan.report.unreadable).toHaveLength(1);
    expect(plan.report.unreadable[0]).toMatchObject({ folder: 'Contacts/Clients' });
    expect(plan.report.unreadable[0]!.file).toMatch(/broken\.vcf$/);
    expect(plan.variants.map((v) => v.names.map((n) => n.name).sort())).toEqual([['Contoso Ltd', 'Contoso, Inc.']]);
    expect(plan.report.nearAccounts).toEqual([{ company: 'Northwind', accounts: [expect.objectContaining({ name: 'Northwind Ltd' })] }]);
  });

  it('W2/W5: groups with counts, tracked and matched apart, the account name as label, and colours', async () => {
    const account = await newAccount(store, owner, 'FABRIKAM');
    await newContact(store, owner, { emails: ['dan@fabrikam.com'] });
    const { opened } = await open();
    const plan = await planWizard(store, opened, { groupBy: 'company' });
    const rows = plan.groups.map((g) => [g.key, g.label, g.count, g.tracked, g.matched, g.colour]);
    expect(rows.at(-1)![0]).toBe('(no company)');
    expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['(no company)', '(no company)', 2, 0, 0, 'none'],
      ['contoso ltd', 'Contoso Ltd', 2, 0, 0, 'none'],
      ['contoso, inc.', 'Contoso, Inc.', 1, 0, 0, 'none'],
      ['fabrikam', account.name, 2, 0, 1, 'red'],
      ['northwind', 'Northwind', 1, 0, 0, 'none'],
    ]);
    await add({ groupBy: 'company', unchecked: ['contoso ltd', 'contoso, inc.', 'northwind', '(no company)'] });
    const again = await planWizard(store, opened, { groupBy: 'company' });
    expect(again.groups.find((g) => g.key === 'fabrikam')).toMatchObject({ tracked: 2, matched: 0, alreadyInCrm: 2, colour: 'green' });
  });

  it('W2 category: a contact in two checked categories is added once', async () => {
    await open();
    const { summary } = await add({ groupBy: 'category', unchecked: ['(no category)'] });
    // The card that could not be read is a failure of every run over its folder.
    expect(summary).toMatchObject({ added: 3, linked: 0, failed: 1 });
    expect(await store.contacts.count()).toBe(3);
  });

  it('W3/W6: an accepted merge makes one account of the variants; accounts are created once per distinct name', async () => {
    await open();
    const { summary } = await add({ groupBy: 'company', merges: [{ from: 'Contoso, Inc.', to: 'Contoso Ltd' }] });
    expect(summary).toMatchObject({ added: 8, accountsCreated: 3, failed: 1 });
    const accounts = await store.accounts.list();
    expect(accounts.map((a) => a.name).sort()).toEqual(['Contoso Ltd', 'Fabrikam', 'Northwind']);
    const contoso = accounts.find((a) => a.name === 'Contoso Ltd')!;
    const parents = (await store.contacts.list()).filter((c) => c.parent?.id === contoso.id).map((c) => c.fullName).sort();
    expect(parents).toEqual(['Ada Lovelace', 'Bob Martin', 'Cho Yun']);
  });

  it('W3: a merge naming a company no contact has is refused before anything is written', async () => {
    await open();
    await expect(add({ groupBy: 'company', merges: [{ from: 'Contosso', to: 'Contoso Ltd' }] })).rejects.toThrow(UnknownChoice);
    expect(await countRows()).toEqual({ contacts: 0, accounts: 0 });
  });

  it('W4: unchecked groups are not added; an unknown group key is refused', async () => {
    await open();
    await expect(add({ groupBy: 'company', unchecked: ['no such group'] })).rejects.toThrow(UnknownChoice);
    const { summary } = await add({ groupBy: 'company', unchecked: ['contoso ltd', '(no company)'] });
    expect(summary.added).toBe(4);
    expect((await store.contacts.list()).map((c) => c.fullName).sort()).toEqual(['Cho Yun', 'Dan Brown', 'Fay Wong', 'Gus Grav']);
  });

  it('W6: an existing account is used, the one the user owns among several, with a warning', async () => {
    const other = await newUser(store);
    const oldest = await newAccount(store, other, 'Fabrikam');
    const mine = await newAccount(store, owner, 'fabrikam');
    await open();
    const { summary } = await add({ groupBy: 'company', unchecked: ['contoso ltd', 'contoso, inc.', 'northwind', '(no company)'] });
    expect(summary.accountsCreated).toBe(0);
    expect(summary.warnings.map((w) => w.message).join()).toMatch(new RegExp(`#${oldest.id}, #${mine.id}`));
    expect((await store.contacts.list()).map((c) => c.parent)).toEqual([{ kind: 'account', id: mine.id }, { kind: 'account', id: mine.id }]);
  });

  it('W6 off: contacts get no parent and no account is created', async () => {
    await open();
    await add({ groupBy: 'company', companyAccount: false });
    expect(await store.accounts.count()).toBe(0);
    expect((await store.contacts.list()).every((c) => c.parent === null)).toBe(true);
  });

  it('W7/W8: communications are tracked from the date given, except for a group that says no; a group can get a chosen account or none', async () => {
    const chosen = await newAccount(store, owner, 'Holding');
    const { stored } = await open();
    await add({
      groupBy: 'company',
      trackCommunications: true,
      communicationsSince: '2026-01-01',
      groupSettings: { fabrikam: { account: { kind: 'account', id: chosen.id }, includeCommunications: false }, northwind: { account: { kind: 'none' } } },
    });
    const links = await store.links.listByMailbox(stored.id);
    const byItem = new Map(links.map((l) => [l.sourceItemId, l]));
    expect(byItem.get('ada')).toMatchObject({ trackCommunications: true, communicationsSince: expect.stringMatching(/^2026-01-01/) });
    expect(byItem.get('dan')).toMatchObject({ trackCommunications: false, communicationsSince: null });
    const contacts = new Map((await store.contacts.list()).map((c) => [c.fullName, c]));
    expect(contacts.get('Dan Brown')!.parent).toEqual({ kind: 'account', id: chosen.id });
    expect(contacts.get('Gus Grav')!.parent).toBeNull();
    expect(await store.accounts.findByName('Northwind')).toEqual([]);
  });

  it('W8: an account id that does not exist is refused before anything is written', async () => {
    await open();
    await expect(add({ groupBy: 'company', groupSettings: { fabrikam: { account: { kind: 'account', id: 9999 } } } })).rejects.toThrow(ParentNotFound);
    expect(await countRows()).toEqual({ contacts: 0, accounts: 0 });
  });

  it('W9: a contact whose e-mail is in the CRM is linked, not copied; a second run creates nothing', async () => {
    const existing = await newContact(store, owner, { fullName: 'Ada L.', emails: ['ADA@contoso.com'] });
    await open();
    const first = await add({ groupBy: 'domain' });
    expect(first.summary).toMatchObject({ added: 7, linked: 1, skipped: 0, failed: 1 });
    const after = await countRows();
    const second = await add({ groupBy: 'domain' });
    expect(second.summary).toMatchObject({ added: 0, linked: 0, skipped: 8, accountsCreated: 0 });
    expect(await countRows()).toEqual(after);
    expect((await store.contacts.getOrThrow(existing.id)).fullName).toBe('Ada L.');
  });

  it('W9: two mailbox contacts with one e-mail make one CRM contact; the second is skipped with why', async () => {
    const root = writeVcardTree({ 'a.vcf': [{ uid: 'one', name: 'Jo Smith', email: 'jo@example.org' }, { uid: 'two', name: 'Jo S.', email: 'JO@example.org' }] });
    await open(root);
    const { summary } = await add({ groupBy: 'domain' });
    expect(summary).toMatchObject({ added: 1, skipped: 1 });
    expect(summary.skippedItems).toEqual([]);
    const { summary: shown } = await showRun(store, summary.runId, owner.email, { skipped: true });
    expect(shown.skippedItems).toEqual([{ id: 'two', name: 'Jo S.', folder: 'Contacts', reason: expect.stringMatching(/already added or linked/) }]);
  });

  it('W10: a contact the CRM refuses fails alone; the run goes on and the summary says why', async () => {
    const { opened } = await open();
    // The store refuses a contact with four e-mails (S1 has three slots); no reader makes
    // one, so the mailbox is wrapped to hand one over, as a faulty connector could.
    const real = opened.mailbox;
    const faulty: Mailbox = {
      ...real,
      folders: () => real.folders(),
      contacts: async function* (query) {
        for await (const record of real.contacts(query)) {
          if (record.kind === 'contact' && record.itemId === 'dan') yield { ...record, fields: { ...record.fields, emails: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example'] } };
          // Fay shares an address with Dan: Dan's failure must not make her "the same person again".
          else if (record.kind === 'contact' && record.itemId === 'fay') yield { ...record, fields: { ...record.fields, emails: ['a@x.example'] } };
          else yield record;
        }
      },
    };
    const choices: WizardChoices = { groupBy: 'company' };
    const plan = await planWizard(store, { ...opened, mailbox: faulty }, choices);
    const summary = await runWizard(store, plan, choices, { batchSize: 1 });
    expect(summary).toMatchObject({ added: 7, skipped: 0, failed: 2, status: 'finished' });
    expect(summary.failures.find((f) => f.id === 'dan')).toEqual({ id: 'dan', name: 'Dan Brown', folder: 'Contacts', reason: expect.stringMatching(/at most 3 e-mail addresses/) });
    expect((await store.contacts.list()).map((c) => c.fullName)).not.toContain('Dan Brown');
    expect(await store.contacts.count()).toBe(7);
  });

  it('W10: the summary lists every failure with its folder and reason, and reads the same again', async () => {
    await open();
    const { summary } = await add({ groupBy: 'company' });
    expect(summary.failures).toEqual([{ id: expect.stringMatching(/^unreadable:.*broken\.vcf:\d+$/), name: expect.stringMatching(/broken\.vcf, line \d+/), folder: 'Contacts/Clients', reason: expect.stringMatching(/could not be read/) }]);
    const stored = await store.runs.getOrThrow(summary.runId);
    expect(stored.status).toBe('finished');
    expect(stored.summary).toMatchObject({ added: summary.added, failed: 1 });
  });

  it('W10: undo leaves the CRM as it was before the run', async () => {
    const existing = await newContact(store, owner, { emails: ['dan@fabrikam.com'] });
    const before = { ...(await countRows()), contacts: (await store.contacts.list()).map((c) => ({ ...c })) };
    const { stored } = await open();
    const { summary } = await add({ groupBy: 'company' });
    expect(summary).toMatchObject({ linked: 1, accountsCreated: 4 });
    await undoRun(store, summary.runId, owner.email);
    expect(await store.contacts.list()).toEqual(before.contacts);
    expect(await store.accounts.count()).toBe(before.accounts);
    expect(await store.links.listByMailbox(stored.id)).toEqual([]);
    expect((await store.runs.getOrThrow(summary.runId)).status).toBe('undone');
    expect((await store.contacts.getOrThrow(existing.id)).rowVersion).toBe(existing.rowVersion);
  });

  it('W10: undo of a run whose records changed since is refused with the list, and changes nothing', async () => {
    await open();
    const { summary } = await add({ groupBy: 'company' });
    const edited = (await store.contacts.list())[0]!;
    await store.contacts.update(edited.id, { fields: { ...edited, notes: 'changed by hand' } });
    const before = await countRows();
    const refusal = await undoRun(store, summary.runId, owner.email).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RunChangedSince);
    expect((refusal as RunChangedSince).changed).toEqual([expect.objectContaining({ kind: 'contact', id: edited.id })]);
    expect(await countRows()).toEqual(before);
  });

  it('W11: a run resumed after an interruption adds the rest, each contact once', async () => {
    const { opened } = await open();
    const choices: WizardChoices = { groupBy: 'company' };
    const plan = await planWizard(store, opened, choices);
    // An interruption after the first batch: the run is left `running` with part of its items.
    await expect(
      runWizard(store, plan, choices, {
        batchSize: 2,
        onProgress: ({ done }) => {
          if (done >= 4) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const interrupted = (await store.runs.list())[0]!;
    expect(interrupted.status).toBe('running');
    const partly = await store.contacts.count();
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(8);
    const { summary, resumed } = await add({ groupBy: 'domain' });
    expect(resumed).toMatchObject({ runId: interrupted.id, choices: { groupBy: 'company' } });
    expect(summary).toMatchObject({ runId: interrupted.id, added: 8, failed: 1, status: 'finished' });
    expect(await store.contacts.count()).toBe(8);
    expect(await store.accounts.count()).toBe(4);
  });
});
