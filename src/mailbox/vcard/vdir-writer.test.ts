import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailboxContact, MailboxRecord } from '../mailbox.js';
import { VCardMailbox } from './vcard-mailbox.js';
import { VdirWriter, vdirFileName } from './vdir-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liaison-vdir-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(): Promise<MailboxRecord[]> {
  const records: MailboxRecord[] = [];
  for await (const record of new VCardMailbox({ path: dir, ownerAddress: 'me@example.org' }).contacts()) records.push(record);
  return records;
}

describe('the vdir writer', () => {
  it('writes one <uid>.vcf per contact, which the vCard mailbox reads back', async () => {
    const writer = new VdirWriter(dir);
    await writer.write({ uid: 'ada-1', fields: { fullName: 'Ada Lovelace', emails: ['ada@example.org'], categories: ['VIP'] } });
    await writer.write({ uid: 'zoë/2', fields: { fullName: 'Zoë', company: 'Société, Générale' } });
    expect(readdirSync(dir).sort()).toEqual(['ada-1.vcf', vdirFileName('zoë/2')].sort());
    expect(vdirFileName('zoë/2')).toMatch(/^[0-9a-f]{32}\.vcf$/);
    const records = (await readAll()) as MailboxContact[];
    expect(records.map((r) => [r.itemId, r.fields])).toEqual(
      expect.arrayContaining([
        ['ada-1', { fullName: 'Ada Lovelace', emails: ['ada@example.org'], categories: ['VIP'] }],
        ['zoë/2', { fullName: 'Zoë', company: 'Société, Générale' }],
      ]),
    );
  });

  it('replaces a card whole, and leaves no temporary file behind', async () => {
    const writer = new VdirWriter(dir, '3.0');
    await writer.write({ uid: 'u', fields: { fullName: 'Before' } });
    await writer.write({ uid: 'u', fields: { fullName: 'After', notes: 'x'.repeat(10_000) } });
    expect(readdirSync(dir)).toEqual(['u.vcf']);
    const text = readFileSync(join(dir, 'u.vcf'), 'utf8');
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(((await readAll())[0] as MailboxContact).fields.fullName).toBe('After');
  });

  it('a temporary file a crash left behind is never read as a contact', async () => {
    await new VdirWriter(dir).write({ uid: 'kept', fields: { fullName: 'Kept' } });
    // What a process killed between write and rename leaves: a hidden, half-written card.
    writeFileSync(join(dir, '.kept.vcf.0123456789ab.tmp'), 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:kept\r\nFN:Ha');
    const records = await readAll();
    expect(records.map((r) => r.kind)).toEqual(['contact']);
    expect((records[0] as MailboxContact).fields.fullName).toBe('Kept');
  });

  it('removes a card, and removing one that is gone is not an error', async () => {
    const writer = new VdirWriter(dir);
    await writer.write({ uid: 'gone', fields: { fullName: 'Gone' } });
    await writer.remove('gone');
    await writer.remove('gone');
    expect(readdirSync(dir)).toEqual([]);
  });
});
