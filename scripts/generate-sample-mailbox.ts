/**
 * Writes the sample address book bundled for `npm start`: `samples/address-book/`, a
 * vCard folder tree of about 300 fictional contacts with the quirks real address books
 * have (samples/README.md lists them). Deterministic: running it again writes the same
 * bytes, and test/sample-mailbox.test.ts holds the committed files to that.
 *
 * Then it reads the tree back with `VCardMailbox` and prints, per folder, the contacts
 * and the unreadable records (with their file, line and reason).
 *
 *   npx tsx scripts/generate-sample-mailbox.ts [--out samples/address-book]
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clearVCardTree } from '../bench/clear-vcard-tree.js';
import { countMailboxRecords, formatMailboxRecords } from '../bench/count-mailbox-records.js';
import {
  capitalised, COUNTRIES, DEPARTMENTS, hex, JOB_TITLES, mulberry32, NOTES, pick, randomAddress, randomPerson, type Random,
} from '../bench/generate-contacts.js';
import { outlookVCard21 } from '../bench/generate-vcards.js';
import type { ContactFields } from '../src/domain/contact.js';
import { VCardMailbox } from '../src/mailbox/vcard/vcard-mailbox.js';
import { VdirWriter } from '../src/mailbox/vcard/vdir-writer.js';
import { writeVCard } from '../src/mailbox/vcard/write-vcard.js';

const SEED = 2026;

interface SampleCompany {
  /** The spellings its contacts use, in turn: the variants are in the data. */
  spellings: readonly string[];
  domain: string;
  /** A country of `generate-contacts.ts` (phones, addresses); none: no business phone. */
  country?: string;
}

const COMPANIES = {
  contoso: { spellings: ['Contoso Ltd', 'Contoso, Inc.', 'Contoso Ltd', 'CONTOSO', 'Contoso Ltd.', 'Contoso Ltd', 'Contoso Ltd ', 'Contoso  Ltd'], domain: 'contoso.com', country: 'United States' },
  fabrikam: { spellings: ['Fabrikam', 'Fabrikam Inc', 'Fabrikam', 'Fabrikam, Inc.'], domain: 'fabrikam.com', country: 'United States' },
  northwind: { spellings: ['Northwind Traders', 'Northwind Traders', 'Northwind Trader', 'NorthWind Traders'], domain: 'northwind.example', country: 'United Kingdom' },
  adatum: { spellings: ['A. Datum Corporation', 'A. Datum Corporation', 'A Datum Corp', 'Adatum'], domain: 'adatum.example', country: 'United States' },
  litware: { spellings: ['Litware, Inc.', 'Litware Inc', 'Litware, Inc.'], domain: 'litware.example', country: 'United States' },
  mueller: { spellings: ['Müller & Söhne GmbH', 'Müller & Söhne GmbH', 'Mueller & Soehne GmbH', 'Müller und Söhne GmbH'], domain: 'mueller-soehne.example', country: 'Germany' },
  lumiere: { spellings: ["Bureau d'Études Lumière", 'Bureau d’Études Lumière', "BUREAU D'ETUDES LUMIERE"], domain: 'lumiere-etudes.example', country: 'France' },
  ibericos: { spellings: ['Transportes Ibéricos S.L.', 'Transportes Ibéricos, S.L.'], domain: 'ibericos.example' },
  nordlicht: { spellings: ['Nordlicht Logistik GmbH'], domain: 'nordlicht.example', country: 'Germany' },
  sakura: { spellings: ['株式会社さくら精機', 'Sakura Seiki K.K.'], domain: 'sakura-seiki.example', country: 'Japan' },
  tailspin: { spellings: ['Tailspin Toys'], domain: 'tailspintoys.example', country: 'United States' },
  wingtip: { spellings: ['Wingtip Toys'], domain: 'wingtiptoys.example', country: 'United States' },
  woodgrove: { spellings: ['Woodgrove Bank'], domain: 'woodgrovebank.example', country: 'United Kingdom' },
  trey: { spellings: ['Trey Research'], domain: 'treyresearch.example', country: 'United States' },
  wideworld: { spellings: ['Wide World Importers'], domain: 'wideworldimporters.example', country: 'United States' },
  proseware: { spellings: ['Proseware, Inc.'], domain: 'proseware.example', country: 'United States' },
  relecloud: { spellings: ['Relecloud'], domain: 'relecloud.example', country: 'Denmark' },
  fourthcoffee: { spellings: ['Fourth Coffee'], domain: 'fourthcoffee.example', country: 'United States' },
  coho: { spellings: ['Coho Winery'], domain: 'cohowinery.example', country: 'France' },
  alpine: { spellings: ['Alpine Ski House'], domain: 'alpineskihouse.example', country: 'Germany' },
  messenger: { spellings: ['Consolidated Messenger'], domain: 'consolidatedmessenger.example', country: 'Poland' },
  citypower: { spellings: ['City Power & Light'], domain: 'citypowerlight.example', country: 'United States' },
  lucerne: { spellings: ['Lucerne Publishing', 'Lucerne Publishing', 'Lucerne Publishing Ltd'], domain: 'lucernepublishing.example', country: 'United Kingdom' },
  margie: { spellings: ["Margie's Travel"], domain: 'margiestravel.example', country: 'United States' },
  gazette: { spellings: ['The Example Gazette'], domain: 'gazette.example.org', country: 'United Kingdom' },
  radio: { spellings: ['Radio Exemple'], domain: 'radio.example.org', country: 'France' },
} satisfies Record<string, SampleCompany>;
type CompanyKey = keyof typeof COMPANIES;

/** `count` contacts of a company (or of none); the first `noName` have no name, the next `noEmail` no e-mail. */
interface Group {
  company: CompanyKey | null;
  count: number;
  noName?: number;
  noEmail?: number;
}

interface SampleFile {
  /** Relative to the tree's root. A folder (`''`, or a path ending in `/`) is a vdir: one `<uid>.vcf` per card. */
  path: string;
  version: '3.0' | '2.1';
  /** LF line ends, as Linux tools write them (otherwise CRLF). */
  lf?: boolean;
  /** Most of its contacts have one of these; a file without them has few categories. */
  categories?: readonly string[];
  groups: readonly Group[];
  /** Adds the file's deliberate breakage to its cards (their text, one string a card). */
  finish?: (cards: string[], written: ReadonlyMap<string, ContactFields[]>) => void;
}

/** No name, no e-mail, no company: only a phone number. The reader reports it, it is nothing to add. */
const PHONE_ONLY_CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:5f0c2a8e-93d1-4c77-a1f0-plumber\r\nFN:\r\nTEL;TYPE=CELL:+33 6 12 34 56 78\r\nNOTE:Plombier (dépannage\\, urgences)\r\nEND:VCARD\r\n';

const FILES: readonly SampleFile[] = [
  {
    path: 'contacts.vcf', version: '3.0',
    groups: [
      { company: 'contoso', count: 6 }, { company: 'fabrikam', count: 4 }, { company: 'northwind', count: 3 }, { company: 'tailspin', count: 4 },
      { company: 'wingtip', count: 3 }, { company: 'woodgrove', count: 4, noEmail: 1 }, { company: 'trey', count: 3 },
      { company: 'wideworld', count: 3 }, { company: 'proseware', count: 3, noName: 1 }, { company: null, count: 12, noEmail: 2 },
    ],
    finish: (cards) => cards.splice(20, 0, PHONE_ONLY_CARD),
  },
  { path: '', version: '3.0', groups: [{ company: 'relecloud', count: 3 }] },
  {
    path: 'Clients/clients.vcf', version: '3.0', categories: ['Clients'],
    groups: [
      { company: 'contoso', count: 16, noName: 1 }, { company: 'fabrikam', count: 10 }, { company: 'northwind', count: 8, noEmail: 1 },
      { company: 'woodgrove', count: 6 }, { company: 'tailspin', count: 6 }, { company: 'trey', count: 6 }, { company: 'wideworld', count: 6 },
      { company: 'proseware', count: 5 }, { company: 'relecloud', count: 6 }, { company: null, count: 3 },
    ],
  },
  {
    path: 'Clients/Europe/europe.vcf', version: '3.0', categories: ['Clients'],
    groups: [
      { company: 'mueller', count: 9 }, { company: 'lumiere', count: 7 }, { company: 'ibericos', count: 5 },
      { company: 'nordlicht', count: 5, noEmail: 1 }, { company: 'sakura', count: 4 }, { company: 'contoso', count: 3 }, { company: null, count: 2 },
    ],
  },
  {
    path: 'Clients/Europe/outlook-export.vcf', version: '2.1', categories: ['Clients'],
    groups: [
      { company: 'mueller', count: 4 }, { company: 'lumiere', count: 3 }, { company: 'ibericos', count: 3 },
      { company: 'sakura', count: 2 }, { company: 'fabrikam', count: 3, noName: 1 }, { company: 'contoso', count: 2 },
    ],
    // The same person as the second contact of Clients (a Contoso one), exported again from Outlook.
    finish: (cards, written) => cards.push(outlookCard(written.get('Clients/clients.vcf')![1]!)),
  },
  {
    path: 'Suppliers/suppliers.vcf', version: '3.0', categories: ['Suppliers'],
    groups: [
      { company: 'adatum', count: 10 }, { company: 'litware', count: 6 }, { company: 'fourthcoffee', count: 7 }, { company: 'coho', count: 6, noEmail: 1 },
      { company: 'alpine', count: 6 }, { company: 'messenger', count: 7 }, { company: 'citypower', count: 5 }, { company: 'northwind', count: 3 },
      { company: null, count: 2 }, { company: 'adatum', count: 1 },
    ],
    // The file ends inside its last card, as a copy cut short does.
    finish: (cards) => {
      const last = cards.pop()!;
      cards.push(last.slice(0, last.indexOf('\r\nTEL') + 20));
    },
  },
  {
    path: 'Press/press.vcf', version: '3.0', categories: ['Press'],
    groups: [
      { company: 'lucerne', count: 7 }, { company: 'margie', count: 4 }, { company: 'gazette', count: 5 }, { company: 'radio', count: 4 },
      { company: null, count: 6, noEmail: 1 }, { company: 'lucerne', count: 2 },
    ],
    // A card left open, with a whole card inside it: the outer one is unreadable, the inner one is read.
    finish: (cards) => {
      const inner = cards.pop()!;
      const outer = cards.pop()!;
      cards.splice(12, 0, outer.replace(/END:VCARD\r\n$/, '') + inner + 'END:VCARD\r\n');
    },
  },
  {
    path: 'Personal/family-and-friends.vcf', version: '3.0', lf: true, categories: ['Family', 'Friends'],
    groups: [{ company: null, count: 42, noEmail: 6 }, { company: 'contoso', count: 1 }, { company: 'coho', count: 1 }],
  },
];

const PERSONAL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.fr', 'gmx.de', 'orange.fr', 'free.fr', 'hotmail.com', 'icloud.com', 'web.de', 'yahoo.es'];
const ROLE_MAILBOXES = ['info', 'sales', 'accounts', 'office', 'contact'];
const EXTRA_CATEGORIES = ['VIP', 'Newsletter', 'Salon 2026', 'Christmas cards'];
const FALLBACK_COUNTRY = COUNTRIES.find((country) => country.name === 'France')!;

/** Makes the sample's contacts; one PRNG for the whole tree, so the order of FILES is part of the output. */
class SampleContacts {
  private readonly random: Random = mulberry32(SEED);
  private readonly used = new Set<string>();
  private readonly turns = new Map<CompanyKey, number>();

  uid(): string {
    const r = this.random;
    return `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
  }

  /** An address not used before in the sample: `local@domain`, else `local2@domain`, … */
  private unique(local: string, domain: string): string {
    let address = `${local}@${domain}`;
    for (let n = 2; this.used.has(address.toLowerCase()); n++) address = `${local}${n}@${domain}`;
    this.used.add(address.toLowerCase());
    return address;
  }

  contact(key: CompanyKey | null, quirk: { noName: boolean; noEmail: boolean }, file: SampleFile): ContactFields {
    const r = this.random;
    const person = randomPerson(r);
    const company: SampleCompany | null = key === null ? null : COMPANIES[key];
    const country = COUNTRIES.find((c) => c.name === company?.country) ?? (company ? undefined : FALLBACK_COUNTRY);
    const fields: ContactFields = {};
    if (!quirk.noName) Object.assign(fields, { firstName: person.first.text, lastName: person.last.text, fullName: person.fullName });
    // A contact without a name is most often a shared mailbox: info@, sales@…
    const local = quirk.noName ? pick(r, ROLE_MAILBOXES) : `${person.first.ascii}.${person.last.ascii.replace(/[^a-z]/g, '')}`;
    const personal = () => this.unique(r() < 0.5 ? local : local.replace('.', '') + String(10 + Math.floor(r() * 89)), pick(r, PERSONAL_DOMAINS));
    if (company && key) {
      const turn = this.turns.get(key) ?? 0;
      this.turns.set(key, turn + 1);
      fields.company = company.spellings[turn % company.spellings.length]!;
      fields.jobTitle = pick(r, JOB_TITLES);
      if (r() < 0.25) fields.department = pick(r, DEPARTMENTS);
      if (!quirk.noEmail) {
        const work = this.unique(local, company.domain);
        fields.emails = [r() < 0.1 ? capitalised(work) : work];
        if (r() < 0.2) fields.emails.push(personal());
      }
    } else if (!quirk.noEmail) {
      fields.emails = [personal()];
    }
    if (country) {
      fields.phones = company ? { business: country.business(r), mobile: country.mobile(r) } : { mobile: country.mobile(r) };
      if (company && r() < 0.4) fields.addresses = { business: randomAddress(country, r) };
    }
    const categories: string[] = [];
    if (file.categories ? r() < 0.85 : r() < 0.2) categories.push(pick(r, file.categories ?? ['Clients', 'Suppliers']));
    for (const extra of EXTRA_CATEGORIES) if (r() < 0.12) categories.push(extra);
    if (categories.length > 0) fields.categories = categories;
    if (r() < 0.1) fields.notes = pick(r, NOTES);
    if (!company && r() < 0.3) fields.birthday = `19${50 + Math.floor(r() * 50)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    return fields;
  }
}

/** A contact as Outlook's vCard 2.1 export writes it (no UID: Outlook does not write one). */
function outlookCard(f: ContactFields): string {
  const phones: [string, string][] = [];
  if (f.phones?.business) phones.push(['WORK;VOICE', f.phones.business]);
  if (f.phones?.mobile) phones.push(['CELL;VOICE', f.phones.mobile]);
  return outlookVCard21({
    ...(f.firstName || f.lastName ? { name: { last: f.lastName ?? '', first: f.firstName ?? '' } } : {}),
    ...(f.fullName ? { fullName: f.fullName } : {}),
    ...(f.company ? { org: f.department ? `${f.company};${f.department}` : f.company } : {}),
    ...(f.jobTitle ? { title: f.jobTitle } : {}),
    ...(f.notes ? { note: f.notes.replace(/\n/g, '\r\n') } : {}),
    phones,
    emails: f.emails ?? [],
    categories: f.categories ?? [],
  });
}

/** Writes the sample tree into `directory` (emptied first; a folder holding other than .vcf files is refused). */
export async function writeSampleMailbox(directory: string): Promise<void> {
  await clearVCardTree(directory);
  const contacts = new SampleContacts();
  const written = new Map<string, ContactFields[]>();
  for (const file of FILES) {
    const cards: { uid: string; fields: ContactFields }[] = [];
    for (const group of file.groups) {
      for (let i = 0; i < group.count; i++) {
        const noName = i < (group.noName ?? 0);
        const noEmail = !noName && i < (group.noName ?? 0) + (group.noEmail ?? 0);
        cards.push({ uid: contacts.uid(), fields: contacts.contact(group.company, { noName, noEmail }, file) });
      }
    }
    written.set(file.path, cards.map((card) => card.fields));
    if (file.path === '' || file.path.endsWith('/')) {
      const writer = new VdirWriter(join(directory, file.path), '3.0');
      for (const card of cards) await writer.write(card);
      continue;
    }
    const texts = cards.map((card) => (file.version === '2.1' ? outlookCard(card.fields) : writeVCard(card, file.version)));
    file.finish?.(texts, written);
    const text = texts.join('');
    await mkdir(dirname(join(directory, file.path)), { recursive: true });
    await writeFile(join(directory, file.path), file.lf ? text.replace(/\r\n/g, '\n') : text);
  }
}

const USAGE = `Writes the sample address book (a vCard folder tree of about 300 fictional contacts)
and prints what VCardMailbox reads from it, folder by folder.

  npx tsx scripts/generate-sample-mailbox.ts [--out samples/address-book]

The output folder is emptied first; a folder holding anything but .vcf files is refused.`;

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const out = values.out ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'samples', 'address-book');
  await writeSampleMailbox(out);
  const counts = await countMailboxRecords(new VCardMailbox({ path: out, ownerAddress: 'me@example.org' }));
  console.log(`${relative(process.cwd(), out) || '.'}:`);
  console.log(formatMailboxRecords(counts, (file) => relative(out, file)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 2;
  });
}
