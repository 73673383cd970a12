/**
 * Who is asking: every /api request but the public ones (sign-in, the OpenAPI document
 * and its reference page under /api/docs) is signed in by the session cookie or by an API token
 * (`authorization: Bearer …`), or refused with 401 before its body is read. A
 * state-changing request made with the cookie must carry the session's CSRF token in
 * `x-csrf-token` (scripts with a token need none: no browser sends it by itself).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CrmStore, Session, User } from '../../crm/index.js';
import { problem } from '../problem.js';
import { sameSecret, secretHash } from './secret-token.js';

export const SESSION_COOKIE = 'liaison_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A session lasts this long after its last use. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** An API token's "last used" is written at most this often. */
const TOKEN_USE_RESOLUTION_MS = 60_000;

export interface RequestAuth {
  user: User;
  via: 'session' | 'token';
  session?: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Answered without signing in. */
    public?: boolean;
  }
}

export const notSignedIn = () => problem(401, 'not-signed-in', 'Not signed in', 'You are not signed in, or your session expired: sign in again.');

export function registerRequestAuth(app: FastifyInstance, store: CrmStore, now: () => Date): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.routeOptions.config?.public) return;
    request.auth = await authenticate(request, store, now());
  });
}

async function authenticate(request: FastifyRequest, store: CrmStore, now: Date): Promise<RequestAuth> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await store.apiTokens.findByTokenHash(secretHash(match[1]!)) : undefined;
    if (!token) throw problem(401, 'bad-token', 'Invalid token', 'This API token is not valid (revoked or mistyped): create a new one under Settings → API tokens.');
    if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOKEN_USE_RESOLUTION_MS) await store.apiTokens.markUsed(token.id);
    return { user: await store.users.getOrThrow(token.userId), via: 'token' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  const session = cookie ? await store.sessions.findLive(secretHash(cookie), now.toISOString()) : undefined;
  if (!session) throw notSignedIn();
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw problem(403, 'csrf', 'Request refused', 'This request did not come from a Liaison page (its CSRF token is missing or wrong): reload the page and try again.');
    }
  }
  // Sliding expiry, written at most once per half of the idle time.
  if (Date.parse(session.expiresAt) - now.getTime() < SESSION_IDLE_MS / 2) {
    await store.sessions.extend(session.id, new Date(now.getTime() + SESSION_IDLE_MS).toISOString());
  }
  return { user: await store.users.getOrThrow(session.userId), via: 'session', session };
}

/** The signed-in user of a route that is not public (the hook has run). */
export function signedIn(request: FastifyRequest): User {
  if (!request.auth) throw notSignedIn();
  return request.auth.user;
}

export function requireAdmin(request: FastifyRequest): User {
  const user = signedIn(request);
  if (user.role !== 'admin') throw problem(403, 'admin-only', 'Administrators only', 'Only an administrator may manage users.');
  return user;
}
