/**
 * A real Liaison server for the API tests: a fresh store (SQLite file or PostgreSQL
 * schema), users Ada (admin) and Bo with passwords, Ada's vCard mailbox, listening on a
 * free loopback port; and a small HTTP client that keeps the session cookie and sends
 * the CSRF token, as the web app does.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { CrmStore, Mailbox, User } from '../../src/crm/index.js';
import { buildServer, type ServerOptions } from '../../src/server/build-server.js';
import { hashPassword } from '../../src/tracking/index.js';
import { openFreshStore, type Dialect } from '../crm-dialects.js';
import { addVcardMailbox, writeVcardTree, type Card } from '../tracking/wizard-fixtures.js';

export const PASSWORDS = { ada: 'ada-password-1', bo: 'bo-password-22' } as const;

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: CrmStore;
  ada: User;
  bo: User;
  adaMailbox: Mailbox;
  client(): ApiClient;
  /** Signed in as Ada or Bo. */
  signedIn(who: 'ada' | 'bo'): Promise<ApiClient>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined) sent['content-type'] ??= 'application/json';
    if (this.cookie) sent.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in sent)) sent['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.base}${path}`, { method, headers: sent, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie?.startsWith('liaison_session=')) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, text, body: type.includes('json') && text ? JSON.parse(text) : text };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) => this.request<T>('POST', path, body, headers);
  delete = <T = any>(path: string, headers?: Record<string, string>) => this.request<T>('DELETE', path, undefined, headers);

  async signIn(email: string, password: string): Promise<ApiResponse> {
    const response = await this.post('/api/session', { email, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }
}

/** Cards for Ada's mailbox: 3 companies, one spelled two ways, a contact without a company. */
export const ADA_CARDS: Record<string, Card[]> = {
  'contacts.vcf': [
    { uid: 'c1', name: 'Carla Contoso', email: 'carla@contoso.example', company: 'Contoso Ltd' },
    { uid: 'c2', name: 'Colin Contoso', email: 'colin@contoso.example', company: 'Contoso Ltd' },
    { uid: 'c3', name: 'Cora Contoso', email: 'cora@contoso.example', company: 'CONTOSO LTD.' },
    { uid: 'f1', name: 'Fay Fabrikam', email: 'fay@fabrikam.example', company: 'Fabrikam' },
    { uid: 'n1', name: 'Nina Nocompany', email: 'nina@example.org' },
  ],
  'Clients/clients.vcf': [{ uid: 'w1', name: 'Walt Woodgrove', email: 'walt@woodgrove.example', company: 'Woodgrove Bank' }],
};

/** Starts a server per test of the enclosing describe, and stops it and removes its data after. */
export function useTestServer(dialect: Dialect, assign: (server: TestServer) => void, options: Partial<ServerOptions> = {}, cards = ADA_CARDS): void {
  let stop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const fresh = await openFreshStore(dialect);
    const store = fresh.store;
    const ada = await store.users.add({ email: 'ada@example.org', name: 'Ada', role: 'admin', passwordHash: await hashPassword(PASSWORDS.ada) });
    const bo = await store.users.add({ email: 'bo@example.org', name: 'Bo', role: 'user', passwordHash: await hashPassword(PASSWORDS.bo) });
    const adaMailbox = await addVcardMailbox(store, ada, writeVcardTree(cards));
    const app = await buildServer({ store, ...options });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    stop = async () => {
      await app.close();
      await fresh.cleanup();
    };
    const client = () => new ApiClient(url);
    assign({
      url,
      app,
      store,
      ada,
      bo,
      adaMailbox,
      client,
      signedIn: async (who) => {
        const c = client();
        const response = await c.signIn(who === 'ada' ? ada.email : bo.email, PASSWORDS[who]);
        if (response.status !== 200) throw new Error(`sign-in failed: ${response.text}`);
        return c;
      },
    });
  });
  afterEach(async () => stop?.());
}
