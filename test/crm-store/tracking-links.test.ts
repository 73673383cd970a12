import { beforeEach, describe, expect, it } from 'vitest';
import { DuplicateTrackingLink, InvalidRecord, type CrmStore, type Mailbox, type User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { newContact, newMailbox } from '../store-fixtures.js';

describe.each(DIALECTS)('tracking links on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  let mailbox: Mailbox;
  useFreshStore(dialect, (t) => ({ store, owner } = t));
  beforeEach(async () => (mailbox = await newMailbox(store, owner)));

  it('links a contact to a mailbox item with the contact version it saw', async () => {
    const contact = await newContact(store, owner);
    const link = await store.links.add(contact.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: true });
    expect(link).toMatchObject({ mailboxId: mailbox.id, sourceItemId: 'uid-1', contactId: contact.id, trackCommunications: true, crmVersion: 1, snapshot: null, syncedAt: null });
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-1')).toEqual(link);
    expect(await store.links.findByContact(mailbox.id, contact.id)).toEqual(link);
  });

  it('is unique per (mailbox, source item)', async () => {
    const a = await newContact(store, owner);
    const b = await newContact(store, owner);
    await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: false });
    await expect(store.links.add(b.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: false })).rejects.toMatchObject(
      new DuplicateTrackingLink(mailbox.id, 'source item', 'uid-1'),
    );
  });

  it('is unique per (mailbox, CRM contact)', async () => {
    const a = await newContact(store, owner);
    await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: false });
    const error = await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-2', trackCommunications: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateTrackingLink);
    expect(error).toMatchObject({ clash: 'contact', value: a.id });
  });

  it('lets another mailbox track the same item id and contact', async () => {
    const other = await newMailbox(store, owner);
    const a = await newContact(store, owner);
    await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: false });
    await expect(store.links.add(a.id, { mailboxId: other.id, sourceItemId: 'uid-1', trackCommunications: false })).resolves.toBeDefined();
    expect(await store.links.listByMailbox(other.id)).toHaveLength(1);
  });

  it('records a synchronisation, and keeps the link when the CRM contact is deleted', async () => {
    const a = await newContact(store, owner);
    const link = await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: false });
    await store.links.markSynced(link.id, { snapshot: { lastName: 'X' }, sourceVersion: 'etag-2', crmVersion: 3 });
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-1')).toMatchObject({ snapshot: { lastName: 'X' }, sourceVersion: 'etag-2', crmVersion: 3 });
    await store.contacts.delete(a.id);
    // The sync must see that the CRM side went away (PRODUCT.md S3), so the link stays, without a contact.
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-1')).toMatchObject({ contactId: null });
    await store.links.remove(link.id);
    expect(await store.links.listByMailbox(mailbox.id)).toEqual([]);
  });

  it('trackedItems maps every item a mailbox tracks to its CRM contact, null once the contact was deleted', async () => {
    const other = await newMailbox(store, owner);
    const [a, b] = [await newContact(store, owner), await newContact(store, owner)];
    await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-a', trackCommunications: false, snapshot: { big: 'x'.repeat(1000) } });
    await store.links.add(b.id, { mailboxId: mailbox.id, sourceItemId: 'uid-b', trackCommunications: false });
    await store.links.add(a.id, { mailboxId: other.id, sourceItemId: 'uid-elsewhere', trackCommunications: false });
    await store.contacts.delete(b.id);
    expect(await store.links.trackedItems(mailbox.id)).toEqual(new Map([['uid-a', a.id], ['uid-b', null]]));
    expect(await store.links.trackedItems(other.id + 100)).toEqual(new Map());
  });

  it('keeps the date communications are back-filled from (W7), as ISO text on both dialects', async () => {
    const a = await newContact(store, owner);
    const link = await store.links.add(a.id, { mailboxId: mailbox.id, sourceItemId: 'uid-1', trackCommunications: true, communicationsSince: '2024-03-01' });
    expect(link.communicationsSince).toBe('2024-03-01T00:00:00.000Z');
    expect(await store.links.findBySourceItem(mailbox.id, 'uid-1')).toMatchObject({ communicationsSince: '2024-03-01T00:00:00.000Z' });
    const b = await newContact(store, owner);
    await expect(store.links.add(b.id, { mailboxId: mailbox.id, sourceItemId: 'uid-2', trackCommunications: true, communicationsSince: 'last spring' })).rejects.toThrow(InvalidRecord);
  });
});
