/**
 * The wizard benchmark's mailbox generator (bench/generate-wizard-mailbox.ts), small:
 * what VCardMailbox reads from the tree is what `describeWizardMailbox` says, to the
 * contact and to the company name, and the same options write the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMailboxRecords, type FolderRecords } from '../bench/count-mailbox-records.js';
import { describeWizardMailbox, WIZARD_FOLDERS, writeWizardMailbox, type WizardMailboxOptions } from '../bench/generate-wizard-mailbox.js';
import { accountNameKey } from '../src/domain/account-name.js';
import { VCardMailbox } from '../src/mailbox/vcard/vcard-mailbox.js';

const OPTIONS: WizardMailboxOptions = { contacts: 2_000, companies: 100, cardsPerFile: 100 };
const root = mkdtempSync(join(tmpdir(), 'liaison-wizard-mailbox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A hash of every file below `directory`: its relative path and its bytes. */
function treeHash(directory: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(directory, path)).isFile()).sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(directory, file)));
  return hash.digest('hex');
}

describe('the wizard benchmark mailbox (2,000 contacts over 100 companies)', () => {
  const dir = join(root, 'a');
  const expected = describeWizardMailbox(OPTIONS);
  let written: Awaited<ReturnType<typeof writeWizardMailbox>>;
  let folders: FolderRecords[];
  const companies = new Map<string, number>();
  beforeAll(async () => {
    written = await writeWizardMailbox(dir, OPTIONS);
    const mailbox = new VCardMailbox({ path: dir, ownerAddress: 'me@example.org' });
    folders = await countMailboxRecords(mailbox);
    for await (const record of mailbox.contacts()) {
      if (record.kind === 'contact' && record.fields.company) companies.set(record.fields.company, (companies.get(record.fields.company) ?? 0) + 1);
    }
  });

  it('reads back exactly the contacts it describes, folder by folder, and nothing unreadable', () => {
    expect(folders.map((f) => f.folder)).toEqual(WIZARD_FOLDERS);
    expect(Object.fromEntries(folders.map((f) => [f.folder, f.contacts]))).toEqual(expected.folders);
    expect(folders.reduce((sum, f) => sum + f.contacts, 0)).toBe(2_000);
    expect(folders.flatMap((f) => f.unreadable)).toEqual([]);
    const files = Object.values(expected.folders).reduce((sum, count) => sum + Math.ceil(count / 100), 0);
    expect(written.files).toBe(files);
  });

  it('reads back every company name as described, with its count', () => {
    expect([...companies].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual(expected.companies);
    expect(expected.companies.reduce((sum, c) => sum + c.count, 0)).toBe(2_000 - expected.noCompany);
  });

  it('spells some companies several ways: case and spaces, and real variants', () => {
    expect(expected.variantFamilies.length).toBeGreaterThanOrEqual(8);
    const spellings = expected.variantFamilies.flat().map((s) => s.name);
    expect(spellings.some((name) => name === name.toUpperCase() && /[A-Z]/.test(name))).toBe(true);
    expect(spellings.some((name) => name.includes('  '))).toBe(true);
    // Some families hold names that W3 keeps apart: those only a variant proposal can join.
    expect(expected.variantFamilies.some((family) => new Set(family.map((s) => accountNameKey(s.name))).size > 1)).toBe(true);
    for (const name of spellings) expect(companies.get(name), name).toBeGreaterThan(0);
  });

  it('has contacts without a company, without an e-mail, and with several categories', () => {
    expect(expected.noCompany).toBeGreaterThan(40);
    expect(expected.noEmail).toBeGreaterThan(10);
    expect(Object.keys(expected.categories).length).toBeGreaterThanOrEqual(6);
  });

  it('writes the same bytes for the same options, and others for another seed', async () => {
    const again = join(root, 'b');
    await writeWizardMailbox(again, OPTIONS);
    expect(treeHash(again)).toBe(treeHash(dir));
    await writeWizardMailbox(again, { ...OPTIONS, seed: 7 });
    expect(treeHash(again)).not.toBe(treeHash(dir));
  });

  it('refuses to empty a folder that holds other files, and leaves it alone', async () => {
    const other = join(root, 'c');
    mkdirSync(join(other, 'Clients'), { recursive: true });
    writeFileSync(join(other, 'Clients', 'notes.txt'), 'mine');
    await expect(writeWizardMailbox(other, OPTIONS)).rejects.toThrow(/Clients\/notes\.txt, which is not a \.vcf file/);
    expect(readFileSync(join(other, 'Clients', 'notes.txt'), 'utf8')).toBe('mine');
  });
});
