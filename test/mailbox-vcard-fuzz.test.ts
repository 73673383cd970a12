/**
 * Fuzzing the vCard reader: random bytes, and random mutations of real files. Whatever
 * comes in, the reader yields contacts and unreadable records or throws one of the
 * mailbox's typed errors; it never crashes and never hangs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MailboxError } from '../src/mailbox/mailbox-errors.js';
import { VCardMailbox } from '../src/mailbox/vcard/vcard-mailbox.js';
import { writeVCard } from '../src/mailbox/vcard/write-vcard.js';
import { corpusFiles, describeCorpus } from './corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-vcard-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** Reads the bytes as a one-file mailbox; returns how many records came out, or the typed error. */
async function readAll(bytes: Uint8Array): Promise<number | MailboxError> {
  const file = join(dir, `fuzz-${++runs}.vcf`);
  writeFileSync(file, bytes);
  try {
    const mailbox = new VCardMailbox({ path: file, ownerAddress: 'me@example.org' });
    await mailbox.folders();
    let count = 0;
    for await (const record of mailbox.contacts()) {
      expect(['contact', 'unreadable']).toContain(record.kind);
      if (record.kind === 'unreadable') expect(record.reason.length).toBeGreaterThan(0);
      count++;
    }
    return count;
  } catch (error) {
    if (error instanceof MailboxError) return error;
    throw error;
  } finally {
    rmSync(file, { force: true });
  }
}

const mutation = (source: Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom('\r\n', '\n ', '=', ':', ';', '\\', '"', '\0', 'BEGIN:VCARD\r\n', 'END:VCARD\r\n', '=C3', '\xff\xfe') }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((ops) => {
      let bytes = Buffer.from(source);
      for (const op of ops) {
        const at = bytes.length === 0 ? 0 : op.at % bytes.length;
        if (op.op === 'flip') bytes[at] = op.byte;
        else if (op.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(op.bytes, 'latin1'), bytes.subarray(at)]);
        else bytes = bytes.subarray(0, at);
      }
      return bytes;
    });

describe('fuzzing the vCard reader', () => {
  it('random bytes: only typed errors, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await readAll(bytes);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 8_000 },
    );
  }, 20_000);

  it('mutations of a generated card: only typed errors, never a crash', async () => {
    const card = Buffer.from(writeVCard({ uid: 'u', fields: { fullName: 'Zoë Ærøskøbing', emails: ['z@example.org'], notes: 'x'.repeat(200), categories: ['A', 'B'] } }, '3.0'));
    await fc.assert(
      fc.asyncProperty(mutation(card), async (bytes) => {
        await readAll(bytes);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 8_000 },
    );
  }, 20_000);
});

describeCorpus('fuzzing the vCard reader with real files', () => {
  const files = corpusFiles('vcard', '.vcf').map((file) => readFileSync(file));
  it('mutations of every corpus vCard: only typed errors, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files).chain(mutation), async (bytes) => {
        await readAll(bytes);
      }),
      { numRuns: 200, interruptAfterTimeLimit: 10_000 },
    );
  }, 30_000);
});
