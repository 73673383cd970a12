/**
 * The Add Contacts wizard's benchmark mailbox (PRODUCT.md W1–W11): a vCard folder tree
 * of `contacts` contacts over `companies` companies, deterministic for a seed.
 *
 * - Folders: the root (the default "Contacts" folder) and eleven subfolders, some nested
 *   (`Clients/Europe/DACH`), plus `Archive`, which holds only a subfolder. Each folder's
 *   cards go into files of `cardsPerFile` cards (`contacts-0001.vcf`, …): 100,000
 *   contacts make about 210 files.
 * - Companies: every company has at least one contact (when there are at least as many
 *   contacts as companies); the others go mostly to the first companies (a few big
 *   customers, a long tail). Names are two words, a trade and a legal form (`Acme Fjord
 *   Energy AG`), no two of them variants of each other. A share of the companies
 *   (`variantShare`, 15%) are spelled two to four other ways by half of their contacts,
 *   as people type them: `ACME FJORD ENERGY AG`, `Acme Fjord Energy, AG`, `… AG.`, no
 *   legal form, another legal form, a trailing space, a double space, a letter missing.
 * - Contacts: names from `generate-contacts.ts` (accents, a few CJK); e-mails mostly on
 *   the company's domain, some only a free-mail one (gmail.com, gmx.de, orange.fr…),
 *   2% none; 0–3 categories; 5% no company (most of them in `Personal`), 0.5% no name.
 *
 * {@link describeWizardMailbox} computes, without writing anything, what a reader must
 * find: contacts per folder, every distinct company name as read, the spellings of each
 * company spelled several ways. Everything is a pure function of `(seed, index)`.
 *
 *   npx tsx bench/generate-wizard-mailbox.ts --contacts 100000 --companies 5000 --out bench/.data/wizard
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ContactFields } from '../src/domain/contact.js';
import { writeVCard } from '../src/mailbox/vcard/write-vcard.js';
import { ROOT_FOLDER } from '../src/mailbox/vcard/vcard-mailbox.js';
import { positiveInteger } from './bench-options.js';
import { clearVCardTree } from './clear-vcard-tree.js';
import {
  asciiFold, CATEGORIES, COMPANY_TRADES, COMPANY_WORDS, COUNTRIES, DEFAULT_SEED, DEPARTMENTS, JOB_TITLES, mixSeed, mulberry32,
  personEmails, pick, randomPerson, type Country, type Random,
} from './generate-contacts.js';

export interface WizardMailboxOptions {
  /** Default 100,000. */
  contacts?: number;
  /** Default 5,000; at most {@link MAX_WIZARD_COMPANIES}. */
  companies?: number;
  seed?: number;
  /** Default 500. */
  cardsPerFile?: number;
  /** The share of companies spelled several ways; default 0.15. */
  variantShare?: number;
}

type Resolved = Required<WizardMailboxOptions>;

const DEFAULTS: Resolved = { contacts: 100_000, companies: 5_000, seed: DEFAULT_SEED, cardsPerFile: 500, variantShare: 0.15 };

function resolve(options: WizardMailboxOptions): Resolved {
  const resolved = { ...DEFAULTS, ...options };
  if (resolved.companies < 1 || resolved.companies > MAX_WIZARD_COMPANIES) {
    throw new RangeError(`companies must be from 1 to ${MAX_WIZARD_COMPANIES}, not ${resolved.companies}`);
  }
  return resolved;
}

/** Folders below the root, with the share of contacts each gets (the root has the rest). */
const SUBFOLDERS: readonly (readonly [string, number])[] = [
  ['Clients', 0.15],
  ['Clients/Europe', 0.1],
  ['Clients/Europe/DACH', 0.05],
  ['Clients/Americas', 0.06],
  ['Clients/Asia', 0.03],
  ['Suppliers', 0.1],
  ['Suppliers/Logistics', 0.04],
  ['Partners', 0.06],
  ['Press', 0.03],
  ['Personal', 0.04],
  ['Archive/2019', 0.04],
];
const PERSONAL = 'Personal';

/** Every folder the tree has, as the mailbox names them, parents first. */
export const WIZARD_FOLDERS: readonly string[] = [
  ROOT_FOLDER,
  ...[...new Set(SUBFOLDERS.flatMap(([dir]) => dir.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))))]
    .sort()
    .map((dir) => `${ROOT_FOLDER}/${dir}`),
];

/**
 * Words a letter or two away from another ("Logistik" and "Logistics", "Orion" and
 * "Horizon") would make two different companies look like variants of each other: the
 * only variants in the tree are the ones made on purpose.
 */
const TRADES = COMPANY_TRADES.filter((trade) => trade !== 'Logistik');
const WORDS = COMPANY_WORDS.filter((word) => word !== 'Orion');

/** How many companies have distinct names: two different words and a trade. */
export const MAX_WIZARD_COMPANIES = TRADES.length * WORDS.length * (WORDS.length - 1);

export interface WizardCompany {
  /** The name as most of its contacts spell it: `Acme Fjord Energy AG`. */
  name: string;
  /** The name without its legal form. */
  base: string;
  legalForm: string;
  domain: string;
  country: Country;
  /** Other ways its contacts spell it; empty for most companies. */
  variants: string[];
}

const COMPANY_SALT = 0x5eed_c0de;
const OTHER_LEGAL_FORMS = ['Inc.', 'Ltd', 'GmbH', 'SA', 'Limited', 'Corp.'];

/** The ways people misspell a company (each may give the name back; those are dropped). */
const VARIANT_FORMS: readonly ((c: WizardCompany, random: Random) => string)[] = [
  (c) => c.name.toUpperCase(),
  (c) => `${c.base}, ${c.legalForm}`,
  (c) => (c.legalForm.endsWith('.') ? `${c.base} ${c.legalForm.slice(0, -1)}` : `${c.name}.`),
  (c) => c.base,
  (c, random) => `${c.base} ${pick(random, OTHER_LEGAL_FORMS.filter((form) => form !== c.legalForm))}`,
  (c) => `${c.name} `,
  (c) => c.name.replace(' ', '  '),
  (c, random) => {
    const words = c.base.split(' ');
    const trade = words.pop()!;
    const at = 1 + Math.floor(random() * (trade.length - 2));
    return [...words, trade.slice(0, at) + trade.slice(at + 1)].join(' ') + ` ${c.legalForm}`;
  },
];

const companyCache = new Map<string, WizardCompany>();

/** Company `index` for a seed: its name, domain and country, and how else it is spelled. */
export function wizardCompanyAt(index: number, seed: number, variantShare: number): WizardCompany {
  const key = `${seed}:${variantShare}:${index}`;
  let company = companyCache.get(key);
  if (!company) {
    company = makeCompany(index, seed, variantShare);
    if (companyCache.size > 100_000) companyCache.clear();
    companyCache.set(key, company);
  }
  return company;
}

function makeCompany(index: number, seed: number, variantShare: number): WizardCompany {
  const random = mulberry32(mixSeed(seed ^ COMPANY_SALT, index));
  // A bijection of [0, MAX_WIZARD_COMPANIES) (7919 is prime and does not divide it): neighbours get unlike names.
  const scrambled = (index * 7919) % MAX_WIZARD_COMPANIES;
  const trade = TRADES[scrambled % TRADES.length]!;
  const pair = Math.floor(scrambled / TRADES.length);
  const first = pair % WORDS.length;
  const second = (first + 1 + Math.floor(pair / WORDS.length)) % WORDS.length;
  const base = `${WORDS[first]} ${WORDS[second]} ${trade}`;
  const country = pick(random, COUNTRIES);
  const legalForm = pick(random, country.legalForms);
  const slug = asciiFold(base).toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const company: WizardCompany = { name: `${base} ${legalForm}`, base, legalForm, domain: `${slug}.${country.tld}`, country, variants: [] };
  if (random() < variantShare) {
    const wanted = 2 + Math.floor(random() * 3);
    const forms = [...VARIANT_FORMS];
    while (company.variants.length < wanted && forms.length > 0) {
      const variant = forms.splice(Math.floor(random() * forms.length), 1)[0]!(company, random);
      if (variant !== company.name && !company.variants.includes(variant)) company.variants.push(variant);
    }
  }
  return company;
}

export interface WizardContact {
  uid: string;
  /** The folder's path, as the mailbox names it. */
  folder: string;
  fields: ContactFields;
  /** The company the contact works for (its text may be left out, or spelled a variant way). */
  companyIndex: number;
}

/** The contact at `index`: the same for the same options. */
export function wizardContactAt(index: number, options: WizardMailboxOptions = {}): WizardContact {
  const { seed, companies, variantShare } = resolve(options);
  const random = mulberry32(mixSeed(seed, index));
  const companyIndex = index < companies ? index : Math.floor(random() * random() * companies);
  const company = wizardCompanyAt(companyIndex, seed, variantShare);
  const person = randomPerson(random);
  const { work, home } = personEmails(person, index.toString(36), company.domain, random);
  const fields: ContactFields = { firstName: person.first.text, lastName: person.last.text, fullName: person.fullName };
  const hasCompany = random() >= 0.05;
  const mail = random();
  if (hasCompany) {
    fields.company = company.variants.length > 0 && random() < 0.5 ? pick(random, company.variants) : company.name;
    fields.jobTitle = pick(random, JOB_TITLES);
    if (random() < 0.3) fields.department = pick(random, DEPARTMENTS);
    if (mail >= 0.02) fields.emails = mail < 0.12 ? [home] : mail < 0.45 ? [work, home] : [work];
  } else if (mail >= 0.1) {
    fields.emails = [home];
  }
  fields.phones = { business: company.country.business(random), mobile: company.country.mobile(random) };
  const categoryCount = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3][Math.floor(random() * 10)]!;
  const categories = new Set<string>();
  while (categories.size < categoryCount) categories.add(pick(random, CATEGORIES));
  if (categories.size > 0) fields.categories = [...categories];
  if (hasCompany && random() < 0.005) {
    delete fields.firstName;
    delete fields.lastName;
    delete fields.fullName;
  }
  let folder = ROOT_FOLDER;
  if (!hasCompany && random() < 0.6) folder = `${ROOT_FOLDER}/${PERSONAL}`;
  else {
    let draw = random();
    for (const [dir, share] of SUBFOLDERS) {
      draw -= share;
      if (draw < 0) {
        folder = `${ROOT_FOLDER}/${dir}`;
        break;
      }
    }
  }
  return { uid: `${mixSeed(seed, index).toString(16).padStart(8, '0')}-wizard-${index.toString(36)}`, folder, fields, companyIndex };
}

export interface WizardMailboxWritten {
  files: number;
  bytes: number;
}

/**
 * Writes the tree into `directory` (emptied first; a folder holding anything but .vcf
 * files is refused). Each folder's cards are kept until a file is full, then written:
 * at most one file's worth of cards per folder is in memory.
 */
export async function writeWizardMailbox(directory: string, options: WizardMailboxOptions = {}): Promise<WizardMailboxWritten> {
  const resolved = resolve(options);
  await clearVCardTree(directory);
  const pending = new Map<string, { cards: string[]; files: number }>();
  for (const folder of WIZARD_FOLDERS) {
    await mkdir(join(directory, folder.slice(ROOT_FOLDER.length)), { recursive: true });
    pending.set(folder, { cards: [], files: 0 });
  }
  const written: WizardMailboxWritten = { files: 0, bytes: 0 };
  const flush = async (folder: string) => {
    const state = pending.get(folder)!;
    if (state.cards.length === 0) return;
    const text = state.cards.join('');
    state.cards = [];
    state.files++;
    const name = `contacts-${String(state.files).padStart(4, '0')}.vcf`;
    await writeFile(join(directory, folder.slice(ROOT_FOLDER.length), name), text);
    written.files++;
    written.bytes += Buffer.byteLength(text);
  };
  for (let i = 0; i < resolved.contacts; i++) {
    const contact = wizardContactAt(i, resolved);
    const state = pending.get(contact.folder)!;
    state.cards.push(writeVCard(contact, '3.0'));
    if (state.cards.length === resolved.cardsPerFile) await flush(contact.folder);
  }
  for (const folder of WIZARD_FOLDERS) await flush(folder);
  return written;
}

export interface CompanyCount {
  name: string;
  count: number;
}

export interface WizardMailboxExpectation {
  contacts: number;
  /** Folder path → contacts in it, not counting subfolders; every folder is there. */
  folders: Record<string, number>;
  /** Every distinct company name as the reader gives it (trimmed), with its contacts, by name. */
  companies: CompanyCount[];
  /** Each company its contacts spell two or more ways: the spellings as read, most used first. */
  variantFamilies: CompanyCount[][];
  /** Category → contacts that have it. */
  categories: Record<string, number>;
  noCompany: number;
  noEmail: number;
  noName: number;
}

const byName = (a: CompanyCount, b: CompanyCount) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** What reading the tree {@link writeWizardMailbox} writes with these options must give. */
export function describeWizardMailbox(options: WizardMailboxOptions = {}): WizardMailboxExpectation {
  const resolved = resolve(options);
  const folders: Record<string, number> = Object.fromEntries(WIZARD_FOLDERS.map((folder) => [folder, 0]));
  const companies = new Map<string, number>();
  const families = new Map<number, Map<string, number>>();
  const categories: Record<string, number> = {};
  let noCompany = 0;
  let noEmail = 0;
  let noName = 0;
  for (let i = 0; i < resolved.contacts; i++) {
    const { folder, fields, companyIndex } = wizardContactAt(i, resolved);
    folders[folder]!++;
    if (!fields.emails) noEmail++;
    if (!fields.fullName) noName++;
    for (const category of fields.categories ?? []) categories[category] = (categories[category] ?? 0) + 1;
    if (fields.company === undefined) {
      noCompany++;
      continue;
    }
    const name = fields.company.trim();
    companies.set(name, (companies.get(name) ?? 0) + 1);
    if (wizardCompanyAt(companyIndex, resolved.seed, resolved.variantShare).variants.length > 0) {
      const spellings = families.get(companyIndex) ?? new Map<string, number>();
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
      families.set(companyIndex, spellings);
    }
  }
  const variantFamilies = [...families.values()]
    .filter((spellings) => spellings.size > 1)
    .map((spellings) => [...spellings].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || byName(a, b)))
    .sort((a, b) => byName(a[0]!, b[0]!));
  return {
    contacts: resolved.contacts,
    folders,
    companies: [...companies].map(([name, count]) => ({ name, count })).sort(byName),
    variantFamilies,
    categories,
    noCompany,
    noEmail,
    noName,
  };
}

const USAGE = `Writes the Add Contacts wizard's benchmark mailbox: a vCard folder tree, the root being
the default "Contacts" folder, with twelve subfolders, some nested.

  npx tsx bench/generate-wizard-mailbox.ts [options]

Options:
  --contacts N        how many contacts (default 100000)
  --companies N       over how many companies, at most ${MAX_WIZARD_COMPANIES} (default 5000)
  --seed N            the same seed writes the same bytes (default ${DEFAULT_SEED})
  --cards-per-file N  cards in each .vcf file (default 500)
  --out DIR           where to write (default bench/.data/wizard); emptied first, and
                      refused if it holds anything but .vcf files
  -h, --help          this text

Example:
  npx tsx bench/generate-wizard-mailbox.ts --contacts 100000 --companies 5000 --out bench/.data/wizard`;

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      contacts: { type: 'string' },
      companies: { type: 'string' },
      seed: { type: 'string' },
      'cards-per-file': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const options: Resolved = {
    contacts: positiveInteger('contacts', values.contacts, DEFAULTS.contacts),
    companies: positiveInteger('companies', values.companies, DEFAULTS.companies),
    seed: positiveInteger('seed', values.seed, DEFAULTS.seed),
    cardsPerFile: positiveInteger('cards-per-file', values['cards-per-file'], DEFAULTS.cardsPerFile),
    variantShare: DEFAULTS.variantShare,
  };
  const out = values.out ?? 'bench/.data/wizard';
  const started = performance.now();
  const written = await writeWizardMailbox(out, options);
  const seconds = (performance.now() - started) / 1000;
  const expected = describeWizardMailbox(options);
  console.log(`${out}: ${expected.contacts} contacts in ${written.files} files, ${(written.bytes / 1e6).toFixed(1)} MB, in ${seconds.toFixed(1)} s`);
  for (const [folder, count] of Object.entries(expected.folders)) console.log(`  ${folder.padEnd(32)} ${String(count).padStart(8)}`);
  console.log(`${expected.companies.length} distinct company names; ${expected.variantFamilies.length} companies spelled several ways`);
  console.log(`${expected.noCompany} without a company, ${expected.noEmail} without an e-mail, ${expected.noName} without a name`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 2;
  });
}
