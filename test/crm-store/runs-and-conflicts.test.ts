import { describe, expect, it } from 'vitest';
import { RecordNotFound, type CrmStore, type User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { newContact, newMailbox } from '../store-fixtures.js';

describe.each(DIALECTS)('runs and conflicts on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  it('records a run item by item, replacing an item recorded again (resume), then its summary', async () => {
    const mailbox = await newMailbox(store, owner);
    const run = await store.runs.start({ kind: 'wizard', userId: owner.id, mailboxId: mailbox.id, options: { groupBy: 'company' } });
    expect(run).toMatchObject({ status: 'running', options: { groupBy: 'company' }, summary: null, finishedAt: null });
    await store.runs.recordItem(run.id, { itemKey: 'uid-1', subjectKind: 'contact', outcome: 'added', recordId: 10, folder: 'Contacts' });
    await store.runs.recordItem(run.id, { itemKey: 'uid-2', subjectKind: 'contact', outcome: 'failed', folder: 'Contacts/Old', reason: 'no name and no e-mail' });
    await store.runs.recordItem(run.id, { itemKey: 'uid-2', subjectKind: 'contact', outcome: 'added', recordId: 11, folder: 'Contacts/Old' });
    const items = await store.runs.items(run.id);
    expect(items.map((i) => [i.itemKey, i.outcome, i.recordId, i.reason])).toEqual([
      ['uid-1', 'added', 10, null],
      ['uid-2', 'added', 11, null],
    ]);
    const finished = await store.runs.finish(run.id, 'finished', { added: 2 });
    expect(finished).toMatchObject({ status: 'finished', summary: { added: 2 } });
    expect(finished.finishedAt).not.toBeNull();
    expect((await store.runs.list({ userId: owner.id })).map((r) => r.id)).toEqual([run.id]);
    await expect(store.runs.getOrThrow(run.id + 100)).rejects.toThrow(RecordNotFound);
  });

  it('keeps a conflict with both values and the base until it is resolved', async () => {
    const contact = await newContact(store, owner);
    const conflict = await store.conflicts.add({
      contactId: contact.id,
      field: 'jobTitle',
      crmValue: 'CTO',
      mailboxValue: 'Chief Technology Officer',
      baseValue: null,
      winner: 'crm',
    });
    expect(conflict).toMatchObject({ field: 'jobTitle', crmValue: 'CTO', mailboxValue: 'Chief Technology Officer', baseValue: null, resolution: 'open' });
    await store.conflicts.add({ contactId: contact.id, field: 'emails', crmValue: ['a@x.org'], mailboxValue: ['b@x.org'], baseValue: [], winner: 'mailbox' });
    expect((await store.conflicts.listOpen(contact.id)).map((c) => c.field)).toEqual(['jobTitle', 'emails']);
    const restored = await store.conflicts.resolve(conflict.id, 'restored');
    expect(restored.resolution).toBe('restored');
    expect(restored.resolvedAt).not.toBeNull();
    expect((await store.conflicts.listOpen()).map((c) => c.crmValue)).toEqual([['a@x.org']]);
  });
});
