/**
 * The benchmark's command-line options, shared by the runner (`run-benchmarks.ts`)
 * and the per-dialect child process (`bench-dialect.ts`), and the targets it checks.
 */
import { parseArgs } from 'node:util';

export type Dialect = 'sqlite' | 'postgres';

/** The benchmark suites: the CRM store (issue 2), the vCard reader and the CSV reader (issue 3), the wizard (issue 4), the wizard through the HTTP API (issue 5). */
export const SUITES = ['store', 'vcard', 'csv', 'wizard', 'api'] as const;
export type Suite = (typeof SUITES)[number];

export interface BenchOptions {
  suites: Suite[];
  dialects: Dialect[];
  contacts: number;
  accounts: number;
  /** Single and batched e-mail lookups; by default one per contact. */
  lookups: number;
  /** Addresses per `findIdsByEmails` call. */
  batch: number;
  seed: number;
  postgresUrl: string;
  out: string;
  /** Write a V8 CPU profile of each dialect's child process to `bench/.data/profiles`. */
  profile: boolean;
  /** Add a tracking link with each contact (the figure has none). */
  links: boolean;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Rates the issue asks for on the 2-core reference machine (per second). */
export const TARGETS: Record<Dialect, Partial<Record<PhaseName, number>>> = {
  sqlite: { addMany: 50_000, findIdsByEmail: 150_000 },
  postgres: { addMany: 25_000 },
};

export type PhaseName = 'generate' | 'accounts' | 'addMany' | 'findIdsByEmail' | 'findIdsByEmails';

export const USAGE = `npm run bench -- [--suite store|vcard|csv|wizard|api|all] [--contacts 100000] [--accounts 5000] [--lookups N] [--batch 1000]
                    [--dialect sqlite|postgres|all] [--pg URL] [--seed N] [--out bench/results.json] [--profile]
                    [--links]   (also add a tracking link with every contact)`;

/** The value of `--name` as a positive whole number (`100_000` and `100,000` are read too), or `fallback` when it is not given. */
export const positiveInteger = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return value;
};

export function parseBenchOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      suite: { type: 'string' },
      contacts: { type: 'string' },
      accounts: { type: 'string' },
      lookups: { type: 'string' },
      batch: { type: 'string' },
      dialect: { type: 'string' },
      pg: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'boolean' },
      links: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const dialect = values.dialect ?? 'all';
  if (!['sqlite', 'postgres', 'all'].includes(dialect)) throw new Error(`--dialect is sqlite, postgres or all, not "${dialect}"`);
  const suite = values.suite ?? 'all';
  if (suite !== 'all' && !(SUITES as readonly string[]).includes(suite)) throw new Error(`--suite is ${SUITES.join(', ')} or all, not "${suite}"`);
  const contacts = positiveInteger('contacts', values.contacts, 100_000);
  return {
    suites: suite === 'all' ? [...SUITES] : [suite as Suite],
    dialects: dialect === 'all' ? ['sqlite', 'postgres'] : [dialect as Dialect],
    contacts,
    accounts: positiveInteger('accounts', values.accounts, 5_000),
    lookups: positiveInteger('lookups', values.lookups, contacts),
    batch: positiveInteger('batch', values.batch, 1_000),
    seed: positiveInteger('seed', values.seed, 20_240_611),
    postgresUrl: values.pg ?? env.LIAISON_TEST_PG ?? DEFAULT_POSTGRES_URL,
    out: values.out ?? 'bench/results.json',
    profile: values.profile ?? false,
    links: values.links ?? false,
  };
}

/** The options again as arguments, for the child process. */
export function toArgs(options: BenchOptions, dialect: Dialect): string[] {
  return [
    '--dialect', dialect,
    '--contacts', String(options.contacts),
    '--accounts', String(options.accounts),
    '--lookups', String(options.lookups),
    '--batch', String(options.batch),
    '--seed', String(options.seed),
    '--pg', options.postgresUrl,
    ...(options.links ? ['--links'] : []),
  ];
}
