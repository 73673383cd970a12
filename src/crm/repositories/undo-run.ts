/**
 * Undo of a run (PRODUCT.md W10), in one write transaction: the contacts and accounts it
 * created are deleted (their e-mails, phones and conflicts with them), the links it made
 * are removed, the parents it set are restored; then the run is `undone`. Only while
 * none of those records changed since (`undo-checks.ts`): otherwise nothing changes and
 * the list of what changed is returned. A run that was interrupted (still `running`)
 * may be undone; one undone already may not. Writes go by chunks of ids, not by row.
 */
import type { Kysely } from 'kysely';
import { RecordNotFound, RunNotUndoable } from '../crm-errors.js';
import type { ChangedSince } from '../crm-records.js';
import type { Database } from '../database-schema.js';
import { parentColumns } from './contact-rows.js';
import { fromJson, type StoreContext } from './store-context.js';
import { findChanges } from './undo-checks.js';
import { inChunks, planUndo, UNDONE_OUTCOMES, type UndoPlan } from './undo-plan.js';

export async function undoRun(ctx: StoreContext, runId: number): Promise<{ undone: true } | { undone: false; changed: ChangedSince[] }> {
  return ctx.writeTransaction(async (trx) => {
    const run = await trx
      .selectFrom('runs')
      .select(['status', 'finishedAt'])
      .where('id', '=', runId)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!run) throw new RecordNotFound('run', runId);
    if (run.status === 'undone') throw new RunNotUndoable(runId, 'it was undone already');
    const items = await trx
      .selectFrom('runItems')
      .select(['subjectKind', 'outcome', 'recordId', 'detail'])
      .where('runId', '=', runId)
      .where('outcome', 'in', UNDONE_OUTCOMES)
      .execute();
    const plan = planUndo(items.map((item) => ({ ...item, detail: fromJson(item.detail) })));
    const changed = await findChanges(trx, ctx.dialect, plan);
    if (changed.length > 0) return { undone: false, changed };
    const now = ctx.now();
    await applyUndo(trx, plan, now);
    await trx.updateTable('runs').set({ status: 'undone', finishedAt: run.finishedAt ?? now }).where('id', '=', runId).execute();
    return { undone: true };
  });
}

async function applyUndo(trx: Kysely<Database>, plan: UndoPlan, now: string): Promise<void> {
  // Parents first: a contact that gets its parent back counts as a change of it (row version + 1).
  const byParent = new Map<string, { columns: [number | null, number | null]; contactIds: number[] }>();
  for (const [contactId, previous] of plan.parents) {
    if (plan.added.has(contactId)) continue; // deleted below
    const columns = parentColumns(previous);
    const key = columns.join(':');
    const group = byParent.get(key) ?? { columns, contactIds: [] };
    byParent.set(key, group);
    group.contactIds.push(contactId);
  }
  for (const { columns: [parentAccountId, parentContactId], contactIds } of byParent.values()) {
    for (const ids of inChunks(contactIds)) {
      await trx
        .updateTable('contacts')
        .set((eb) => ({ parentAccountId, parentContactId, rowVersion: eb('rowVersion', '+', 1), modifiedAt: now }))
        .where('id', 'in', ids)
        .execute();
    }
  }
  const links = [...[...plan.added.values()].filter((id): id is number => id !== null), ...plan.linked.keys()];
  for (const ids of inChunks(links)) await trx.deleteFrom('trackingLinks').where('id', 'in', ids).execute();
  for (const ids of inChunks(plan.added.keys())) await trx.deleteFrom('contacts').where('id', 'in', ids).execute();
  for (const ids of inChunks(plan.accounts)) await trx.deleteFrom('accounts').where('id', 'in', ids).execute();
}
