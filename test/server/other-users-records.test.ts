/**
 * PRODUCT.md X2 through the API: user B never reads user A's mailbox, its items or its
 * plans, never runs the wizard or tracks from it, and never sees A's runs. Each answer
 * is a refusal without any of A's data.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../crm-dialects.js';
import { useTestServer, type ApiClient, type TestServer } from './server-harness.js';

describe.each(DIALECTS)("another user's records on %s", (dialect) => {
  let server: TestServer;
  let ada: ApiClient;
  let bo: ApiClient;
  useTestServer(dialect, (s) => (server = s));
  beforeEach(async () => {
    ada = await server.signedIn('ada');
    bo = await server.signedIn('bo');
  });

  const noAdaData = (text: string) => {
    for (const secret of ['Carla', 'contoso.example', 'Address book', 'wizard-']) expect(text).not.toContain(secret);
  };

  it("refuses B A's mailbox, its folders and contacts (403), and lists none of A's mailboxes", async () => {
    const id = server.adaMailbox.id;
    expect((await bo.get('/api/mailboxes')).body).toEqual({ items: [] });
    for (const path of [`/api/mailboxes/${id}/folders`, `/api/mailboxes/${id}/contacts`]) {
      const refused = await bo.get(path);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toBe(`Mailbox #${id} belongs to another user.`);
      noAdaData(refused.text);
    }
  });

  it("refuses B the wizard on A's mailbox, A's plan and A's run (403 or 404), and tracking from it", async () => {
    const id = server.adaMailbox.id;
    const planned = await bo.post(`/api/mailboxes/${id}/plans`, { groupBy: 'company' });
    expect(planned.status).toBe(403);
    noAdaData(planned.text);

    const adaPlan = await ada.post(`/api/mailboxes/${id}/plans`, { groupBy: 'company' });
    for (const response of [await bo.get(`/api/plans/${adaPlan.body.planId}/groups`), await bo.post(`/api/plans/${adaPlan.body.planId}/runs`, {})]) {
      expect(response.status).toBe(403);
      expect(response.body.detail).toBe('This plan belongs to another user.');
      noAdaData(response.text);
    }
    expect(await server.store.runs.list()).toEqual([]);

    const { runId } = (await ada.post(`/api/plans/${adaPlan.body.planId}/runs`, {})).body;
    for (const path of [`/api/runs/${runId}`, `/api/runs/${runId}/progress`, `/api/runs/${runId}/failures.csv`]) {
      const refused = await bo.get(path);
      expect(refused.status).toBe(404);
      noAdaData(refused.text);
    }
    expect((await bo.post(`/api/runs/${runId}/undo`)).status).toBe(404);
    expect((await bo.get('/api/runs')).body).toEqual({ items: [] });

    for (const action of ['track', 'untrack']) {
      const refused = await bo.post(`/api/mailboxes/${id}/${action}`, { itemIds: ['c1'] });
      expect(refused.status).toBe(403);
    }
  });

  it("refuses B A's API tokens", async () => {
    const token = await ada.post('/api/tokens', { name: "Ada's script" });
    expect((await bo.get('/api/tokens')).body).toEqual({ items: [] });
    expect((await bo.delete(`/api/tokens/${token.body.id}`)).status).toBe(404);
    expect((await ada.get('/api/tokens')).body.items).toHaveLength(1);
  });
});
