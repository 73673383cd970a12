/** API tokens for scripts: made and revoked by their user; shown once, kept as a hash. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signedIn } from '../auth/request-auth.js';
import { newSecret, secretHash } from '../auth/secret-token.js';
import { notFound } from '../problem.js';
import { typed, type ServerDeps } from '../server-deps.js';

const TOKEN_PREFIX = 'lia_';

export function tokenRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  typed(app).get('/api/tokens', { schema: { summary: "The signed-in user's API tokens (never the tokens themselves)", tags: ['tokens'] } }, async (request) => {
    const tokens = await store.apiTokens.list(signedIn(request).id);
    return { items: tokens.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt })) };
  });

  typed(app).post(
    '/api/tokens',
    { schema: { summary: 'Create an API token; the answer holds the token, shown this once', tags: ['tokens'], body: z.object({ name: z.string().trim().min(1).max(100) }) } },
    async (request, reply) => {
      const token = newSecret(TOKEN_PREFIX);
      const saved = await store.apiTokens.add({ tokenHash: secretHash(token), userId: signedIn(request).id, name: request.body.name });
      return reply.code(201).send({ id: saved.id, name: saved.name, createdAt: saved.createdAt, token });
    },
  );

  typed(app).delete(
    '/api/tokens/:id',
    { schema: { summary: 'Revoke one of your API tokens', tags: ['tokens'], params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      if (!(await store.apiTokens.remove(signedIn(request).id, request.params.id))) throw notFound(`API token #${request.params.id} of yours`);
      return reply.code(204).send();
    },
  );
}
