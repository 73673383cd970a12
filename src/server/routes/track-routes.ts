/** Track, set parent and untrack by hand (T1–T4): at most 20 contacts an action. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { trackContacts, untrackContacts } from '../../tracking/index.js';
import { signedIn } from '../auth/request-auth.js';
import { typed, type ServerDeps } from '../server-deps.js';
import { ownedMailbox } from './owned-mailbox.js';
import { idParams } from './paging.js';

// The 20-contact limit (T1) is the use case's, so that the refusal has one wording; the
// schema only bounds the request's size.
const itemIds = z.array(z.string().min(1)).min(1).max(10_000);

export function trackRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  typed(app).post(
    '/api/mailboxes/:id/track',
    {
      schema: {
        summary: 'Track up to 20 contacts (T1), giving them all one parent when `parent` is set (set parent, T2)',
        tags: ['tracking'],
        params: idParams,
        body: z.object({ itemIds, parent: z.object({ kind: z.enum(['account', 'contact']), id: z.number().int().positive() }).optional() }),
      },
    },
    async (request) => {
      const user = signedIn(request);
      const stored = await ownedMailbox(store, user, request.params.id);
      const { skippedItems: _, ...summary } = await trackContacts(store, { mailbox: stored.name, userEmail: user.email, ...request.body });
      return summary;
    },
  );

  typed(app).post(
    '/api/mailboxes/:id/untrack',
    {
      schema: {
        summary: 'Untrack up to 20 contacts (T3); with `delete`, their CRM copies too, where the user may delete them',
        tags: ['tracking'],
        params: idParams,
        body: z.object({ itemIds, delete: z.boolean().default(false) }),
      },
    },
    async (request) => {
      const user = signedIn(request);
      const stored = await ownedMailbox(store, user, request.params.id);
      const items = await untrackContacts(store, { mailbox: stored.name, userEmail: user.email, itemIds: request.body.itemIds, deleteCopy: request.body.delete });
      return { items };
    },
  );
}
