/**
 * Issue 5, point 2: signing in, sessions, CSRF, the login rate limit, API tokens and the
 * administrator's users, over real HTTP against a real store.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../crm-dialects.js';
import { ApiClient, PASSWORDS, useTestServer, type TestServer } from './server-harness.js';

describe.each(DIALECTS)('signing in to the API on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2026-11-28T09:00:00Z');
  useTestServer(dialect, (s) => (server = s), { loginLimit: { max: 3, timeWindow: 60_000 }, now: () => clock });

  it('refuses a request without a session or token (401, problem+json), then lets the signed-in user in', async () => {
    const anonymous = server.client();
    const refused = await anonymous.get('/api/mailboxes');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 401, detail: 'You are not signed in, or your session expired: sign in again.' });

    const ada = await server.signedIn('ada');
    const mailboxes = await ada.get('/api/mailboxes');
    expect(mailboxes.status).toBe(200);
    expect(mailboxes.body.items).toEqual([{ id: server.adaMailbox.id, name: 'Address book', ownerAddress: 'ada@example.org', connector: { kind: 'vcard' } }]);
    expect((await ada.get('/api/session')).body).toMatchObject({ user: { email: 'ada@example.org', role: 'admin' }, csrfToken: ada.csrfToken });
  });

  it('sets the session cookie httpOnly and SameSite=Lax, Secure only behind HTTPS', async () => {
    const plain = await server.client().signIn('ada@example.org', PASSWORDS.ada);
    const cookie = plain.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^liaison_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    // The cookie value is not what the store keeps (only its SHA-256 is).
    const value = cookie.split(';')[0]!.split('=')[1]!;
    expect(await server.store.sessions.findLive(value, clock.toISOString())).toBeUndefined();
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await server.client().signIn('ada@example.org', 'not-her-password');
    const unknown = await server.client().signIn('nobody@example.org', 'whatever-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe('The e-mail or the password is wrong.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('limits sign-in attempts per client address (429 after the limit)', async () => {
    const client = server.client();
    for (let i = 0; i < 3; i++) expect((await client.signIn('ada@example.org', `guess-${i}-wrong`)).status).toBe(401);
    const limited = await client.signIn('ada@example.org', PASSWORDS.ada);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.detail).toMatch(/try again|retry/i);
  });

  it('refuses a change made with the cookie but without the CSRF token, or with a wrong one (403)', async () => {
    const ada = await server.signedIn('ada');
    const missing = await ada.post('/api/tokens', { name: 'x' }, { 'x-csrf-token': '' });
    // The token with its last character changed (a 256-bit token's last base64url character is 'A' one time in 16).
    const forged = `${ada.csrfToken!.slice(0, -1)}${ada.csrfToken!.endsWith('A') ? 'E' : 'A'}`;
    const wrong = await ada.post('/api/tokens', { name: 'x' }, { 'x-csrf-token': forged });
    const bo = await server.signedIn('bo');
    const anotherSessions = await ada.post('/api/tokens', { name: 'x' }, { 'x-csrf-token': bo.csrfToken! });
    for (const refused of [missing, wrong, anotherSessions]) {
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/CSRF token is missing or wrong/);
    }
    expect((await ada.get('/api/tokens')).body.items).toEqual([]);
    expect((await ada.post('/api/tokens', { name: 'x' })).status).toBe(201);
  });

  it('ends a session on sign-out and after 12 hours unused', async () => {
    const ada = await server.signedIn('ada');
    expect((await ada.delete('/api/session')).status).toBe(204);
    expect((await ada.get('/api/mailboxes')).status).toBe(401);

    const again = await server.signedIn('ada');
    clock = new Date(clock.getTime() + 11 * 3_600_000);
    expect((await again.get('/api/mailboxes')).status).toBe(200); // used: extended by 12 hours
    clock = new Date(clock.getTime() + 11 * 3_600_000);
    expect((await again.get('/api/mailboxes')).status).toBe(200);
    clock = new Date(clock.getTime() + 13 * 3_600_000);
    expect((await again.get('/api/mailboxes')).status).toBe(401);
  });

  it('lets a script use an API token without CSRF, shows the token once, and stops it when revoked', async () => {
    const ada = await server.signedIn('ada');
    const created = await ada.post('/api/tokens', { name: 'nightly import' });
    expect(created.body).toMatchObject({ name: 'nightly import', token: expect.stringMatching(/^lia_[\w-]{40,}$/) });
    const listed = await ada.get('/api/tokens');
    expect(listed.body.items).toEqual([{ id: created.body.id, name: 'nightly import', createdAt: expect.any(String), lastUsedAt: null }]);
    expect(listed.text).not.toContain(created.body.token);

    const script = new ApiClient(server.url);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    expect((await script.get('/api/mailboxes', bearer)).status).toBe(200);
    expect((await script.post('/api/tokens', { name: 'made by a script' }, bearer)).status).toBe(201);
    expect((await ada.get('/api/tokens')).body.items[0].lastUsedAt).not.toBeNull();

    expect((await ada.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await script.get('/api/mailboxes', bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/API token is not valid/);
    expect((await script.get('/api/mailboxes', { authorization: 'Bearer lia_made-up' })).status).toBe(401);
  });

  it('lets only an administrator list and add users; a new user signs in with the password given', async () => {
    const bo = await server.signedIn('bo');
    expect((await bo.get('/api/users')).status).toBe(403);
    expect((await bo.post('/api/users', { email: 'cy@example.org', name: 'Cy', password: 'cy-password-1' })).status).toBe(403);

    const ada = await server.signedIn('ada');
    const tooShort = await ada.post('/api/users', { email: 'cy@example.org', name: 'Cy', password: 'short' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.detail).toContain('at least 8 characters');
    const added = await ada.post('/api/users', { email: 'cy@example.org', name: 'Cy', password: 'cy-password-1' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(Number), email: 'cy@example.org', name: 'Cy', role: 'user' });
    expect((await ada.post('/api/users', { email: 'CY@example.org', name: 'Cy again', password: 'cy-password-1' })).status).toBe(409);
    expect((await ada.get('/api/users')).body.items.map((u: { email: string }) => u.email)).toEqual(['ada@example.org', 'bo@example.org', 'cy@example.org']);
    expect((await server.client().signIn('cy@example.org', 'cy-password-1')).status).toBe(200);
  });

  it('refuses an oversized request (413) and an invalid one (400) with a sentence', async () => {
    const ada = await server.signedIn('ada');
    const huge = await ada.post('/api/tokens', { name: 'x'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.detail).toBe('The request is larger than this server accepts.');
    const invalid = await ada.post('/api/tokens', { name: 42 });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ detail: expect.stringContaining('/name'), errors: [expect.objectContaining({ path: '/name' })] });
  });
});

describe('signing in behind an HTTPS proxy', () => {
  let server: TestServer;
  useTestServer('sqlite', (s) => (server = s), { trustProxy: true });

  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    const response = await server.client().post('/api/session', { email: 'ada@example.org', password: PASSWORDS.ada }, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });
});
