/**
 * Small helpers that insert through the real store and return what they inserted,
 * so a test reads as a short story.
 */
import type { Account, Contact, CrmStore, Mailbox, ParentRef, Run, RunBatch, User } from '../src/crm/index.js';
import type { ContactFields } from '../src/domain/contact.js';

let serial = 0;

export async function newUser(store: CrmStore, email = `user${++serial}@example.org`): Promise<User> {
  return store.users.add({ email, name: `User ${serial}` });
}

export async function newAccount(store: CrmStore, owner: User, name = `Company ${++serial}`): Promise<Account> {
  return store.accounts.add({ name, ownerId: owner.id });
}

export async function newContact(store: CrmStore, owner: User, fields: ContactFields = {}): Promise<Contact> {
  return store.contacts.add({
    ownerId: owner.id,
    fields: { firstName: 'Test', lastName: `Contact ${++serial}`, emails: [`contact${serial}@example.org`], ...fields },
  });
}

export async function newMailbox(store: CrmStore, owner: User, name = `Mailbox ${++serial}`): Promise<Mailbox> {
  return store.mailboxes.add({
    ownerId: owner.id,
    name,
    ownerAddress: owner.email,
    connector: { kind: 'vcard', settings: { path: '/tmp/contacts' } },
  });
}

export async function newRun(store: CrmStore, owner: User, mailbox: Mailbox, kind = 'wizard'): Promise<Run> {
  return store.runs.start({ kind, userId: owner.id, mailboxId: mailbox.id });
}

/** A run batch with the given parts, the others empty. */
export function batchOf(parts: Partial<RunBatch>): RunBatch {
  return { added: [], linked: [], parentSet: [], recorded: [], ...parts };
}

/** A mailbox item to add as a new CRM contact in a run batch, tracked by the item key. */
export function addedItem(owner: User, mailbox: Mailbox, itemKey: string, fields: ContactFields = {}, parent: ParentRef | null = null): RunBatch['added'][number] {
  return {
    itemKey,
    folder: 'Contacts',
    contact: { ownerId: owner.id, fields: { lastName: `Item ${itemKey}`, emails: [`${itemKey}@example.org`], ...fields }, parent },
    link: { mailboxId: mailbox.id, sourceItemId: itemKey, trackCommunications: false, snapshot: fields, sourceVersion: `v-${itemKey}` },
  };
}

/** A mailbox item to link to an existing CRM contact in a run batch. */
export function linkedItem(mailbox: Mailbox, itemKey: string, contactId: number): RunBatch['linked'][number] {
  return { itemKey, folder: 'Contacts', contactId, link: { mailboxId: mailbox.id, sourceItemId: itemKey, trackCommunications: false } };
}
