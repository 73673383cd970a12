/**
 * Issue 5, point 3: the wizard over HTTP (PRODUCT.md W1–W10 through the API), its
 * progress by Server-Sent Events and polling, the failures as CSV, undo, a second run
 * started at once (409), an expired plan (410), and track by hand (T1's limit).
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../crm-dialects.js';
import type { Card } from '../tracking/wizard-fixtures.js';
import { useTestServer, type ApiClient, type TestServer } from './server-harness.js';

/** Reads a Server-Sent Events stream to its end: the events in order. */
async function readEvents(server: TestServer, client: ApiClient, path: string): Promise<{ event: string; data: any }[]> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie! } });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)![1]!;
      return { event, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) };
    });
}

async function waitForRun(client: ApiClient, runId: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const progress = await client.get(`/api/runs/${runId}/progress`);
    if (progress.body.status !== 'running') return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`run #${runId} did not finish`);
}

describe.each(DIALECTS)('the wizard through the API on %s', (dialect) => {
  let server: TestServer;
  useTestServer(dialect, (s) => (server = s));

  it('W1–W10: plans, pages the groups and their names, adds, reports, and finds everything in the CRM the second time', async () => {
    const ada = await server.signedIn('ada');
    const mailbox = server.adaMailbox.id;
    const folders = await ada.get(`/api/mailboxes/${mailbox}/folders`);
    expect(folders.body).toMatchObject({ defaultFolder: expect.any(String), folders: expect.arrayContaining([expect.objectContaining({ name: 'Clients' })]) });

    const first = await ada.post(`/api/mailboxes/${mailbox}/plans`, { groupBy: 'company' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ contactCount: 6, groupCount: 5, report: { counts: { missingCompany: 1 } } });
    // W3: "CONTOSO LTD." is not folded into "Contoso Ltd" by itself; it is proposed as a merge.
    expect(first.body.variants).toEqual([{ canonical: 'Contoso Ltd', names: [{ name: 'Contoso Ltd', count: 2 }, { name: 'CONTOSO LTD.', count: 1 }], reason: 'same-loose-key' }]);
    const plan = await ada.post(`/api/mailboxes/${mailbox}/plans`, { groupBy: 'company', merges: [{ from: 'CONTOSO LTD.', to: 'Contoso Ltd' }] });
    expect(plan.body).toMatchObject({ groupCount: 4, merges: [{ from: 'CONTOSO LTD.', to: 'Contoso Ltd' }] });
    const labels = plan.body.groups.items.map((g: { label: string; count: number; colour: string }) => [g.label, g.count, g.colour]);
    expect(labels).toEqual(expect.arrayContaining([['Contoso Ltd', 3, 'none'], ['Fabrikam', 1, 'none'], ['Woodgrove Bank', 1, 'none'], ['(no company)', 1, 'none']]));

    const page = await ada.get(`/api/plans/${plan.body.planId}/groups?offset=1&limit=2`);
    expect(page.body).toMatchObject({ total: 4, offset: 1 });
    expect(page.body.items).toHaveLength(2);
    const searched = await ada.get(`/api/plans/${plan.body.planId}/groups?search=wood`);
    expect(searched.body.items.map((g: { label: string }) => g.label)).toEqual(['Woodgrove Bank']);
    const contoso = plan.body.groups.items.find((g: { label: string }) => g.label === 'Contoso Ltd');
    const names = await ada.get(`/api/plans/${plan.body.planId}/groups/${encodeURIComponent(contoso.key)}/contacts`);
    expect(names.body.items.map((c: { name: string }) => c.name)).toEqual(['Carla Contoso', 'Colin Contoso', 'Cora Contoso']);

    const started = await ada.post(`/api/plans/${plan.body.planId}/runs`, { unchecked: ['(no company)'] });
    expect(started.status).toBe(202);
    const events = await readEvents(server, ada, `/api/runs/${started.body.runId}/events`);
    expect(events.at(-1)).toEqual({ event: 'finished', data: expect.objectContaining({ runId: started.body.runId, status: 'finished', added: 5, linked: 0, accountsCreated: 3, failed: 0 }) });
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);

    const summary = await ada.get(`/api/runs/${started.body.runId}`);
    expect(summary.body).toMatchObject({ added: 5, skipped: 0, accountsCreated: 3 });
    expect((await ada.get('/api/runs')).body.items[0]).toMatchObject({ id: started.body.runId, kind: 'wizard', status: 'finished', counts: expect.objectContaining({ added: 5 }) });
    expect((await ada.get('/api/accounts?search=contoso')).body.items.map((a: { name: string }) => a.name)).toEqual(['Contoso Ltd']);

    const again = await ada.post(`/api/mailboxes/${mailbox}/plans`, { groupBy: 'company', merges: [{ from: 'CONTOSO LTD.', to: 'Contoso Ltd' }] });
    const colours = Object.fromEntries(again.body.groups.items.map((g: { label: string; colour: string }) => [g.label, g.colour]));
    expect(colours).toEqual({ 'Contoso Ltd': 'green', Fabrikam: 'green', 'Woodgrove Bank': 'green', '(no company)': 'none' });

    const contacts = await ada.get(`/api/mailboxes/${mailbox}/contacts?limit=3`);
    expect(contacts.body.total).toBe(6);
    expect(contacts.body.items).toHaveLength(3);
    const tracked = await ada.get(`/api/mailboxes/${mailbox}/contacts?search=nina`);
    expect(tracked.body.items).toEqual([expect.objectContaining({ id: 'n1', name: 'Nina Nocompany', tracked: false, crmContactId: null })]);
  });

  it('undoes a run through the API and leaves the CRM as before', async () => {
    const ada = await server.signedIn('ada');
    const plan = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'domain' });
    const { runId } = (await ada.post(`/api/plans/${plan.body.planId}/runs`, { companyAccount: false })).body;
    await waitForRun(ada, runId);
    expect(await server.store.contacts.count()).toBe(6);
    const undone = await ada.post(`/api/runs/${runId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe('undone');
    expect(await server.store.contacts.count()).toBe(0);
    const twice = await ada.post(`/api/runs/${runId}/undo`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/^Run #\d+ cannot be undone/);
  });

  it('gives the failures as CSV, a spreadsheet formula defused', async () => {
    const ada = await server.signedIn('ada');
    // The same e-mail twice: the second contact is not copied (W9), and a card that cannot be read fails.
    await server.store.contacts.add({ ownerId: server.ada.id, fields: { fullName: 'Already There', emails: ['fay@fabrikam.example'] } });
    const plan = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'company' });
    const { runId } = (await ada.post(`/api/plans/${plan.body.planId}/runs`, {})).body;
    await waitForRun(ada, runId);
    const summary = (await ada.get(`/api/runs/${runId}`)).body;
    expect(summary).toMatchObject({ linked: 1, added: 5 });
    const csv = await ada.get(`/api/runs/${runId}/failures.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="liaison-run-${runId}-failures.csv"`);
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('id,name,folder,reason');
  });

  it('answers 410 for a plan that was replaced, and 400 for a group key the plan does not have', async () => {
    const ada = await server.signedIn('ada');
    const first = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'company' });
    const second = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'company' });
    const gone = await ada.get(`/api/plans/${first.body.planId}/groups`);
    expect(gone.status).toBe(410);
    expect(gone.body.detail).toMatch(/prepare the wizard again/);
    const unknown = await ada.post(`/api/plans/${second.body.planId}/runs`, { unchecked: ['Contosso Ltd'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/^There is no group "Contosso Ltd" in this plan\. Did you mean/);
  });

  it('T1: tracks up to 20 contacts, refuses 21 with a pointer to the wizard (422)', async () => {
    const ada = await server.signedIn('ada');
    const mailbox = server.adaMailbox.id;
    const tracked = await ada.post(`/api/mailboxes/${mailbox}/track`, { itemIds: ['c1', 'f1'] });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ added: 2 });
    const many = Array.from({ length: 21 }, (_, i) => `item-${i}`);
    const refused = await ada.post(`/api/mailboxes/${mailbox}/track`, { itemIds: many });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('21 contacts at once is more than 20: select at most 20, or use the Add Contacts wizard to add many contacts by company, domain or category.');
    const untracked = await ada.post(`/api/mailboxes/${mailbox}/untrack`, { itemIds: ['c1'], delete: true });
    expect(untracked.body.items).toEqual([expect.objectContaining({ id: 'c1', outcome: 'untracked-and-deleted' })]);
  });
});

describe.each(DIALECTS)('two runs of one mailbox at once on %s', (dialect) => {
  let server: TestServer;
  const cards: Record<string, Card[]> = {
    'many.vcf': Array.from({ length: 4_000 }, (_, i) => ({ uid: `p${i}`, name: `Person ${i}`, email: `p${i}@company${i % 400}.example`, company: `Company ${i % 400}` })),
  };
  useTestServer(dialect, (s) => (server = s), {}, cards);

  it('tells a second run started at once for one mailbox that a run is in progress (409)', async () => {
    const ada = await server.signedIn('ada');
    const plan = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'company' });
    // Two tabs pressing Add at once.
    const [a, b] = await Promise.all([ada.post(`/api/plans/${plan.body.planId}/runs`, {}), ada.post(`/api/plans/${plan.body.planId}/runs`, {})]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.detail).toMatch(/^(A run of this mailbox is already in progress|This plan was already started as run #\d+)/);
    // The run's id, once the first request has recorded it.
    expect([null, (a.status === 202 ? a : b).body.runId]).toContain(refused.body.runId);
    await waitForRun(ada, (a.status === 202 ? a : b).body.runId);
  });

});

describe.each(DIALECTS)('the CRM views through the API on %s', (dialect) => {
  let server: TestServer;
  useTestServer(dialect, (s) => (server = s));

  it("shows an account with its contacts, and a contact with its fields, parent and who tracks it (another user's mailbox unnamed)", async () => {
    const ada = await server.signedIn('ada');
    const plan = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'company' });
    const { runId } = (await ada.post(`/api/plans/${plan.body.planId}/runs`, {})).body;
    await waitForRun(ada, runId);
    const [fabrikam] = (await ada.get('/api/accounts?search=fabrikam')).body.items;
    const account = await ada.get(`/api/accounts/${fabrikam.id}`);
    expect(account.body).toMatchObject({ account: { name: 'Fabrikam' }, contacts: [{ name: 'Fay Fabrikam', email: 'fay@fabrikam.example', parent: { kind: 'account', name: 'Fabrikam' } }], activities: [] });

    const contactId = account.body.contacts[0].id;
    const detail = await ada.get(`/api/contacts/${contactId}`);
    expect(detail.body).toMatchObject({
      contact: { id: contactId, fullName: 'Fay Fabrikam', emails: ['fay@fabrikam.example'], company: 'Fabrikam' },
      parent: { kind: 'account', id: fabrikam.id, name: 'Fabrikam' },
      trackedBy: [{ userName: 'Ada', mailboxName: 'Address book', mailboxId: server.adaMailbox.id }],
      activities: [],
      conflicts: [],
    });
    const bo = await server.signedIn('bo');
    expect((await bo.get(`/api/contacts/${contactId}`)).body.trackedBy).toEqual([{ userId: server.ada.id, userName: 'Ada', mailboxId: null, mailboxName: null, trackCommunications: false }]);
    expect((await bo.get('/api/contacts?search=fay')).body.items).toEqual([expect.objectContaining({ id: contactId, name: 'Fay Fabrikam' })]);
    expect((await ada.get('/api/contacts/999999')).status).toBe(404);
    // A contact whose parent is a contact: its name too.
    await server.store.contacts.add({ ownerId: server.ada.id, fields: { fullName: 'Ann Assistant' }, parent: { kind: 'contact', id: contactId } });
    expect((await ada.get('/api/contacts?search=assistant')).body.items).toEqual([expect.objectContaining({ name: 'Ann Assistant', parent: { kind: 'contact', id: contactId, name: 'Fay Fabrikam' } })]);
  });
});

describe.each(DIALECTS)('an interrupted run through the API on %s', (dialect) => {
  let server: TestServer;
  useTestServer(dialect, (s) => (server = s));

  it('W11: refuses a new run while one is interrupted, and resumes it with its own choices', async () => {
    const ada = await server.signedIn('ada');
    // A run recorded and then stopped before writing anything (the server was killed).
    const interrupted = await server.store.runs.start({ kind: 'wizard', userId: server.ada.id, mailboxId: server.adaMailbox.id, options: { choices: { groupBy: 'company', companyAccount: false } } });
    const plan = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'domain' });
    const refused = await ada.post(`/api/plans/${plan.body.planId}/runs`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ runId: interrupted.id, detail: `Run #${interrupted.id} of this mailbox was interrupted or is going on elsewhere: resume it (or undo it) under Runs before starting another.` });
    expect((await ada.get(`/api/runs/${interrupted.id}/progress`)).body).toMatchObject({ status: 'running', done: null });

    const resumed = await ada.post(`/api/runs/${interrupted.id}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body).toEqual({ runId: interrupted.id });
    await waitForRun(ada, interrupted.id);
    // Its own choices: no company accounts.
    expect((await ada.get(`/api/runs/${interrupted.id}`)).body).toMatchObject({ status: 'finished', added: 6, accountsCreated: 0 });
    expect(await server.store.accounts.count()).toBe(0);
    const again = await ada.post(`/api/runs/${interrupted.id}/resume`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`Run #${interrupted.id} cannot be resumed: it is finished.`);
  });
});

describe.each(DIALECTS)('a long run on %s', (dialect) => {
  let server: TestServer;
  const cards: Record<string, Card[]> = {
    'many.vcf': Array.from({ length: 4_000 }, (_, i) => ({ uid: `p${i}`, name: `Person ${i}`, email: `p${i}@company${i % 400}.example`, company: `Company ${i % 400}` })),
  };
  useTestServer(dialect, (s) => (server = s), {}, cards);

  it('answers other requests while it goes on: progress comes between batches, not all at the end', async () => {
    const ada = await server.signedIn('ada');
    const plan = await ada.post(`/api/mailboxes/${server.adaMailbox.id}/plans`, { groupBy: 'company' });
    const { runId } = (await ada.post(`/api/plans/${plan.body.planId}/runs`, {})).body;
    const during = await ada.get(`/api/runs/${runId}/progress`);
    // Answered before the run ended (without a pause between batches, a SQLite run would
    // hold the process to its end, and this would read "finished").
    // (Its total is 0 until the run has counted what it will add.)
    expect(during.body).toMatchObject({ runId, status: 'running' });
    expect([0, 4_000]).toContain(during.body.total);
    await waitForRun(ada, runId);
    expect((await ada.get(`/api/runs/${runId}`)).body).toMatchObject({ added: 4_000 });
  });
});
