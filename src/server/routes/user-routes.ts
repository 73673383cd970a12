/** An administrator manages users: lists them, adds them with a password, sets a new password. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../tracking/password.js';
import { requireAdmin } from '../auth/request-auth.js';
import { typed, type ServerDeps } from '../server-deps.js';
import { userJson } from './session-routes.js';

const password = z.string().min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);

export function userRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  typed(app).get('/api/users', { schema: { summary: 'Every user (administrators only)', tags: ['users'] } }, async (request) => {
    requireAdmin(request);
    return { items: (await store.users.list()).map(userJson) };
  });

  typed(app).post(
    '/api/users',
    {
      schema: {
        summary: 'Add a user who signs in with this password (administrators only)',
        tags: ['users'],
        body: z.object({ email: z.string().trim().min(3).max(320), name: z.string().trim().min(1).max(200), password, role: z.enum(['admin', 'user']).default('user') }),
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const { email, name, role } = request.body;
      const user = await store.users.add({ email, name, role, passwordHash: await hashPassword(request.body.password) });
      return reply.code(201).send(userJson(user));
    },
  );

  typed(app).put(
    '/api/users/:id/password',
    { schema: { summary: "Set a user's password (administrators only)", tags: ['users'], params: z.object({ id: z.coerce.number().int().positive() }), body: z.object({ password }) } },
    async (request, reply) => {
      requireAdmin(request);
      await store.users.setPasswordHash(request.params.id, await hashPassword(request.body.password));
      return reply.code(204).send();
    },
  );
}
