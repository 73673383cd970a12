import { describe, expect, it } from 'vitest';
import { DuplicateTrackingLink, InvalidRecord, type CrmStore, type NewTrackedContact, type User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { newAccount, newMailbox } from '../store-fixtures.js';

describe.each(DIALECTS)('the bulk path on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  const many = (n: number, mailboxId?: number, accountId?: number): NewTrackedContact[] =>
    Array.from({ length: n }, (_, i) => ({
      contact: {
        ownerId: owner.id,
        fields: {
          firstName: `Fïrst${i}`,
          lastName: `Last\t${i}`,
          emails: [`p${i}@example.org`, `W${i}@Work.example`],
          phones: { business: `+1 555 ${i}`, mobile: `+33 6 ${i}` },
          notes: i % 2 ? 'line one\nline two \\ done' : undefined,
        },
        parent: accountId ? { kind: 'account', id: accountId } : null,
      },
      link: mailboxId ? { mailboxId, sourceItemId: `item-${i}`, trackCommunications: i % 3 === 0, snapshot: { v: i }, sourceVersion: `h${i}` } : undefined,
    }));

  it('adds contacts with their e-mails, phones, parents and links, in input order', async () => {
    const account = await newAccount(store, owner);
    const mailbox = await newMailbox(store, owner);
    const input = many(2_500, mailbox.id, account.id);
    const ids = await store.contacts.addMany(input);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(await store.contacts.count()).toBe(2_500);

    const sample = await store.contacts.getOrThrow(ids[7]!);
    expect(sample).toMatchObject({
      firstName: 'Fïrst7',
      lastName: 'Last\t7',
      emails: ['p7@example.org', 'W7@Work.example'],
      phones: { business: '+1 555 7', mobile: '+33 6 7' },
      notes: 'line one\nline two \\ done',
      parent: { kind: 'account', id: account.id },
      rowVersion: 1,
    });
    expect(await store.contacts.findIdsByEmail('w2499@work.example')).toEqual([ids[2_499]]);

    const link = await store.links.findBySourceItem(mailbox.id, 'item-3');
    expect(link).toMatchObject({ contactId: ids[3], trackCommunications: true, snapshot: { v: 3 }, sourceVersion: 'h3', crmVersion: 1 });
    expect(await store.links.findByContact(mailbox.id, ids[4]!)).toMatchObject({ sourceItemId: 'item-4', trackCommunications: false });
  });

  it('adds nothing at all when one contact cannot be added', async () => {
    const input = many(50);
    input[30]!.contact.fields.emails = ['1@x.org', '2@x.org', '3@x.org', '4@x.org'];
    await expect(store.contacts.addMany(input)).rejects.toThrow(InvalidRecord);
    expect(await store.contacts.count()).toBe(0);
  });

  it('adds nothing at all when a link clashes with an existing one', async () => {
    const mailbox = await newMailbox(store, owner);
    await store.contacts.addMany(many(5, mailbox.id));
    const again = many(10, mailbox.id).map((item, i) => ({ ...item, link: { ...item.link!, sourceItemId: `new-${i}` } }));
    again[9]!.link!.sourceItemId = 'item-2';
    const error = await store.contacts.addMany(again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateTrackingLink);
    expect(error).toMatchObject({ mailboxId: mailbox.id, clash: 'source item', value: 'item-2' });
    expect(await store.contacts.count()).toBe(5);
  });

  it('accepts an empty input and any iterable', async () => {
    expect(await store.contacts.addMany([])).toEqual([]);
    function* two(): Generator<NewTrackedContact> {
      yield { contact: { ownerId: owner.id, fields: { lastName: 'One' } } };
      yield { contact: { ownerId: owner.id, fields: { lastName: 'Two' } } };
    }
    expect(await store.contacts.addMany(two())).toHaveLength(2);
  });
});
