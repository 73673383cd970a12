/** The user's mailboxes: list, folders, and a folder's contacts like an address book. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedIn } from '../auth/request-auth.js';
import { ContactListCache } from '../mailbox/contact-list-cache.js';
import { typed, type ServerDeps } from '../server-deps.js';
import { readableMailbox } from './owned-mailbox.js';
import { idParams, pageQuery } from './paging.js';

export function mailboxRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  const contactLists = new ContactListCache();
  typed(app).get('/api/mailboxes', { schema: { summary: "The signed-in user's mailboxes", tags: ['mailboxes'] } }, async (request) => {
    const mailboxes = await store.mailboxes.list(signedIn(request).id);
    return { items: mailboxes.map((m) => ({ id: m.id, name: m.name, ownerAddress: m.ownerAddress, connector: { kind: m.connector.kind } })) };
  });

  typed(app).get(
    '/api/mailboxes/:id/folders',
    { schema: { summary: "A mailbox's contacts folders; the default one is the wizard's first proposal (W1)", tags: ['mailboxes'], params: idParams } },
    async (request) => {
      const { mailbox } = await readableMailbox(store, signedIn(request), request.params.id);
      const folders = await mailbox.folders();
      const paths = new Set(folders.map((f) => f.path));
      const parentOf = (path: string) => {
        const at = path.lastIndexOf('/');
        return at > 0 && paths.has(path.slice(0, at)) ? path.slice(0, at) : null;
      };
      return {
        defaultFolder: (folders.find((f) => f.isDefault) ?? folders[0])?.path ?? null,
        folders: folders.map((f) => ({ path: f.path, name: f.name, parent: parentOf(f.path), ownerAddress: f.ownerAddress ?? null })),
      };
    },
  );

  typed(app).get(
    '/api/mailboxes/:id/contacts',
    {
      schema: {
        summary: "A folder's contacts (with its subfolders), as the mailbox has them (read again at most once a minute), with whether each is tracked",
        tags: ['mailboxes'],
        params: idParams,
        querystring: pageQuery(100, 1_000).extend({ folder: z.string().optional(), search: z.string().max(200).optional() }),
      },
    },
    async (request) => {
      const user = signedIn(request);
      const { stored, mailbox } = await readableMailbox(store, user, request.params.id);
      const all = await contactLists.list({ userId: user.id, mailboxId: stored.id, folder: request.query.folder }, mailbox);
      const search = request.query.search?.trim().toLowerCase();
      const matching = search ? all.filter((c) => c.searchText.includes(search)) : all;
      const { offset, limit } = request.query;
      const tracked = await store.links.trackedItems(stored.id);
      const items = matching.slice(offset, offset + limit).map(({ searchText: _, ...contact }) => {
        const crmContactId = tracked.get(contact.id);
        return { ...contact, tracked: crmContactId !== undefined, crmContactId: crmContactId ?? null };
      });
      return { total: matching.length, offset, items };
    },
  );
}
