/** What the web app's CRM views read (issue 5, point 5): an account's contacts, a timeline of activities, who tracks a contact. */
import { describe, expect, it } from 'vitest';
import type { CrmStore, User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';

describe.each(DIALECTS)('the CRM views on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  it("lists an account's contacts, and a contact's child contacts", async () => {
    const contoso = await store.accounts.add({ name: 'Contoso', ownerId: owner.id });
    const other = await store.accounts.add({ name: 'Fabrikam', ownerId: owner.id });
    const carla = await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Carla' }, parent: { kind: 'account', id: contoso.id } });
    await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Fay' }, parent: { kind: 'account', id: other.id } });
    const colin = await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Colin' }, parent: { kind: 'account', id: contoso.id } });
    const assistant = await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Ann' }, parent: { kind: 'contact', id: carla.id } });
    expect((await store.contacts.list({ parent: { kind: 'account', id: contoso.id } })).map((c) => c.id)).toEqual([carla.id, colin.id]);
    expect((await store.contacts.list({ parent: { kind: 'contact', id: carla.id } })).map((c) => c.id)).toEqual([assistant.id]);
  });

  it('gives a timeline of the activities regarding a contact or with it as a party, newest first', async () => {
    const contact = await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Carla', emails: ['carla@contoso.example'] } });
    const stranger = await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Stan' } });
    await store.activities.record({ kind: 'email', externalKey: 'm1', ownerId: owner.id, subject: 'Older e-mail', sentAt: '2026-10-01T09:00:00.000Z', regarding: { kind: 'contact', id: contact.id }, parties: [] });
    await store.activities.record({ kind: 'appointment', externalKey: 'a1', ownerId: owner.id, subject: 'Meeting', startsAt: '2026-11-20T14:00:00.000Z', parties: [{ role: 'required', address: 'carla@contoso.example', resolved: { kind: 'contact', id: contact.id } }] });
    await store.activities.record({ kind: 'task', externalKey: 't1', ownerId: owner.id, subject: 'Not hers', dueAt: '2026-12-01T00:00:00.000Z', regarding: { kind: 'contact', id: stranger.id }, parties: [] });
    const timeline = await store.activities.timeline({ kind: 'contact', id: contact.id });
    expect(timeline.map((a) => [a.kind, a.subject])).toEqual([['appointment', 'Meeting'], ['email', 'Older e-mail']]);
    expect(timeline[0]!.occurredAt).toBe('2026-11-20T14:00:00.000Z');
  });

  it('lists the links of a contact across the mailboxes that track it', async () => {
    const contact = await store.contacts.add({ ownerId: owner.id, fields: { fullName: 'Carla' } });
    const bo = await store.users.add({ email: 'bo@example.org', name: 'Bo' });
    const mine = await store.mailboxes.add({ ownerId: owner.id, name: 'Mine', ownerAddress: owner.email, connector: { kind: 'vcard', settings: {} } });
    const bos = await store.mailboxes.add({ ownerId: bo.id, name: "Bo's", ownerAddress: bo.email, connector: { kind: 'vcard', settings: {} } });
    await store.links.add(contact.id, { mailboxId: mine.id, sourceItemId: 'a', trackCommunications: false });
    await store.links.add(contact.id, { mailboxId: bos.id, sourceItemId: 'b', trackCommunications: true });
    expect((await store.links.listByContact(contact.id)).map((l) => [l.mailboxId, l.sourceItemId])).toEqual([[mine.id, 'a'], [bos.id, 'b']]);
  });
});
