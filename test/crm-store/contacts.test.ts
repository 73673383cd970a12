import { describe, expect, it } from 'vitest';
import {
  InvalidRecord,
  RecordNotFound,
  StaleRowVersion,
  type CrmStore,
  type User,
} from '../../src/crm/index.js';
import type { ContactFields } from '../../src/domain/contact.js';
import { DIALECTS, useFreshStore, rawQuery } from '../crm-dialects.js';
import { newAccount, newContact, newUser } from '../store-fixtures.js';

/** A contact with every field of PRODUCT.md S1 set, non-ASCII included. */
const EVERY_FIELD: ContactFields = {
  prefix: 'Dr.',
  firstName: 'Zoë',
  middleName: 'Ångström',
  lastName: 'Łukasiewicz',
  suffix: 'PhD',
  fullName: 'Dr. Zoë Ångström Łukasiewicz PhD',
  nickname: 'Zo',
  company: 'Contoso Ltd',
  department: 'Recherche & Développement',
  jobTitle: 'Chief Scientist',
  emails: ['zoe@contoso.example', 'Zoe.L@Home.example', 'zl@backup.example'],
  phones: {
    business: '+1 425 555 0100',
    business2: '+1 425 555 0101',
    home: '+33 1 23 45 67 89',
    home2: '+33 1 23 45 67 90',
    mobile: '+33 6 12 34 56 78',
    other: '555-0199',
    pager: '555-0198',
    businessFax: '+1 425 555 0102',
    companyMain: '+1 425 555 0000',
    assistant: '+1 425 555 0103',
  },
  addresses: {
    business: { street: '1 Microsoft Way\nBuilding 9', city: 'Redmond', region: 'WA', postalCode: '98052', country: 'USA' },
    home: { street: '12 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'France' },
    other: { city: '東京' },
  },
  webPage: 'https://contoso.example/zoe',
  birthday: '1980-02-29',
  anniversary: '--06-15',
  spouse: 'Ana',
  manager: 'Kim Akers',
  assistantName: 'Ben Miller',
  notes: 'Met at the "Build" conference;\ttabs, back\\slashes and\nnew lines survive.',
  categories: ['VIP', 'Clients – 2026'],
};

describe.each(DIALECTS)('contacts on %s', (dialect) => {
  let store: CrmStore;
  let location: string;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, location, owner } = t));

  it('keeps every S1 field, exactly', async () => {
    const added = await store.contacts.add({ ownerId: owner.id, fields: EVERY_FIELD });
    const { id, ownerId, state, parent, rowVersion, createdAt, modifiedAt, ...fields } = await store.contacts.getOrThrow(added.id);
    expect(fields).toEqual(EVERY_FIELD);
    expect({ ownerId, state, parent, rowVersion }).toEqual({ ownerId: owner.id, state: 'active', parent: null, rowVersion: 1 });
    expect(createdAt).toBe(modifiedAt);
  });

  it('leaves out blank values instead of storing empty text', async () => {
    const added = await store.contacts.add({
      ownerId: owner.id,
      fields: { firstName: '  ', lastName: ' Lovelace ', emails: ['', ' ada@example.org '], phones: { mobile: ' ' }, categories: [' '] },
    });
    const { id, ownerId, state, parent, rowVersion, createdAt, modifiedAt, ...fields } = added;
    expect(fields).toEqual({ lastName: 'Lovelace', emails: ['ada@example.org'] });
  });

  it('stores e-mails and phones as their own rows, e-mails lower-cased for lookup', async () => {
    const added = await store.contacts.add({ ownerId: owner.id, fields: EVERY_FIELD });
    const emails = await rawQuery<{ address_key: string }>(
      location,
      'select address_key from contact_emails where contact_id = $1 order by position',
      [added.id],
    );
    expect(emails.map((e) => e.address_key)).toEqual(['zoe@contoso.example', 'zoe.l@home.example', 'zl@backup.example']);
    const phones = await rawQuery(location, 'select kind from contact_phones where contact_id = $1', [added.id]);
    expect(phones).toHaveLength(10);
  });

  it('finds contacts by any of their e-mail addresses, in any case', async () => {
    const a = await newContact(store, owner, { emails: ['shared@example.org', 'a@example.org'] });
    const b = await newContact(store, owner, { emails: ['b@example.org', 'SHARED@example.org'] });
    expect(await store.contacts.findIdsByEmail(' Shared@Example.org')).toEqual([a.id, b.id]);
    expect(await store.contacts.findIdsByEmail('nobody@example.org')).toEqual([]);
    const found = await store.contacts.findIdsByEmails(['A@example.org', 'shared@example.org', 'none@example.org']);
    expect(Object.fromEntries(found)).toEqual({
      'a@example.org': [a.id],
      'shared@example.org': [a.id, b.id],
      'none@example.org': [],
    });
  });

  it('findIdsByEmails with activeOnly skips inactive contacts (W5: only active ones are "already in CRM")', async () => {
    const active = await newContact(store, owner, { emails: ['shared@example.org'] });
    const inactive = await newContact(store, owner, { emails: ['Shared@example.org', 'gone@example.org'] });
    await store.contacts.update(inactive.id, { state: 'inactive' });
    const found = await store.contacts.findIdsByEmails(['shared@example.org', 'GONE@example.org'], { activeOnly: true });
    expect(Object.fromEntries(found)).toEqual({ 'shared@example.org': [active.id], 'gone@example.org': [] });
    const all = await store.contacts.findIdsByEmails(['shared@example.org', 'GONE@example.org']);
    expect(Object.fromEntries(all)).toEqual({ 'shared@example.org': [active.id, inactive.id], 'gone@example.org': [inactive.id] });
  });

  it('refuses more than three e-mails and unknown phone slots, writing nothing', async () => {
    await expect(
      store.contacts.add({ ownerId: owner.id, fields: { emails: ['1@x.org', '2@x.org', '3@x.org', '4@x.org'] } }),
    ).rejects.toThrow(InvalidRecord);
    await expect(
      store.contacts.add({ ownerId: owner.id, fields: { phones: { car: '1' } as never } }),
    ).rejects.toThrow(InvalidRecord);
    expect(await store.contacts.count()).toBe(0);
  });

  it('the row version increases on every change: fields, e-mails, state, parent', async () => {
    const account = await newAccount(store, owner);
    const contact = await newContact(store, owner);
    const versions = [contact.rowVersion];
    const renamed = await store.contacts.update(contact.id, { fields: { ...contact, firstName: 'Renamed' } });
    versions.push(renamed.rowVersion);
    const emailed = await store.contacts.update(contact.id, { fields: { ...renamed, emails: ['new@example.org'] } });
    versions.push(emailed.rowVersion);
    versions.push((await store.contacts.update(contact.id, { state: 'inactive' })).rowVersion);
    versions.push((await store.contacts.update(contact.id, { parent: { kind: 'account', id: account.id } })).rowVersion);
    expect(versions).toEqual([1, 2, 3, 4, 5]);
    const final = await store.contacts.getOrThrow(contact.id);
    expect(final).toMatchObject({ firstName: 'Renamed', emails: ['new@example.org'], state: 'inactive', parent: { kind: 'account', id: account.id } });
    expect(await store.contacts.findIdsByEmail(contact.emails![0]!)).toEqual([]);
    expect(final.modifiedAt >= contact.modifiedAt).toBe(true);
  });

  it('refuses a change based on a stale row version', async () => {
    const contact = await newContact(store, owner);
    await store.contacts.update(contact.id, { state: 'inactive' }, { expectedVersion: 1 });
    await expect(store.contacts.update(contact.id, { state: 'active' }, { expectedVersion: 1 })).rejects.toThrow(StaleRowVersion);
    expect((await store.contacts.getOrThrow(contact.id)).state).toBe('inactive');
  });

  it('has one parent customer at most: an account or a contact', async () => {
    const account = await newAccount(store, owner);
    const boss = await newContact(store, owner);
    const contact = await store.contacts.add({ ownerId: owner.id, fields: { lastName: 'Child' }, parent: { kind: 'contact', id: boss.id } });
    expect(contact.parent).toEqual({ kind: 'contact', id: boss.id });
    const moved = await store.contacts.update(contact.id, { parent: { kind: 'account', id: account.id } });
    expect(moved.parent).toEqual({ kind: 'account', id: account.id });
    expect((await store.contacts.update(contact.id, { parent: null })).parent).toBeNull();
  });

  it('deleting a contact removes its e-mail and phone rows', async () => {
    const contact = await newContact(store, owner, { phones: { mobile: '+1 555 0100' } });
    await store.contacts.delete(contact.id);
    expect(await store.contacts.find(contact.id)).toBeUndefined();
    expect(await rawQuery(location, 'select * from contact_emails where contact_id = $1', [contact.id])).toEqual([]);
    expect(await rawQuery(location, 'select * from contact_phones where contact_id = $1', [contact.id])).toEqual([]);
    await expect(store.contacts.delete(contact.id)).rejects.toThrow(RecordNotFound);
  });

  it('lists and searches by name, company or e-mail, with paging', async () => {
    const other = await newUser(store);
    await newContact(store, owner, { firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@analytical.example'] });
    await newContact(store, owner, { firstName: 'Grace', lastName: 'Hopper', company: 'US Navy', emails: ['grace@navy.example'] });
    await newContact(store, other, { firstName: 'Alan', lastName: 'Turing', emails: ['alan@bletchley.example'] });
    await newContact(store, owner, { firstName: 'Émile', lastName: 'ZOLA', emails: ['ez@example.org'] });
    expect((await store.contacts.list({ search: 'LOVE' })).map((c) => c.lastName)).toEqual(['Lovelace']);
    expect((await store.contacts.list({ search: 'émile zola' })).map((c) => c.lastName)).toEqual(['ZOLA']);
    expect((await store.contacts.list({ search: 'navy' })).map((c) => c.lastName)).toEqual(['Hopper']);
    expect((await store.contacts.list({ search: 'bletchley' })).map((c) => c.lastName)).toEqual(['Turing']);
    expect((await store.contacts.list({ ownerId: other.id })).map((c) => c.lastName)).toEqual(['Turing']);
    expect((await store.contacts.list({ limit: 2, offset: 1 })).map((c) => c.lastName)).toEqual(['Hopper', 'Turing']);
    expect(await store.contacts.count()).toBe(4);
  });
});
