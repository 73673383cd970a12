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
  /** The skipped contacts with why, only when asked for (`runs show --skipped`); else empty. */
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

/**
 * The summary from the run's items: the counts in one query, then the items the lists
 * need (failures and warnings, and the skipped ones only when asked: a second run of a
 * 100,000-contact mailbox skips them all).
 */
export async function readRunSummary(store: CrmStore, runId: number, options: { skipped?: boolean } = {}): Promise<RunSummary> {
  const run = await store.runs.getOrThrow(runId);
  const summary: RunSummary = { runId, status: run.status, added: 0, linked: 0, skipped: 0, parentSet: 0, accountsCreated: 0, failed: 0, failures: [], warnings: [], skippedItems: [] };
  for (const { subjectKind, outcome, count } of await store.runs.countItems(runId)) {
    if (subjectKind === 'account') {
      if (outcome === 'created') summary.accountsCreated += count;
      continue;
    }
    if (outcome === 'added') summary.added += count;
    else if (outcome === 'linked') summary.linked += count;
    else if (outcome === 'parent-set') summary.parentSet += count;
    else if (outcome === 'skipped') summary.skipped += count;
    else if (outcome === 'failed') summary.failed += count;
  }
  const listed = ['failed', 'warning', 'matched', ...(options.skipped ? ['skipped'] : [])];
  for (const item of await store.runs.items(runId, { outcomes: listed })) {
    if (item.subjectKind === 'account') {
      if (item.reason) summary.warnings.push({ id: null, name: nameIn(item, item.itemKey), folder: null, message: item.reason });
      continue;
    }
    const entry = { id: item.itemKey, name: nameIn(item, item.itemKey), folder: item.folder ?? null };
    if (item.outcome === 'skipped') summary.skippedItems.push({ ...entry, reason: item.reason ?? '' });
    else if (item.outcome === 'failed') summary.failures.push({ ...entry, reason: item.reason ?? 'unknown' });
    else if (item.outcome === 'warning') {
      const detail = item.detail as { id?: string } | null;
      summary.warnings.push({ id: detail?.id ?? null, name: entry.name, folder: entry.folder, message: item.reason ?? '' });
    }
  }
  return summary;
}
