/**
 * Small helpers that insert through the real store and return what they inserted,
 * so a test reads as a short story.
 */
import type { Account, Contact, CrmStore, Mailbox, User } from '../src/crm/index.js';
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
