/**
 * How a run's items become `run_items` rows, and the items a committed batch records.
 * Recording an item key again replaces the item (a resumed run, PRODUCT.md W11):
 * `recordItem` (Kysely), SQLite's prepared statement and PostgreSQL's COPY path all
 * write the same values with the same upsert, from here.
 *
 * The details that undo reads (PRODUCT.md W10), by outcome:
 * - `added` (a new contact, `recordId` its id): {@link AddedItemDetail};
 * - `linked` (a link to an existing contact, `recordId` the contact's id): {@link LinkedItemDetail};
 * - `parent-set` (`recordId` the contact's id): {@link ParentSetItemDetail};
 * - `created` (subject `account`, key `account:<name key>`, `recordId` the account's id): {@link AccountCreatedItemDetail}.
 */
import type { Insertable, Kysely } from 'kysely';
import { RecordNotFound, RunClosed } from '../crm-errors.js';
import type { ParentRef, RunBatch, RunItem } from '../crm-records.js';
import type { Database, RunItemsTable } from '../database-schema.js';
import { camel, rowObject } from './row-object.js';
import { toJson } from './store-context.js';

/** The contact the run added and the link it made for it; `rowVersion` is the version the run left (1). */
export interface AddedItemDetail {
  linkId: number;
  rowVersion: number;
}

/** The link the run made to a contact that existed. */
export interface LinkedItemDetail {
  linkId: number;
}

/** The parent the contact had before, and the contact's row version after the change. */
export interface ParentSetItemDetail {
  previous: ParentRef | null;
  rowVersion: number;
}

/** The account's name as created. */
export interface AccountCreatedItemDetail {
  name: string;
}

/** The `run_items` columns, in the order of {@link runItemValues}. */
export const RUN_ITEM_COLUMNS: readonly string[] = ['run_id', 'item_key', 'subject_kind', 'outcome', 'record_id', 'folder', 'reason', 'detail', 'recorded_at'];

/** The columns an item recorded again replaces: all but the key. */
export const RUN_ITEM_REPLACED_COLUMNS: readonly string[] = RUN_ITEM_COLUMNS.slice(2);

/** The upsert clause of every `insert into run_items` (both dialects). */
export const RUN_ITEM_UPSERT = `on conflict (run_id, item_key) do update set ${RUN_ITEM_REPLACED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`;

/** The values of a `run_items` row, in {@link RUN_ITEM_COLUMNS} order. */
export function runItemValues(runId: number, item: RunItem, now: string): unknown[] {
  return [runId, item.itemKey, item.subjectKind, item.outcome, item.recordId ?? null, item.folder ?? null, item.reason ?? null, toJson(item.detail), now];
}

const ITEM_KEYS = RUN_ITEM_COLUMNS.map(camel);
const REPLACED_KEYS = RUN_ITEM_REPLACED_COLUMNS.map(camel);

/** Records one run item, replacing the item of the same key; on `db`, which may be a transaction. */
export async function upsertRunItem(db: Kysely<Database>, runId: number, item: RunItem, now: string): Promise<void> {
  await upsertRunItems(db, runId, [item], now);
}

/** Records run items in one statement (each replacing the item of the same key; the keys must differ). */
export async function upsertRunItems(db: Kysely<Database>, runId: number, items: readonly RunItem[], now: string): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('runItems')
    .values(items.map((item) => rowObject(ITEM_KEYS, runItemValues(runId, item, now)) as Insertable<RunItemsTable>))
    .onConflict((oc) =>
      oc.columns(['runId', 'itemKey']).doUpdateSet((eb) => Object.fromEntries(REPLACED_KEYS.map((key) => [key, eb.ref(`excluded.${key}` as 'excluded.outcome')]))),
    )
    .execute();
}

/** What a batch wrote, in the orders of `added`, `added` then `linked`, and `parentSet`. */
export interface BatchWrites {
  addedContactIds: readonly number[];
  linkIds: readonly number[];
  parentChanges: readonly ParentSetItemDetail[];
}

/**
 * The run items that record a batch: one per added, linked and parent-set contact,
 * then the recorded ones. An item key given twice keeps its last item, as recording
 * it twice would.
 */
export function batchRunItems(batch: RunBatch, writes: BatchWrites): RunItem[] {
  const items = new Map<string, RunItem>();
  const put = (item: RunItem) => {
    items.delete(item.itemKey);
    items.set(item.itemKey, item);
  };
  batch.added.forEach(({ itemKey, folder }, i) => {
    const detail: AddedItemDetail = { linkId: writes.linkIds[i]!, rowVersion: 1 };
    put({ itemKey, subjectKind: 'contact', outcome: 'added', recordId: writes.addedContactIds[i]!, folder, detail });
  });
  batch.linked.forEach(({ itemKey, folder, contactId }, i) => {
    const detail: LinkedItemDetail = { linkId: writes.linkIds[batch.added.length + i]! };
    put({ itemKey, subjectKind: 'contact', outcome: 'linked', recordId: contactId, folder, detail });
  });
  batch.parentSet.forEach(({ itemKey, folder, contactId }, i) => {
    put({ itemKey, subjectKind: 'contact', outcome: 'parent-set', recordId: contactId, folder, detail: writes.parentChanges[i]! });
  });
  for (const item of batch.recorded) put(item);
  return [...items.values()];
}

/** Refuses a write for a run that does not exist or no longer runs (`status` as read, undefined when there is no such run). */
export function checkRunOpen(runId: number, status: string | undefined): void {
  if (status === undefined) throw new RecordNotFound('run', runId);
  if (status !== 'running') throw new RunClosed(runId, status);
}
