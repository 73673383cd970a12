/**
 * The checks before an undo (PRODUCT.md W10): every record the run wrote must be as the
 * run left it, and nothing written since may depend on what the undo would delete.
 * Each failed check is a sentence about one record; an empty list means the undo may
 * go ahead. On PostgreSQL the records checked are locked (`for update`) until the
 * transaction ends, so they cannot change between the check and the undo; SQLite's
 * write lock already keeps every other writer out.
 */
import type { Kysely } from 'kysely';
import type { ChangedSince } from '../crm-records.js';
import type { Database } from '../database-schema.js';
import type { SqlDialect } from '../migrations/column-types.js';
import { inChunks, type UndoPlan } from './undo-plan.js';

type Trx = Kysely<Database>;

export async function findChanges(trx: Trx, dialect: SqlDialect, plan: UndoPlan): Promise<ChangedSince[]> {
  const changes = new Changes();
  const check = { trx, changes, plan, lock: dialect === 'postgres' };
  await checkContacts(check);
  await checkLinks(check);
  await checkAddedContactsDependents(check);
  await checkPreviousParents(check);
  await checkAccounts(check);
  return changes.list();
}

interface Check {
  trx: Trx;
  changes: Changes;
  plan: UndoPlan;
  /** Lock the rows read (PostgreSQL). */
  lock: boolean;
}

/** Every contact the run wrote still exists at the version the run left it. */
async function checkContacts({ trx, changes, plan, lock }: Check): Promise<void> {
  for (const ids of inChunks(plan.versions.keys())) {
    const rows = await trx.selectFrom('contacts').select(['id', 'rowVersion']).where('id', 'in', ids).$if(lock, (q) => q.forUpdate()).execute();
    const found = new Map(rows.map((r) => [r.id, r.rowVersion]));
    for (const id of ids) {
      const version = found.get(id);
      const left = plan.versions.get(id)!;
      if (version === undefined) changes.add('contact', id, 'deleted since the run');
      else if (version !== left) changes.add('contact', id, `edited since the run (version ${version}, the run left version ${left})`);
    }
  }
}

/** Every link the run made still exists. */
async function checkLinks({ trx, changes, plan, lock }: Check): Promise<void> {
  const contactOfAddedLink = new Map<number, number>();
  for (const [contactId, linkId] of plan.added) if (linkId !== null) contactOfAddedLink.set(linkId, contactId);
  for (const ids of inChunks([...contactOfAddedLink.keys(), ...plan.linked.keys()])) {
    const rows = await trx.selectFrom('trackingLinks').select('id').where('id', 'in', ids).$if(lock, (q) => q.forUpdate()).execute();
    const found = new Set(rows.map((r) => r.id));
    for (const id of ids) {
      if (found.has(id)) continue;
      const added = contactOfAddedLink.get(id);
      if (added !== undefined) changes.add('contact', added, 'untracked since the run');
      else changes.add('link', id, `untracked since the run (it linked contact #${plan.linked.get(id)})`);
    }
  }
}

/** Nothing made since refers to a contact the run added: no other link, no child contact, no activity. */
async function checkAddedContactsDependents({ trx, changes, plan }: Check): Promise<void> {
  const runLinks = new Set(plan.added.values());
  const restoredOrDeleted = (contactId: number) => plan.added.has(contactId) || plan.parents.has(contactId);
  for (const ids of inChunks(plan.added.keys())) {
    const links = await trx.selectFrom('trackingLinks').select(['id', 'contactId']).where('contactId', 'in', ids).execute();
    for (const [id, n] of countBy(links.filter((l) => !runLinks.has(l.id)), (l) => l.contactId!)) {
      changes.add('contact', id, `now tracked by ${plural(n, 'link')} the run did not make`);
    }
    const children = await trx.selectFrom('contacts').select(['id', 'parentContactId']).where('parentContactId', 'in', ids).execute();
    for (const [id, n] of countBy(children.filter((c) => !restoredOrDeleted(c.id)), (c) => c.parentContactId!)) {
      changes.add('contact', id, `now the parent of ${plural(n, 'contact')} the run did not add`);
    }
    for (const [id, n] of await activityCounts(trx, 'contact', ids)) changes.add('contact', id, `now in ${plural(n, 'activity', 'activities')}`);
  }
}

/** The parents that undo would restore still exist. */
async function checkPreviousParents({ trx, changes, plan }: Check): Promise<void> {
  const previous = { account: new Map<number, number>(), contact: new Map<number, number>() };
  for (const [contactId, parent] of plan.parents) if (parent) previous[parent.kind].set(parent.id, contactId);
  for (const kind of ['account', 'contact'] as const) {
    for (const ids of inChunks(previous[kind].keys())) {
      const rows = await trx.selectFrom(kind === 'account' ? 'accounts' : 'contacts').select('id').where('id', 'in', ids).execute();
      const found = new Set(rows.map((r) => r.id));
      for (const id of ids) {
        if (!found.has(id)) changes.add(kind, id, `deleted since the run, so contact #${previous[kind].get(id)} cannot get it back as its parent`);
      }
    }
  }
}

/** Every account the run created still exists unedited, and nothing made since refers to it. */
async function checkAccounts({ trx, changes, plan, lock }: Check): Promise<void> {
  const restoredOrDeleted = (contactId: number) => plan.added.has(contactId) || plan.parents.has(contactId);
  for (const ids of inChunks(plan.accounts)) {
    const rows = await trx.selectFrom('accounts').select(['id', 'createdAt', 'modifiedAt']).where('id', 'in', ids).$if(lock, (q) => q.forUpdate()).execute();
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = found.get(id);
      if (!row) changes.add('account', id, 'deleted since the run');
      else if (row.modifiedAt !== row.createdAt) changes.add('account', id, 'edited since the run');
    }
    const contacts = await trx.selectFrom('contacts').select(['id', 'parentAccountId']).where('parentAccountId', 'in', ids).execute();
    for (const [id, n] of countBy(contacts.filter((c) => !restoredOrDeleted(c.id)), (c) => c.parentAccountId!)) {
      changes.add('account', id, `now the parent of ${plural(n, 'contact')} the run did not add`);
    }
    const accounts = await trx.selectFrom('accounts').select(['id', 'parentAccountId']).where('parentAccountId', 'in', ids).execute();
    for (const [id, n] of countBy(accounts.filter((a) => !plan.accounts.has(a.id)), (a) => a.parentAccountId!)) {
      changes.add('account', id, `now the parent of ${plural(n, 'account')}`);
    }
    for (const [id, n] of await activityCounts(trx, 'account', ids)) changes.add('account', id, `now in ${plural(n, 'activity', 'activities')}`);
  }
}

/** How many activities each record takes part in (as a party) or is the regarding record of. */
async function activityCounts(trx: Trx, kind: 'contact' | 'account', ids: number[]): Promise<Map<number, number>> {
  const [partyColumn, regardingColumn] = kind === 'contact' ? (['contactId', 'regardingContactId'] as const) : (['accountId', 'regardingAccountId'] as const);
  const parties = await trx.selectFrom('activityParties').select(['activityId', `${partyColumn} as recordId`]).where(partyColumn, 'in', ids).execute();
  const regarding = await trx.selectFrom('activities').select(['id as activityId', `${regardingColumn} as recordId`]).where(regardingColumn, 'in', ids).execute();
  const activities = new Map<number, Set<number>>();
  for (const { activityId, recordId } of [...parties, ...regarding]) {
    const set = activities.get(recordId!) ?? new Set<number>();
    activities.set(recordId!, set.add(activityId));
  }
  return new Map([...activities].map(([id, set]) => [id, set.size]));
}

/** Sentences by record, one entry per record however many checks it failed. */
class Changes {
  readonly #byRecord = new Map<string, ChangedSince>();

  add(kind: ChangedSince['kind'], id: number, change: string): void {
    const key = `${kind}:${id}`;
    const known = this.#byRecord.get(key);
    if (known) known.change += `; ${change}`;
    else this.#byRecord.set(key, { kind, id, change });
  }

  list(): ChangedSince[] {
    return [...this.#byRecord.values()];
  }
}

function countBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
