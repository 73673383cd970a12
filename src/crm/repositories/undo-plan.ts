/**
 * What undoing a run must do, read from the items it recorded (PRODUCT.md W10), and
 * what each record must still look like for the undo to go ahead. Pure: the checks
 * and the writes are in `undo-checks.ts` and `undo-run.ts`.
 */
import type { ParentRef } from '../crm-records.js';
import type { AddedItemDetail, LinkedItemDetail, ParentSetItemDetail } from './run-item-rows.js';

/** The outcomes undo acts on; the others (`skipped`, `failed`, `warning`, `matched`) wrote nothing. */
export const UNDONE_OUTCOMES = ['added', 'linked', 'parent-set', 'created'] as const;

/** A run item as undo reads it. */
export interface UndoItem {
  subjectKind: string;
  outcome: string;
  recordId: number | null;
  detail: unknown;
}

export interface UndoPlan {
  /** Contacts the run added → the link it made for each (null when the item has none). */
  added: Map<number, number | null>;
  /** Links the run made to contacts that existed: link id → contact id. */
  linked: Map<number, number>;
  /** Contacts whose parent the run set → the parent they had before the run. */
  parents: Map<number, ParentRef | null>;
  /** Accounts the run created. */
  accounts: Set<number>;
  /** Every contact the run wrote → the row version it left the contact at. */
  versions: Map<number, number>;
}

export function planUndo(items: Iterable<UndoItem>): UndoPlan {
  const plan: UndoPlan = { added: new Map(), linked: new Map(), parents: new Map(), accounts: new Set(), versions: new Map() };
  /** For a contact whose parent the run set more than once: the version of the earliest change, whose `previous` is the parent before the run. */
  const earliest = new Map<number, number>();
  const leftAt = (contactId: number, version: number) => plan.versions.set(contactId, Math.max(version, plan.versions.get(contactId) ?? 0));
  for (const item of items) {
    const id = item.recordId;
    if (id === null) continue;
    if (item.subjectKind === 'account') {
      if (item.outcome === 'created') plan.accounts.add(id);
      continue;
    }
    switch (item.outcome) {
      case 'added': {
        const detail = item.detail as Partial<AddedItemDetail> | null;
        plan.added.set(id, detail?.linkId ?? null);
        leftAt(id, detail?.rowVersion ?? 1);
        break;
      }
      case 'linked': {
        const linkId = (item.detail as Partial<LinkedItemDetail> | null)?.linkId;
        if (linkId !== undefined) plan.linked.set(linkId, id);
        break;
      }
      case 'parent-set': {
        const detail = item.detail as ParentSetItemDetail;
        leftAt(id, detail.rowVersion);
        const before = earliest.get(id);
        if (before === undefined || detail.rowVersion < before) {
          earliest.set(id, detail.rowVersion);
          plan.parents.set(id, detail.previous);
        }
        break;
      }
    }
  }
  return plan;
}

/**
 * `items` in slices of at most `size`, for `where id in (…)` lists the databases accept
 * (SQLite takes 32,766 parameters). Large slices keep the number of queries low: for
 * 100,000 contacts, slices of 500 made undo 2.5× slower on PostgreSQL than slices of
 * 5,000, more so while the planner has no statistics for rows a run just wrote.
 */
export function* inChunks<T>(items: Iterable<T>, size = 5_000): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
