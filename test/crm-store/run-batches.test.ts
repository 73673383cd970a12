import { beforeEach, describe, expect, it } from 'vitest';
import { DuplicateTrackingLink, RecordNotFound, RunClosed, type CrmStore, type Mailbox, type Run, type User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { addedItem, batchOf, linkedItem, newAccount, newContact, newMailbox, newRun } from '../store-fixtures.js';

describe.each(DIALECTS)('a run batch on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  let mailbox: Mailbox;
  let run: Run;
  useFreshStore(dialect, (t) => ({ store, owner } = t));
  beforeEach(async () => {
    mailbox = await newMailbox(store, owner);
    run = await newRun(store, owner, mailbox);
  });

  it('writes contacts, their links and the run items together', async () => {
    const account = await newAccount(store, owner, 'Contoso');
    const existing = await newContact(store, owner);
    await store.contacts.update(existing.id, { fields: { lastName: 'Edited', emails: ['existing@example.org'] } }); // version 2
    const added = [
      addedItem(owner, mailbox, 'uid-1', { firstName: 'Ada', phones: { mobile: '+44 1' } }, { kind: 'account', id: account.id }),
      addedItem(owner, mailbox, 'uid-2'),
    ];
    added[1]!.link = { ...added[1]!.link, trackCommunications: true, communicationsSince: '2024-03-01' };
    const result = await store.runs.commitBatch(
      run.id,
      batchOf({
        added,
        linked: [linkedItem(mailbox, 'uid-3', existing.id)],
        recorded: [{ itemKey: 'uid-4', subjectKind: 'contact', outcome: 'skipped', folder: 'Contacts', reason: 'already tracked', detail: { name: 'Bo' } }],
      }),
    );

    expect(result.addedContactIds).toHaveLength(2);
    expect(result.linkIds).toHaveLength(3);
    const [first, second] = result.addedContactIds as [number, number];
    expect(await store.contacts.getOrThrow(first)).toMatchObject({
      firstName: 'Ada',
      emails: ['uid-1@example.org'],
      phones: { mobile: '+44 1' },
      parent: { kind: 'account', id: account.id },
      rowVersion: 1,
    });
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-1')).toMatchObject({ id: result.linkIds[0], contactId: first, crmVersion: 1, sourceVersion: 'v-uid-1' });
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-2')).toMatchObject({ id: result.linkIds[1], contactId: second, trackCommunications: true, communicationsSince: '2024-03-01T00:00:00.000Z' });
    // A link to an existing contact saw the version it is at.
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-3')).toMatchObject({ id: result.linkIds[2], contactId: existing.id, crmVersion: 2 });

    const items = new Map((await store.runs.items(run.id)).map((item) => [item.itemKey, item]));
    expect(items.get('uid-1')).toEqual({ itemKey: 'uid-1', subjectKind: 'contact', outcome: 'added', recordId: first, folder: 'Contacts', reason: null, detail: { linkId: result.linkIds[0], rowVersion: 1 } });
    expect(items.get('uid-3')).toMatchObject({ outcome: 'linked', recordId: existing.id, detail: { linkId: result.linkIds[2] } });
    expect(items.get('uid-4')).toMatchObject({ outcome: 'skipped', reason: 'already tracked', detail: { name: 'Bo' } });
  });

  it('with a clashing link writes nothing: no contacts, no links, no items', async () => {
    await store.runs.commitBatch(run.id, batchOf({ added: [addedItem(owner, mailbox, 'uid-1')] }));
    const before = { contacts: await store.contacts.count(), items: (await store.runs.items(run.id)).length };

    const clashing = batchOf({
      added: [addedItem(owner, mailbox, 'uid-2'), addedItem(owner, mailbox, 'uid-1'), addedItem(owner, mailbox, 'uid-3')],
      recorded: [{ itemKey: 'uid-9', subjectKind: 'contact', outcome: 'failed', reason: 'unreadable' }],
    });
    const error = await store.runs.commitBatch(run.id, clashing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateTrackingLink);
    expect(error).toMatchObject({ mailboxId: mailbox.id, clash: 'source item', value: 'uid-1' });
    expect(await store.contacts.count()).toBe(before.contacts);
    expect(await store.runs.items(run.id)).toHaveLength(before.items);
    expect([...(await store.links.trackedItems(mailbox.id)).keys()]).toEqual(['uid-1']);
  });

  it('a link to a contact this mailbox already tracks is a clash too, and writes nothing', async () => {
    const contact = await newContact(store, owner);
    await store.links.add(contact.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: false });
    const error = await store.runs.commitBatch(run.id, batchOf({ added: [addedItem(owner, mailbox, 'uid-2')], linked: [linkedItem(mailbox, 'uid-3', contact.id)] })).catch((e: unknown) => e);
    expect(error).toMatchObject(new DuplicateTrackingLink(mailbox.id, 'contact', contact.id));
    expect(await store.contacts.count()).toBe(1);
    expect(await store.runs.items(run.id)).toEqual([]);
  });

  it('parentSet gives a contact its new parent and records the previous one with the row version after the change', async () => {
    const before = await newAccount(store, owner);
    const after = await newAccount(store, owner);
    const contact = await store.contacts.add({ ownerId: owner.id, fields: { lastName: 'Parented' }, parent: { kind: 'account', id: before.id } });
    const orphan = await newContact(store, owner);
    await store.runs.commitBatch(
      run.id,
      batchOf({
        parentSet: [
          { itemKey: 'uid-1', folder: 'Contacts', contactId: contact.id, parent: { kind: 'account', id: after.id } },
          { itemKey: 'uid-2', folder: 'Contacts', contactId: orphan.id, parent: { kind: 'contact', id: contact.id } },
        ],
      }),
    );
    expect(await store.contacts.getOrThrow(contact.id)).toMatchObject({ parent: { kind: 'account', id: after.id }, rowVersion: 2 });
    expect(await store.contacts.getOrThrow(orphan.id)).toMatchObject({ parent: { kind: 'contact', id: contact.id }, rowVersion: 2 });
    const items = await store.runs.items(run.id);
    expect(items.map((i) => [i.itemKey, i.outcome, i.recordId, i.detail])).toEqual([
      ['uid-1', 'parent-set', contact.id, { previous: { kind: 'account', id: before.id }, rowVersion: 2 }],
      ['uid-2', 'parent-set', orphan.id, { previous: null, rowVersion: 2 }],
    ]);
  });

  it('parentSet of a contact that does not exist writes nothing', async () => {
    const batch = batchOf({ added: [addedItem(owner, mailbox, 'uid-1')], parentSet: [{ itemKey: 'uid-2', folder: 'Contacts', contactId: 999_999, parent: null }] });
    await expect(store.runs.commitBatch(run.id, batch)).rejects.toThrow(RecordNotFound);
    expect(await store.contacts.count()).toBe(0);
  });

  it('a link to a contact deleted meanwhile writes nothing, and says which', async () => {
    const contact = await newContact(store, owner);
    await store.contacts.delete(contact.id);
    const batch = batchOf({ added: [addedItem(owner, mailbox, 'uid-1')], linked: [linkedItem(mailbox, 'uid-2', contact.id)] });
    await expect(store.runs.commitBatch(run.id, batch)).rejects.toMatchObject(new RecordNotFound('contact', contact.id));
    expect(await store.contacts.count()).toBe(0);
    expect(await store.runs.items(run.id)).toEqual([]);
  });

  it('an item recorded again replaces the earlier one, as recordItem does (a resumed run)', async () => {
    await store.runs.recordItem(run.id, { itemKey: 'uid-1', subjectKind: 'contact', outcome: 'failed', reason: 'interrupted' });
    const { addedContactIds } = await store.runs.commitBatch(run.id, batchOf({ added: [addedItem(owner, mailbox, 'uid-1')] }));
    await store.runs.commitBatch(run.id, batchOf({ recorded: [{ itemKey: 'uid-2', subjectKind: 'contact', outcome: 'skipped' }, { itemKey: 'uid-2', subjectKind: 'contact', outcome: 'failed', reason: 'last wins' }] }));
    expect((await store.runs.items(run.id)).map((i) => [i.itemKey, i.outcome, i.recordId, i.reason])).toEqual([
      ['uid-1', 'added', addedContactIds[0], null],
      ['uid-2', 'failed', null, 'last wins'],
    ]);
  });

  it('a run that ended takes no more batches', async () => {
    await store.runs.finish(run.id, 'finished', {});
    await expect(store.runs.commitBatch(run.id, batchOf({ added: [addedItem(owner, mailbox, 'uid-1')] }))).rejects.toMatchObject(new RunClosed(run.id, 'finished'));
    await expect(store.runs.commitBatch(run.id + 100, batchOf({}))).rejects.toThrow(RecordNotFound);
    expect(await store.contacts.count()).toBe(0);
  });

  it('writes 5,000 contacts in batches of 2,000 with one item each', async () => {
    for (let at = 0; at < 5_000; at += 2_000) {
      const added = Array.from({ length: Math.min(2_000, 5_000 - at) }, (_, i) => addedItem(owner, mailbox, `uid-${at + i}`, { notes: 'tab\there\nand a line' }));
      await store.runs.commitBatch(run.id, batchOf({ added }));
    }
    expect(await store.contacts.count()).toBe(5_000);
    expect((await store.links.trackedItems(mailbox.id)).size).toBe(5_000);
    const items = await store.runs.items(run.id);
    expect(items).toHaveLength(5_000);
    expect(new Set(items.map((i) => i.recordId)).size).toBe(5_000);
  });

  it('findUnfinished finds the newest running run of that kind on that mailbox', async () => {
    const newer = await newRun(store, owner, mailbox);
    await newRun(store, owner, mailbox, 'track');
    await newRun(store, owner, await newMailbox(store, owner));
    expect((await store.runs.findUnfinished(mailbox.id, 'wizard'))?.id).toBe(newer.id);
    await store.runs.finish(newer.id, 'finished', {});
    expect((await store.runs.findUnfinished(mailbox.id, 'wizard'))?.id).toBe(run.id);
    await store.runs.finish(run.id, 'failed', {});
    expect(await store.runs.findUnfinished(mailbox.id, 'wizard')).toBeUndefined();
  });
});
