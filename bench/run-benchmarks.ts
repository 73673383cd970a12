/**
 * `npm run bench`: the CRM store's bulk path and e-mail lookups on SQLite and
 * PostgreSQL, each dialect in a child process of its own (`bench-dialect.ts`) so
 * their peak memory figures are separate; then the mailbox readers: a 100,000-card
 * vCard file (with ical.js as the yardstick) and a 100,000-row Outlook CSV in three
 * encodings, each reader in a child process too; then the Add Contacts wizard on a
 * generated 100,000-contact mailbox, each dialect in a child process; then the wizard's plan
 * through the HTTP API. Prints tables and writes
 * `bench/results.json` with the machine and the date.
 *
 *   npm run bench                       everything, 100,000 contacts
 *   npm run bench -- --suite vcard      one suite (store, vcard, csv, wizard or api)
 *   npm run bench -- --contacts 20000   a smaller run
 *   npm run bench -- --dialect sqlite --profile   a CPU profile in bench/.data/profiles
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions, TARGETS, toArgs, USAGE, type BenchOptions, type Dialect } from './bench-options.js';
import { formatTable, type DialectResult } from './bench-results.js';
import { CSV_TARGETS, formatCsvTable, runCsvBenchmark, type CsvBenchmarkResult } from './csv-benchmark.js';
import { formatVCardBenchmark, runVCardBenchmark, vcardMet, type VCardBenchmark } from './vcard-benchmark.js';
import { formatWizardTable, runWizardBenchmark, WIZARD_TARGETS, wizardMet, type WizardBenchmarkResult } from './wizard-benchmark.js';
import { API_DATA_DIR, API_TARGETS, apiMet, formatApiTable, runApiBenchmark, type ApiBenchmarkResult } from './api-benchmark.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = resolve(BENCH_DIR, '..');

/** Runs one dialect in a fresh Node process (through tsx's loader) and returns what it sent. */
function runChild(dialect: Dialect, options: BenchOptions): Promise<DialectResult> {
  const nodeArgs = ['--expose-gc', '--import', 'tsx'];
  if (options.profile) {
    const dir = join(BENCH_DIR, '.data', 'profiles');
    mkdirSync(dir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${dialect}-${Date.now()}.cpuprofile`);
  }
  const child = spawn(process.execPath, [...nodeArgs, join(BENCH_DIR, 'bench-dialect.ts'), ...toArgs(options, dialect)], {
    cwd: PROJECT_DIR,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((done) => {
    let result: DialectResult | undefined;
    child.on('message', (message: { type?: string; result?: DialectResult }) => {
      if (message.type === 'result') result = message.result;
    });
    const failed = (error: string): DialectResult => ({
      dialect,
      error,
      phases: [],
      verification: { checks: [], failures: [] },
      maxRssMB: 0,
      baselineRssMB: 0,
      notes: [],
    });
    child.on('error', (error) => done(failed(`could not start the benchmark process: ${error.message}`)));
    child.on('exit', (code, signal) => {
      done(result ?? failed(`the benchmark process ended (${signal ?? `exit code ${code}`}) without results`));
    });
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    availableParallelism: os.availableParallelism(),
    totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const host = machine();
  const started = new Date();
  console.log(`${host.cpuModel} × ${host.cpuCount}, Node ${host.node}, load average ${host.loadAverageAtStart.join(' ')}`);
  if (host.loadAverageAtStart[0]! > 0.5 * host.cpuCount) {
    console.log(`warning: the machine is busy (load ${host.loadAverageAtStart[0]}); figures will be low`);
  }

  const results: DialectResult[] = [];
  if (options.suites.includes('store')) {
    console.log(
      `Liaison CRM store benchmark: ${options.contacts.toLocaleString('en-US')} contacts (each with 2 e-mails, 2 phones, ` +
        `a parent account out of ${options.accounts.toLocaleString('en-US')} and a tracking link), ` +
        `${options.lookups.toLocaleString('en-US')} e-mail lookups`,
    );
    for (const dialect of options.dialects) {
      console.error(`${dialect}: running in its own process…`);
      const result = await runChild(dialect, options);
      if (result.skipped) console.log(`${dialect}: skipped: ${result.skipped}`);
      results.push(result);
    }

    console.log('');
    console.log(formatTable(results));
    console.log('');
    console.log(
      options.links
        ? 'Rates count a contact once with its 2 e-mail rows, 2 phone rows and its tracking link.'
        : 'Rates count a contact once with its 2 e-mail rows and 2 phone rows (no tracking links; add --links for them).',
    );
    console.log('addMany is timed on contacts generated before its clock starts; the "generate" row is the generator alone.');
    for (const result of results) {
      for (const failure of result.verification.failures) console.log(`${result.dialect}: WRONG RESULTS: ${failure}`);
      if (result.error) console.log(`${result.dialect}: FAILED: ${result.error}`);
    }
  }

  let vcard: VCardBenchmark | undefined;
  if (options.suites.includes('vcard')) {
    console.log('');
    console.log(`Liaison vCard reader benchmark: ${options.contacts.toLocaleString('en-US')} cards, Liaison and ical.js each in a process of its own`);
    vcard = await runVCardBenchmark(options.contacts);
    console.log(formatVCardBenchmark(vcard));
  }

  let csv: CsvBenchmarkResult[] | undefined;
  if (options.suites.includes('csv')) {
    console.log('');
    console.log(`Liaison CSV reader benchmark: ${options.contacts.toLocaleString('en-US')}-row, 92-column English Outlook export in three encodings, each read in a process of its own`);
    csv = await runCsvBenchmark({ rows: options.contacts, dir: join(BENCH_DIR, '.data', 'csv') });
    console.log(formatCsvTable(csv));
  }

  let wizard: WizardBenchmarkResult[] | undefined;
  if (options.suites.includes('wizard')) {
    console.log('');
    console.log(`Liaison Add Contacts wizard benchmark: a ${options.contacts.toLocaleString('en-US')}-contact vCard mailbox, grouped by company, each dialect in a process of its own`);
    wizard = await runWizardBenchmark({ contacts: options.contacts, dialects: options.dialects, postgresUrl: options.postgresUrl });
    console.log(formatWizardTable(wizard));
  }

  let api: ApiBenchmarkResult[] | undefined;
  if (options.suites.includes('api')) {
    console.log('');
    console.log(`Liaison HTTP API benchmark: the wizard's plan and first page of groups for the ${options.contacts.toLocaleString('en-US')}-contact mailbox, through a server on loopback`);
    api = await runApiBenchmark({ contacts: options.contacts, dialects: options.dialects, postgresUrl: options.postgresUrl, dir: API_DATA_DIR(BENCH_DIR) });
    console.log(formatApiTable(api));
  }

  const out = resolve(PROJECT_DIR, options.out);
  const report = {
    date: started.toISOString(),
    machine: host,
    options: { ...options, postgresUrl: redact(options.postgresUrl) },
    targets: TARGETS,
    linksIncluded: options.links,
    results,
    vcard,
    csv,
    wizard: wizard && { targets: WIZARD_TARGETS, results: wizard },
    api: api && { targets: API_TARGETS, results: api },
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`figures written to ${relative(process.cwd(), out) || out}`);

  const vcardFailed = vcard?.results.some((r) => r.error !== undefined || (r.reader !== 'ical.js' && (r.cards !== vcard!.file.cards || r.unreadable > 0)));
  const csvFailed = csv?.some((r) => r.rows !== options.contacts || r.otherRecords > 0);
  for (const r of csv ?? []) if (r.rows !== options.contacts || r.otherRecords > 0) console.log(`csv ${r.encoding}: WRONG RESULTS: ${r.rows} contacts and ${r.otherRecords} other records`);
  const csvMissed = csv?.some((r) => r.rowsPerSecond < CSV_TARGETS.rowsPerSecond || r.peakRssMegabytes >= CSV_TARGETS.peakRssMegabytes);
  const missed = results.some(
    (r) => r.error !== undefined || r.verification.failures.length > 0 || r.phases.some((p) => p.met === false),
  ) || (vcard !== undefined && !vcardMet(vcard)) || csvMissed === true || (wizard?.some((r) => !wizardMet(r)) ?? false) || (api?.some((r) => !apiMet(r)) ?? false);
  const wizardFailed = wizard?.some((r) => r.error !== undefined || r.wrong.length > 0) || api?.some((r) => r.wrong.length > 0);
  if (results.some((r) => r.error || r.verification.failures.length > 0) || vcardFailed || csvFailed || wizardFailed) process.exitCode = 1;
  else if (missed) console.log('some targets were missed (see "met")');
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
