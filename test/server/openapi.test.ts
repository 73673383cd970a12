/** Issue 5, point 3: the OpenAPI document and its reference page, public, describing every route. */
import { describe, expect, it } from 'vitest';
import { useTestServer, type TestServer } from './server-harness.js';

describe('the API reference', () => {
  let server: TestServer;
  useTestServer('sqlite', (s) => (server = s));

  it('serves an OpenAPI 3 document at /api/openapi.json with every route and its request schema', async () => {
    const response = await server.client().get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    const paths = Object.keys(document.paths);
    for (const path of ['/api/session', '/api/tokens', '/api/users', '/api/mailboxes', '/api/mailboxes/{id}/folders', '/api/mailboxes/{id}/contacts', '/api/mailboxes/{id}/plans', '/api/plans/{planId}/groups', '/api/plans/{planId}/runs', '/api/runs', '/api/runs/{id}/events', '/api/runs/{id}/undo', '/api/runs/{id}/resume', '/api/mailboxes/{id}/track', '/api/mailboxes/{id}/untrack', '/api/accounts', '/api/contacts/{id}']) {
      expect(paths).toContain(path);
    }
    const plan = document.paths['/api/mailboxes/{id}/plans'].post;
    expect(plan.requestBody.content['application/json'].schema.properties.groupBy.enum).toEqual(['company', 'domain', 'category']);
    expect(plan.summary).toMatch(/Prepare the wizard/);
  });

  it('serves a browsable reference page at /api/docs', async () => {
    const response = await fetch(`${server.url}/api/docs/`, { redirect: 'follow' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });

  it('answers an unknown API path with 404 problem+json pointing to the reference', async () => {
    const response = await (await server.signedIn('ada')).get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe('There is no GET /api/nothing-here in this API; see /api/docs.');
  });
});
