/**
 * Writes the vCard benchmark file: `count` cards, streamed to disk (never the whole file
 * in memory). 98% are vCard 3.0 as Apple and Google write them (UID, N, FN, ORG, TITLE,
 * two e-mails, two phones, an address, categories, a note long enough to be folded,
 * non-ASCII names); 2% are Outlook vCard 2.1 (QUOTED-PRINTABLE UTF-8 with `=` soft
 * breaks, bare `EMAIL;PREF;INTERNET`). About 640 bytes a card: 100,000 cards ≈ 64 MB.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { foldLine } from '../src/mailbox/vcard/write-vcard.js';

const FIRST = ['Zoë', 'Łukasz', 'Hélène', 'Jürgen', 'Ana', 'Søren', 'Noémie', 'Björn', 'Camille', 'José', 'Yūko', 'Olivier', 'Ines', 'Marek', 'Ada', 'Grace'];
const LAST = ['Dubois', 'Müller', 'García', 'Nowak', 'Rossi', 'Søndergaard', 'Lefèvre', 'Öztürk', 'Smith', 'Kowalczyk', 'Schäfer', 'Bianchi', 'Moreau', 'Novák'];
const COMPANIES = ['Contoso Ltd', 'Fabrikam', 'Müller & Söhne GmbH', 'Société Générale d’Études', 'Northwind Traders', 'Adventure Works', 'Litware, Inc.', 'Wide World Importers'];
const CATEGORIES = ['Clients', 'Fournisseurs', 'VIP', 'Presse', 'Partenaires', 'Salon 2026'];

/** `text` as Outlook writes a QUOTED-PRINTABLE value: UTF-8 bytes, soft `=` line breaks before 76 characters. */
export function quotedPrintable(text: string): string {
  const tokens: string[] = [];
  for (const byte of Buffer.from(text, 'utf8')) {
    tokens.push(byte < 0x80 && byte !== 0x3d && byte > 0x20 ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  // Outlook breaks QP lines before 76 characters with a soft `=`, never inside an `=XX`.
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line.length + token.length > 72) {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  lines.push(line);
  return lines.join('=\r\n');
}

/** A contact as Outlook's vCard 2.1 export has it; values are raw text (2.1 has no escapes). */
export interface OutlookCard {
  name?: { last: string; first: string };
  fullName?: string;
  /** `company;department`, as the ORG line holds it. */
  org?: string;
  title?: string;
  note?: string;
  /** Outlook's bare TYPE words and the number: `['WORK;VOICE', '+33 1 23 45 67 89']`. */
  phones?: readonly (readonly [string, string])[];
  /** The first one is written `PREF`. */
  emails?: readonly string[];
  categories?: readonly string[];
}

/**
 * A card as Outlook writes vCard 2.1: names, company and note in QUOTED-PRINTABLE UTF-8
 * (soft `=` breaks, CRLF kept inside the note), bare parameters (`TEL;WORK;VOICE`,
 * `EMAIL;PREF;INTERNET`), CRLF line ends. A part left out is not written at all.
 */
export function outlookVCard21(card: OutlookCard): string {
  const lines = ['BEGIN:VCARD', 'VERSION:2.1'];
  const encoded = (name: string, value: string | undefined) => {
    if (value !== undefined) lines.push(`${name};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable(value)}`);
  };
  if (card.name) encoded('N', `${card.name.last};${card.name.first}`);
  encoded('FN', card.fullName);
  encoded('ORG', card.org);
  if (card.title !== undefined) {
    if (/^[\x20-\x7e]*$/.test(card.title)) lines.push(`TITLE:${card.title}`);
    else encoded('TITLE', card.title);
  }
  encoded('NOTE', card.note);
  for (const [type, number] of card.phones ?? []) lines.push(`TEL;${type}:${number}`);
  card.emails?.forEach((email, i) => lines.push(`EMAIL;${i === 0 ? 'PREF;' : ''}INTERNET:${email}`));
  if (card.categories?.length) lines.push(`CATEGORIES:${card.categories.join(',')}`);
  lines.push('END:VCARD', '');
  return lines.join('\r\n');
}

export function benchCard(i: number): string {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7) % LAST.length]!;
  const company = COMPANIES[(i * 3) % COMPANIES.length]!;
  const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
  const email = `${first}.${last}.${i}`.normalize('NFD').replace(/[^\x20-\x7e]/g, '').toLowerCase();
  if (i % 50 === 49) {
    return outlookVCard21({
      name: { last, first },
      fullName: `${first} ${last}`,
      org: `${company};Ventes`,
      title: 'Sales Manager',
      note: `Rencontré au salon, « très intéressé ».\r\nRappeler en janvier ; budget 10 000 €, contact n° ${i}.`,
      phones: [
        ['WORK;VOICE', '+33 1 23 45 67 89'],
        ['CELL;VOICE', '+33 6 12 34 56 78'],
      ],
      emails: [`${email}@${domain}`, `${email}@outlook.fr`],
      categories: [CATEGORIES[i % CATEGORIES.length]!],
    });
  }
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:bench-${i.toString(16).padStart(8, '0')}-4a5b-8c9d-${(i * 2654435761 % 0xffffffff).toString(16).padStart(12, '0')}`,
    `N:${last};${first};;;`,
    `FN:${first} ${last}`,
    `ORG:${company.replace(/,/g, '\\,')};Sales`,
    'TITLE:Account Manager',
    `EMAIL;TYPE=INTERNET,WORK,pref:${email}@${domain}`,
    `EMAIL;TYPE=INTERNET,HOME:${email}@gmail.com`,
    'TEL;TYPE=WORK,VOICE:+49 89 1234 5678',
    'TEL;TYPE=CELL:+49 171 2345678',
    `ADR;TYPE=WORK:;;Hauptstraße ${i % 200};München;Bayern;80331;Deutschland`,
    `CATEGORIES:${CATEGORIES[i % CATEGORIES.length]},${CATEGORIES[(i + 2) % CATEGORIES.length]}`,
    foldLine(`NOTE:Rencontré au salon\\, « très intéressé »\\nRappeler en janvier\\; budget 10 000 €\\, "priorité" n° ${i}. Notes de réunion et suivi commercial à compléter.`),
    'END:VCARD',
    '',
  ];
  return lines.join('\r\n');
}

/** Writes `count` cards to `path`; resolves with the file's size in bytes. */
export async function writeVCardBenchFile(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let batch = '';
  for (let i = 0; i < count; i++) {
    batch += benchCard(i);
    if (batch.length > 1 << 20 || i === count - 1) {
      bytes += Buffer.byteLength(batch);
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
