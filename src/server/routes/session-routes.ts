/** Signing in and out of the web app (a session cookie and its CSRF token). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { User } from '../../crm/index.js';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '../../tracking/password.js';
import { SESSION_COOKIE, SESSION_IDLE_MS, signedIn } from '../auth/request-auth.js';
import { newSecret, secretHash } from '../auth/secret-token.js';
import { problem } from '../problem.js';
import { typed, type ServerDeps } from '../server-deps.js';

export const userJson = (user: User) => ({ id: user.id, email: user.email, name: user.name, role: user.role });

/** Hashed once, so that an unknown e-mail costs as long as a wrong password (no account probing by timing). */
let decoyHash: Promise<string> | undefined;

export interface LoginLimit {
  max: number;
  timeWindow: number;
}

export function sessionRoutes(app: FastifyInstance, { store, now }: ServerDeps, loginLimit: LoginLimit): void {
  typed(app).post(
    '/api/session',
    {
      config: { public: true, rateLimit: { max: loginLimit.max, timeWindow: loginLimit.timeWindow } },
      schema: {
        summary: 'Sign in with e-mail and password; sets the session cookie and returns the CSRF token',
        tags: ['session'],
        body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) }),
      },
    },
    async (request, reply) => {
      const user = await store.users.findByEmail(request.body.email);
      const hash = user ? await store.users.passwordHash(user.id) : null;
      const ok = await verifyPassword(request.body.password, hash ?? (await (decoyHash ??= hashPassword(newSecret()))));
      if (!user || !hash || !ok) throw problem(401, 'bad-credentials', 'Sign-in failed', 'The e-mail or the password is wrong.');
      const token = newSecret();
      const csrfToken = newSecret();
      const expiresAt = new Date(now().getTime() + SESSION_IDLE_MS).toISOString();
      await store.sessions.add({ tokenHash: secretHash(token), userId: user.id, csrfToken, expiresAt });
      await store.sessions.removeExpired(now().toISOString());
      setSessionCookie(request, reply, token);
      return { user: userJson(user), csrfToken };
    },
  );

  typed(app).get('/api/session', { schema: { summary: 'The signed-in user and the CSRF token to send on changes', tags: ['session'] } }, async (request) => {
    const user = signedIn(request);
    if (request.auth?.via !== 'session') return { user: userJson(user), csrfToken: null };
    return { user: userJson(user), csrfToken: request.auth.session!.csrfToken };
  });

  typed(app).delete('/api/session', { schema: { summary: 'Sign out', tags: ['session'] } }, async (request, reply) => {
    signedIn(request);
    if (request.auth?.session) await store.sessions.remove(request.auth.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure behind HTTPS (directly, or a proxy that says so with --trust-proxy).
    secure: request.protocol === 'https',
    maxAge: SESSION_IDLE_MS / 1000,
  });
}
