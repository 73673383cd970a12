import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCrmStore, RunClosed, type CrmStore, type Mailbox, type Run, type User } from '../../src/crm/index.js';
import { DIALECTS, TEST_SECRET_BOX, useFreshStore } from '../crm-dialects.js';
import { newAccount, newMailbox, newRun, newUser } from '../store-fixtures.js';

/** 50 company names; the second run writes each differently, the same name under W3. */
const NAMES = Array.from({ length: 50 }, (_, i) => `Company ${i} Ltd`);
const VARIANT = (name: string) => `  ${name.toUpperCase().replace(' ', '   ')} `;

describe.each(DIALECTS)('claiming the account of a company name on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  let location: string;
  let mailbox: Mailbox;
  let run: Run;
  useFreshStore(dialect, (t) => ({ store, owner, location } = t));
  beforeEach(async () => {
    mailbox = await newMailbox(store, owner);
    run = await newRun(store, owner, mailbox);
  });

  it('creates the account once per name in a run, with its run item', async () => {
    const first = await store.runs.claimAccount(run.id, ' Contoso   Ltd ', owner.id);
    expect(first).toMatchObject({ created: true, ambiguous: [], account: { name: 'Contoso Ltd', ownerId: owner.id } });
    const again = await store.runs.claimAccount(run.id, 'CONTOSO LTD', owner.id);
    expect(again).toEqual(first);
    expect(await store.accounts.count()).toBe(1);
    expect(await store.runs.items(run.id)).toEqual([
      { itemKey: 'account:contoso ltd', subjectKind: 'account', outcome: 'created', recordId: first.account.id, folder: null, reason: null, detail: { name: 'Contoso Ltd' } },
    ]);
  });

  it('claims many names at once, across several transactions, one claim per name given and in its order', async () => {
    const other = await newUser(store);
    const mine = await newAccount(store, owner, 'Company 7 Ltd');
    const older = await newAccount(store, other, 'company 9 ltd');
    const theirsToo = await newAccount(store, other, 'COMPANY 9 LTD');
    const names = Array.from({ length: 600 }, (_, i) => `Company ${i} Ltd`);
    const claims = await store.runs.claimAccounts(run.id, [...names, 'company  3 ltd'], owner.id);
    expect(claims).toHaveLength(601);
    expect(claims[600]).toEqual(claims[3]);
    expect(claims[7]).toEqual({ account: mine, created: false, ambiguous: [] });
    expect(claims[9]).toEqual({ account: older, created: false, ambiguous: [older, theirsToo] });
    expect(claims.slice(0, 600).filter((c) => c.created)).toHaveLength(598);
    expect(new Set(claims.map((c) => c.account.id)).size).toBe(600);
    expect(claims[0]!.account).toMatchObject({ name: 'Company 0 Ltd', ownerId: owner.id });
    expect(await store.accounts.count()).toBe(601);
    const created = (await store.runs.items(run.id)).filter((i) => i.outcome === 'created');
    expect(created).toHaveLength(598);
    // Claimed again (a resumed run), nothing new is created.
    expect(await store.runs.claimAccounts(run.id, names.slice(0, 300).reverse(), owner.id)).toEqual(claims.slice(0, 300).reverse());
    expect(await store.accounts.count()).toBe(601);
  });

  it("a resumed run gets back the account it created, even when another of that name appeared since", async () => {
    const claimed = await store.runs.claimAccount(run.id, 'Contoso', owner.id);
    await newAccount(store, await newUser(store), 'contoso');
    expect(await store.runs.claimAccount(run.id, 'Contoso', owner.id)).toEqual(claimed);
  });

  it('another run uses the account that exists, and records nothing', async () => {
    const existing = await newAccount(store, owner, 'Contoso');
    expect(await store.runs.claimAccount(run.id, 'contoso', owner.id)).toEqual({ account: existing, created: false, ambiguous: [] });
    expect(await store.runs.items(run.id)).toEqual([]);
  });

  it('among several of the name: the oldest the user owns, else the oldest, and all of them as ambiguous', async () => {
    const someoneElse = await newUser(store);
    const oldest = await newAccount(store, someoneElse, 'Contoso');
    const owned = await newAccount(store, owner, 'CONTOSO');
    const ownedLater = await newAccount(store, owner, 'contoso');
    const all = [oldest, owned, ownedLater];
    expect(await store.runs.claimAccount(run.id, 'Contoso', owner.id)).toEqual({ account: owned, created: false, ambiguous: all });
    const stranger = await newUser(store);
    expect(await store.runs.claimAccount(run.id, 'Contoso', stranger.id)).toEqual({ account: oldest, created: false, ambiguous: all });
  });

  it('a run that ended claims nothing', async () => {
    await store.runs.finish(run.id, 'finished', {});
    await expect(store.runs.claimAccount(run.id, 'Contoso', owner.id)).rejects.toMatchObject(new RunClosed(run.id, 'finished'));
    expect(await store.accounts.count()).toBe(0);
  });

  it('two runs on two connections claiming the same 50 names at once create each account once', async () => {
    const other = await openCrmStore(location, { secretBox: () => TEST_SECRET_BOX });
    try {
      const otherRun = await newRun(other, owner, mailbox);
      const claims = await Promise.all([
        ...NAMES.map(async (name) => ({ name, ...(await store.runs.claimAccount(run.id, name, owner.id)) })),
        ...NAMES.map(async (name) => ({ name, ...(await other.runs.claimAccount(otherRun.id, VARIANT(name), owner.id)) })),
      ]);
      expectEachCreatedOnce(claims.map((c) => ({ name: c.name, id: c.account.id, created: c.created })));
      expect(await store.accounts.count()).toBe(NAMES.length);
    } finally {
      await other.close();
    }
  });

  it('two processes claiming the same 50 names at once create each account once', async () => {
    const otherRun = await newRun(store, owner, mailbox);
    const child = spawn(TSX, [CHILD, location, String(otherRun.id), String(owner.id), ...NAMES.map(VARIANT)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = readLines(child.stdout);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(await lines.next()).toBe('ready');
    child.stdin.end('go\n');
    const mine = [];
    for (const name of NAMES) {
      const { account, created } = await store.runs.claimAccount(run.id, name, owner.id);
      mine.push({ name, id: account.id, created });
    }
    const theirs = JSON.parse(await lines.next()) as { name: string; id: number; created: boolean }[];
    expect(await exited).toBe(0);
    expectEachCreatedOnce([...mine, ...theirs]);
    expect(await store.accounts.count()).toBe(NAMES.length);
  });
});

const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const CHILD = fileURLToPath(new URL('./claim-accounts-process.ts', import.meta.url));

/** For each name (any spelling), both claims got the same account, and exactly one of them created it. */
function expectEachCreatedOnce(claims: { name: string; id: number; created: boolean }[]): void {
  const byName = new Map<string, { id: number; created: boolean }[]>();
  for (const claim of claims) {
    const key = claim.name.trim().toLowerCase().replace(/\s+/g, ' ');
    byName.set(key, [...(byName.get(key) ?? []), claim]);
  }
  expect(byName.size).toBe(NAMES.length);
  for (const [name, pair] of byName) {
    expect(pair, name).toHaveLength(2);
    expect(new Set(pair.map((c) => c.id)).size, name).toBe(1);
    expect(pair.filter((c) => c.created), name).toHaveLength(1);
  }
}

/** The lines a stream writes, one `next()` at a time; a line asked for after the stream ended is an error. */
function readLines(stream: NodeJS.ReadableStream): { next(): Promise<string> } {
  const lines: string[] = [];
  const waiting: { resolve(line: string): void; reject(error: Error): void }[] = [];
  let rest = '';
  let ended = false;
  const gone = () => new Error('the other process ended without answering (its error is above)');
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      const reader = waiting.shift();
      if (reader) reader.resolve(line);
      else lines.push(line);
    }
  });
  stream.on('end', () => {
    ended = true;
    for (const reader of waiting.splice(0)) reader.reject(gone());
  });
  return {
    next: () => {
      if (lines.length > 0) return Promise.resolve(lines.shift()!);
      if (ended) return Promise.reject(gone());
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
