/**
 * PRODUCT.md W11 as a user meets it: `liaison wizard` run as a child process, killed with
 * SIGKILL at several points (while the first accounts are being created, after a
 * thousand contacts, after two thousand), then started again with the same command until
 * it finishes. Every contact must end up added exactly once, every company account
 * created once, and the run's summary must count them all.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, rawQuery, type FreshDatabase } from './crm-dialects.js';
import { liaison } from './run-cli.js';
import { writeVcardTree, type Card } from './tracking/wizard-fixtures.js';

const MAIN = resolve(import.meta.dirname, '../src/cli/main.ts');
const TSX = import.meta.resolve('tsx');
const CONTACTS = 3_000;
const COMPANIES = 300;

function cards(): Record<string, Card[]> {
  const files: Record<string, Card[]> = {};
  for (let i = 0; i < CONTACTS; i++) {
    const file = i % 3 === 0 ? 'Clients/clients.vcf' : `book-${i % 5}.vcf`;
    (files[file] ??= []).push({ uid: `person-${i}`, name: `Person Number${i}`, email: `person${i}@company${i % COMPANIES}.example`, company: `Company ${i % COMPANIES} Ltd` });
  }
  return files;
}

/** Starts the wizard and kills it with SIGKILL once `until` says so (checked every 20 ms, one check at a time); resolves with how it ended. */
function runKilled(env: NodeJS.ProcessEnv, cwd: string, until: () => Promise<boolean>): Promise<'killed' | 'finished'> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, 'wizard', 'Address book', '--group-by', 'company', '--json'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let stopped = false;
    // One check at a time: under load a count can take longer than the interval, and
    // overlapping checks would each hold a PostgreSQL connection until the server refuses
    // the wizard's own ("too many clients").
    let checking = false;
    const poll = setInterval(() => {
      if (checking || stopped) return;
      checking = true;
      until()
        .then(
          (yes) => {
            if (yes && !stopped) {
              stopped = true;
              child.kill('SIGKILL');
            }
          },
          () => undefined,
        )
        .finally(() => (checking = false));
    }, 20);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL') done('killed');
      else if (code === 0) done('finished');
      else fail(new Error(`the wizard exited with ${code}: ${stderr.trim()}`));
    });
  });
}

describe.each(DIALECTS)('the wizard killed with SIGKILL and started again on %s', (dialect) => {
  let database: FreshDatabase;
  afterEach(async () => database?.cleanup());

  it('W11: ends with every contact added once and every account created once', { timeout: 180_000 }, async () => {
    database = await freshDatabase(dialect);
    const cwd = writeVcardTree(cards());
    const env = { ...process.env, LIAISON_DB: database.location, LIAISON_SECRET: 'cli-tests' };
    const run = (args: string[]) => liaison(args, { cwd, env: { LIAISON_DB: database.location } });
    expect((await run(['init'])).code).toBe(0);
    expect((await run(['user', 'add', 'ada@example.org', '--name', 'Ada'])).code).toBe(0);
    expect((await run(['mailbox', 'add', 'Address book', '--owner', 'ada@example.org', '--vcard', cwd])).code).toBe(0);

    const count = async (table: string) => Number((await rawQuery<{ n: number }>(database.location, `select count(*) as n from ${table}`))[0]!.n);
    const outcomes: string[] = [];
    // Killed while the first accounts are being created, then after about 1,000 and 2,000 contacts.
    outcomes.push(await runKilled(env, cwd, async () => (await count('accounts')) >= 3));
    outcomes.push(await runKilled(env, cwd, async () => (await count('contacts')) >= 1_000));
    outcomes.push(await runKilled(env, cwd, async () => (await count('contacts')) >= 2_000));
    outcomes.push(await runKilled(env, cwd, async () => false));
    expect(outcomes.at(-1)).toBe('finished');
    expect(outcomes.filter((o) => o === 'killed').length).toBeGreaterThanOrEqual(2);

    expect(await count('contacts')).toBe(CONTACTS);
    expect(await count('tracking_links')).toBe(CONTACTS);
    expect(await count('accounts')).toBe(COMPANIES);
    const duplicates = await rawQuery(database.location, 'select name_key from accounts group by name_key having count(*) > 1');
    expect(duplicates).toEqual([]);
    // One run did the work across the kills (resumed each time); if a kill came too late to
    // stop it, a later start was a plain re-run that found everything in the CRM.
    const runs = await rawQuery<{ id: number; status: string }>(database.location, 'select id, status from runs order by id');
    expect(runs.every((r) => r.status === 'finished')).toBe(true);
    const shown = await run(['runs', 'show', String(runs[0]!.id), '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ added: CONTACTS, linked: 0, skipped: 0, accountsCreated: COMPANIES, failed: 0 });
    for (const later of runs.slice(1)) {
      expect(JSON.parse((await run(['runs', 'show', String(later.id), '--json'])).stdout)).toMatchObject({ added: 0, skipped: CONTACTS });
    }
  });
});
