/**
 * The CSV connector's read speed and memory: for each encoding Outlook can write
 * (UTF-8, Windows-1252, UTF-16LE with BOM), generate a 92-column English Outlook export
 * (`generate-outlook-csv.ts`; timed apart, not counted), then read it to the end through
 * `OutlookCsvMailbox.contacts()` in a child process of its own, so the peak memory
 * figure is the reader's alone and not the generator's.
 *
 * The child samples RSS in a worker thread (`memory-sampler.ts`) and also reports the
 * process's `maxRSS`, its true peak (which includes Node and tsx starting up); the
 * figure reported is the higher of the two.
 *
 *   npx tsx bench/csv-benchmark.ts [--rows 100000] [--dir bench/.data/csv]
 *
 * Targets (issue 3): ≥ 50,000 rows/s and < 200 MB peak RSS, in every encoding.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OutlookCsvMailbox } from '../src/mailbox/outlook-csv/outlook-csv-mailbox.js';
import { CSV_ENCODINGS, generateOutlookCsv, type CsvEncoding } from './generate-outlook-csv.js';
import { MemorySampler } from './memory-sampler.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = resolve(BENCH_DIR, '..');
const MB = 1024 * 1024;

export const CSV_TARGETS = { rowsPerSecond: 50_000, peakRssMegabytes: 200 } as const;

export interface CsvBenchmarkResult {
  encoding: CsvEncoding;
  /** Contacts read (every generated row is a contact). */
  rows: number;
  /** Reading time, from opening the mailbox to the last record. */
  seconds: number;
  rowsPerSecond: number;
  megabytesPerSecond: number;
  fileMegabytes: number;
  /** The reading process's peak resident memory, in MB. */
  peakRssMegabytes: number;
  /** Generating the file (not counted in the figures above). */
  generateSeconds: number;
  /** Records that were not contacts (notices, unreadable rows): 0 expected. */
  otherRecords: number;
}

interface ChildReport {
  contacts: number;
  others: number;
  seconds: number;
  peakRss: number;
}

/** Reads `file` in this process and measures it (the child's side). */
async function readInThisProcess(file: string, encoding: CsvEncoding): Promise<ChildReport> {
  const sampler = await MemorySampler.start();
  try {
    const { result, memory } = await sampler.measure(async () => {
      const started = performance.now();
      const mailbox = new OutlookCsvMailbox({ path: file, ownerAddress: 'bench@example.org', encoding: encoding === 'windows-1252' ? encoding : undefined });
      let contacts = 0;
      let others = 0;
      for await (const record of mailbox.contacts()) {
        if (record.kind === 'contact') contacts++;
        else others++;
      }
      return { contacts, others, seconds: (performance.now() - started) / 1000 };
    });
    return { ...result, peakRss: Math.max(memory.peakRss, memory.maxRssSoFar) };
  } finally {
    await sampler.stop();
  }
}

function readInChild(file: string, encoding: CsvEncoding): Promise<ChildReport> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', encoding, file], {
    cwd: PROJECT_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) done(JSON.parse(last) as ChildReport);
      else fail(new Error(`the reading process for ${encoding} ended (${signal ?? `exit code ${code}`}) without figures: ${output.slice(-500)}`));
    });
  });
}

export async function runCsvBenchmark(options: { rows: number; dir: string }): Promise<CsvBenchmarkResult[]> {
  mkdirSync(options.dir, { recursive: true });
  const results: CsvBenchmarkResult[] = [];
  for (const encoding of CSV_ENCODINGS) {
    const file = join(options.dir, `outlook-en-${options.rows}-${encoding}.csv`);
    const generating = performance.now();
    await generateOutlookCsv(file, options.rows, encoding);
    const generateSeconds = (performance.now() - generating) / 1000;
    const bytes = statSync(file).size;
    try {
      const report = await readInChild(file, encoding);
      results.push({
        encoding,
        rows: report.contacts,
        seconds: report.seconds,
        rowsPerSecond: report.contacts / report.seconds,
        megabytesPerSecond: bytes / MB / report.seconds,
        fileMegabytes: bytes / MB,
        peakRssMegabytes: report.peakRss / MB,
        generateSeconds,
        otherRecords: report.others,
      });
    } finally {
      rmSync(file, { force: true });
    }
  }
  return results;
}

export function formatCsvTable(results: readonly CsvBenchmarkResult[]): string {
  const rows = [
    ['encoding', 'rows', 'file MB', 'read s', 'rows/s', 'target', 'MB/s', 'peak RSS MB', 'target', 'generate s'],
    ...results.map((r) => [
      r.encoding,
      r.rows.toLocaleString('en-US'),
      r.fileMegabytes.toFixed(1),
      r.seconds.toFixed(2),
      Math.round(r.rowsPerSecond).toLocaleString('en-US'),
      `≥ ${CSV_TARGETS.rowsPerSecond.toLocaleString('en-US')} ${r.rowsPerSecond >= CSV_TARGETS.rowsPerSecond ? 'met' : 'MISSED'}`,
      r.megabytesPerSecond.toFixed(1),
      r.peakRssMegabytes.toFixed(0),
      `< ${CSV_TARGETS.peakRssMegabytes} ${r.peakRssMegabytes < CSV_TARGETS.peakRssMegabytes ? 'met' : 'MISSED'}`,
      r.generateSeconds.toFixed(2),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, encoding, file] = args;
    const report = await readInThisProcess(file!, encoding as CsvEncoding);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const { values } = parseArgs({ args, options: { rows: { type: 'string' }, dir: { type: 'string' } } });
  const rows = Number((values.rows ?? '100000').replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(rows) || rows <= 0) throw new Error(`--rows must be a positive whole number, not "${values.rows}"`);
  const dir = resolve(values.dir ?? join(BENCH_DIR, '.data', 'csv'));
  console.log(`Liaison CSV connector: ${rows.toLocaleString('en-US')}-row, 92-column English Outlook export, read through OutlookCsvMailbox.contacts()`);
  const results = await runCsvBenchmark({ rows, dir });
  console.log(formatCsvTable(results));
  for (const r of results) if (r.otherRecords > 0 || r.rows !== rows) console.log(`${r.encoding}: WRONG RESULTS: ${r.rows} contacts and ${r.otherRecords} other records for ${rows} rows`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
