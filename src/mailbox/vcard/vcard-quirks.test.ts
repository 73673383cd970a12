/**
 * Every quirk of issue 3 point 2, one row each: the bytes a real writer produces, and
 * what Liaison must read from them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContactFields } from '../../domain/contact.js';
import type { MailboxContact, MailboxRecord } from '../mailbox.js';
import { VCardMailbox } from './vcard-mailbox.js';

const dir = mkdtempSync(join(tmpdir(), 'liaison-vcard-quirks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

async function readBytes(bytes: Buffer): Promise<MailboxRecord[]> {
  const file = join(dir, `card-${++fileCount}.vcf`);
  writeFileSync(file, bytes);
  const records: MailboxRecord[] = [];
  for await (const record of new VCardMailbox({ path: file, ownerAddress: 'me@example.org' }).contacts()) records.push(record);
  return records;
}

async function readOne(bytes: Buffer): Promise<MailboxContact> {
  const records = await readBytes(bytes);
  expect(records).toHaveLength(1);
  expect(records[0]!.kind).toBe('contact');
  return records[0] as MailboxContact;
}

const crlf = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
const card21 = (...lines: string[]) => crlf('BEGIN:VCARD', 'VERSION:2.1', ...lines, 'END:VCARD');
const card30 = (...lines: string[]) => crlf('BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD');
const card40 = (...lines: string[]) => crlf('BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD');

interface Row {
  quirk: string;
  bytes: Buffer;
  fields: ContactFields;
}

const rows: Row[] = [
  { quirk: 'line folding with a space', bytes: card30('FN:Ada Love', ' lace'), fields: { fullName: 'Ada Lovelace' } },
  { quirk: 'line folding with a tab', bytes: card30('FN:Ada Love', '\tlace'), fields: { fullName: 'Ada Lovelace' } },
  {
    quirk: 'a fold inside a multi-byte UTF-8 character (bytes unfolded before decoding)',
    bytes: Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren'), Buffer.from([0xc3]), Buffer.from('\r\n '), Buffer.from([0xa9]), Buffer.from('e\r\nEND:VCARD\r\n')]),
    fields: { fullName: 'Renée' },
  },
  {
    quirk: 'QUOTED-PRINTABLE with = soft line breaks and CHARSET=UTF-8',
    bytes: card21('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=C3=A9e Lef=', '=C3=A8vre'),
    fields: { fullName: 'Renée Lefèvre' },
  },
  {
    quirk: 'QUOTED-PRINTABLE notes with =0D=0A line breaks',
    bytes: card21('FN:A', 'NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0A=', 'second line'),
    fields: { fullName: 'A', notes: 'first line\nsecond line' },
  },
  {
    quirk: 'CHARSET=Windows-1252 through iconv-lite (€ is 0x80)',
    bytes: Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=Windows-1252:Caf'), Buffer.from([0xe9, 0x20, 0x80]), Buffer.from('\r\nEND:VCARD\r\n')]),
    fields: { fullName: 'Café €' },
  },
  {
    quirk: 'CHARSET=ISO-8859-2 with QUOTED-PRINTABLE',
    bytes: card21('FN;CHARSET=ISO-8859-2;ENCODING=QUOTED-PRINTABLE:=A3ukasz'),
    fields: { fullName: 'Łukasz' },
  },
  {
    quirk: 'bare 2.1 parameters (EMAIL;PREF;INTERNET) and preference order',
    bytes: card21('FN:A', 'EMAIL;INTERNET:second@example.org', 'EMAIL;PREF;INTERNET:first@example.org'),
    fields: { fullName: 'A', emails: ['first@example.org', 'second@example.org'] },
  },
  {
    quirk: 'TYPE=pref in 3.0',
    bytes: card30('FN:A', 'EMAIL;TYPE=INTERNET:b@example.org', 'EMAIL;TYPE=INTERNET,pref:a@example.org'),
    fields: { fullName: 'A', emails: ['a@example.org', 'b@example.org'] },
  },
  {
    quirk: 'PREF=1 in 4.0 (lower is preferred)',
    bytes: card40('FN:A', 'EMAIL;PREF=2:b@example.org', 'EMAIL:c@example.org', 'EMAIL;PREF=1:a@example.org'),
    fields: { fullName: 'A', emails: ['a@example.org', 'b@example.org', 'c@example.org'] },
  },
  {
    quirk: 'escaped \\, \\; \\n and \\\\ in 3.0 text',
    bytes: card30('FN:Dupont\\, Fils\\; et Cie', 'NOTE:line 1\\nline 2\\Nline 3 C:\\\\temp'),
    fields: { fullName: 'Dupont, Fils; et Cie', notes: 'line 1\nline 2\nline 3 C:\\temp' },
  },
  {
    quirk: 'structured N, ORG (with units) and ADR',
    bytes: card30('N:Lovelace;Ada;Augusta;Lady;of Lovelace', 'ORG:Analytical Engines;Research;Lab 2', 'ADR;TYPE=WORK:PO 12;Floor 3;1 Main St;London;Greater London;N1 9GU;UK'),
    fields: {
      lastName: 'Lovelace',
      firstName: 'Ada',
      middleName: 'Augusta',
      prefix: 'Lady',
      suffix: 'of Lovelace',
      company: 'Analytical Engines',
      department: 'Research, Lab 2',
      addresses: { business: { street: '1 Main St\nFloor 3\nPO 12', city: 'London', region: 'Greater London', postalCode: 'N1 9GU', country: 'UK' } },
    },
  },
  {
    quirk: 'an escaped ; inside a structured value',
    bytes: card30('FN:A', 'ORG:Smith\\; Sons;Sales'),
    fields: { fullName: 'A', company: 'Smith; Sons', department: 'Sales' },
  },
  {
    quirk: 'grouped properties with X-ABLabel (Apple)',
    bytes: card30(
      'FN:A',
      'item1.TEL:+1 555 0100',
      'item1.X-ABLabel:_$!<Assistant>!$_',
      'item2.X-ABRELATEDNAMES:Grace',
      'item2.X-ABLabel:_$!<Spouse>!$_',
      'item3.X-ABDATE:2001-02-03',
      'item3.X-ABLabel:_$!<Anniversary>!$_',
    ),
    fields: { fullName: 'A', phones: { assistant: '+1 555 0100' }, spouse: 'Grace', anniversary: '2001-02-03' },
  },
  {
    quirk: 'CATEGORIES as a comma list (3.0) with an escaped comma',
    bytes: card30('FN:A', 'CATEGORIES:VIP,Clients\\, Europe,VIP'),
    fields: { fullName: 'A', categories: ['VIP', 'Clients, Europe'] },
  },
  {
    quirk: 'Outlook 2.1 phones, X-MS- relations and dates',
    bytes: card21(
      'FN:A',
      'TEL;WORK;VOICE:1',
      'TEL;WORK;VOICE:2',
      'TEL;HOME;VOICE:3',
      'TEL;CELL;VOICE:4',
      'TEL;WORK;FAX:5',
      'TEL;PAGER;VOICE:6',
      'BDAY:19800322',
      'X-MS-ANNIVERSARY:20110113',
      'X-MS-SPOUSE:S',
      'X-MS-MANAGER:M',
      'X-MS-ASSISTANT:As',
    ),
    fields: {
      fullName: 'A',
      phones: { business: '1', business2: '2', home: '3', mobile: '4', businessFax: '5', pager: '6' },
      birthday: '1980-03-22',
      anniversary: '2011-01-13',
      spouse: 'S',
      manager: 'M',
      assistantName: 'As',
    },
  },
  {
    quirk: 'a birthday without a year (--MMDD, and Apple’s 1604)',
    bytes: card30('FN:A', 'BDAY:--0322', 'X-ANNIVERSARY:1604-05-06'),
    fields: { fullName: 'A', birthday: '--03-22', anniversary: '--05-06' },
  },
  {
    quirk: 'a 4.0 TEL;VALUE=uri and EMAIL as mailto',
    bytes: card40('FN:A', 'TEL;VALUE=uri;TYPE="cell,voice":tel:+33-6-12-34-56-78', 'EMAIL:mailto:a@example.org'),
    fields: { fullName: 'A', phones: { mobile: '+33-6-12-34-56-78' }, emails: ['a@example.org'] },
  },
  {
    quirk: 'lower-case property names and parameter names',
    bytes: card30('fn:A', 'email;type=internet:a@example.org'),
    fields: { fullName: 'A', emails: ['a@example.org'] },
  },
];

describe('vCard quirks (issue 3, point 2)', () => {
  it.each(rows)('$quirk', async ({ bytes, fields }) => {
    expect((await readOne(bytes)).fields).toEqual(fields);
  });

  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), card30('FN:Zoë')])],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(card30('FN:Zoë').toString('utf8'), 'utf-16le')])],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(card30('FN:Zoë').toString('utf8'), 'utf-16be')])],
    ['LF line ends', Buffer.from('BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nEND:VCARD\n')],
    ['CR CR LF line ends (Apple)', Buffer.from('BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Zoë\r\r\nEND:VCARD\r\r\n')],
    ['CR-only line ends (classic Mac)', Buffer.from('BEGIN:VCARD\rVERSION:3.0\rFN:Zoë\rEND:VCARD\r')],
    ['2.1 text in Windows-1252 with no CHARSET', Buffer.concat([Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Zo'), Buffer.from([0xeb]), Buffer.from('\r\nEND:VCARD\r\n')])],
  ])('reads %s', async (_name, bytes) => {
    expect((await readOne(bytes)).fields.fullName).toBe('Zoë');
  });

  it('keeps a BASE64 photo as bytes, and a 4.0 data: URI photo', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const v21 = await readOne(card21('FN:A', `PHOTO;TYPE=JPEG;ENCODING=BASE64:`, ` ${jpeg.toString('base64')}`, ''));
    expect(v21.photo).toEqual({ mediaType: 'image/jpeg', bytes: new Uint8Array(jpeg) });
    const v40 = await readOne(card40('FN:A', `PHOTO:data:image/png;base64,${jpeg.toString('base64')}`));
    expect(v40.photo).toEqual({ mediaType: 'image/png', bytes: new Uint8Array(jpeg) });
    expect(v40.version).not.toBe(v21.version);
  });

  it('does not fetch a photo that is a link, and says so', async () => {
    const contact = await readOne(card30('FN:A', 'PHOTO;VALUE=uri:https://example.org/a.jpg'));
    expect(contact.photo).toBeNull();
    expect(contact.warnings).toEqual(['the photo is a link to elsewhere, not kept']);
  });

  it('leaves out a photo over 1 MB with a warning, and keeps the contact', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 7).toString('base64');
    const contact = await readOne(card30('FN:A', `PHOTO;ENCODING=b;TYPE=JPEG:${big}`));
    expect(contact.photo).toBeNull();
    expect(contact.warnings.join()).toMatch(/photo .* bigger than 1048576 bytes/);
  });

  it('takes the UID as item id, else a hash of the normalised name and first e-mail', async () => {
    expect((await readOne(card30('UID:abc-1', 'FN:A'))).itemId).toBe('abc-1');
    const a = await readOne(card30('FN:  Ada   LOVELACE ', 'EMAIL:ADA@example.org', 'NOTE:one'));
    const b = await readOne(card30('FN:ada lovelace', 'EMAIL:ada@EXAMPLE.org', 'NOTE:two'));
    expect(a.itemId).toMatch(/^h-[0-9a-f]{20}$/);
    expect(b.itemId).toBe(a.itemId);
    expect(b.version).not.toBe(a.version);
  });

  it('gives each card of a read its own item id, even with a repeated UID', async () => {
    const records = await readBytes(Buffer.concat([card30('UID:same', 'FN:A'), card30('UID:same', 'FN:B')]));
    expect(records.map((r) => (r as MailboxContact).itemId)).toEqual(['same', 'same#2']);
    expect((records[1] as MailboxContact).warnings.join()).toMatch(/same UID/);
  });

  it('reports a card with no name and no e-mail, and a card cut short, and goes on (X1)', async () => {
    const bytes = Buffer.concat([card30('NOTE:nothing to add by'), card30('FN:Kept'), Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut')]);
    const records = await readBytes(bytes);
    expect(records.map((r) => r.kind)).toEqual(['unreadable', 'contact', 'unreadable']);
    expect(records[0]).toMatchObject({ source: { line: 1 }, reason: expect.stringMatching(/no name and no e-mail/) });
    expect(records[2]).toMatchObject({ source: { line: 9 }, reason: expect.stringMatching(/no END:VCARD/) });
  });

  it('reports a card with no END before the next BEGIN at its own line', async () => {
    const records = await readBytes(crlf('BEGIN:VCARD', 'VERSION:3.0', 'FN:Lost', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Found', 'END:VCARD'));
    expect(records.map((r) => r.kind)).toEqual(['unreadable', 'contact']);
    expect(records[0]!.source.line).toBe(1);
    expect(records[1]!.source.line).toBe(4);
  });

  it('gives each record the line its BEGIN:VCARD is on, after folded and QP lines', async () => {
    const records = await readBytes(Buffer.concat([card21('FN;ENCODING=QUOTED-PRINTABLE:A=', 'B=', 'C'), card30('FN:D', 'NOTE:x', ' y', ' z')]));
    expect(records.map((r) => r.source.line)).toEqual([1, 7]);
  });

  it('reads an empty file as no contacts', async () => {
    expect(await readBytes(Buffer.alloc(0))).toEqual([]);
  });
});
