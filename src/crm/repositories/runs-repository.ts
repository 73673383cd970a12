/**
 * The runs part of the CRM store shared by both dialects. A batch's writes are the hot
 * path and are left to each dialect's subclass; claiming an account and undoing a run
 * are ordinary queries in a write transaction (`StoreContext.writeTransaction`).
 */
import type { Selectable } from 'kysely';
import { RecordNotFound } from '../crm-errors.js';
import type { ChangedSince, ClaimedAccount, NewRun, Page, Run, RunBatch, RunBatchResult, RunItem, RunStatus } from '../crm-records.js';
import type { RunsStore } from '../crm-store.js';
import type { RunsTable } from '../database-schema.js';
import { claimAccounts } from './claim-account.js';
import { upsertRunItem } from './run-item-rows.js';
import { fromJson, pageBounds, toJson, type StoreContext } from './store-context.js';
import { undoRun } from './undo-run.js';

export const toRun = (row: Selectable<RunsTable>): Run => ({
  id: row.id,
  kind: row.kind,
  userId: row.userId,
  mailboxId: row.mailboxId,
  status: row.status,
  options: fromJson(row.options),
  summary: fromJson(row.summary),
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
});

export abstract class RunsRepository implements RunsStore {
  protected readonly ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
  }

  abstract commitBatch(runId: number, batch: RunBatch): Promise<RunBatchResult>;

  async start(run: NewRun): Promise<Run> {
    const row = await this.ctx.db
      .insertInto('runs')
      .values({
        kind: run.kind,
        userId: run.userId,
        mailboxId: run.mailboxId ?? null,
        status: 'running',
        options: toJson(run.options),
        summary: null,
        startedAt: this.ctx.now(),
        finishedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  async recordItem(runId: number, item: RunItem): Promise<void> {
    await upsertRunItem(this.ctx.db, runId, item, this.ctx.now());
  }

  async finish(runId: number, status: Exclude<RunStatus, 'running'>, summary: unknown): Promise<Run> {
    await this.ctx.db
      .updateTable('runs')
      .set({ status, summary: toJson(summary), finishedAt: this.ctx.now() })
      .where('id', '=', runId)
      .execute();
    return this.getOrThrow(runId);
  }

  async getOrThrow(id: number): Promise<Run> {
    const row = await this.ctx.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new RecordNotFound('run', id);
    return toRun(row);
  }

  async list(query: Page & { userId?: number } = {}): Promise<Run[]> {
    const { limit, offset } = pageBounds(query);
    let select = this.ctx.db.selectFrom('runs').selectAll();
    if (query.userId !== undefined) select = select.where('userId', '=', query.userId);
    const rows = await select.orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map(toRun);
  }

  async items(runId: number, filter: { outcomes?: readonly string[] } = {}): Promise<RunItem[]> {
    let select = this.ctx.db.selectFrom('runItems').selectAll().where('runId', '=', runId);
    if (filter.outcomes) {
      if (filter.outcomes.length === 0) return [];
      select = select.where('outcome', 'in', filter.outcomes);
    }
    const rows = await select.orderBy('recordedAt').orderBy('itemKey').execute();
    return rows.map((row) => ({
      itemKey: row.itemKey,
      subjectKind: row.subjectKind,
      outcome: row.outcome,
      recordId: row.recordId,
      folder: row.folder,
      reason: row.reason,
      detail: fromJson(row.detail),
    }));
  }

  async countItems(runId: number): Promise<{ subjectKind: RunItem['subjectKind']; outcome: string; count: number }[]> {
    const rows = await this.ctx.db
      .selectFrom('runItems')
      .select(['subjectKind', 'outcome', (eb) => eb.fn.countAll<number | string>().as('count')])
      .where('runId', '=', runId)
      .groupBy(['subjectKind', 'outcome'])
      .execute();
    return rows.map((row) => ({ subjectKind: row.subjectKind, outcome: row.outcome, count: Number(row.count) }));
  }

  async findUnfinished(mailboxId: number, kind: string): Promise<Run | undefined> {
    const row = await this.ctx.db
      .selectFrom('runs')
      .selectAll()
      .where('mailboxId', '=', mailboxId)
      .where('kind', '=', kind)
      .where('status', '=', 'running')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toRun(row);
  }

  async claimAccount(runId: number, name: string, ownerId: number): Promise<ClaimedAccount> {
    return (await claimAccounts(this.ctx, runId, [name], ownerId))[0]!;
  }

  async claimAccounts(runId: number, names: readonly string[], ownerId: number): Promise<ClaimedAccount[]> {
    return claimAccounts(this.ctx, runId, names, ownerId);
  }

  async undo(runId: number): Promise<{ undone: true } | { undone: false; changed: ChangedSince[] }> {
    return undoRun(this.ctx, runId);
  }
}
