import { beforeEach, describe, expect, it } from 'vitest';
import { RunNotUndoable, type Account, type Contact, type CrmStore, type Mailbox, type Run, type RunBatchResult, type User } from '../../src/crm/index.js';
import { DIALECTS, rawQuery, useFreshStore } from '../crm-dialects.js';
import { addedItem, batchOf, linkedItem, newAccount, newContact, newMailbox, newRun } from '../store-fixtures.js';

describe.each(DIALECTS)('undoing a run on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  let location: string;
  let mailbox: Mailbox;
  let run: Run;
  /** What the run found: a contact it links, a contact whose parent it sets (from `before` to `after`). */
  let existing: Contact;
  let parented: Contact;
  let before: Account;
  let after: Account;
  /** What the run wrote. */
  let created: Account;
  let written: RunBatchResult;
  useFreshStore(dialect, (t) => ({ store, owner, location } = t));

  beforeEach(async () => {
    mailbox = await newMailbox(store, owner);
    existing = await newContact(store, owner);
    before = await newAccount(store, owner);
    after = await newAccount(store, owner);
    parented = await store.contacts.add({ ownerId: owner.id, fields: { lastName: 'Parented' }, parent: { kind: 'account', id: before.id } });
    run = await newRun(store, owner, mailbox);
    created = (await store.runs.claimAccount(run.id, 'Contoso', owner.id)).account;
    written = await store.runs.commitBatch(
      run.id,
      batchOf({
        added: [addedItem(owner, mailbox, 'uid-1', {}, { kind: 'account', id: created.id }), addedItem(owner, mailbox, 'uid-2', {}, { kind: 'account', id: created.id })],
        linked: [linkedItem(mailbox, 'uid-3', existing.id)],
        parentSet: [{ itemKey: 'uid-4', folder: 'Contacts', contactId: parented.id, parent: { kind: 'account', id: after.id } }],
        recorded: [{ itemKey: 'uid-5', subjectKind: 'contact', outcome: 'skipped', reason: 'already tracked' }],
      }),
    );
  });

  /** Everything an undo could touch, to show that a refused one changed nothing. */
  async function snapshot() {
    return {
      contacts: await store.contacts.list({ limit: 10_000 }),
      accounts: await store.accounts.list({ limit: 10_000 }),
      links: await store.links.listByMailbox(mailbox.id),
      run: await store.runs.getOrThrow(run.id),
    };
  }

  it('removes what the run created, unlinks what it linked and restores the parents it set', async () => {
    const [first, second] = written.addedContactIds as [number, number];
    expect(await store.runs.undo(run.id)).toEqual({ undone: true });

    expect(await store.contacts.find(first)).toBeUndefined();
    expect(await store.contacts.find(second)).toBeUndefined();
    expect(await store.contacts.findIdsByEmail('uid-1@example.org')).toEqual([]); // e-mail rows went with the contact
    expect(await store.accounts.find(created.id)).toBeUndefined();
    expect(await store.links.trackedItems(mailbox.id)).toEqual(new Map());
    expect(await store.contacts.getOrThrow(existing.id)).toEqual(existing);
    expect(await store.contacts.getOrThrow(parented.id)).toMatchObject({ parent: { kind: 'account', id: before.id }, rowVersion: 3 });
    expect(await store.accounts.find(after.id)).toEqual(after);
    expect(await store.runs.getOrThrow(run.id)).toMatchObject({ status: 'undone' });
    // The items stay: what the run did can still be read.
    expect((await store.runs.items(run.id)).map((i) => i.outcome).sort()).toEqual(['added', 'added', 'created', 'linked', 'parent-set', 'skipped']);
  });

  it('refuses a second time with RunNotUndoable', async () => {
    await store.runs.undo(run.id);
    await expect(store.runs.undo(run.id)).rejects.toMatchObject(new RunNotUndoable(run.id, 'it was undone already'));
  });

  it('undoes an interrupted run (still running) and then it is no longer resumed', async () => {
    expect(run.status).toBe('running');
    expect(await store.runs.undo(run.id)).toEqual({ undone: true });
    expect(await store.runs.findUnfinished(mailbox.id, run.kind)).toBeUndefined();
  });

  it('undoes a finished run, keeping the time it finished', async () => {
    const finished = await store.runs.finish(run.id, 'finished', { added: 2 });
    await store.runs.undo(run.id);
    expect(await store.runs.getOrThrow(run.id)).toMatchObject({ status: 'undone', finishedAt: finished.finishedAt, summary: { added: 2 } });
  });

  it('undoes a contact the run added and then gave another parent (checked at the version the run left last)', async () => {
    const [first] = written.addedContactIds as [number];
    await store.runs.commitBatch(run.id, batchOf({ parentSet: [{ itemKey: 'parent:uid-1', folder: 'Contacts', contactId: first, parent: null }] }));
    expect(await store.runs.undo(run.id)).toEqual({ undone: true });
    expect(await store.contacts.find(first)).toBeUndefined();
  });

  it.each<{ what: string; change: () => Promise<unknown>; expected: () => { kind: string; id: number; change: string }[] }>([
    {
      what: 'a contact it added was edited',
      change: () => store.contacts.update(written.addedContactIds[0]!, { fields: { lastName: 'Edited' } }),
      expected: () => [{ kind: 'contact', id: written.addedContactIds[0]!, change: 'edited since the run (version 2, the run left version 1)' }],
    },
    {
      what: 'a contact it added was deleted',
      change: () => store.contacts.delete(written.addedContactIds[1]!),
      expected: () => [{ kind: 'contact', id: written.addedContactIds[1]!, change: 'deleted since the run' }],
    },
    {
      what: 'a contact it added was untracked',
      change: () => store.links.remove(written.linkIds[0]!),
      expected: () => [{ kind: 'contact', id: written.addedContactIds[0]!, change: 'untracked since the run' }],
    },
    {
      what: 'a link it made to an existing contact was removed',
      change: () => store.links.remove(written.linkIds[2]!),
      expected: () => [{ kind: 'link', id: written.linkIds[2]!, change: `untracked since the run (it linked contact #${existing.id})` }],
    },
    {
      what: 'a contact whose parent it set was edited',
      change: () => store.contacts.update(parented.id, { state: 'inactive' }),
      expected: () => [{ kind: 'contact', id: parented.id, change: 'edited since the run (version 3, the run left version 2)' }],
    },
    {
      what: 'the parent it would restore was deleted',
      change: () => rawQuery(location, 'delete from accounts where id = $1', [before.id]),
      expected: () => [{ kind: 'account', id: before.id, change: `deleted since the run, so contact #${parented.id} cannot get it back as its parent` }],
    },
    {
      what: 'the account it created got another contact',
      change: () => store.contacts.add({ ownerId: owner.id, fields: { lastName: 'Newcomer' }, parent: { kind: 'account', id: created.id } }),
      expected: () => [{ kind: 'account', id: created.id, change: 'now the parent of 1 contact the run did not add' }],
    },
    {
      what: 'the account it created got a child account',
      change: () => store.accounts.add({ name: 'Contoso Europe', ownerId: owner.id, parentAccountId: created.id }),
      expected: () => [{ kind: 'account', id: created.id, change: 'now the parent of 1 account' }],
    },
    {
      what: 'another mailbox tracks a contact it added',
      change: async () => store.links.add(written.addedContactIds[0]!, { mailboxId: (await newMailbox(store, owner)).id, sourceItemId: 'elsewhere', trackCommunications: false }),
      expected: () => [{ kind: 'contact', id: written.addedContactIds[0]!, change: 'now tracked by 1 link the run did not make' }],
    },
    {
      what: 'a contact it added became the parent of another contact',
      change: () => store.contacts.add({ ownerId: owner.id, fields: { lastName: 'Assistant' }, parent: { kind: 'contact', id: written.addedContactIds[0]! } }),
      expected: () => [{ kind: 'contact', id: written.addedContactIds[0]!, change: 'now the parent of 1 contact the run did not add' }],
    },
    {
      what: 'a contact it added and the account it created are in an e-mail',
      change: () =>
        store.activities.record({
          kind: 'email',
          externalKey: '<m1@example.org>',
          ownerId: owner.id,
          regarding: { kind: 'account', id: created.id },
          parties: [{ role: 'to', address: 'uid-1@example.org', resolved: { kind: 'contact', id: written.addedContactIds[0]! } }],
        }),
      expected: () => [
        { kind: 'contact', id: written.addedContactIds[0]!, change: 'now in 1 activity' },
        { kind: 'account', id: created.id, change: 'now in 1 activity' },
      ],
    },
  ])('refuses and changes nothing when $what', async ({ change, expected }) => {
    await change();
    const unchanged = await snapshot();
    const result = await store.runs.undo(run.id);
    expect(result).toEqual({ undone: false, changed: expected() });
    expect(await snapshot()).toEqual(unchanged);
  });

  it('lists every record that changed, one sentence per record', async () => {
    const [first, second] = written.addedContactIds as [number, number];
    await store.contacts.update(first, { fields: { lastName: 'Edited' } });
    await store.links.remove(written.linkIds[0]!);
    await store.contacts.delete(second);
    const result = await store.runs.undo(run.id);
    expect(result).toEqual({
      undone: false,
      changed: [
        { kind: 'contact', id: first, change: 'edited since the run (version 2, the run left version 1); untracked since the run' },
        { kind: 'contact', id: second, change: 'deleted since the run' },
      ],
    });
  });

  it('undoes 6,000 added contacts (more than one chunk of ids)', async () => {
    const big = await newRun(store, owner, mailbox);
    for (let at = 0; at < 6_000; at += 2_000) {
      await store.runs.commitBatch(big.id, batchOf({ added: Array.from({ length: 2_000 }, (_, i) => addedItem(owner, mailbox, `big-${at + i}`)) }));
    }
    const count = await store.contacts.count();
    expect(await store.runs.undo(big.id)).toEqual({ undone: true });
    expect(await store.contacts.count()).toBe(count - 6_000);
    expect((await store.links.trackedItems(mailbox.id)).size).toBe(3); // the first run's
  });
});
