import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { MailboxContact, MailboxRecord } from '../mailbox.js';
import { MailboxFolderNotFound, MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox-errors.js';
import { OUTLOOK_EN_HEADER } from './csv-header-tables.js';
import { OutlookCsvMailbox } from './outlook-csv-mailbox.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

function fileWith(content: string | Buffer): string {
  const path = join(dir, `t${++fileCount}.csv`);
  writeFileSync(path, content);
  return path;
}

async function readAll(content: string | Buffer, encoding?: string): Promise<MailboxRecord[]> {
  const mailbox = new OutlookCsvMailbox({ path: fileWith(content), ownerAddress: 'me@example.org', encoding });
  await mailbox.folders();
  const records: MailboxRecord[] = [];
  for await (const record of mailbox.contacts()) records.push(record);
  return records;
}

const contactsOf = (records: MailboxRecord[]) => records.filter((r): r is MailboxContact => r.kind === 'contact');

/** An English Outlook file: the full 92-column header, rows given as column → value, every field quoted. */
function outlookEn(rows: Record<string, string>[], eol = '\r\n'): string {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = [OUTLOOK_EN_HEADER.map(quote).join(',')];
  for (const row of rows) lines.push(OUTLOOK_EN_HEADER.map((name) => quote(row[name] ?? (name === 'Birthday' || name === 'Anniversary' ? '0/0/00' : ''))).join(','));
  return lines.join(eol) + eol;
}

describe('OutlookCsvMailbox: encodings', () => {
  const header = 'First Name,Last Name,Company,Notes\r\n';
  const row = 'Renée,Müller,Société Générale,Budget 10 000 € « ok »\r\n';
  const expected = { firstName: 'Renée', lastName: 'Müller', company: 'Société Générale', notes: 'Budget 10 000 € « ok »' };
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(header + row)]), undefined],
    ['UTF-8 without BOM', Buffer.from(header + row), undefined],
    ['UTF-16LE with BOM (Outlook "Unicode")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header + row, 'utf16le')]), undefined],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(header + row, 'utf16le').swap16()]), undefined],
    ['Windows-1252 (€ is byte 0x80, é 0xE9)', iconv.encode(header + row, 'windows-1252'), undefined],
    ['Windows-1252 named with --encoding', iconv.encode(header + row, 'windows-1252'), 'windows-1252'],
    ['UTF-8 even when --encoding names a code page', Buffer.from(header + row), 'cp850'],
  ])('%s', async (_name, bytes, encoding) => {
    const [contact] = contactsOf(await readAll(bytes, encoding));
    expect(contact?.fields).toEqual(expected);
  });

  it('decodes € as € in Windows-1252, not as U+0080 (Node 20 TextDecoder gets this wrong)', async () => {
    const [contact] = contactsOf(await readAll(Buffer.concat([Buffer.from('First Name,Notes\r\nA,'), Buffer.from([0x80, 0xe9, 0x9c])])));
    expect(contact?.fields.notes).toBe('€éœ');
  });

  it.each([
    ['cp850 (DOS Western: é = 0x82, ü = 0x81)', 'cp850', 'Prénom Müller'],
    ['windows-1250 (Central European: ł, ř)', 'windows-1250', 'Łukasz Dvořák'],
  ])('reads another code page given with --encoding: %s', async (_name, encoding, text) => {
    const [contact] = contactsOf(await readAll(iconv.encode(`First Name,Notes\r\nA,${text}\r\n`, encoding), encoding));
    expect(contact?.fields.notes).toBe(text);
  });

  it('decides UTF-8 even when the first non-ASCII byte comes after the sniffed 64 KB', async () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `Person${i},Plain${i}\r\n`).join('');
    const records = contactsOf(await readAll(Buffer.from(`First Name,Last Name\r\n${filler}Zoë,Brontë\r\n`)));
    expect(records.at(-1)?.fields).toEqual({ firstName: 'Zoë', lastName: 'Brontë' });
  });

  it('refuses an --encoding name it does not know, with a typed error', async () => {
    const mailbox = new OutlookCsvMailbox({ path: fileWith('First Name\r\nA\r\n'), ownerAddress: 'me@x', encoding: 'klingon-8' });
    await expect(mailbox.folders()).rejects.toThrow(MailboxFormatUnknown);
    await expect(mailbox.folders()).rejects.toThrow(/"klingon-8" is not a character encoding/);
  });
});

describe('OutlookCsvMailbox: CSV syntax', () => {
  it.each([
    ['commas', 'First Name,Last Name,E-mail Address\r\nAda,Lovelace,ada@example.org\r\n'],
    ['semicolons', 'First Name;Last Name;E-mail Address\r\nAda;Lovelace;ada@example.org\r\n'],
    ['tabs', 'First Name\tLast Name\tE-mail Address\r\nAda\tLovelace\tada@example.org\r\n'],
    ['LF line ends', 'First Name,Last Name,E-mail Address\nAda,Lovelace,ada@example.org\n'],
    ['no line end at the end of the file', 'First Name,Last Name,E-mail Address\nAda,Lovelace,ada@example.org'],
  ])('reads a file with %s', async (_name, text) => {
    const [contact] = contactsOf(await readAll(text));
    expect(contact?.fields).toEqual({ firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.org'] });
  });

  it('keeps new lines, commas and doubled quotes inside quoted values, and counts lines after a multi-line row', async () => {
    const text = outlookEn([
      { 'First Name': 'Ada', Notes: 'Line one, with a comma\r\nLine "two"\r\nLine three' },
      { 'First Name': 'Bob', 'Business Street': 'Hauptstraße 5\r\nHinterhaus' },
      { 'First Name': 'Cy' },
    ]);
    const records = contactsOf(await readAll(text));
    expect(records.map((r) => [r.fields.firstName, r.source.line])).toEqual([['Ada', 2], ['Bob', 5], ['Cy', 7]]);
    expect(records[0]?.fields.notes).toBe('Line one, with a comma\nLine "two"\nLine three');
    expect(records[1]?.fields.addresses?.business?.street).toBe('Hauptstraße 5\nHinterhaus');
  });

  it('counts lines the same with LF line ends and with empty lines between rows', async () => {
    const records = contactsOf(await readAll('First Name,Notes\n\nAda,"a\nb"\n\n\nBob,x\n'));
    expect(records.map((r) => [r.fields.firstName, r.source.line])).toEqual([['Ada', 3], ['Bob', 7]]);
  });

  it('reports a row with too many values as unreadable, with its line, and goes on', async () => {
    const records = await readAll('First Name,Last Name,E-mail Address\r\nAda,Lovelace,ada@example.org\r\nSmith, John,Doe,jd@example.org\r\nBob,Byte,bob@example.org\r\n');
    expect(records.map((r) => [r.kind, r.source.line])).toEqual([['contact', 2], ['unreadable', 3], ['contact', 4]]);
    expect(records[1]).toMatchObject({ kind: 'unreadable', folder: 'Contacts', reason: expect.stringMatching(/4 values where the header has 3 columns/) });
  });

  it('reports a quote never closed as one unreadable record at the line it opens, after the rows before it', async () => {
    const records = await readAll('First Name,Notes\r\nAda,fine\r\nBob,"never closed\r\nCy,lost\r\n');
    expect(records.map((r) => [r.kind, r.source.line])).toEqual([['contact', 2], ['unreadable', 3]]);
    expect((records[1] as { reason: string }).reason).toMatch(/never closed/);
  });

  it('reports a row longer than 1 Mi characters as unreadable, with its line, and reads the rows after it', async () => {
    const long = `"${'x'.repeat(700_000)}\r\n${'y'.repeat(700_000)}"`;
    const records = await readAll(`First Name,Notes\r\nAda,fine\r\nBob,${long}\r\nCy,ok\r\n`);
    expect(records.map((r) => [r.kind, r.source.line])).toEqual([['contact', 2], ['unreadable', 3], ['contact', 5]]);
    expect((records[1] as { reason: string }).reason).toMatch(/longer than 1 Mi characters/);
  });

  it('reads a quote never closed in a large file as one unreadable record to the last line', async () => {
    const rest = 'Cy,lost\r\n'.repeat(300_000);
    const records = await readAll(`First Name,Notes\r\nAda,fine\r\nBob,"never closed\r\n${rest}`);
    expect(records.map((r) => [r.kind, r.source.line])).toEqual([['contact', 2], ['unreadable', 3]]);
    expect((records[1] as { reason: string }).reason).toMatch(/to line 300003\)/);
  });

  it('reads a stray quote inside an unquoted value as a character', async () => {
    const [contact] = contactsOf(await readAll('First Name,Last Name\r\nAda,O"Brien\r\n'));
    expect(contact?.fields.lastName).toBe('O"Brien');
  });

  it('skips a row whose every value is empty without a word, and reports a row with no name and no e-mail', async () => {
    const records = await readAll(outlookEn([{}, { 'Business Phone': '+33 1 23 45 67 89' }, { 'First Name': 'Ada' }]));
    expect(records.map((r) => r.kind)).toEqual(['unreadable', 'contact']);
    expect(records[0]).toMatchObject({ source: { line: 3 }, reason: expect.stringMatching(/no name and no e-mail/) });
  });
});

describe('OutlookCsvMailbox: Outlook columns', () => {
  it('maps the English columns, splits categories, reads 0/0/00 as no date and M/D/YYYY dates', async () => {
    const [contact] = contactsOf(
      await readAll(
        outlookEn([
          {
            Title: 'Dr.', 'First Name': 'Ada', 'Middle Name': 'King', 'Last Name': 'Lovelace', Suffix: 'PhD', Company: 'Analytical Engines Ltd',
            Department: 'R&D', 'Job Title': 'Engineer', 'Business Street': '12 Main St', 'Business Street 2': 'Floor 3', 'Business City': 'London',
            'Business State': 'Greater London', 'Business Postal Code': 'EC1', 'Business Country/Region': 'United Kingdom',
            'Business Phone': '+44 20 1', 'Mobile Phone': '+44 7 2', 'Company Main Phone': '+44 20 0', 'Car Phone': '+44 7 9',
            Birthday: '12/10/1815', Anniversary: '0/0/00', Categories: 'Clients; VIP;;Clients', 'E-mail Address': 'ada@example.org',
            'E-mail Type': 'SMTP', "Manager's Name": 'Babbage', "Assistant's Name": 'Mary', Spouse: 'William', 'Web Page': 'https://ada.example.org',
            Hobby: 'maths',
          },
        ]),
      ),
    );
    expect(contact?.fields).toEqual({
      prefix: 'Dr.', firstName: 'Ada', middleName: 'King', lastName: 'Lovelace', suffix: 'PhD', company: 'Analytical Engines Ltd',
      department: 'R&D', jobTitle: 'Engineer', addresses: { business: { street: '12 Main St\nFloor 3', city: 'London', region: 'Greater London', postalCode: 'EC1', country: 'United Kingdom' } },
      phones: { business: '+44 20 1', mobile: '+44 7 2', other: '+44 7 9', companyMain: '+44 20 0' },
      birthday: '1815-12-10', categories: ['Clients', 'VIP'], emails: ['ada@example.org'], manager: 'Babbage', assistantName: 'Mary',
      spouse: 'William', webPage: 'https://ada.example.org',
    });
    expect(contact?.warnings).toEqual([]);
    expect(contact?.fields.fullName).toBeUndefined();
  });

  it('leaves out an Exchange (EX) e-mail with a warning and keeps the SMTP ones', async () => {
    const [contact] = contactsOf(
      await readAll(outlookEn([{ 'First Name': 'Ex', 'E-mail Address': '/O=CONTOSO/OU=EXCHANGE/CN=RECIPIENTS/CN=EX', 'E-mail Type': 'EX', 'E-mail 2 Address': 'ex@contoso.com', 'E-mail 2 Type': 'SMTP' }])),
    );
    expect(contact?.fields.emails).toEqual(['ex@contoso.com']);
    expect(contact?.warnings).toEqual([expect.stringMatching(/^e-mail 1 is an Exchange \(X\.500\) address, not an SMTP address, and was left out/)]);
  });

  it('warns about a date it cannot read and leaves it out', async () => {
    const [contact] = contactsOf(await readAll(outlookEn([{ 'First Name': 'Ada', Birthday: 'next spring' }])));
    expect(contact?.fields.birthday).toBeUndefined();
    expect(contact?.warnings).toEqual([expect.stringMatching(/birthday "next spring" .* is not a date/)]);
  });

  it('reads French Outlook: trailing spaces in headers, the two "Titre" columns by position, D/M/YYYY dates', async () => {
    const header = '"Titre","Prénom","Nom","Société ","Service ","Titre","Anniversaire","Catégories","Adresse de messagerie","Type de messagerie"\r\n';
    const row = '"M.","François","Dupont","Société Générale","Ventes","Directeur commercial","03/04/1970","Clients;Presse","f.dupont@sge.fr","SMTP"\r\n';
    const [contact] = contactsOf(await readAll(iconv.encode(header + row, 'windows-1252')));
    expect(contact?.fields).toEqual({
      prefix: 'M.', firstName: 'François', lastName: 'Dupont', company: 'Société Générale', department: 'Ventes',
      jobTitle: 'Directeur commercial', birthday: '1970-04-03', categories: ['Clients', 'Presse'], emails: ['f.dupont@sge.fr'],
    });
  });

  it('reads German Outlook headers with D.M.YYYY dates', async () => {
    const text = '"Anrede","Vorname","Nachname","Firma","Position","Geburtstag","E-Mail-Adresse","E-Mail-Typ","Kategorien"\r\n"Herr","Jürgen","Weiß","Müller & Söhne GmbH","Einkauf","1.2.1970","jw@mueller.de","SMTP","Lieferanten"\r\n';
    const [contact] = contactsOf(await readAll(text));
    expect(contact?.fields).toMatchObject({ prefix: 'Herr', firstName: 'Jürgen', lastName: 'Weiß', company: 'Müller & Söhne GmbH', jobTitle: 'Einkauf', birthday: '1970-02-01', emails: ['jw@mueller.de'] });
  });

  it('reads Outlook 2003 "Business Country"', async () => {
    const [contact] = contactsOf(await readAll('First Name,Business City,Business Country\r\nAda,London,UK\r\n'));
    expect(contact?.fields.addresses).toEqual({ business: { city: 'London', country: 'UK' } });
  });

  it('tells the columns it does not know once, in a notice before the contacts, and ignores known ones like Hobby silently', async () => {
    const records = await readAll('First Name,Last Name,Hobby,Shoe Size,Favourite Colour\r\nAda,L,maths,38,blue\r\nBob,B,chess,44,red\r\n');
    expect(records.map((r) => r.kind)).toEqual(['notice', 'contact', 'contact']);
    expect(records[0]).toMatchObject({ kind: 'notice', source: { line: 1 }, message: expect.stringContaining('"Shoe Size", "Favourite Colour"') });
    expect((records[0] as { message: string }).message).not.toContain('Hobby');
  });
});

describe('OutlookCsvMailbox: Google and Thunderbird layouts', () => {
  it('reads Google groups split on " ::: " without the system groups', async () => {
    const text = 'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value\nAda Lovelace,Ada,Lovelace,* myContacts ::: Friends ::: * starred ::: Work,* Home,ada@example.org ::: ada2@example.org\n';
    const [contact] = contactsOf(await readAll(text));
    expect(contact?.fields).toEqual({ fullName: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', categories: ['Friends', 'Work'], emails: ['ada@example.org', 'ada2@example.org'] });
  });

  it('reads the current Google layout (Labels, Organization Name)', async () => {
    const text = 'First Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\nAda,L,Contoso,CTO,* myContacts ::: VIP,Work,ada@contoso.com,Mobile,+1 555\n';
    const [contact] = contactsOf(await readAll(text));
    expect(contact?.fields).toEqual({ firstName: 'Ada', lastName: 'L', company: 'Contoso', jobTitle: 'CTO', categories: ['VIP'], emails: ['ada@contoso.com'], phones: { mobile: '+1 555' } });
  });

  it('reads Thunderbird: Display Name as the full name, birthday from three columns, no categories', async () => {
    const text = 'First Name,Last Name,Display Name,Primary Email,Birth Year,Birth Month,Birth Day,Notes,\nAda,L,Ada L.,ada@example.org,1815,12,10,hi,\n';
    const [contact] = contactsOf(await readAll(text));
    expect(contact?.fields).toEqual({ firstName: 'Ada', lastName: 'L', fullName: 'Ada L.', emails: ['ada@example.org'], birthday: '1815-12-10', notes: 'hi' });
  });
});

describe('OutlookCsvMailbox: folders and errors', () => {
  it('has one default folder, Contacts', async () => {
    const mailbox = new OutlookCsvMailbox({ path: fileWith('First Name,Last Name\r\nA,B\r\n'), ownerAddress: 'me@x' });
    expect(await mailbox.folders()).toEqual([{ path: 'Contacts', name: 'Contacts', isDefault: true }]);
  });

  it('refuses a folder other than Contacts', async () => {
    const mailbox = new OutlookCsvMailbox({ path: fileWith('First Name,Last Name\r\nA,B\r\n'), ownerAddress: 'me@x' });
    const read = async () => {
      for await (const _ of mailbox.contacts({ folder: 'Clients' })) void _;
    };
    await expect(read()).rejects.toThrow(MailboxFolderNotFound);
  });

  it('gives item ids from name and e-mail, with -2 for a duplicate row, and versions from the content', async () => {
    const records = contactsOf(await readAll('First Name,E-mail Address\r\nAda,a@x.org\r\nAda,a@x.org\r\nBob,b@x.org\r\n'));
    expect(records[1]?.itemId).toBe(`${records[0]?.itemId}-2`);
    expect(records[0]?.version).toBe(records[1]?.version);
    expect(records[2]?.version).not.toBe(records[0]?.version);
    expect(records[0]).toMatchObject({ folder: 'Contacts', photo: null, source: { file: expect.stringMatching(/^\//), line: 2 } });
  });

  it.each([
    ['a missing file', join(dir, 'nope.csv'), MailboxSourceUnreadable, /no such file/],
    ['a folder', dir, MailboxSourceUnreadable, /folder/],
  ])('throws a typed error for %s', async (_name, path, type, reason) => {
    const mailbox = new OutlookCsvMailbox({ path, ownerAddress: 'me@x' });
    await expect(mailbox.folders()).rejects.toThrow(type);
    await expect(mailbox.folders()).rejects.toThrow(reason);
  });

  it.each([
    ['an LDIF file', 'dn: cn=Ada,mail=ada@example.org\nobjectclass: top\nmail: ada@example.org\n', /LDIF/],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n', /vCard/],
    ['binary junk', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x00, 0x99]), /not look like text|not the header/],
    ['a CSV with no header row', '1,1,1,1,1@host.invalid\n2,2,2,2,2@host.invalid\n', /not the header of an Outlook, Google Contacts or Thunderbird CSV/],
    ['an empty file', '', /empty/],
  ])('throws MailboxFormatUnknown for %s, saying what to do', async (_name, content, reason) => {
    const mailbox = new OutlookCsvMailbox({ path: fileWith(content), ownerAddress: 'me@x' });
    await expect(mailbox.folders()).rejects.toThrow(MailboxFormatUnknown);
    await expect(mailbox.folders()).rejects.toThrow(reason);
  });
});
