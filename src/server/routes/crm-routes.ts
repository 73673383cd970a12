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

const contactSummary = async (store: CrmStore, contact: Contact) => ({
  id: contact.id,
  name: displayName(contact),
  email: contact.emails?.[0] ?? null,
  company: contact.company ?? null,
  state: contact.state,
  parent: await parentJson(store, contact.parent),
});

export function crmRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  typed(app).get('/api/accounts', { schema: { summary: 'Accounts by name; `search` finds names containing it (any case)', tags: ['crm'], querystring: listQuery } }, async (request) => {
    signedIn(request);
    const accounts = await store.accounts.list({ ...request.query, search: request.query.search?.trim() || undefined });
    return { items: accounts.map(({ id, name, website, ownerId, parentAccountId }) => ({ id, name, website, ownerId, parentAccountId })) };
  });

  typed(app).get('/api/accounts/:id', { schema: { summary: 'One account', tags: ['crm'], params: idParams } }, async (request) => {
    signedIn(request);
    return { account: await store.accounts.getOrThrow(request.params.id) };
  });

  typed(app).get('/api/contacts', { schema: { summary: 'Contacts; `search` finds names and e-mails containing it (any case)', tags: ['crm'], querystring: listQuery } }, async (request) => {
    signedIn(request);
    const contacts = await store.contacts.list({ ...request.query, search: request.query.search?.trim() || undefined });
    return { items: await Promise.all(contacts.map((c) => contactSummary(store, c))) };
  });

  typed(app).get('/api/contacts/:id', { schema: { summary: 'One contact with every field and its parent', tags: ['crm'], params: idParams } }, async (request) => {
    signedIn(request);
    const contact = await store.contacts.getOrThrow(request.params.id);
    return { contact, parent: await parentJson(store, contact.parent), conflicts: await store.conflicts.listOpen(contact.id) };
  });
}
