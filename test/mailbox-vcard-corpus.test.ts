/**
 * The vCard connector on real files (../shared/corpus): every file read without a crash,
 * the counts SOURCES.md writes down, the edge cases it names, the made tree against its
 * truth.json, and ical.js as an oracle on the 3.0 and 4.0 files.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { MailboxContact, MailboxRecord } from '../src/mailbox/mailbox.js';
import { VCardMailbox } from '../src/mailbox/vcard/vcard-mailbox.js';
import { corpusFiles, corpusPath, describeCorpus } from './corpus.js';
import { corpusEntries } from './corpus-sources.js';

async function read(path: string, folder?: string): Promise<MailboxRecord[]> {
  const records: MailboxRecord[] = [];
  for await (const record of new VCardMailbox({ path, ownerAddress: 'me@example.org' }).contacts({ folder })) records.push(record);
  return records;
}
const contactsOf = (records: MailboxRecord[]) => records.filter((r): r is MailboxContact => r.kind === 'contact');

async function readCorpusFile(name: string): Promise<MailboxContact[]> {
  const records = await read(corpusPath('vcard', name));
  expect(records.filter((r) => r.kind !== 'contact')).toEqual([]);
  return contactsOf(records);
}

describeCorpus('vCard corpus', () => {
  const entries = corpusEntries('vcard');

  it('SOURCES.md lists every .vcf file of corpus/vcard', () => {
    expect(entries.map((e) => e.file).sort()).toEqual(corpusFiles('vcard', '.vcf').map((f) => `vcard/${f.split('/').pop()}`));
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: every card read, as many as SOURCES.md says', async (_file, entry) => {
    const records = await read(corpusPath(entry.file));
    expect(records.filter((r) => r.kind === 'unreadable')).toEqual([]);
    expect(contactsOf(records)).toHaveLength(entry.count);
    for (const contact of contactsOf(records)) {
      expect(contact.source.file).toBe(corpusPath(entry.file));
      expect(contact.version).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  describe('the edge cases SOURCES.md names', () => {
    it('Android 2.1: QUOTED-PRINTABLE with CHARSET=UTF-8, cards without FN, CATEGORIES, PHOTO', async () => {
      const contacts = await readCorpusFile('ezvcard_John_Doe_ANDROID.vcf');
      expect(contacts.filter((c) => c.fields.fullName === undefined).length).toBeGreaterThan(0);
      expect(contacts.some((c) => c.fields.fullName?.includes('Ñ'))).toBe(true);
      expect(contacts.some((c) => c.fields.categories?.includes('My Contacts'))).toBe(true);
      expect(contacts.some((c) => c.photo !== null && c.photo.bytes.length > 100)).toBe(true);
    });

    it('Outlook 2.1: QP notes, PHOTO, ORG with unit, X-MS- relations and anniversary', async () => {
      const [outlook] = await readCorpusFile('ezvcard_John_Doe_MS_OUTLOOK.vcf');
      expect(outlook!.fields).toMatchObject({ company: 'IBM', department: 'Accounting', manager: 'Big Blue', assistantName: 'Jenny', anniversary: '2011-01-13', emails: ['john.doe@ibm.cm'] });
      const [outlook2007] = await readCorpusFile('ezvcard_outlook-2007.vcf');
      expect(outlook2007!.fields.notes).toMatch(/^This is the NOTE field\t\nI assume it encodes/);
      expect(outlook2007!.photo?.mediaType).toBe('image/jpeg');
      expect(Buffer.from(outlook2007!.photo!.bytes.subarray(0, 2))).toEqual(Buffer.from([0xff, 0xd8]));
    });

    it('iPhone: CR CR LF line ends, item groups, a large base64 PHOTO, TYPE=pref', async () => {
      const [iphone] = await readCorpusFile('ezvcard_John_Doe_IPHONE.vcf');
      expect(iphone!.fields).toMatchObject({ company: 'IBM', department: 'Accounting', emails: ['john.doe@ibm.com'] });
      expect(iphone!.photo!.bytes.length).toBeGreaterThan(30_000);
    });

    it('Gmail: item1. groups with X-ABLabel', async () => {
      const [gmail] = await readCorpusFile('ezvcard_John_Doe_GMAIL.vcf');
      expect(gmail!.fields).toMatchObject({ spouse: 'Jenny', anniversary: '1975-03-01' });
    });

    it('RFC 6350 example: PREF=1, quoted TYPE lists, a year-less birthday', async () => {
      const [rfc] = await readCorpusFile('ezvcard_rfc6350-example.vcf');
      expect(rfc!.fields).toMatchObject({ birthday: '--02-03', phones: { business: '+1-418-656-9254;ext=102', mobile: '+1-418-262-6501' } });
    });

    it('data: URI photos (4.0, and 3.0 from Radicale)', async () => {
      for (const name of ['tb-addrbook_v4-uri-png.vcf', 'khard_photov4.vcf', 'radicale_contact_photo_with_data_uri.vcf']) {
        const [contact] = await readCorpusFile(name);
        expect(contact!.photo, name).not.toBeNull();
      }
      const [png] = await readCorpusFile('tb-addrbook_v4-uri-png.vcf');
      expect(png!.photo!.mediaType).toBe('image/png');
      expect(Buffer.from(png!.photo!.bytes.subarray(1, 4)).toString('latin1')).toBe('PNG');
    });

    it('a photo given as a link and again as bytes keeps the bytes, without a warning (ical.js sample)', async () => {
      const [contact] = await readCorpusFile('icaljs_vcard3.vcf');
      expect(contact!.photo?.mediaType).toBe('image/jpeg');
      expect(contact!.warnings).toEqual([]);
      const [linkOnly] = await readCorpusFile('khard_photov3.vcf');
      expect(linkOnly!.photo).not.toBeNull();
    });

    it('a 27 KB base64 photo over folded lines (sabre/vobject #153)', async () => {
      const [contact] = await readCorpusFile('sabre-vobject_issue153.vcf');
      expect(contact!.photo!.bytes.length).toBeGreaterThan(19_000);
      expect(Buffer.from(contact!.photo!.bytes.subarray(0, 2))).toEqual(Buffer.from([0xff, 0xd8]));
    });

    it('The Bat! 2.1 in the ANSI code page with no CHARSET, read as Windows-1252', async () => {
      const [contact] = await readCorpusFile('roundcube_thebat.vcf');
      expect(contact!.fields.lastName).toBe('Iksiñski');
      expect(contact!.warnings.join()).toMatch(/Windows-1252/);
    });

    it('non-ASCII UTF-8 (Thunderbird 4.0, Apple)', async () => {
      const [, two] = await readCorpusFile('tb-addrbook_export.vcf');
      expect(two!.fields.notes).toBe('here\'s some unicode text…');
      const [apple] = await readCorpusFile('roundcube_apple.vcf');
      expect(apple!.fields.addresses?.business?.city).toBe('Wallisellen-Zürich');
    });
  });

  describe('the made tree (vcard-tree/made_tree) against its truth.json', () => {
    const root = corpusPath('vcard-tree', 'made_tree');
    const truth = () => JSON.parse(readFileSync(`${root}/truth.json`, 'utf8')) as { contacts: number; company: Record<string, number>; domain: Record<string, number>; category: Record<string, number> };
    const tally = (keys: string[]) => keys.reduce<Record<string, number>>((acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }), {});

    it('has the folders of the tree, the root the default', async () => {
      const folders = await new VCardMailbox({ path: `${root}/Contacts`, ownerAddress: 'me@example.org' }).folders();
      expect(folders).toEqual([
        { path: 'Contacts', name: 'Contacts', isDefault: true },
        { path: 'Contacts/Clients', name: 'Clients', isDefault: false },
        { path: 'Contacts/Clients/Europe', name: 'Europe', isDefault: false },
        { path: 'Contacts/Fournisseurs', name: 'Fournisseurs', isDefault: false },
      ]);
    });

    it('reads every contact, with the groups by company, domain and category', async () => {
      const records = await read(`${root}/Contacts`);
      expect(records.filter((r) => r.kind !== 'contact')).toEqual([]);
      const contacts = contactsOf(records);
      const expected = truth();
      expect(contacts).toHaveLength(expected.contacts);
      expect(new Set(contacts.map((c) => c.itemId)).size).toBe(contacts.length);
      expect(tally(contacts.map((c) => (c.fields.company ? c.fields.company.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() : '(no company)')))).toEqual(expected.company);
      expect(tally(contacts.map((c) => (c.fields.emails ? c.fields.emails[0]!.split('@')[1]!.toLowerCase() : '(no e-mail)')))).toEqual(expected.domain);
      expect(tally(contacts.flatMap((c) => c.fields.categories ?? ['(no category)']))).toEqual(expected.category);
    });

    it('reads a folder alone, or with its subfolders', async () => {
      const clientsOnly = await new VCardMailbox({ path: `${root}/Contacts`, ownerAddress: 'me@example.org' }).contacts({ folder: 'Contacts/Clients', includeSubfolders: false });
      const folders = new Set<string>();
      for await (const record of clientsOnly) folders.add(record.folder);
      expect([...folders]).toEqual(['Contacts/Clients']);
      const withSub = contactsOf(await read(`${root}/Contacts`, 'Contacts/Clients'));
      expect(new Set(withSub.map((c) => c.folder))).toEqual(new Set(['Contacts/Clients', 'Contacts/Clients/Europe']));
    });
  });

  describe('ical.js as an oracle on the 3.0 and 4.0 files', () => {
    const modern = corpusFiles('vcard', '.vcf').filter((file) => /^VERSION:(3\.0|4\.0)\s*$/m.test(readFileSync(file, 'latin1')));

    /** Apple writes 2.1-style bare parameters (`PHOTO;BASE64:`) in 3.0 cards: ical.js refuses them, Liaison reads them. */
    const refusedByIcalJs = ['ezvcard_John_Doe_MAC_ADDRESS_BOOK.vcf', 'roundcube_apple.vcf', 'sabre-vobject_issue153.vcf'];
    const compared = modern.filter((file) => !refusedByIcalJs.includes(file.split('/').pop()!));

    it('covers the 3.0 and 4.0 files', () => {
      expect(compared.length).toBeGreaterThanOrEqual(20);
    });

    it.each(refusedByIcalJs)('%s: ical.js refuses its bare parameters; Liaison reads the card', async (name) => {
      expect(() => ICAL.parse(readFileSync(corpusPath('vcard', name), 'utf8'))).toThrow(/parameter/i);
      expect(await readCorpusFile(name)).toHaveLength(1);
    });

    it.each(compared.map((file) => [file.split('/').pop()!, file]))('%s: same names, e-mails and organisations', async (_name, file) => {
      const parsed = ICAL.parse(readFileSync(file, 'utf8').replace(/\r\r\n/g, '\r\n'));
      const cards = (typeof parsed[0] === 'string' ? [parsed] : parsed).map((jcard: unknown) => new ICAL.Component(jcard as never));
      const ours = contactsOf(await read(file));
      expect(ours).toHaveLength(cards.length);
      cards.forEach((card: ICAL.Component, i: number) => {
        const contact = ours[i]!;
        const fn = card.getFirstPropertyValue('fn');
        expect(contact.fields.fullName ?? null, `FN of card ${i + 1}`).toBe(typeof fn === 'string' && fn.trim() !== '' ? fn.trim() : null);
        const theirEmails = [...new Set(card.getAllProperties('email').map((p) => String(p.getFirstValue()).trim().replace(/^mailto:/i, '')).filter(Boolean))];
        expect(new Set(contact.fields.emails ?? []), `e-mails of card ${i + 1}`).toEqual(new Set(theirEmails.slice(0, 3).length === theirEmails.length ? theirEmails : contact.fields.emails));
        for (const email of contact.fields.emails ?? []) expect(theirEmails).toContain(email);
        const org = card.getFirstProperty('org')?.getValues()[0] as unknown;
        const company = Array.isArray(org) ? org[0] : org;
        expect(contact.fields.company ?? null, `ORG of card ${i + 1}`).toBe(typeof company === 'string' && company.trim() !== '' ? company.trim() : null);
      });
    });
  });
});
