/**
 * A big vCard file is read in bounded memory: a child process with a 40 MB JavaScript
 * heap reads 60,000 cards (about 37 MB). Holding the file, or the cards read so far
 * (a slice of each card kept alive by an id map, say), would not fit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeVCardBenchFile } from '../bench/generate-vcards.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-vcard-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READER = `
  const { VCardMailbox } = await import(${JSON.stringify(resolve('src/mailbox/vcard/vcard-mailbox.ts'))});
  let contacts = 0;
  for await (const record of new VCardMailbox({ path: process.argv[1], ownerAddress: 'me@example.org' }).contacts()) {
    if (record.kind === 'contact') contacts++;
  }
  console.log(JSON.stringify({ contacts }));
`;

describe('reading a big vCard file', () => {
  it('streams 60,000 cards through a 40 MB heap', async () => {
    const file = join(dir, 'big.vcf');
    const bytes = await writeVCardBenchFile(file, 60_000);
    expect(bytes).toBeGreaterThan(35_000_000);
    const child = spawnSync(process.execPath, ['--max-old-space-size=40', '--import', 'tsx', '--input-type=module', '-e', READER, file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).not.toMatch(/heap out of memory/);
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout.trim().split('\n').pop()!)).toEqual({ contacts: 60_000 });
  }, 90_000);
});
