/**
 * One dialect's benchmark, run in a process of its own by `run-benchmarks.ts` (so one
 * dialect's peak memory cannot hide the other's). Sends its {@link DialectResult} to
 * the parent over IPC; run alone, it prints the table.
 *
 * Phases, each timed and memory-sampled:
 * 1. generate: the contacts made, without a store (what the generator alone costs; the
 *    contacts are made again before the clock of `addMany` starts).
 * 2. accounts: 1 user, the accounts (`store.accounts.add`), 1 mailbox: setup, no target.
 * 3. addMany: every contact with its 2 e-mails, 2 phones and parent account (and, with
 *    `--links`, a tracking link) in one `store.contacts.addMany` call.
 * 4. findIdsByEmail: one call per address, addresses that exist, random order, mixed case.
 * 5. findIdsByEmails: the same addresses, `batch` per call.
 * Every phase's results are checked, so a broken path cannot print a fast number.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { DatabaseUnavailable, type CrmStore } from '../src/crm/index.js';
import { emailKey } from '../src/domain/email-address.js';
import { parseBenchOptions, TARGETS, type BenchOptions, type Dialect, type PhaseName } from './bench-options.js';
import { formatTable, MB, type DialectResult, type PhaseResult } from './bench-results.js';
import { contactAt, generateAccounts, generateContacts, mixCase, mulberry32, type ContactOptions } from './generate-contacts.js';
import { openBenchStore, type BenchStore } from './bench-store.js';
import { MemorySampler } from './memory-sampler.js';

/** Contacts read back and compared field by field after the bulk insert. */
const SAMPLED_CONTACTS = 25;

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

class Verification {
  readonly checks: string[] = [];
  readonly failures: string[] = [];

  /** Records a check; returns whether it held. */
  check(what: string, ok: boolean, detail = ''): boolean {
    this.checks.push(what);
    if (!ok) this.failures.push(detail ? `${what}: ${detail}` : what);
    return ok;
  }
}

/** Runs the phases on one dialect; never throws (errors end up in the result). */
export async function benchDialect(dialect: Dialect, options: BenchOptions): Promise<DialectResult> {
  const verification = new Verification();
  const result: DialectResult = {
    dialect,
    phases: [],
    verification,
    maxRssMB: 0,
    baselineRssMB: process.memoryUsage.rss() / MB,
    notes: [
      options.links
        ? 'addMany contacts include 2 e-mails, 2 phones, a parent account and a tracking link each (6 rows per contact)'
        : 'addMany contacts include 2 e-mails, 2 phones and a parent account each (5 rows per contact); --links adds a tracking link',
      'addMany is timed on contacts made before its clock starts (see the generate row for the generator alone)',
    ],
  };
  const sampler = await MemorySampler.start();
  const targets = TARGETS[dialect];

  const phase = async <T>(
    name: PhaseName,
    label: string,
    count: number,
    work: () => Promise<T> | T,
    check: (value: T) => boolean | null = () => null,
  ): Promise<T> => {
    collectGarbage();
    const started = performance.now();
    const { result: value, memory } = await sampler.measure(work);
    const seconds = (performance.now() - started) / 1000;
    const verified = check(value);
    const target = targets[name] ?? null;
    const rate = count / seconds;
    const phaseResult: PhaseResult = {
      phase: name,
      label,
      count,
      seconds,
      rate,
      target,
      met: target === null ? null : rate >= target && verified !== false,
      peakRssMB: memory.peakRss / MB,
      maxRssSoFarMB: memory.maxRssSoFar / MB,
      samples: memory.samples,
      verified,
    };
    result.phases.push(phaseResult);
    console.error(`  ${dialect}: ${label}: ${count} in ${seconds.toFixed(3)} s (${Math.round(rate)}/s)${verified === false ? ' WRONG RESULTS' : ''}`);
    return value;
  };

  let opened: BenchStore | undefined;
  try {
    const { contacts: count, accounts: accountCount, seed } = options;
    const fakeAccountIds = Array.from({ length: accountCount }, (_, i) => i + 1);
    try {
      opened = await openBenchStore(dialect, options.postgresUrl);
    } catch (error) {
      if (error instanceof DatabaseUnavailable) {
        result.skipped = error.message;
        return result;
      }
      throw error;
    }
    const { store } = opened;
    result.location = store.location;

    await phase('generate', 'generate contacts only (no store)', count, () => {
      let n = 0;
      for (const tracked of generateContacts(count, { seed, ownerId: 1, accountIds: fakeAccountIds, mailboxId: 1 })) {
        if (tracked.contact.fields.emails?.length === 2) n++;
      }
      return n;
    }, (n) => verification.check('the generator makes every contact with two e-mails', n === count));


    const setup = await phase('accounts', `setup: 1 user, ${accountCount.toLocaleString('en-US')} accounts (accounts.add), 1 mailbox`, accountCount, async () => {
      const user = await store.users.add({ email: 'bench.owner@example.org', name: 'Bench Owner', role: 'admin' });
      const accountIds: number[] = new Array<number>(accountCount);
      // PostgreSQL's pool has 4 connections: 4 adds in flight; SQLite runs them one by one anyway.
      const accounts = [...generateAccounts(accountCount, user.id)];
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < accountCount; i = next++) accountIds[i] = (await store.accounts.add(accounts[i]!)).id;
      };
      await Promise.all(Array.from({ length: dialect === 'postgres' ? 4 : 1 }, worker));
      const mailbox = await store.mailboxes.add({
        ownerId: user.id,
        name: 'Bench address book',
        ownerAddress: 'bench.owner@example.org',
        connector: { kind: 'vcard', settings: { path: 'bench-contacts.vcf' } },
      });
      return { ownerId: user.id, accountIds, mailboxId: mailbox.id };
    }, (s) => verification.check('every account has an id', s.accountIds.every((id) => Number.isInteger(id))));

    const contactOptions: ContactOptions = { seed, ownerId: setup.ownerId, accountIds: setup.accountIds, ...(options.links ? { mailboxId: setup.mailboxId } : {}) };
    const contacts = [...generateContacts(count, contactOptions)];
    const ids = await phase(
      'addMany',
      `addMany: contacts with 2 e-mails, 2 phones, parent${options.links ? ', tracking link' : ''}`,
      count,
      () => store.contacts.addMany(contacts),
      (ids) => verification.check('addMany returns one id per contact', ids.length === count, `${ids.length} ids`) &&
        verification.check('addMany returns distinct ids', new Set(ids).size === count),
    );
    if (ids.length !== count) throw new Error(`addMany returned ${ids.length} ids for ${count} contacts`);
    contacts.length = 0;
    await verifyStored(store, ids, contactOptions, verification);

    // The addresses to look up, made before the clock starts: every contact once, in a
    // random order, its work or private address, letters in a random case.
    const lookups = options.lookups;
    const random = mulberry32(seed ^ 0x5eed);
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const addresses: string[] = new Array<string>(lookups);
    const expected = new Int32Array(lookups);
    for (let k = 0; k < lookups; k++) {
      const index = order[k % count]!;
      const emails = contactAt(index, contactOptions).contact.fields.emails!;
      addresses[k] = mixCase(emails[random() < 0.5 ? 0 : 1]!, random);
      expected[k] = ids[index]!;
    }

    await phase('findIdsByEmail', 'findIdsByEmail: one address per call', lookups, async () => {
      let wrong = 0;
      for (let k = 0; k < lookups; k++) {
        const found = await store.contacts.findIdsByEmail(addresses[k]!);
        if (found.length !== 1 || found[0] !== expected[k]) wrong++;
      }
      return wrong;
    }, (wrong) => verification.check('findIdsByEmail finds exactly the right contact for every address', wrong === 0, `${wrong} wrong`));

    const batch = options.batch;
    await phase('findIdsByEmails', `findIdsByEmails: ${batch.toLocaleString('en-US')} addresses per call`, lookups, async () => {
      const maps: Map<string, number[]>[] = [];
      for (let k = 0; k < lookups; k += batch) maps.push(await store.contacts.findIdsByEmails(addresses.slice(k, k + batch)));
      return maps;
    }, (maps) => {
      let wrong = 0;
      maps.forEach((map, m) => {
        for (let k = m * batch; k < Math.min(lookups, (m + 1) * batch); k++) {
          const found = map.get(emailKey(addresses[k]!));
          if (found?.length !== 1 || found[0] !== expected[k]) wrong++;
        }
      });
      return verification.check('findIdsByEmails maps every address to exactly the right contact', wrong === 0, `${wrong} wrong`);
    });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    if (process.env.BENCH_DEBUG) console.error(error);
  } finally {
    if (opened) await opened.cleanUp().catch((error: unknown) => result.notes.push(`clean-up failed: ${String(error)}`));
    await sampler.stop();
    result.maxRssMB = (process.resourceUsage().maxRSS * 1024) / MB;
  }
  return result;
}

/** Reads back the count and a sample of contacts and links and compares them with what was generated. */
async function verifyStored(store: CrmStore, ids: readonly number[], options: ContactOptions, verification: Verification): Promise<void> {
  const count = ids.length;
  const stored = await store.contacts.count();
  verification.check('the store counts every contact added', stored === count, `count() is ${stored}, not ${count}`);
  const random = mulberry32((options.seed ?? 1) ^ 0xc0ffee);
  const indexes = [0, count - 1, ...Array.from({ length: SAMPLED_CONTACTS - 2 }, () => Math.floor(random() * count))];
  let wrong = 0;
  const details: string[] = [];
  for (const index of indexes) {
    const { contact, link } = contactAt(index, options);
    const got = await store.contacts.find(ids[index]!);
    const f = contact.fields;
    const same =
      got !== undefined &&
      isDeepStrictEqual(got.parent, contact.parent) &&
      isDeepStrictEqual(
        [got.firstName, got.lastName, got.fullName, got.company, got.jobTitle, got.department, got.notes, got.emails, got.phones, got.addresses, got.categories],
        [f.firstName, f.lastName, f.fullName, f.company, f.jobTitle, f.department, f.notes, f.emails, f.phones, f.addresses, f.categories],
      );
    const storedLink = link && (await store.links.findBySourceItem(link.mailboxId, link.sourceItemId));
    const linked = link === undefined || (storedLink !== undefined && storedLink.contactId === ids[index] && storedLink.sourceVersion === link.sourceVersion);
    if (!same || !linked) {
      wrong++;
      if (details.length < 3) details.push(`contact #${index} (id ${ids[index]}): ${!same ? 'fields differ' : 'link missing or wrong'}`);
    }
  }
  verification.check(
    `${indexes.length} sampled contacts read back equal to what was generated, with their tracking links if any`,
    wrong === 0,
    details.join('; '),
  );
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const dialect = options.dialects.length === 1 ? options.dialects[0]! : 'sqlite';
  const result = await benchDialect(dialect, options);
  if (process.send) {
    await new Promise<void>((done) => process.send!({ type: 'result', result }, () => done()));
    process.disconnect();
  } else {
    console.log(formatTable([result]));
    if (result.verification.failures.length > 0) console.log(`wrong results: ${result.verification.failures.join('; ')}`);
  }
  if (result.error || result.verification.failures.length > 0) process.exitCode = 1;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
