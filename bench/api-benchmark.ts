/**
 * The wizard through the HTTP API (issue 5): a real server on loopback over the
 * generated 100,000-contact mailbox; a signed-in client asks for the plan (its answer
 * holds the first page of groups) and then the first page of groups again, as the web
 * app does when the group table opens. Target: ≤ 2 s for the plan and the first page.
 *
 *   npx tsx bench/api-benchmark.ts [--contacts 100000] [--dialect sqlite|postgres|all]
 */
import { join } from 'node:path';
import { DatabaseUnavailable } from '../src/crm/index.js';
import { buildServer } from '../src/server/build-server.js';
import { hashPassword } from '../src/tracking/index.js';
import type { Dialect } from './bench-options.js';
import { openBenchStore } from './bench-store.js';
import { describeWizardMailbox, writeWizardMailbox } from './generate-wizard-mailbox.js';

export const API_TARGETS = { planAndFirstPageSeconds: 2 } as const;

export interface ApiBenchmarkResult {
  dialect: Dialect;
  contacts: number;
  groups: number;
  planSeconds: number;
  firstPageSeconds: number;
  wrong: string[];
  skippedBecause?: string;
}

const PASSWORD = 'bench-password';

async function benchDialect(dialect: Dialect, dir: string, postgresUrl: string, contacts: number): Promise<ApiBenchmarkResult> {
  const result: ApiBenchmarkResult = { dialect, contacts, groups: 0, planSeconds: 0, firstPageSeconds: 0, wrong: [] };
  let opened;
  try {
    opened = await openBenchStore(dialect, postgresUrl);
  } catch (error) {
    if (error instanceof DatabaseUnavailable) return { ...result, skippedBecause: `no PostgreSQL at ${postgresUrl}: ${error.reason}` };
    throw error;
  }
  const { store } = opened;
  const app = await buildServer({ store });
  try {
    const user = await store.users.add({ email: 'bench@example.org', name: 'Bench', passwordHash: await hashPassword(PASSWORD) });
    const mailbox = await store.mailboxes.add({ ownerId: user.id, name: 'Bench', ownerAddress: user.email, connector: { kind: 'vcard', settings: { path: dir } } });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };

    let started = performance.now();
    const planResponse = await fetch(`${base}/api/mailboxes/${mailbox.id}/plans`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ groupBy: 'company' }),
    });
    const plan = (await planResponse.json()) as { planId: string; contactCount: number; groupCount: number; groups: { items: unknown[] } };
    result.planSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const page = (await (await fetch(`${base}/api/plans/${plan.planId}/groups?offset=0&limit=200`, { headers: { cookie } })).json()) as { total: number; items: unknown[] };
    result.firstPageSeconds = (performance.now() - started) / 1000;
    result.groups = plan.groupCount;
    if (planResponse.status !== 200) result.wrong.push(`the plan answered ${planResponse.status}`);
    if (plan.contactCount !== contacts) result.wrong.push(`the plan holds ${plan.contactCount} contacts, not ${contacts}`);
    if (plan.groups.items.length !== Math.min(200, plan.groupCount) || page.items.length !== Math.min(200, page.total)) result.wrong.push('the first page of groups is not 200 groups');
    return result;
  } finally {
    await app.close();
    await opened.cleanUp();
  }
}

export async function runApiBenchmark(options: { contacts: number; dialects: Dialect[]; postgresUrl: string; dir: string }): Promise<ApiBenchmarkResult[]> {
  const mailbox = { contacts: options.contacts, companies: Math.max(1, Math.min(5_000, Math.round(options.contacts / 20))) };
  await writeWizardMailbox(options.dir, mailbox);
  const contacts = describeWizardMailbox(mailbox).contacts;
  const results: ApiBenchmarkResult[] = [];
  for (const dialect of options.dialects) {
    console.error(`${dialect}: the plan through the API…`);
    results.push(await benchDialect(dialect, options.dir, options.postgresUrl, contacts));
  }
  return results;
}

export const apiMet = (r: ApiBenchmarkResult) => r.wrong.length === 0 && (r.skippedBecause !== undefined || r.planSeconds + r.firstPageSeconds <= API_TARGETS.planAndFirstPageSeconds);

export function formatApiTable(results: readonly ApiBenchmarkResult[]): string {
  const rows: string[][] = [['dialect', 'measure', 'figure', 'target', '']];
  for (const r of results) {
    if (r.skippedBecause) {
      rows.push([r.dialect, 'skipped', r.skippedBecause, '', '']);
      continue;
    }
    const total = r.planSeconds + r.firstPageSeconds;
    rows.push(
      [r.dialect, `POST plan (${r.contacts.toLocaleString('en-US')} contacts, ${r.groups.toLocaleString('en-US')} groups; holds the first 200)`, `${r.planSeconds.toFixed(2)} s`, '', ''],
      [r.dialect, 'GET the first page of 200 groups', `${(r.firstPageSeconds * 1000).toFixed(0)} ms`, '', ''],
      [r.dialect, 'plan and first page', `${total.toFixed(2)} s`, `≤ ${API_TARGETS.planAndFirstPageSeconds} s`, total <= API_TARGETS.planAndFirstPageSeconds ? 'met' : 'MISSED'],
    );
    for (const wrong of r.wrong) rows.push([r.dialect, 'WRONG RESULT', wrong, '', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export const API_DATA_DIR = (benchDir: string) => join(benchDir, '.data', 'wizard');
