import { describe, expect, it } from 'vitest';
import type { CrmStore, NewActivity, User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { newAccount, newContact } from '../store-fixtures.js';

describe.each(DIALECTS)('activities on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  it('stores an e-mail with its resolved and unresolved parties and its regarding account', async () => {
    const account = await newAccount(store, owner);
    const contact = await newContact(store, owner, { emails: ['ada@example.org'] });
    const email: NewActivity = {
      kind: 'email',
      externalKey: '<CAF=abc123@mail.example.org>',
      ownerId: owner.id,
      subject: 'Quarterly review',
      sentAt: '2026-11-02T09:30:00.000Z',
      regarding: { kind: 'account', id: account.id },
      parties: [
        { role: 'from', address: owner.email, resolved: { kind: 'user', id: owner.id } },
        { role: 'to', address: 'Ada@Example.org', displayName: 'Ada', resolved: { kind: 'contact', id: contact.id } },
        { role: 'cc', address: 'stranger@elsewhere.example', resolved: null },
      ],
    };
    const { activity, created } = await store.activities.record(email);
    expect(created).toBe(true);
    expect(activity).toMatchObject({ kind: 'email', subject: 'Quarterly review', sentAt: '2026-11-02T09:30:00.000Z', regarding: { kind: 'account', id: account.id } });
    expect(activity.parties).toEqual([
      { role: 'from', address: owner.email, displayName: null, resolved: { kind: 'user', id: owner.id } },
      { role: 'to', address: 'Ada@Example.org', displayName: 'Ada', resolved: { kind: 'contact', id: contact.id } },
      { role: 'cc', address: 'stranger@elsewhere.example', displayName: null, resolved: null },
    ]);
  });

  it('C4: stores the same message once, however often it is recorded', async () => {
    const email: NewActivity = {
      kind: 'email',
      externalKey: '<once@example.org>',
      ownerId: owner.id,
      subject: 'Hello',
      parties: [{ role: 'to', address: 'x@example.org', resolved: null }],
    };
    const first = await store.activities.record(email);
    const second = await store.activities.record({ ...email, subject: 'Hello again' });
    expect(second.created).toBe(false);
    expect(second.activity.id).toBe(first.activity.id);
    expect(second.activity.subject).toBe('Hello');
    expect(second.activity.parties).toHaveLength(1);
  });

  it('keys appointments and e-mails apart', async () => {
    const base = { externalKey: 'same-key', ownerId: owner.id, parties: [] };
    const meeting = await store.activities.record({ ...base, kind: 'appointment', startsAt: '2026-12-01T10:00:00.000Z' });
    const task = await store.activities.record({ ...base, kind: 'task', dueAt: '2026-12-05T17:00:00.000Z' });
    expect(meeting.created && task.created).toBe(true);
    expect(await store.activities.findByExternalKey('appointment', 'same-key')).toMatchObject({ startsAt: '2026-12-01T10:00:00.000Z' });
    expect(await store.activities.findByExternalKey('email', 'same-key')).toBeUndefined();
  });

  it('keeps a party unresolved, address and all, when its contact is deleted', async () => {
    const contact = await newContact(store, owner, { emails: ['gone@example.org'] });
    await store.activities.record({
      kind: 'email',
      externalKey: '<gone@example.org>',
      ownerId: owner.id,
      parties: [{ role: 'to', address: 'gone@example.org', resolved: { kind: 'contact', id: contact.id } }],
    });
    await store.contacts.delete(contact.id);
    const stored = await store.activities.findByExternalKey('email', '<gone@example.org>');
    expect(stored?.parties).toEqual([{ role: 'to', address: 'gone@example.org', displayName: null, resolved: null }]);
  });
});
