/**
 * The HTTP server: the API under /api (JSON, zod-validated, described at
 * /api/openapi.json with a reference page at /api/docs), and the built web app for
 * every other path. No business rule lives here: routes call the use cases of src/tracking.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { CrmStore } from '../crm/index.js';
import { registerRequestAuth } from './auth/request-auth.js';
import { problem, problemFor, sendProblem } from './problem.js';
import { crmRoutes } from './routes/crm-routes.js';
import { mailboxRoutes } from './routes/mailbox-routes.js';
import { planRoutes } from './routes/plan-routes.js';
import { runRoutes } from './routes/run-routes.js';
import { sessionRoutes, type LoginLimit } from './routes/session-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import { trackRoutes } from './routes/track-routes.js';
import { UPLOAD_LIMIT, uploadRoutes, type UploadOptions } from './routes/upload-routes.js';
import { userRoutes } from './routes/user-routes.js';
import type { ServerDeps } from './server-deps.js';
import { PlanCache } from './wizard/plan-cache.js';
import { RunRegistry } from './wizard/run-registry.js';

export interface ServerOptions {
  store: CrmStore;
  /** The built web app (index.html and its assets); none: the API only. */
  webRoot?: string | null;
  /** Behind a reverse proxy: trust its X-Forwarded-* headers (HTTPS, client address). */
  trustProxy?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Sign-in attempts allowed per client address and window (default: 10 a minute). */
  loginLimit?: LoginLimit;
  now?: () => Date;
  /** Uploaded mailbox files: where they are kept (default ./liaison-uploads) and the size limit. */
  uploads?: Partial<UploadOptions>;
}

/** Requests larger than this are refused (413) before they are read. */
export const BODY_LIMIT = 2 * 1024 * 1024;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: options.trustProxy ?? false, bodyLimit: BODY_LIMIT });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const deps: ServerDeps = { store: options.store, now: options.now ?? (() => new Date()), plans: new PlanCache(), runs: new RunRegistry() };

  // First, so the plugins registered after (the reference page's routes) answer problems too.
  app.setErrorHandler((error, request, reply) => {
    const found = problemFor(error);
    if (found) return sendProblem(reply, found);
    request.log.error(error);
    return sendProblem(reply, { status: 500, slug: 'unexpected', title: 'Unexpected error', detail: 'Liaison hit an unexpected error; nothing more was changed. Try again, and report it if it happens again.' });
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Liaison API', version: '0.1.0', description: 'Add address-book contacts to the CRM and keep them tracked. Sign in with POST /api/session (cookie + x-csrf-token on changes) or send `authorization: Bearer <API token>`.' },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' } } },
      security: [{ token: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerRequestAuth(app, deps.store, deps.now);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  sessionRoutes(app, deps, options.loginLimit ?? { max: 10, timeWindow: 60_000 });
  tokenRoutes(app, deps);
  userRoutes(app, deps);
  mailboxRoutes(app, deps);
  uploadRoutes(app, deps, { dir: options.uploads?.dir ?? resolve('liaison-uploads'), limit: options.uploads?.limit ?? UPLOAD_LIMIT });
  planRoutes(app, deps);
  runRoutes(app, deps);
  trackRoutes(app, deps);
  crmRoutes(app, deps);

  const webRoot = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : null;
  // Files are looked up when asked for (wildcard), so a rebuilt app is served without a restart.
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || request.method !== 'GET') return sendProblem(reply, problem(404, 'not-found', 'Not found', `There is no ${request.method} ${path} in this API; see /api/docs.`).problem);
    // A missing file (an asset of an older build) is a 404, not the app's page.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) return reply.code(404).type('text/plain').send(`There is no ${path} here.`);
    // The web app routes in the browser: any other page is its index.
    if (webRoot) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).type('text/plain').send('The web app is not built: run "npm run build:web" (npm ci does it), then restart.');
  });
  app.addHook('onClose', async () => deps.runs.settled());
  return app;
}
