/**
 * Undo of a run (PRODUCT.md W10): what it created is removed, what it linked is
 * unlinked, the parents it set are restored, all in one transaction and only while none
 * of those records changed since; otherwise nothing changes and the user gets the list.
 */
import type { CrmStore } from '../crm/index.js';
import { findUsersRun } from './read-runs.js';
import { readRunSummary, type RunSummary } from './run-summary.js';
import { RunChangedSince } from './tracking-errors.js';

export async function undoRun(store: CrmStore, runId: number, userEmail?: string): Promise<RunSummary> {
  const run = await findUsersRun(store, runId, userEmail);
  const result = await store.runs.undo(run.id);
  if (!result.undone) throw new RunChangedSince(run.id, result.changed);
  return readRunSummary(store, run.id);
}
