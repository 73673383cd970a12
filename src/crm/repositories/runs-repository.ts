import type { Selectable } from 'kysely';
import { RecordNotFound } from '../crm-errors.js';
import type { NewRun, Page, Run, RunItem, RunStatus } from '../crm-records.js';
import type { RunsStore } from '../crm-store.js';
import type { RunsTable } from '../database-schema.js';
import { fromJson, pageBounds, toJson, type StoreContext } from './store-context.js';

const toRun = (row: Selectable<RunsTable>): Run => ({
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

export class RunsRepository implements RunsStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async start(run: NewRun): Promise<Run> {
    const row = await this.#ctx.db
      .insertInto('runs')
      .values({
        kind: run.kind,
        userId: run.userId,
        mailboxId: run.mailboxId ?? null,
        status: 'running',
        options: toJson(run.options),
        summary: null,
        startedAt: this.#ctx.now(),
        finishedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  async recordItem(runId: number, item: RunItem): Promise<void> {
    const values = {
      subjectKind: item.subjectKind,
      outcome: item.outcome,
      recordId: item.recordId ?? null,
      folder: item.folder ?? null,
      reason: item.reason ?? null,
      detail: toJson(item.detail),
      recordedAt: this.#ctx.now(),
    };
    await this.#ctx.db
      .insertInto('runItems')
      .values({ runId, itemKey: item.itemKey, ...values })
      .onConflict((oc) => oc.columns(['runId', 'itemKey']).doUpdateSet(values))
      .execute();
  }

  async finish(runId: number, status: Exclude<RunStatus, 'running'>, summary: unknown): Promise<Run> {
    await this.#ctx.db
      .updateTable('runs')
      .set({ status, summary: toJson(summary), finishedAt: this.#ctx.now() })
      .where('id', '=', runId)
      .execute();
    return this.getOrThrow(runId);
  }

  async getOrThrow(id: number): Promise<Run> {
    const row = await this.#ctx.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new RecordNotFound('run', id);
    return toRun(row);
  }

  async list(query: Page & { userId?: number } = {}): Promise<Run[]> {
    const { limit, offset } = pageBounds(query);
    let select = this.#ctx.db.selectFrom('runs').selectAll();
    if (query.userId !== undefined) select = select.where('userId', '=', query.userId);
    const rows = await select.orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map(toRun);
  }

  async items(runId: number): Promise<RunItem[]> {
    const rows = await this.#ctx.db.selectFrom('runItems').selectAll().where('runId', '=', runId).orderBy('recordedAt').orderBy('itemKey').execute();
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
}
