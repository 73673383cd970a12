/**
 * The Add Contacts wizard end to end (issue 4), on the generated 100,000-contact vCard
 * mailbox over 5,000 companies with variants (`generate-wizard-mailbox.ts`), each dialect
 * in a child process of its own so its peak memory is its own:
 *
 * - **plan**: open the mailbox and plan it grouped by company (reads every card, looks
 *   up every e-mail, groups, proposes variants): target ≤ 2 s;
 * - **run**: add every group with company names as accounts, from the plan: target
 *   ≤ 10 s on SQLite, ≤ 20 s on PostgreSQL;
 * - **second run**: the same wizard again (plan and run; everything is in the CRM, so
 *   everything is skipped): target ≤ 3 s;
 * - **peak memory** of the process over all three: target ≤ 500 MB.
 *
 * Every result is checked against what the generator wrote, so a broken path cannot
 * print a fast number.
 *
 *   npx tsx bench/wizard-benchmark.ts [--contacts 100000] [--dialect sqlite|postgres|all] [--pg URL]
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseUnavailable } from '../src/crm/index.js';
import { accountNameKey } from '../src/domain/account-name.js';
import { addContacts, openTrackingMailbox, planWizard, runWizard, type RunSummary, type WizardChoices, type WizardPlan } from '../src/tracking/index.js';
import { DEFAULT_POSTGRES_URL, positiveInteger, type Dialect } from './bench-options.js';
import { openBenchStore } from './bench-store.js';
import { describeWizardMailbox, writeWizardMailbox, type WizardMailboxOptions } from './generate-wizard-mailbox.js';
import { MemorySampler } from './memory-sampler.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = resolve(BENCH_DIR, '..');
const MB = 1024 * 1024;

export const WIZARD_TARGETS = {
  planSeconds: 2,
  runSeconds: { sqlite: 10, postgres: 20 } as Record<Dialect, number>,
  secondRunSeconds: 3,
  peakRssMegabytes: 500,
} as const;

const CHOICES: WizardChoices = { groupBy: 'company' };

export interface WizardBenchmarkResult {
  dialect: Dialect;
  contacts: number;
  planSeconds: number;
  groups: number;
  runSeconds: number;
  contactsPerSecond: number;
  added: number;
  skipped: number;
  accountsCreated: number;
  secondRunSeconds: number;
  peakRssMegabytes: number;
  /** What did not come out as the generator says it must; empty when all is right. */
  wrong: string[];
  /** Set when the dialect could not run (no PostgreSQL). */
  skippedBecause?: string;
  error?: string;
}

/** What the child must find, computed by the parent from the generator's description. */
interface Expected {
  contacts: number;
  /** Distinct account names (W3 keys) among the companies: the accounts the first run creates. */
  accounts: number;
}

/** Runs the three phases on one dialect in this process (the child's side). */
async function benchInThisProcess(dialect: Dialect, dir: string, postgresUrl: string, expected: Expected): Promise<WizardBenchmarkResult> {
  const result: WizardBenchmarkResult = {
    dialect, contacts: expected.contacts, planSeconds: 0, groups: 0, runSeconds: 0, contactsPerSecond: 0, added: 0, skipped: 0,
    accountsCreated: 0, secondRunSeconds: 0, peakRssMegabytes: 0, wrong: [],
  };
  const check = (what: string, ok: boolean) => {
    if (!ok) result.wrong.push(what);
  };
  let opened;
  try {
    opened = await openBenchStore(dialect, postgresUrl);
  } catch (error) {
    if (error instanceof DatabaseUnavailable) return { ...result, skippedBecause: `no PostgreSQL at ${postgresUrl}: ${error.reason}` };
    throw error;
  }
  const { store } = opened;
  const sampler = await MemorySampler.start();
  try {
    const user = await store.users.add({ email: 'bench@example.org', name: 'Bench' });
    await store.mailboxes.add({ ownerId: user.id, name: 'Bench', ownerAddress: user.email, connector: { kind: 'vcard', settings: { path: dir } } });
    const timed = async <T>(work: () => Promise<T>) => {
      const started = performance.now();
      const { result: value, memory } = await sampler.measure(work);
      result.peakRssMegabytes = Math.max(result.peakRssMegabytes, memory.peakRss / MB, memory.maxRssSoFar / MB);
      return { value, seconds: (performance.now() - started) / 1000 };
    };

    // The plan is dropped after the first run, as a user's process does: the second run plans again.
    let plan: WizardPlan | undefined = undefined;
    const planned = await timed(async () => planWizard(store, await openTrackingMailbox(store, 'Bench', user.email), CHOICES));
    plan = planned.value;
    result.planSeconds = planned.seconds;
    result.groups = plan.groups.length;
    check(`the plan holds ${expected.contacts} contacts, not ${plan.contacts.length}`, plan.contacts.length === expected.contacts);
    check(`no record is unreadable, not ${plan.report.unreadable.length}`, plan.report.unreadable.length === 0);

    const run = await timed(() => runWizard(store, plan!, CHOICES));
    plan = undefined;
    const first: RunSummary = run.value;
    result.runSeconds = run.seconds;
    result.contactsPerSecond = expected.contacts / run.seconds;
    result.added = first.added;
    result.skipped = first.skipped;
    result.accountsCreated = first.accountsCreated;
    check(`every contact is added or skipped (${first.added} + ${first.skipped} ≠ ${expected.contacts})`, first.added + first.skipped === expected.contacts);
    check(`nothing is linked or failed on an empty CRM (${first.linked} linked, ${first.failed} failed)`, first.linked === 0 && first.failed === 0);
    check(`the CRM holds the ${first.added} contacts added, not ${await store.contacts.count()}`, (await store.contacts.count()) === first.added);
    check(`one account per distinct company name: ${expected.accounts}, not ${first.accountsCreated}`, first.accountsCreated === expected.accounts);
    check(`the CRM holds ${first.accountsCreated} accounts, not ${await store.accounts.count()}`, (await store.accounts.count()) === first.accountsCreated);

    const second = await timed(() => addContacts(store, { mailbox: 'Bench', userEmail: user.email, choices: CHOICES }));
    result.secondRunSeconds = second.seconds;
    const again = second.value.summary;
    check(
      `the second run creates nothing (${again.added} added, ${again.linked} linked, ${again.accountsCreated} accounts)`,
      again.added === 0 && again.linked === 0 && again.accountsCreated === 0,
    );
    check(`the second run skips every contact, not ${again.skipped}`, again.skipped === expected.contacts);
    check('the second run leaves the CRM as it was', (await store.contacts.count()) === first.added && (await store.accounts.count()) === first.accountsCreated);
    return result;
  } finally {
    await sampler.stop();
    await opened.cleanUp();
  }
}

function benchInChild(dialect: Dialect, dir: string, postgresUrl: string, expected: Expected): Promise<WizardBenchmarkResult> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', dialect, dir, postgresUrl, JSON.stringify(expected)],
    { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((done) => {
    const failed = (error: string): WizardBenchmarkResult => ({
      dialect, contacts: expected.contacts, planSeconds: 0, groups: 0, runSeconds: 0, contactsPerSecond: 0, added: 0, skipped: 0,
      accountsCreated: 0, secondRunSeconds: 0, peakRssMegabytes: 0, wrong: [], error,
    });
    child.on('error', (error) => done(failed(`could not start the benchmark process: ${error.message}`)));
    child.on('exit', (code, signal) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) done(JSON.parse(last) as WizardBenchmarkResult);
      else done(failed(`the ${dialect} process ended (${signal ?? `exit code ${code}`}) without figures: ${output.slice(-500)}`));
    });
  });
}

export async function runWizardBenchmark(options: { contacts: number; dialects: Dialect[]; postgresUrl: string; dir?: string }): Promise<WizardBenchmarkResult[]> {
  const mailbox: WizardMailboxOptions = { contacts: options.contacts, companies: Math.max(1, Math.min(5_000, Math.round(options.contacts / 20))) };
  const dir = options.dir ?? join(BENCH_DIR, '.data', 'wizard');
  const generating = performance.now();
  const written = await writeWizardMailbox(dir, mailbox);
  const description = describeWizardMailbox(mailbox);
  const expected: Expected = {
    contacts: description.contacts,
    accounts: new Set(description.companies.map((c) => accountNameKey(c.name))).size,
  };
  console.log(
    `generated ${dir}: ${description.contacts.toLocaleString('en-US')} contacts over ${mailbox.companies!.toLocaleString('en-US')} companies ` +
      `(${description.companies.length.toLocaleString('en-US')} spellings, ${description.variantFamilies.length} companies spelled several ways), ` +
      `${written.files} files, ${(written.bytes / MB).toFixed(1)} MB, in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );
  const results: WizardBenchmarkResult[] = [];
  for (const dialect of options.dialects) {
    console.error(`${dialect}: running the wizard in its own process…`);
    results.push(await benchInChild(dialect, dir, options.postgresUrl, expected));
  }
  return results;
}

export function wizardMet(result: WizardBenchmarkResult): boolean {
  return (
    result.error === undefined &&
    result.wrong.length === 0 &&
    (result.skippedBecause !== undefined ||
      (result.planSeconds <= WIZARD_TARGETS.planSeconds &&
        result.runSeconds <= WIZARD_TARGETS.runSeconds[result.dialect] &&
        result.secondRunSeconds <= WIZARD_TARGETS.secondRunSeconds &&
        result.peakRssMegabytes <= WIZARD_TARGETS.peakRssMegabytes))
  );
}

export function formatWizardTable(results: readonly WizardBenchmarkResult[]): string {
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows: string[][] = [['dialect', 'measure', 'figure', 'target', '']];
  for (const r of results) {
    if (r.skippedBecause || r.error) {
      rows.push([r.dialect, r.skippedBecause ? 'skipped' : 'FAILED', r.skippedBecause ?? r.error ?? '', '', '']);
      continue;
    }
    const target = WIZARD_TARGETS.runSeconds[r.dialect];
    rows.push(
      [r.dialect, `plan (${r.groups.toLocaleString('en-US')} groups)`, `${r.planSeconds.toFixed(2)} s`, `≤ ${WIZARD_TARGETS.planSeconds} s`, met(r.planSeconds <= WIZARD_TARGETS.planSeconds)],
      [r.dialect, `run, company accounts (${r.added.toLocaleString('en-US')} added, ${r.accountsCreated.toLocaleString('en-US')} accounts)`, `${r.runSeconds.toFixed(2)} s (${Math.round(r.contactsPerSecond).toLocaleString('en-US')} contacts/s)`, `≤ ${target} s`, met(r.runSeconds <= target)],
      [r.dialect, 'second run (plan and run, all in CRM)', `${r.secondRunSeconds.toFixed(2)} s`, `≤ ${WIZARD_TARGETS.secondRunSeconds} s`, met(r.secondRunSeconds <= WIZARD_TARGETS.secondRunSeconds)],
      [r.dialect, 'peak RSS of the process', `${r.peakRssMegabytes.toFixed(0)} MB`, `≤ ${WIZARD_TARGETS.peakRssMegabytes} MB`, met(r.peakRssMegabytes <= WIZARD_TARGETS.peakRssMegabytes)],
    );
    for (const wrong of r.wrong) rows.push([r.dialect, 'WRONG RESULT', wrong, '', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, dialect, dir, postgresUrl, expected] = args;
    const result = await benchInThisProcess(dialect as Dialect, dir!, postgresUrl!, JSON.parse(expected!) as Expected);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const { values } = parseArgs({ args, options: { contacts: { type: 'string' }, dialect: { type: 'string' }, pg: { type: 'string' } } });
  const dialect = values.dialect ?? 'all';
  const results = await runWizardBenchmark({
    contacts: positiveInteger('contacts', values.contacts, 100_000),
    dialects: dialect === 'all' ? ['sqlite', 'postgres'] : [dialect as Dialect],
    postgresUrl: values.pg ?? process.env.LIAISON_TEST_PG ?? DEFAULT_POSTGRES_URL,
  });
  console.log(formatWizardTable(results));
  if (results.some((r) => r.error || r.wrong.length > 0)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
