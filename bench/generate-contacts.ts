/**
 * Deterministic, realistic address-book data for the benchmarks: accounts (companies)
 * and contacts ready for the CRM store's bulk path (`store.contacts.addMany`).
 *
 * Every contact is a pure function of `(seed, index)`: its PRNG is seeded from both,
 * so {@link contactAt} can rebuild any one contact (to look up its e-mails or check
 * what the store returned) without keeping the others, and {@link generateContacts}
 * yields them one by one instead of holding 100k objects at once.
 *
 * What a contact looks like: first and last name (mostly Western, a good share with
 * accents: é, ü, ø, Ł…; a few percent Chinese, Japanese or Korean), company (its parent
 * account's name), job title, sometimes a department, two e-mail addresses (work and
 * private, unique across the whole set, some written in mixed case), two phones
 * (business and mobile), a business address, sometimes categories and notes (notes may
 * hold new lines and tabs), a parent account and a tracking link to a mailbox item.
 *
 * ### Examples
 * ```ts
 * const accounts = [...generateAccounts(5_000)];
 * const contacts = generateContacts(100_000, { accountIds, ownerId: 1, mailboxId: 1 });
 * await store.contacts.addMany(contacts);
 * contactAt(42, options).contact.fields.emails // the same two addresses every time
 * ```
 */
import type { NewAccount, NewTrackedContact } from '../src/crm/index.js';
import type { ContactFields, PostalAddress } from '../src/domain/contact.js';

/** A seeded PRNG: mulberry32, 32 bits of state, floats in [0, 1). */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and an index into one well-spread 32-bit seed (murmur3's finaliser). */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** `count` random decimal digits (count ≤ 15), leading zeros kept. */
const digits = (random: Random, count: number): string =>
  Math.floor(random() * 10 ** count).toString().padStart(count, '0');
const HEX_DIGITS = '0123456789abcdef';
/** `count` random hexadecimal digits, eight per draw. */
export const hex = (random: Random, count: number): string => {
  let text = '';
  let bits = 0;
  for (let i = 0; i < count; i++) {
    if (i % 8 === 0) bits = (random() * 4294967296) >>> 0;
    text += HEX_DIGITS[bits & 15];
    bits >>>= 4;
  }
  return text;
};

const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'Ae', đ: 'd', Đ: 'D', þ: 'th', ð: 'd', œ: 'oe',
};

/** Latin text without accents, as people write their names in e-mail addresses. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØłŁßæÆđĐþðœ]/g, (c) => SPECIAL_LETTERS[c]!);
}

/** A name as written, and the ASCII form its owner uses in e-mail addresses. */
export interface Name {
  text: string;
  ascii: string;
}

const latin = (names: string): Name[] =>
  names.split(' ').map((text) => ({ text, ascii: asciiFold(text).toLowerCase() }));

const FIRST_NAMES = latin(
  'Anna James Mary Robert Linda Michael Sarah David Emma Thomas Laura Daniel Sophie Paul Julia Peter ' +
    'Olivia William Charlotte George Hannah Oliver Grace Henry Lucy Jack Ella Samuel Chloe Benjamin ' +
    'Maria Giulia Marco Luca Francesca Alessandro Lena Jonas Felix Katrin Stefan Anke Matthias Sabine ' +
    'Pieter Sanne Bram Femke Lars Ingrid Erik Astrid Nils Karin Sven Maja',
);
const ACCENTED_FIRST_NAMES = latin(
  'José Renée Hélène François Jérôme Chloé Zoë Noémie André Céline Inés Joaquín Sofía Ramón ' +
    'Jürgen Björn Sönke Günther Jörg Käthe Lüder Özlem Åsa Søren Jørgen Bjørn Øystein Sigrún Þóra ' +
    'Łukasz Małgorzata Paweł Wojciech Zofia Agnieszka Michał Jiří Bořivoj Tomáš Zuzana Ştefan Dragoş',
);

const LAST_NAMES = latin(
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Lewis Walker Hall Young King ' +
    'Wright Green Baker Adams Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans ' +
    'Rossi Russo Bianchi Romano Colombo Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Koch ' +
    'Jansen Visser Bakker Smit Andersson Johansson Karlsson Nilsson Hansen Larsen Olsen',
);
const ACCENTED_LAST_NAMES = latin(
  'García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Muñoz Lefèvre Dupré ' +
    'Mercier Béranger Lemaître Müller Schröder Krüger Köhler Groß Weiß Bäcker Jørgensen Søndergaard ' +
    'Østergaard Bjørnstad Lindqvist Åberg Ström Nowak Kowalski Wiśniewski Wójcik Łukasiewicz ' +
    'Dąbrowski Zieliński Szymańska Novák Dvořáková Černý Yılmaz Öztürk Çelik',
);

/** The share of first names, and separately of last names, taken from the accented lists. */
const ACCENTED_SHARE = 0.15;

/** Chinese, Japanese and Korean names: family name first, written without a space. */
const CJK_NAMES: readonly { last: Name; first: Name }[] = [
  ['王', 'wang', '伟', 'wei'],
  ['李', 'li', '娜', 'na'],
  ['张', 'zhang', '敏', 'min'],
  ['刘', 'liu', '洋', 'yang'],
  ['陈', 'chen', '静', 'jing'],
  ['杨', 'yang', '磊', 'lei'],
  ['黄', 'huang', '丽', 'li'],
  ['山田', 'yamada', '太郎', 'taro'],
  ['佐藤', 'sato', '花子', 'hanako'],
  ['鈴木', 'suzuki', '一郎', 'ichiro'],
  ['高橋', 'takahashi', '美咲', 'misaki'],
  ['田中', 'tanaka', '健', 'ken'],
  ['김', 'kim', '민준', 'minjun'],
  ['이', 'lee', '서연', 'seoyeon'],
  ['박', 'park', '지훈', 'jihoon'],
].map(([last, lastAscii, first, firstAscii]) => ({
  last: { text: last!, ascii: lastAscii! },
  first: { text: first!, ascii: firstAscii! },
}));

/** The share of contacts with a CJK name. */
const CJK_SHARE = 0.04;

export const JOB_TITLES = [
  'Sales Manager', 'Account Executive', 'Head of Purchasing', 'Chief Executive Officer', 'Chief Financial Officer',
  'Chief Technology Officer', 'Software Engineer', 'Senior Software Engineer', 'Project Manager', 'Office Manager',
  'Marketing Director', 'Procurement Specialist', 'Customer Success Manager', 'Product Owner', 'Data Analyst',
  'Geschäftsführer', 'Leiterin Einkauf', 'Directeur commercial', 'Responsable des achats', 'Ingénieur d’affaires',
  'Inköpschef', 'Kierownik sprzedaży', 'Jefe de compras', 'Consultant', 'Legal Counsel', 'HR Business Partner',
  '営業部長', '采购经理',
];

export const DEPARTMENTS = ['Sales', 'Purchasing', 'IT', 'Finance', 'Marketing', 'Operations', 'Legal', 'Einkauf', 'Achats', 'R&D'];

export const CATEGORIES = ['Customer', 'Supplier', 'Partner', 'Prospect', 'VIP', 'Newsletter', 'Trade fair 2024', 'Press', 'Kunde', 'Fournisseur'];

export const NOTES = [
  'Met at the trade fair in Hannover.',
  'Prefers e-mail over phone.\nCall only in the morning.',
  'Signed the framework agreement.\tRenewal in March.',
  'Introduced by the regional office; speaks French and German.',
  'Do not send the newsletter.',
  'Rückruf erbeten – wegen Angebot «Q3».',
];

export const FREE_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'gmx.de', 'web.de', 'orange.fr', 'free.fr', 'libero.it', 'wp.pl', 'seznam.cz', 'icloud.com', 'yahoo.co.jp', 'qq.com', 'naver.com', 'proton.me'];

/** A country's phone formats, postal code format and cities. */
export interface Country {
  name: string;
  tld: string;
  legalForms: readonly string[];
  business: (random: Random) => string;
  mobile: (random: Random) => string;
  postalCode: (random: Random) => string;
  cities: readonly { city: string; region?: string }[];
  streets: readonly string[];
  /** Street before number (`12 High Street`) or after (`Hauptstraße 12`). */
  numberFirst: boolean;
}

export const COUNTRIES: readonly Country[] = [
  {
    name: 'Germany', tld: 'de', legalForms: ['GmbH', 'AG', 'GmbH & Co. KG'], numberFirst: false,
    business: (r) => `+49 ${pick(r, ['30', '40', '89', '69', '221'])} ${digits(r, 7)}`,
    mobile: (r) => `+49 ${pick(r, ['151', '160', '170', '176'])} ${digits(r, 8)}`,
    postalCode: (r) => digits(r, 5),
    cities: [{ city: 'Berlin' }, { city: 'Hamburg' }, { city: 'München', region: 'Bayern' }, { city: 'Köln' }, { city: 'Düsseldorf' }],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Am Weißen Stein'],
  },
  {
    name: 'United Kingdom', tld: 'co.uk', legalForms: ['Ltd', 'plc', 'LLP'], numberFirst: true,
    business: (r) => `+44 20 7946 ${digits(r, 4)}`,
    mobile: (r) => `07700 ${digits(r, 6)}`,
    postalCode: (r) => `${pick(r, ['SW1A', 'EC1V', 'M1', 'B2', 'LS1'])} ${digits(r, 1)}${pick(r, ['AA', 'BD', 'HX', 'QT'])}`,
    cities: [{ city: 'London' }, { city: 'Manchester' }, { city: 'Leeds' }, { city: 'Edinburgh', region: 'Scotland' }],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
  },
  {
    name: 'United States', tld: 'com', legalForms: ['Inc.', 'LLC', 'Corp.'], numberFirst: true,
    business: (r) => `+1 (${pick(r, ['206', '212', '415', '425', '617'])}) 555-${digits(r, 4)}`,
    mobile: (r) => `(${pick(r, ['206', '312', '646', '917'])}) 555-${digits(r, 4)}`,
    postalCode: (r) => digits(r, 5),
    cities: [
      { city: 'Seattle', region: 'WA' }, { city: 'New York', region: 'NY' }, { city: 'Boston', region: 'MA' },
      { city: 'San Francisco', region: 'CA' }, { city: 'Chicago', region: 'IL' },
    ],
    streets: ['Main Street', 'Oak Avenue', 'Pine Street', '5th Avenue', 'Market Street'],
  },
  {
    name: 'France', tld: 'fr', legalForms: ['SA', 'SARL', 'SAS'], numberFirst: true,
    business: (r) => `+33 1 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    mobile: (r) => `06 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    postalCode: (r) => `${pick(r, ['75', '69', '13', '31'])}0${digits(r, 2)}`,
    cities: [{ city: 'Paris' }, { city: 'Lyon' }, { city: 'Marseille' }, { city: 'Toulouse' }, { city: 'Orléans' }],
    streets: ['rue de la Paix', 'avenue des Champs-Élysées', 'boulevard Saint-Germain', 'rue Émile Zola'],
  },
  {
    name: 'Denmark', tld: 'dk', legalForms: ['A/S', 'ApS'], numberFirst: false,
    business: (r) => `+45 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    mobile: (r) => `+45 ${pick(r, ['20', '30', '40', '50'])} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    postalCode: (r) => digits(r, 4),
    cities: [{ city: 'København' }, { city: 'Århus' }, { city: 'Odense' }, { city: 'Ålborg' }],
    streets: ['Østergade', 'Nørregade', 'Søndre Boulevard', 'Vestergade'],
  },
  {
    name: 'Poland', tld: 'pl', legalForms: ['Sp. z o.o.', 'S.A.'], numberFirst: false,
    business: (r) => `+48 22 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
    mobile: (r) => `+48 ${pick(r, ['501', '602', '790'])} ${digits(r, 3)} ${digits(r, 3)}`,
    postalCode: (r) => `${digits(r, 2)}-${digits(r, 3)}`,
    cities: [{ city: 'Warszawa' }, { city: 'Kraków' }, { city: 'Łódź' }, { city: 'Wrocław' }, { city: 'Gdańsk' }],
    streets: ['ul. Marszałkowska', 'ul. Długa', 'ul. Żeromskiego', 'al. Jerozolimskie'],
  },
  {
    name: 'Japan', tld: 'co.jp', legalForms: ['株式会社', 'K.K.'], numberFirst: false,
    business: (r) => `+81 3-${digits(r, 4)}-${digits(r, 4)}`,
    mobile: (r) => `090-${digits(r, 4)}-${digits(r, 4)}`,
    postalCode: (r) => `${digits(r, 3)}-${digits(r, 4)}`,
    cities: [{ city: '東京', region: '東京都' }, { city: 'Osaka', region: 'Osaka' }, { city: '横浜', region: '神奈川県' }],
    streets: ['千代田1-1', 'Shibuya 2-21', '中央区銀座4-6'],
  },
];

export const COMPANY_WORDS = [
  'Nordlicht', 'Acme', 'Blue Harbour', 'Zürcher', 'Atlas', 'Bright', 'Crescent', 'Delta', 'Evergreen', 'Falcon',
  'Granite', 'Horizon', 'Ironwood', 'Juniper', 'Keystone', 'Lumière', 'Meridian', 'Northwind', 'Orion', 'Pioneer',
  'Quantum', 'Riverside', 'Summit', 'Tundra', 'Union', 'Vértice', 'Westbrook', 'Xenon', 'Yellowstone', 'Zenith',
  'Øresund', 'Łąka', 'Müller & Söhne', 'Sakura', 'Hanseatic', 'Alpenglühen', 'Côte Azur', 'Baltic', 'Cedar', 'Dune',
  'Ember', 'Fjord', 'Glacier', 'Helix', 'Indigo', 'Jade', 'Kestrel', 'Lotus', 'Mistral', 'Nimbus',
];
export const COMPANY_TRADES = [
  'Logistics', 'Analytics', 'Software', 'Consulting', 'Engineering', 'Pharma', 'Textiles', 'Foods', 'Energy', 'Robotics',
  'Media', 'Capital', 'Instruments', 'Maschinenbau', 'Logistik', 'Systèmes', 'Conseil', 'Telecom', 'Biotech', 'Retail',
  'Holdings', 'Design', 'Optics', 'Chemicals', 'Aerospace',
];

const ACCOUNT_SUFFIXES = ['North', 'Europe', 'International', 'Group', 'Services', 'Holding'];

/** How many distinct account names {@link accountAt} can make. */
export const MAX_ACCOUNTS = COMPANY_WORDS.length * COMPANY_TRADES.length * 8;

export interface GeneratedAccount {
  name: string;
  website: string;
  domain: string;
  country: Country;
}

const accountCache: GeneratedAccount[] = [];

/** One account: its name (unique for indexes below {@link MAX_ACCOUNTS}), web site and country. */
export function accountAt(index: number): GeneratedAccount {
  return (accountCache[index] ??= makeAccount(index));
}

function makeAccount(index: number): GeneratedAccount {
  const word = COMPANY_WORDS[index % COMPANY_WORDS.length]!;
  const trade = COMPANY_TRADES[Math.floor(index / COMPANY_WORDS.length) % COMPANY_TRADES.length]!;
  const variant = Math.floor(index / (COMPANY_WORDS.length * COMPANY_TRADES.length)) % 8;
  const country = COUNTRIES[(index + variant) % COUNTRIES.length]!;
  // Variants 0..n-1 differ by legal form, the others by a distinct suffix: names stay unique.
  const legalForm = country.legalForms[variant % country.legalForms.length]!;
  const region = variant < country.legalForms.length ? '' : ` ${ACCOUNT_SUFFIXES[variant - country.legalForms.length]!}`;
  const name = `${word} ${trade}${region} ${legalForm}`;
  const slug = asciiFold(`${word}-${trade}${region}`).toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const domain = `${slug}.${country.tld}`;
  return { name, website: `https://www.${domain}/`, domain, country };
}

/** The accounts a benchmark creates first, as `store.accounts.add` takes them. */
export function* generateAccounts(count: number, ownerId: number): Generator<NewAccount> {
  if (count > MAX_ACCOUNTS) throw new RangeError(`at most ${MAX_ACCOUNTS} distinct accounts, not ${count}`);
  for (let i = 0; i < count; i++) {
    const { name, website } = accountAt(i);
    yield { name, website, ownerId };
  }
}

export interface ContactOptions {
  /** Seeds every contact (with its index); the same seed gives the same contacts. */
  seed?: number;
  ownerId: number;
  /** The store ids of the accounts made from {@link generateAccounts}, in that order. */
  accountIds: readonly number[];
  /** With a mailbox, every contact comes with a tracking link to an item in it. */
  mailboxId?: number;
}

export const DEFAULT_SEED = 20_240_611;

/** Writes an address the way some people type theirs: `Anna.Schmidt.1x@Nordlicht-Logistik.de`. */
export function capitalised(address: string): string {
  return address.replace(/(^|[.\-@_])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** A person's name: mostly Western, {@link ACCENTED_SHARE} with accents, {@link CJK_SHARE} Chinese, Japanese or Korean. */
export interface Person {
  first: Name;
  last: Name;
  /** As the person writes it: `Anna Schmidt`, or `王伟` (family name first, no space). */
  fullName: string;
}

/** A random person (the draws {@link contactAt} makes for its name). */
export function randomPerson(random: Random): Person {
  if (random() < CJK_SHARE) {
    const { first, last } = pick(random, CJK_NAMES);
    return { first, last, fullName: `${last.text}${first.text}` };
  }
  const first = pick(random, random() < ACCENTED_SHARE ? ACCENTED_FIRST_NAMES : FIRST_NAMES);
  const last = pick(random, random() < ACCENTED_SHARE ? ACCENTED_LAST_NAMES : LAST_NAMES);
  return { first, last, fullName: `${first.text} ${last.text}` };
}

/**
 * A person's work address on `domain` and private address on a free-mail domain, both
 * unique in a set when `unique` is (the contact's index in base 36, say). Two patterns
 * that can never produce the same text: dots in the work address, an underscore in the
 * private one. Some are written in mixed or upper case, as people type them.
 */
export function personEmails(person: Person, unique: string, domain: string, random: Random): { work: string; home: string } {
  const lastAscii = person.last.ascii.replace(/[^a-z]/g, '');
  let work = `${person.first.ascii}.${lastAscii}.${unique}@${domain}`;
  let home = `${person.first.ascii.charAt(0)}${lastAscii}_${unique}@${pick(random, FREE_MAIL_DOMAINS)}`;
  if (random() < 0.15) work = capitalised(work);
  if (random() < 0.05) home = home.toUpperCase();
  return { work, home };
}

/** A street address in `country`, written the way that country writes it. */
export function randomAddress(country: Country, random: Random): PostalAddress {
  const city = pick(random, country.cities);
  const street = pick(random, country.streets);
  const houseNumber = 1 + Math.floor(random() * 180);
  const address: PostalAddress = {
    street: country.numberFirst ? `${houseNumber} ${street}` : `${street} ${houseNumber}`,
    city: city.city,
    postalCode: country.postalCode(random),
    country: country.name,
  };
  if (city.region) address.region = city.region;
  return address;
}

/** The contact at `index`, the same for the same seed and index. */
export function contactAt(index: number, options: ContactOptions): NewTrackedContact {
  const random = mulberry32(mixSeed(options.seed ?? DEFAULT_SEED, index));
  // Skewed towards the first accounts: a few big customers, a long tail of small ones.
  const accountIndex = Math.floor(random() * random() * options.accountIds.length);
  const account = accountAt(accountIndex);
  const country = random() < 0.7 ? account.country : pick(random, COUNTRIES);
  const person = randomPerson(random);
  const { first, last, fullName } = person;
  const { work, home } = personEmails(person, index.toString(36), account.domain, random);

  const address = randomAddress(country, random);
  const fields: ContactFields = {
    firstName: first.text,
    lastName: last.text,
    fullName,
    company: account.name,
    jobTitle: pick(random, JOB_TITLES),
    emails: [work, home],
    phones: { business: country.business(random), mobile: country.mobile(random) },
    addresses: { business: address },
  };
  if (random() < 0.4) fields.department = pick(random, DEPARTMENTS);
  if (random() < 0.3) {
    const a = pick(random, CATEGORIES);
    const b = pick(random, CATEGORIES);
    fields.categories = a === b ? [a] : [a, b];
  }
  if (random() < 0.1) fields.notes = pick(random, NOTES);

  const tracked: NewTrackedContact = {
    contact: {
      ownerId: options.ownerId,
      fields,
      parent: { kind: 'account', id: options.accountIds[accountIndex]! },
    },
  };
  if (options.mailboxId !== undefined) {
    tracked.link = {
      mailboxId: options.mailboxId,
      // A vCard UID, unique by construction (the index is its last group).
      sourceItemId: `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${index.toString(16).padStart(12, '0')}`,
      trackCommunications: false,
      snapshot: undefined,
      sourceVersion: `"${hex(random, 16)}"`,
    };
  }
  return tracked;
}

/** `count` contacts, one at a time. */
export function* generateContacts(count: number, options: ContactOptions): Generator<NewTrackedContact> {
  for (let i = 0; i < count; i++) yield contactAt(i, options);
}

/** The e-mail address `slot` (0 work, 1 private) of the contact at `index`. */
export function emailOf(index: number, slot: 0 | 1, options: ContactOptions): string {
  return contactAt(index, options).contact.fields.emails![slot]!;
}

/** The same address with its letters' case mixed at random (e-mail keys ignore case). */
export function mixCase(address: string, random: Random): string {
  let text = '';
  for (const c of address) text += random() < 0.3 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c;
  return text;
}
