/** The CRM's accounts and contacts, shared by every user of the CRM (their mailboxes are not). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Contact, CrmStore, ParentRef } from '../../crm/index.js';
import { displayName } from '../../domain/contact.js';
import { signedIn } from '../auth/request-auth.js';
import { typed, type ServerDeps } from '../server-deps.js';
import { idParams, pageQuery } from './paging.js';

const listQuery = pageQuery(50, 500).extend({ search: z.string().max(200).optional() });

async function parentJson(store: CrmStore, parent: ParentRef | null) {
  if (!parent) return null;
  if (parent.kind === 'account') {
    const account = await store.accounts.find(parent.id);
    return { kind: parent.kind, id: parent.id, name: account?.name ?? null };
  }
  const contact = await store.contacts.find(parent.id);
  return { kind: parent.kind, id: parent.id, name: contact ? displayName(contact) : null };
}

/** Contacts as lists show them, with their parents' names read once per page (one query for the accounts). */
async function contactSummaries(store: CrmStore, contacts: readonly Contact[]) {
  const accountIds = [...new Set(contacts.flatMap((c) => (c.parent?.kind === 'account' ? [c.parent.id] : [])))];
  const accounts = new Map((await store.accounts.findMany(accountIds)).map((a) => [a.id, a.name]));
  const contactIds = [...new Set(contacts.flatMap((c) => (c.parent?.kind === 'contact' ? [c.parent.id] : [])))];
  const parents = new Map(await Promise.all(contactIds.map(async (id) => [id, await store.contacts.find(id)] as const)));
  return contacts.map((contact) => {
    const parent = contact.parent;
    const name = !parent ? null : parent.kind === 'account' ? (accounts.get(parent.id) ?? null) : ((p) => (p ? displayName(p) : null))(parents.get(parent.id));
    return {
      id: contact.id,
      name: displayName(contact),
      email: contact.emails?.[0] ?? null,
      company: contact.company ?? null,
      state: contact.state,
      parent: parent ? { kind: parent.kind, id: parent.id, name } : null,
    };
  });
}

/** The users whose mailboxes track a contact; the mailbox is named only to its own user (X2). */
async function trackedBy(store: CrmStore, contactId: number, viewerId: number) {
  const links = await store.links.listByContact(contactId);
  return Promise.all(
    links.map(async (link) => {
      const mailbox = await store.mailboxes.find(link.mailboxId);
      const owner = mailbox ? await store.users.getOrThrow(mailbox.ownerId) : null;
      const own = mailbox?.ownerId === viewerId;
      return { userId: owner?.id ?? null, userName: owner?.name ?? null, mailboxId: own ? link.mailboxId : null, mailboxName: own ? mailbox!.name : null, trackCommunications: link.trackCommunications };
    }),
  );
}

export function crmRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  typed(app).get('/api/accounts', { schema: { summary: 'Accounts by name; `search` finds names containing it (any case)', tags: ['crm'], querystring: listQuery } }, async (request) => {
    signedIn(request);
    const accounts = await store.accounts.list({ ...request.query, search: request.query.search?.trim() || undefined });
    return { items: accounts.map(({ id, name, website, ownerId, parentAccountId }) => ({ id, name, website, ownerId, parentAccountId })) };
  });

  typed(app).get('/api/accounts/:id', { schema: { summary: 'One account with its contacts and its activity timeline', tags: ['crm'], params: idParams } }, async (request) => {
    signedIn(request);
    const account = await store.accounts.getOrThrow(request.params.id);
    const ref = { kind: 'account', id: account.id } as const;
    const contacts = await store.contacts.list({ parent: ref, limit: 500 });
    return { account, contacts: await contactSummaries(store, contacts), activities: await store.activities.timeline(ref, { limit: 200 }) };
  });

  typed(app).get('/api/contacts', { schema: { summary: 'Contacts; `search` finds names and e-mails containing it (any case)', tags: ['crm'], querystring: listQuery } }, async (request) => {
    signedIn(request);
    const contacts = await store.contacts.list({ ...request.query, search: request.query.search?.trim() || undefined });
    return { items: await contactSummaries(store, contacts) };
  });

  typed(app).get(
    '/api/contacts/:id',
    { schema: { summary: 'One contact with every field, its parent, who tracks it, its activities and its open sync conflicts', tags: ['crm'], params: idParams } },
    async (request) => {
      const user = signedIn(request);
      const contact = await store.contacts.getOrThrow(request.params.id);
      return {
        contact,
        parent: await parentJson(store, contact.parent),
        trackedBy: await trackedBy(store, contact.id, user.id),
        activities: await store.activities.timeline({ kind: 'contact', id: contact.id }, { limit: 200 }),
        conflicts: await store.conflicts.listOpen(contact.id),
      };
    },
  );
}
