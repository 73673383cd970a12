/**
 * The vCard reader's benchmark (issue 3, point 7): a generated 100,000-card file read by
 * Liaison's streaming reader, and by ical.js as the yardstick, each in a child process
 * of its own so that each peak memory figure is its own.
 *
 *   npx tsx bench/vcard-benchmark.ts [--cards 100000]
 *
 * The file is kept in bench/.data and made again only when its card count changes.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ICAL from 'ical.js';
import { MAX_CARD_BYTES } from '../src/mailbox/vcard/read-vcard-file.js';
import { VCardSplitter, type SplitItem } from '../src/mailbox/vcard/split-vcards.js';
import { VCardMailbox } from '../src/mailbox/vcard/vcard-mailbox.js';
import { lineHead, parseProperty } from '../src/mailbox/vcard/vcard-property.js';
import { writeVCardBenchFile } from './generate-vcards.js';
import { MemorySampler } from './memory-sampler.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;

export const VCARD_TARGETS = { cardsPerSecond: 100_000, timesIcalJs: 3, peakRssMB: 250 };

/**
 * `liaison`: the mailbox's full read (contacts with every S1 field, item id, version);
 * `liaison-tokenize`: the same file only split into cards and content lines, each line
 * parsed into name, parameters and decoded value: the work ical.js's parser does;
 * `ical.js`: ical.js's parser, the yardstick.
 */
export type VCardReader = 'liaison' | 'liaison-tokenize' | 'ical.js';

export interface VCardReadResult {
  reader: VCardReader;
  cards: number;
  /** Contacts with a name or an e-mail found (the check that the read was real). */
  withEmail: number;
  unreadable: number;
  seconds: number;
  cardsPerSecond: number;
  megabytesPerSecond: number;
  peakRssMB: number;
  error?: string;
}

export interface VCardBenchmark {
  file: { cards: number; megabytes: number; generateSeconds: number };
  results: VCardReadResult[];
  targets: typeof VCARD_TARGETS;
}

async function readWithLiaison(file: string): Promise<Pick<VCardReadResult, 'cards' | 'withEmail' | 'unreadable'>> {
  let cards = 0;
  let withEmail = 0;
  let unreadable = 0;
  for await (const record of new VCardMailbox({ path: file, ownerAddress: 'bench@example.org' }).contacts()) {
    if (record.kind === 'contact') {
      cards++;
      if (record.fields.emails?.[0]) withEmail++;
    } else if (record.kind === 'unreadable') unreadable++;
  }
  return { cards, withEmail, unreadable };
}

/** Splits the file into cards and parses every content line, as ical.js does; no contact is built. */
async function tokenizeWithLiaison(file: string): Promise<Pick<VCardReadResult, 'cards' | 'withEmail' | 'unreadable'>> {
  const splitter = new VCardSplitter(MAX_CARD_BYTES);
  let cards = 0;
  let withEmail = 0;
  let unreadable = 0;
  const take = (items: SplitItem[]) => {
    for (const item of items) {
      if (item.kind === 'broken') {
        unreadable++;
        continue;
      }
      cards++;
      let email = false;
      for (const line of item.text.split('\n')) {
        const head = lineHead(line);
        if (head !== null && parseProperty(line, head, item.latin1) !== null && head.name === 'EMAIL') email = true;
      }
      if (email) withEmail++;
    }
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) take(splitter.push(chunk));
  take(splitter.end());
  return { cards, withEmail, unreadable };
}

/**
 * ical.js reads a whole string, so the file is read into memory first, as it must be.
 * It is given each card on its own (split at END:VCARD), its best case: a card it
 * refuses (it cannot join vCard 2.1 QUOTED-PRINTABLE soft line breaks) is counted as
 * unreadable and the rest go on.
 */
function readWithIcalJs(file: string): Pick<VCardReadResult, 'cards' | 'withEmail' | 'unreadable'> {
  const text = readFileSync(file, 'utf8');
  let cards = 0;
  let withEmail = 0;
  let unreadable = 0;
  let start = 0;
  for (let end = text.indexOf('END:VCARD', start); end !== -1; end = text.indexOf('END:VCARD', start)) {
    const cardText = text.slice(start, end + 9);
    start = end + 9;
    try {
      const card = new ICAL.Component(ICAL.parse(cardText) as never);
      card.getFirstPropertyValue('fn');
      card.getFirstPropertyValue('org');
      if (card.getFirstPropertyValue('email')) withEmail++;
      cards++;
    } catch {
      unreadable++;
    }
  }
  return { cards, withEmail, unreadable };
}

/** In the child: reads the file once with one reader and sends the figures back. */
async function child(reader: VCardReader, file: string): Promise<void> {
  const sampler = await MemorySampler.start();
  const bytes = statSync(file).size;
  const started = process.hrtime.bigint();
  const { result, memory } = await sampler.measure(() =>
    reader === 'liaison' ? readWithLiaison(file) : reader === 'liaison-tokenize' ? tokenizeWithLiaison(file) : readWithIcalJs(file),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await sampler.stop();
  const out: VCardReadResult = {
    reader,
    ...result,
    seconds,
    cardsPerSecond: Math.round(result.cards / seconds),
    megabytesPerSecond: Number((bytes / MB / seconds).toFixed(1)),
    peakRssMB: Math.round(Math.max(memory.peakRss, memory.maxRssSoFar) / MB),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(reader: VCardReader, file: string): Promise<VCardReadResult> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', reader, '--file', file], {
    cwd: resolve(BENCH_DIR, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((done) => {
    proc.on('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      try {
        done(JSON.parse(line) as VCardReadResult);
      } catch {
        done({ reader, cards: 0, withEmail: 0, unreadable: 0, seconds: 0, cardsPerSecond: 0, megabytesPerSecond: 0, peakRssMB: 0, error: `the ${reader} process ended with code ${code}` });
      }
    });
  });
}

export async function runVCardBenchmark(cards: number): Promise<VCardBenchmark> {
  const dir = join(BENCH_DIR, '.data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${cards}.vcf`);
  let generateSeconds = 0;
  if (!existsSync(file)) {
    const started = Date.now();
    await writeVCardBenchFile(`${file}.partial`, cards);
    const { renameSync } = await import('node:fs');
    renameSync(`${file}.partial`, file);
    generateSeconds = (Date.now() - started) / 1000;
  }
  const results = [await runChild('liaison', file), await runChild('ical.js', file), await runChild('liaison-tokenize', file)];
  return { file: { cards, megabytes: Number((statSync(file).size / MB).toFixed(1)), generateSeconds }, results, targets: VCARD_TARGETS };
}

/** Whether every vCard target was met. */
export function vcardMet(bench: VCardBenchmark): boolean {
  const [ours, theirs] = bench.results as [VCardReadResult, VCardReadResult];
  return (
    ours.cardsPerSecond >= VCARD_TARGETS.cardsPerSecond &&
    ours.peakRssMB < VCARD_TARGETS.peakRssMB &&
    theirs.cardsPerSecond > 0 &&
    ours.cardsPerSecond / theirs.cardsPerSecond >= VCARD_TARGETS.timesIcalJs
  );
}

export function formatVCardBenchmark(bench: VCardBenchmark): string {
  const [ours, theirs, tokenizer] = bench.results as [VCardReadResult, VCardReadResult, VCardReadResult];
  const ratio = theirs.cardsPerSecond > 0 ? ours.cardsPerSecond / theirs.cardsPerSecond : 0;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const n = (value: number) => value.toLocaleString('en-US');
  const rows = [
    ['reader', 'cards', 'seconds', 'cards/s', 'MB/s', 'peak RSS', 'target', 'met'],
    ['Liaison', n(ours.cards), ours.seconds.toFixed(2), n(ours.cardsPerSecond), String(ours.megabytesPerSecond), `${ours.peakRssMB} MB`,
      `≥ ${n(VCARD_TARGETS.cardsPerSecond)}/s, < ${VCARD_TARGETS.peakRssMB} MB`, met(ours.cardsPerSecond >= VCARD_TARGETS.cardsPerSecond && ours.peakRssMB < VCARD_TARGETS.peakRssMB)],
    ['ical.js', n(theirs.cards), theirs.seconds.toFixed(2), n(theirs.cardsPerSecond), String(theirs.megabytesPerSecond), `${theirs.peakRssMB} MB`, '(yardstick)', ''],
    ['Liaison ÷ ical.js', '', '', `${ratio.toFixed(1)}×`, '', '', `≥ ${VCARD_TARGETS.timesIcalJs}×`, met(ratio >= VCARD_TARGETS.timesIcalJs)],
    ['Liaison, tokenize only', n(tokenizer.cards), tokenizer.seconds.toFixed(2), n(tokenizer.cardsPerSecond), String(tokenizer.megabytesPerSecond), `${tokenizer.peakRssMB} MB`, '(ical.js\'s work)', ''],
    ['  ÷ ical.js', '', '', `${theirs.cardsPerSecond > 0 ? (tokenizer.cardsPerSecond / theirs.cardsPerSecond).toFixed(1) : '0'}×`, '', '', '', ''],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const notes = [
    `vCard file: ${n(bench.file.cards)} cards, ${bench.file.megabytes} MB (3.0 with folded lines and non-ASCII names, 2% Outlook 2.1 QUOTED-PRINTABLE)`,
  ];
  for (const result of bench.results) {
    if (result.error) notes.push(`${result.reader}: FAILED: ${result.error}`);
    else if (result.reader !== 'ical.js' && (result.cards !== bench.file.cards || result.unreadable > 0)) notes.push(`Liaison: WRONG RESULTS: ${result.cards} cards, ${result.unreadable} unreadable`);
    else if (result.unreadable > 0) notes.push(`${result.reader}: read ${n(result.cards)} cards and refused ${n(result.unreadable)} (the Outlook 2.1 QUOTED-PRINTABLE ones)`);
  }
  return [...notes, ...lines].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { child: { type: 'string' }, file: { type: 'string' }, cards: { type: 'string' } } });
  if (values.child) {
    await child(values.child as VCardReader, values.file!);
  } else {
    const bench = await runVCardBenchmark(Number(values.cards ?? 100_000));
    console.log(formatVCardBenchmark(bench));
  }
}
