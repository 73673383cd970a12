/**
 * The sample address book (samples/address-book) says what samples/README.md says it
 * holds, read through VCardMailbox, and is exactly what its generator writes today.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMailboxRecords, type FolderRecords } from '../bench/count-mailbox-records.js';
import { writeSampleMailbox } from '../scripts/generate-sample-mailbox.js';
import { proposeCompanyVariants } from '../src/domain/company-variants.js';
import type { MailboxContact } from '../src/mailbox/mailbox.js';
import { VCardMailbox } from '../src/mailbox/vcard/vcard-mailbox.js';

const SAMPLE = resolve('samples/address-book');
const mailbox = () => new VCardMailbox({ path: SAMPLE, ownerAddress: 'me@example.org' });

/** Every file below `directory`, by relative path. */
function filesOf(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(directory, path)).isFile())
    .sort();
}

let folders: FolderRecords[];
const contacts: MailboxContact[] = [];
beforeAll(async () => {
  folders = await countMailboxRecords(mailbox());
  for await (const record of mailbox().contacts()) if (record.kind === 'contact') contacts.push(record);
});

describe('the sample address book, as samples/README.md describes it', () => {
  it('has 296 contacts in six folders, the root being the default Contacts folder', async () => {
    expect(Object.fromEntries(folders.map((f) => [f.folder, f.contacts]))).toEqual({
      Contacts: 48,
      'Contacts/Clients': 72,
      'Contacts/Clients/Europe': 53,
      'Contacts/Personal': 44,
      'Contacts/Press': 27,
      'Contacts/Suppliers': 52,
    });
    expect((await mailbox().folders()).filter((f) => f.isDefault).map((f) => f.path)).toEqual(['Contacts']);
    expect(contacts).toHaveLength(296);
  });

  it('has three broken cards, each reported with its file, line and reason', () => {
    const unreadable = folders.flatMap((f) => f.unreadable).map((r) => ({ folder: r.folder, at: `${relative(SAMPLE, r.source.file)}:${r.source.line}`, reason: r.reason }));
    expect(unreadable).toEqual([
      { folder: 'Contacts', at: 'contacts.vcf:243', reason: expect.stringMatching(/no name and no e-mail/) },
      { folder: 'Contacts/Press', at: 'Press/press.vcf:149', reason: expect.stringMatching(/no END:VCARD before the next BEGIN:VCARD \(line 162\)/) },
      { folder: 'Contacts/Suppliers', at: 'Suppliers/suppliers.vcf:656', reason: expect.stringMatching(/the file ends inside it/) },
    ]);
  });

  it('spells nine companies several ways, and the variant proposals find them', () => {
    const counts = new Map<string, number>();
    for (const { fields } of contacts) if (fields.company) counts.set(fields.company, (counts.get(fields.company) ?? 0) + 1);
    for (const spelling of ['Contoso Ltd', 'Contoso, Inc.', 'CONTOSO', 'Contoso Ltd.', 'Contoso  Ltd', 'Fabrikam', 'Fabrikam Inc', 'Fabrikam, Inc.', 'Northwind Trader']) {
      expect(counts.get(spelling), spelling).toBeGreaterThan(0);
    }
    const proposals = proposeCompanyVariants([...counts].map(([name, count]) => ({ name, count })));
    expect(proposals.map((p) => p.canonical)).toEqual([
      'A. Datum Corporation', "Bureau d'Études Lumière", 'Contoso Ltd', 'Fabrikam', 'Litware, Inc.', 'Lucerne Publishing',
      'Müller & Söhne GmbH', 'Northwind Traders', 'Transportes Ibéricos S.L.',
    ]);
    // Written in two scripts: nothing but a person can tell.
    expect(counts.get('株式会社さくら精機')).toBeGreaterThan(0);
    expect(counts.get('Sakura Seiki K.K.')).toBeGreaterThan(0);
  });

  it('has contacts without a name, an e-mail or a company, several categories, personal domains and non-ASCII names', () => {
    const missing = (has: (c: MailboxContact) => unknown) => contacts.filter((c) => !has(c)).length;
    expect(missing((c) => c.fields.fullName ?? c.fields.firstName ?? c.fields.lastName)).toBe(3);
    expect(missing((c) => c.fields.emails)).toBe(13);
    expect(missing((c) => c.fields.company)).toBe(67);
    const categories = new Set(contacts.flatMap((c) => c.fields.categories ?? []));
    expect([...categories].sort()).toEqual(['Christmas cards', 'Clients', 'Family', 'Friends', 'Newsletter', 'Press', 'Salon 2026', 'Suppliers', 'VIP']);
    expect(contacts.filter((c) => (c.fields.categories?.length ?? 0) > 1).length).toBeGreaterThanOrEqual(90);
    const domains = new Set(contacts.flatMap((c) => c.fields.emails ?? []).map((e) => e.slice(e.indexOf('@') + 1).toLowerCase()));
    for (const domain of ['gmail.com', 'outlook.com', 'yahoo.fr', 'gmx.de', 'orange.fr']) expect(domains).toContain(domain);
    expect(contacts.filter((c) => /[\u3040-\u9fff\uac00-\ud7af]/.test(c.fields.fullName ?? '')).length).toBeGreaterThanOrEqual(10);
    expect(contacts.filter((c) => /[À-ž]/.test(c.fields.fullName ?? '')).length).toBeGreaterThanOrEqual(50);
  });

  it('holds 18 Outlook vCard 2.1 cards in QUOTED-PRINTABLE, read with their accents', () => {
    const outlook = contacts.filter((c) => c.source.file.endsWith('outlook-export.vcf'));
    expect(outlook).toHaveLength(18);
    expect(readFileSync(join(SAMPLE, 'Clients/Europe/outlook-export.vcf'), 'utf8')).toMatch(/ENCODING=QUOTED-PRINTABLE:M=C3=BCller=20&=20S=C3=B6hne/);
    expect(outlook.map((c) => c.fields.company)).toContain('Müller & Söhne GmbH');
  });

  it('has one person twice: in Clients, and again in the Outlook export', () => {
    const first = contacts.filter((c) => c.folder === 'Contacts/Clients')[1]!;
    const twins = contacts.filter((c) => c.fields.emails?.[0] === first.fields.emails?.[0]);
    expect(twins.map((c) => c.folder)).toEqual(['Contacts/Clients', 'Contacts/Clients/Europe']);
  });
});

describe('the sample generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-sample-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the committed files again, byte for byte', async () => {
    await writeSampleMailbox(dir);
    const files = filesOf(SAMPLE);
    expect(filesOf(dir)).toEqual(files);
    for (const file of files) expect(readFileSync(join(dir, file)).equals(readFileSync(join(SAMPLE, file))), file).toBe(true);
    const bytes = files.reduce((sum, file) => sum + readFileSync(join(SAMPLE, file)).length, 0);
    expect(bytes).toBeLessThan(300 * 1024);
  });
});
