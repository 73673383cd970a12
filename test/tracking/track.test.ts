/**
 * Tracking by hand, PRODUCT.md T1–T4: track and set parent for up to 20 contacts,
 * linking by e-mail as the wizard does (W9); set parent on a tracked contact; untrack,
 * deleting the CRM copy only when asked and allowed; the company text never becomes a
 * parent. On SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { CrmStore, User } from '../../src/crm/index.js';
import { ParentNotFound, TooManyContacts, trackContacts, undoRun, untrackContacts } from '../../src/tracking/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';
import { newAccount, newContact, newUser } from '../store-fixtures.js';
import { addVcardMailbox, writeVcardTree } from './wizard-fixtures.js';

describe.each(DIALECTS)('track, set parent and untrack on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  /** 25 contacts of Contoso Ltd (uids c0…c24), in the user's mailbox "Book". */
  const book = async (user = owner) => {
    const cards = Array.from({ length: 25 }, (_, i) => ({ uid: `c${i}`, name: `Person ${i}`, email: `p${i}@contoso.com`, company: 'Contoso Ltd' }));
    return addVcardMailbox(store, user, writeVcardTree({ 'book.vcf': cards }), 'Book');
  };
  const track = (itemIds: string[], parent?: { kind: 'account' | 'contact'; id: number }, user = owner) =>
    trackContacts(store, { mailbox: 'Book', userEmail: user.email, itemIds, ...(parent ? { parent } : {}) });

  it('T1: more than 20 contacts is refused before anything is written', async () => {
    await book();
    await expect(track(Array.from({ length: 21 }, (_, i) => `c${i}`))).rejects.toThrow(TooManyContacts);
    expect(await store.runs.list()).toEqual([]);
    expect(await store.contacts.count()).toBe(0);
    const summary = await track(Array.from({ length: 20 }, (_, i) => `c${i}`));
    expect(summary).toMatchObject({ added: 20, linked: 0, skipped: 0 });
  });

  it('T1/T4: track adds with no parent, even when an account has the company name; nothing else is created', async () => {
    await newAccount(store, owner, 'Contoso Ltd');
    await book();
    const summary = await track(['c0', 'c1']);
    expect(summary).toMatchObject({ added: 2, accountsCreated: 0 });
    expect((await store.contacts.list()).map((c) => [c.fullName, c.company, c.parent])).toEqual([
      ['Person 0', 'Contoso Ltd', null],
      ['Person 1', 'Contoso Ltd', null],
    ]);
    expect(await store.accounts.count()).toBe(1);
    expect((await store.runs.getOrThrow(summary.runId)).kind).toBe('track');
  });

  it('T1/W9: track links to the CRM contact with the e-mail, and set parent gives all the one parent', async () => {
    const existing = await newContact(store, owner, { fullName: 'P. Zero', emails: ['P0@contoso.com'] });
    const account = await newAccount(store, owner, 'Holding');
    const { id: mailboxId } = await book();
    const summary = await track(['c0', 'c1', 'c2'], { kind: 'account', id: account.id });
    expect(summary).toMatchObject({ added: 2, linked: 1, skipped: 0 });
    const contacts = await store.contacts.list();
    expect(contacts).toHaveLength(3);
    expect(contacts.every((c) => c.parent?.kind === 'account' && c.parent.id === account.id)).toBe(true);
    expect((await store.contacts.getOrThrow(existing.id)).fullName).toBe('P. Zero');
    const links = await store.links.listByMailbox(mailboxId);
    expect(links.find((l) => l.sourceItemId === 'c0')!.contactId).toBe(existing.id);
    await expect(track(['c3'], { kind: 'contact', id: 9999 })).rejects.toThrow(ParentNotFound);
  });

  it('T2: set parent on a tracked contact changes its parent; undo restores it', async () => {
    await book();
    await track(['c0']);
    const boss = await newContact(store, owner, { fullName: 'The Boss' });
    const again = await track(['c0'], { kind: 'contact', id: boss.id });
    expect(again).toMatchObject({ added: 0, parentSet: 1 });
    const [tracked] = (await store.contacts.list()).filter((c) => c.fullName === 'Person 0');
    expect(tracked!.parent).toEqual({ kind: 'contact', id: boss.id });
    await undoRun(store, again.runId, owner.email);
    expect((await store.contacts.getOrThrow(tracked!.id)).parent).toBeNull();
    expect(await track(['c0'])).toMatchObject({ added: 0, skipped: 1 });
  });

  it('T3: untrack stops tracking and keeps the CRM copy unless asked; the copy is deleted only if the user may', async () => {
    const { id: mailboxId } = await book();
    await track(['c0', 'c1']);
    const kept = await untrackContacts(store, { mailbox: 'Book', userEmail: owner.email, itemIds: ['c0', 'c9'] });
    expect(kept.map((o) => o.outcome)).toEqual(['untracked', 'not-tracked']);
    expect(await store.contacts.count()).toBe(2);
    const deleted = await untrackContacts(store, { mailbox: 'Book', userEmail: owner.email, itemIds: ['c1'], deleteCopy: true });
    expect(deleted).toEqual([{ id: 'c1', outcome: 'untracked-and-deleted', contactId: expect.any(Number) }]);
    expect(await store.contacts.count()).toBe(1);
    expect(await store.links.listByMailbox(mailboxId)).toEqual([]);

    // A colleague (not an admin) tracks a contact the owner's CRM contact already is: theirs to untrack, not to delete.
    const colleague = await newUser(store);
    expect(colleague.role).toBe('user');
    const theirs = await addVcardMailbox(store, colleague, writeVcardTree({ 'b.vcf': [{ uid: 'x', name: 'Person 0', email: 'p0@contoso.com' }] }), 'Book');
    await track(['x'], undefined, colleague);
    const refused = await untrackContacts(store, { mailbox: 'Book', userEmail: colleague.email, itemIds: ['x'], deleteCopy: true });
    expect(refused).toEqual([{ id: 'x', outcome: 'untracked', contactId: expect.any(Number), kept: expect.stringMatching(/belongs to another user/) }]);
    expect(await store.contacts.count()).toBe(1);
    expect(await store.links.listByMailbox(theirs.id)).toEqual([]);
  });
});
