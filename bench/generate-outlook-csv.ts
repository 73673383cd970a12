/**
 * Writes an English Outlook "Comma Separated Values" export for the CSV benchmark: the
 * 92-column header (`OUTLOOK_EN_HEADER`), every field quoted, CRLF line ends, as
 * Outlook writes it, in one of three encodings: `utf-8` (no BOM), `windows-1252`
 * (Outlook's "ANSI" export) or `utf-16le` with a BOM (Outlook's "Unicode" export).
 *
 * Realistic values: Western names with accents (é, ü, ß, ø, ñ…: all in Windows-1252, so
 * the three files hold the same text), companies with their departments and job titles,
 * a business address (sometimes on two lines), phones, one to three e-mails (a few of
 * them Exchange `EX` X.500 addresses), categories split by `;`, birthdays (mostly
 * Outlook's empty `0/0/00`), and multi-line notes with quotes and commas on one row in
 * ten. Rows are pure functions of `(seed, index)` and are written in batches through
 * the stream's back-pressure, so the file is never in memory as a whole.
 *
 *   npx tsx bench/generate-outlook-csv.ts <file> [rows=100000] [utf-8|windows-1252|utf-16le]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { OUTLOOK_EN_HEADER } from '../src/mailbox/outlook-csv/csv-header-tables.js';
import { mixSeed, mulberry32, asciiFold, type Random } from './generate-contacts.js';

export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const FIRST = ['Renée', 'François', 'Jürgen', 'Søren', 'Zoë', 'Ana', 'Olivier', 'Hélène', 'Björn', 'Chloé', 'Núria', 'Daniel', 'Karin', 'Łukasz', 'Ulrich', 'Inés', 'Pénélope', 'Thérèse', 'Mark', 'Sarah'];
const LAST = ['Müller', 'Lefèvre', 'Rossi', 'Girard', 'Schäfer', 'Dubois', 'Núñez', 'Ødegaard', 'Smith', 'Brontë', 'García', 'Weiß', 'Laurent', "O'Brien", 'Roux', 'Kowalski', 'Janssen', 'Bonnet', 'Fontaine', 'Simon'];
const COMPANIES = [
  ['Contoso Ltd', 'contoso.com'], ['Fabrikam, Inc.', 'fabrikam.com'], ['Müller & Söhne GmbH', 'mueller-soehne.de'],
  ["Société Générale d'Études", 'sge.fr'], ['Adventure Works Cycles', 'adventure-works.com'], ['Northwind Traders', 'northwind.example'],
  ['Wide World Importers', 'wideworldimporters.com'], ['Litware, Inc.', 'litware.example'], ['', ''],
] as const;
const DEPARTMENTS = ['Ventes', 'R&D', 'Einkauf', 'Marketing', ''];
const TITLES = ['Sales Manager', 'CTO', 'Acheteur', 'Directrice commerciale', 'Ingénieur', ''];
const CATEGORIES = ['Clients', 'Fournisseurs', 'Partenaires', 'Presse', 'VIP', 'Salon 2026'];
const FREE_MAIL = ['gmail.com', 'gmx.de', 'orange.fr', 'hotmail.com', 'outlook.fr'];
const STREETS = ['12, rue de la Paix', 'Hauptstraße 5\r\nHinterhaus', 'One Microsoft Way', 'Calle Mayor 3, 2º', 'Via Roma 10'];
const CITIES = [['Paris', '75002', 'France'], ['München', '80331', 'Deutschland'], ['Redmond', '98052', 'United States'], ['Lyon', '69001', 'France'], ['Madrid', '28013', 'España']] as const;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const quote = (value: string): string => `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;

/** The header line, quoted as Outlook writes it, with its CRLF. */
export function headerLine(): string {
  return `${OUTLOOK_EN_HEADER.map(quote).join(',')}\r\n`;
}

const INDEX = new Map<string, number>(OUTLOOK_EN_HEADER.map((name, index) => [name, index]));
const col = (name: (typeof OUTLOOK_EN_HEADER)[number]): number => INDEX.get(name)!;

/** Row `index` of the file, with its CRLF. */
export function rowLine(seed: number, index: number): string {
  const random = mulberry32(mixSeed(seed, index));
  const values: string[] = new Array<string>(OUTLOOK_EN_HEADER.length).fill('');
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const [company, domain] = pick(random, COMPANIES);
  const login = `${asciiFold(first)}.${asciiFold(last)}`.toLowerCase().replace(/[^a-z.]/g, '');
  values[col('First Name')] = first;
  values[col('Last Name')] = last;
  if (random() < 0.2) values[col('Middle Name')] = pick(random, FIRST);
  values[col('Company')] = company;
  values[col('Department')] = pick(random, DEPARTMENTS);
  values[col('Job Title')] = pick(random, TITLES);
  if (company !== '') {
    const [city, postal, country] = pick(random, CITIES);
    values[col('Business Street')] = pick(random, STREETS);
    values[col('Business City')] = city;
    values[col('Business Postal Code')] = postal;
    values[col('Business Country/Region')] = country;
    values[col('Business Phone')] = `+33 1 ${String(10 + (index % 90))} 45 67 89`;
  }
  if (random() < 0.6) values[col('Mobile Phone')] = `+49 151 ${String(1000000 + index)}`;
  values[col('Anniversary')] = '0/0/00';
  values[col('Birthday')] = random() < 0.25 ? `${1 + Math.floor(random() * 12)}/${1 + Math.floor(random() * 28)}/19${50 + Math.floor(random() * 50)}` : '0/0/00';
  if (random() < 0.7) {
    const count = 1 + Math.floor(random() * 2);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(random, CATEGORIES));
    values[col('Categories')] = [...chosen].join(';');
  }
  const emails = [
    domain !== '' && random() < 0.05 ? `/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=${login.toUpperCase()}${index}` : domain !== '' ? `${login}${index}@${domain}` : '',
    random() < 0.3 ? `${login}${index}@${pick(random, FREE_MAIL)}` : '',
    random() < 0.05 ? `${login}.${index}@example.org` : '',
  ];
  const slots = [['E-mail Address', 'E-mail Type', 'E-mail Display Name'], ['E-mail 2 Address', 'E-mail 2 Type', 'E-mail 2 Display Name'], ['E-mail 3 Address', 'E-mail 3 Type', 'E-mail 3 Display Name']] as const;
  emails.forEach((address, i) => {
    if (address === '') return;
    const [a, t, d] = slots[i]!;
    values[col(a)] = address;
    values[col(t)] = address.startsWith('/O=') ? 'EX' : 'SMTP';
    values[col(d)] = `${first} ${last} (${address})`;
  });
  values[col('Sensitivity')] = 'Normal';
  values[col('Priority')] = 'Normal';
  values[col('Private')] = 'False';
  values[col('Initials')] = `${first[0]}.${last[0]}.`;
  if (index % 10 === 3) values[col('Notes')] = `Rencontré au salon, « très intéressé »\r\nRappeler en janvier; budget 10 000 €, "priorité"\r\n— ${first}`;
  if (random() < 0.1) values[col('Web Page')] = `https://www.${domain || 'example.org'}/`;
  return `${values.map(quote).join(',')}\r\n`;
}

/** Writes `rows` rows (plus the header) to `path` in `encoding`; resolves with the bytes written. */
export async function generateOutlookCsv(path: string, rows: number, encoding: CsvEncoding, seed = 20_26): Promise<number> {
  const out = createWriteStream(path);
  const encode = (text: string): Buffer =>
    encoding === 'utf-8' ? Buffer.from(text, 'utf8') : encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : iconv.encode(text, 'windows-1252');
  let bytes = 0;
  const write = async (chunk: Buffer) => {
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (encoding === 'utf-16le') await write(Buffer.from([0xff, 0xfe]));
  await write(encode(headerLine()));
  const BATCH = 500;
  for (let start = 0; start < rows; start += BATCH) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + BATCH); i++) text += rowLine(seed, i);
    await write(encode(text));
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, rows = '100000', encoding = 'utf-8'] = process.argv.slice(2);
  if (!path || !(CSV_ENCODINGS as readonly string[]).includes(encoding)) {
    console.error(`usage: npx tsx bench/generate-outlook-csv.ts <file> [rows] [${CSV_ENCODINGS.join('|')}]`);
    process.exitCode = 2;
  } else {
    const bytes = await generateOutlookCsv(path, Number(rows), encoding as CsvEncoding);
    console.log(`${path}: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB (${encoding})`);
  }
}
