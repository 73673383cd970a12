/**
 * Runs as their user reads them again (PRODUCT.md W10): the list, and one run's summary.
 * A user sees only their own runs (X2): another user's run is "not found".
 */
import { RecordNotFound, type CrmStore, type Run } from '../crm/index.js';
import { resolveActingUser } from './resolve-acting-user.js';
import { readRunSummary, type RunSummary } from './run-summary.js';

export async function listRuns(store: CrmStore, userEmail?: string, page: { limit?: number; offset?: number } = {}): Promise<Run[]> {
  const user = await resolveActingUser(store, userEmail);
  return store.runs.list({ ...page, userId: user.id });
}

/** A run of the user's, or RecordNotFound. */
export async function findUsersRun(store: CrmStore, runId: number, userEmail?: string): Promise<Run> {
  const user = await resolveActingUser(store, userEmail);
  const run = await store.runs.getOrThrow(runId);
  if (run.userId !== user.id) throw new RecordNotFound('run', runId);
  return run;
}

/** A run's summary again; the skipped contacts are listed only with `skipped`. */
export async function showRun(store: CrmStore, runId: number, userEmail?: string, options: { skipped?: boolean } = {}): Promise<{ run: Run; summary: RunSummary }> {
  const run = await findUsersRun(store, runId, userEmail);
  return { run, summary: await readRunSummary(store, run.id, options) };
}
