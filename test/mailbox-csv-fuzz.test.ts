/**
 * Fuzzing the CSV connector: random bytes, and random damage (flipped bytes, cut-off
 * ends, inserted quotes, new lines, delimiters and NULs) to a real corpus export and to
 * a generated Outlook file. Whatever the bytes, a read either yields records or throws
 * one of the project's MailboxErrors: never another exception, never a hang (each read
 * has a time limit).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { headerLine, rowLine } from '../bench/generate-outlook-csv.js';
import { MailboxError } from '../src/mailbox/mailbox-errors.js';
import { OutlookCsvMailbox } from '../src/mailbox/outlook-csv/outlook-csv-mailbox.js';
import { corpusPath, describeCorpus } from './corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-csv-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PER_READ_MS = 2_000;
let counter = 0;

type Outcome = { kind: 'records'; count: number } | { kind: 'typed error'; code: string };

/** Reads `bytes` as a CSV mailbox; rejects on an untyped error or when the read takes too long. */
async function readBytes(bytes: Uint8Array, encoding?: string): Promise<Outcome> {
  const path = join(dir, `f${++counter}.csv`);
  writeFileSync(path, bytes);
  const read = async (): Promise<Outcome> => {
    const mailbox = new OutlookCsvMailbox({ path, ownerAddress: 'me@example.org', encoding });
    try {
      await mailbox.folders();
      let count = 0;
      for await (const record of mailbox.contacts()) {
        if (record.kind === 'contact') expect(record.source.line).toBeGreaterThanOrEqual(2);
        count++;
      }
      return { kind: 'records', count };
    } catch (error) {
      if (error instanceof MailboxError) return { kind: 'typed error', code: error.code };
      throw error;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the read did not finish within ${PER_READ_MS} ms`)), PER_READ_MS);
  });
  try {
    return await Promise.race([read(), timeout]);
  } finally {
    clearTimeout(timer);
    rmSync(path, { force: true });
  }
}

/** One kind of damage to a file's bytes. */
const damage = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(length) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(length), text: fc.constantFrom('"', '""', '\n', '\r\n', '\r', '\u0000', ',', ';', '\t', '"\n"', '\uFEFF') }),
  );

function applyDamage(bytes: Buffer, changes: { kind: string; at: number; byte?: number; text?: string }[]): Buffer {
  let out = Buffer.from(bytes);
  for (const change of changes) {
    const at = Math.min(change.at, out.length);
    if (change.kind === 'flip' && at < out.length) out[at] = change.byte!;
    else if (change.kind === 'cut') out = out.subarray(0, at);
    else if (change.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from(change.text!, 'utf8'), out.subarray(at)]);
  }
  return out;
}

async function fuzzMutations(base: Buffer, runs: number, encoding?: string): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(damage(base.length), { minLength: 1, maxLength: 8 }), async (changes) => {
      const outcome = await readBytes(applyDamage(base, changes), encoding);
      expect(['records', 'typed error']).toContain(outcome.kind);
    }),
    { numRuns: runs, seed: 20_260_101, endOnFailure: true },
  );
}

describe('CSV connector fuzzing', () => {
  it('random bytes give records or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const outcome = await readBytes(bytes);
        expect(['records', 'typed error']).toContain(outcome.kind);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('random bytes after a real Outlook header give records or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const outcome = await readBytes(Buffer.concat([Buffer.from(headerLine()), bytes]));
        expect(['records', 'typed error']).toContain(outcome.kind);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  const generated = Buffer.from(headerLine() + Array.from({ length: 30 }, (_, i) => rowLine(1, i)).join(''), 'utf8');
  it('a damaged generated Outlook file (UTF-8) gives records or a typed error', async () => {
    await fuzzMutations(generated, 120);
  });

  it('a damaged generated Outlook file (UTF-16LE with BOM) gives records or a typed error', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(headerLine() + Array.from({ length: 10 }, (_, i) => rowLine(2, i)).join(''), 'utf16le')]);
    await fuzzMutations(utf16, 60);
  });

  it('a damaged generated Outlook file in a given code page gives records or a typed error', async () => {
    await fuzzMutations(iconv.encode(headerLine() + Array.from({ length: 10 }, (_, i) => rowLine(3, i)).join(''), 'windows-1250'), 40, 'windows-1250');
  });
});

describeCorpus('CSV connector fuzzing on corpus files', () => {
  it('a damaged French Outlook export (Windows-1252) gives records or a typed error', async () => {
    const base = readFileSync(corpusPath('outlook-csv', 'made_outlook-fr-cp1252', 'outlook-fr.csv')).subarray(0, 12_000);
    await fuzzMutations(base, 80);
  });

  it('a damaged Thunderbird export gives records or a typed error', async () => {
    await fuzzMutations(readFileSync(corpusPath('thunderbird', 'tb-addrbook_export.csv')), 80);
  });
});
