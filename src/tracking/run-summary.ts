/**
 * A run's summary (PRODUCT.md W10), always computed from the items the run recorded, so
 * that a resumed run's summary counts what its interrupted part did too, and the summary
 * read again later is the same.
 */
import type { CrmStore, Run, RunItem } from '../crm/index.js';

export interface RunFailure {
  /** The mailbox item id (or, for a record that could not be read, `unreadable:<file>:<line>`). */
  id: string;
  name: string;
  folder: string | null;
  reason: string;
}

export interface RunWarning {
  /** The mailbox item id, or null for a warning about the run (an account name matching several accounts). */
  id: string | null;
  name: string;
  folder: string | null;
  message: string;
}

export interface RunSummary {
  runId: number;
  status: Run['status'];
  added: number;
  linked: number;
  skipped: number;
  /** Contacts whose parent was set (track --parent on a tracked contact, PRODUCT.md T2). */
  parentSet: number;
  accountsCreated: number;
  failed: number;
  failures: RunFailure[];
  warnings: RunWarning[];
  /** The skipped contacts with why: kept for `runs show --skipped`, not in the JSON summary by default. */
  skippedItems: RunFailure[];
}

/** What a run row keeps of its summary: the counts; the lists are read from its items when asked for. */
export type RunCounts = Pick<RunSummary, 'added' | 'linked' | 'skipped' | 'parentSet' | 'accountsCreated' | 'failed'>;

export function countsOf(summary: RunSummary): RunCounts {
  const { added, linked, skipped, parentSet, accountsCreated, failed } = summary;
  return { added, linked, skipped, parentSet, accountsCreated, failed };
}

const nameIn = (item: RunItem, fallback: string): string => {
  const detail = item.detail as { name?: unknown } | null;
  return typeof detail?.name === 'string' ? detail.name : fallback;
};

export async function readRunSummary(store: CrmStore, runId: number): Promise<RunSummary> {
  const run = await store.runs.getOrThrow(runId);
  const summary: RunSummary = { runId, status: run.status, added: 0, linked: 0, skipped: 0, parentSet: 0, accountsCreated: 0, failed: 0, failures: [], warnings: [], skippedItems: [] };
  for (const item of await store.runs.items(runId)) {
    if (item.subjectKind === 'account') {
      if (item.outcome === 'created') summary.accountsCreated++;
      else if (item.reason) summary.warnings.push({ id: null, name: nameIn(item, item.itemKey), folder: null, message: item.reason });
      continue;
    }
    switch (item.outcome) {
      case 'added':
        summary.added++;
        break;
      case 'linked':
        summary.linked++;
        break;
      case 'parent-set':
        summary.parentSet++;
        break;
      case 'skipped':
        summary.skipped++;
        summary.skippedItems.push({ id: item.itemKey, name: nameIn(item, item.itemKey), folder: item.folder ?? null, reason: item.reason ?? '' });
        break;
      case 'failed':
        summary.failed++;
        summary.failures.push({ id: item.itemKey, name: nameIn(item, item.itemKey), folder: item.folder ?? null, reason: item.reason ?? 'unknown' });
        break;
      case 'warning': {
        const detail = item.detail as { id?: string } | null;
        summary.warnings.push({ id: detail?.id ?? null, name: nameIn(item, item.itemKey), folder: item.folder ?? null, message: item.reason ?? '' });
        break;
      }
    }
  }
  return summary;
}
