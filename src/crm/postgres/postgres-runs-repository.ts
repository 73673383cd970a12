/**
 * The runs store on PostgreSQL: a batch is written on one client in one transaction,
 * contacts, e-mails, phones, links and run items streamed with COPY through the same
 * code as the contacts' bulk path; the few parent changes are plain statements.
 */
import type pg from 'pg';
import type { ParentRef, RunBatch, RunBatchResult, RunItem } from '../crm-records.js';
import { RecordNotFound } from '../crm-errors.js';
import { checkNewContact, parentColumns, parentRef } from '../repositories/contact-rows.js';
import { RUN_ITEM_COLUMNS, RUN_ITEM_UPSERT, batchRunItems, checkRunOpen, runItemValues, type ParentSetItemDetail } from '../repositories/run-item-rows.js';
import { RunsRepository } from '../repositories/runs-repository.js';
import type { StoreContext } from '../repositories/store-context.js';
import { bulkTransaction, copyContacts, copyLinks, copyRows, reserveIds } from './postgres-bulk-rows.js';

/**
 * A run that fills empty tables leaves PostgreSQL's statistics (and the plans it cached
 * for the prepared e-mail lookups) describing tables of a few rows: a lookup over a
 * hundred thousand contacts then took seconds instead of milliseconds. So the tables a
 * run writes are analysed after it wrote as many rows again as at the last analysis
 * (1,000, 2,000, 4,000… contacts): a handful of ANALYZEs of a few tens of ms per run.
 */
const ANALYZE_FIRST_AT = 1_000;

export class PostgresRunsRepository extends RunsRepository {
  readonly #pool: pg.Pool;
  #writtenSinceAnalyze = 0;
  #analyzeAt = ANALYZE_FIRST_AT;

  constructor(ctx: StoreContext, pool: pg.Pool) {
    super(ctx);
    this.#pool = pool;
  }

  async commitBatch(runId: number, batch: RunBatch): Promise<RunBatchResult> {
    for (const { contact } of batch.added) checkNewContact(contact);
    for (const { parent } of batch.parentSet) checkNewContact({ fields: {}, parent });
    const now = this.ctx.now();
    const result = await this.#commit(runId, batch, now);
    this.#writtenSinceAnalyze += batch.added.length + batch.linked.length + batch.recorded.length;
    if (this.#writtenSinceAnalyze >= this.#analyzeAt) {
      await this.#pool.query('analyze contacts, contact_emails, contact_phones, tracking_links, run_items');
      this.#analyzeAt = Math.max(this.#analyzeAt, this.#writtenSinceAnalyze) * 2;
      this.#writtenSinceAnalyze = 0;
    }
    return result;
  }

  #commit(runId: number, batch: RunBatch, now: string): Promise<RunBatchResult> {
    return bulkTransaction(this.#pool, async (client) => {
      // `for share`: an undo of this run (which locks it `for update`) waits for this batch, or this batch for the undo.
      const run = await client.query<{ status: string }>('select status from runs where id = $1 for share', [runId]);
      checkRunOpen(runId, run.rows[0]?.status);
      const addedContactIds = await reserveIds(client, 'contacts', batch.added.length);
      await copyContacts(client, batch.added.map((a) => a.contact), addedContactIds, now);
      const linkIds = await reserveIds(client, 'tracking_links', batch.added.length + batch.linked.length);
      const versions = await contactVersions(client, batch.linked.map((l) => l.contactId));
      const versionOf = (contactId: number) => {
        const version = versions.get(contactId);
        if (version === undefined) throw new RecordNotFound('contact', contactId);
        return version;
      };
      await copyLinks(
        client,
        [
          ...batch.added.map(({ link }, i) => ({ id: linkIds[i]!, contactId: addedContactIds[i]!, crmVersion: 1, link })),
          ...batch.linked.map(({ contactId, link }, i) => ({ id: linkIds[batch.added.length + i]!, contactId, crmVersion: versionOf(contactId), link })),
        ],
        now,
      );
      const parentChanges: ParentSetItemDetail[] = [];
      for (const { contactId, parent } of batch.parentSet) parentChanges.push(await setParent(client, contactId, parent, now));
      await upsertRunItems(client, runId, batchRunItems(batch, { addedContactIds, linkIds, parentChanges }), now);
      return { addedContactIds, linkIds };
    });
  }
}

/** The row versions of these contacts, which the links to them saw; a contact deleted meanwhile is missing. */
async function contactVersions(client: pg.PoolClient, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<{ id: number; row_version: number }>('select id, row_version from contacts where id = any($1::integer[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.row_version]));
}

/** Gives a contact a new parent (row version + 1); returns the parent it had and its new version. */
async function setParent(client: pg.PoolClient, contactId: number, parent: ParentRef | null, now: string): Promise<ParentSetItemDetail> {
  const { rows } = await client.query<{ previous_account_id: number | null; previous_contact_id: number | null; row_version: number }>(
    `update contacts c
        set parent_account_id = $2, parent_contact_id = $3, row_version = c.row_version + 1, modified_at = $4
       from (select id, parent_account_id, parent_contact_id from contacts where id = $1 for update) before
      where c.id = before.id
  returning before.parent_account_id as previous_account_id, before.parent_contact_id as previous_contact_id, c.row_version`,
    [contactId, ...parentColumns(parent), now],
  );
  const before = rows[0];
  if (!before) throw new RecordNotFound('contact', contactId);
  return { previous: parentRef(before.previous_account_id, before.previous_contact_id), rowVersion: before.row_version };
}

/** The run items, streamed into a temporary table, then upserted like `recordItem` (COPY cannot upsert). */
async function upsertRunItems(client: pg.PoolClient, runId: number, items: readonly RunItem[], now: string): Promise<void> {
  if (items.length === 0) return;
  const columns = RUN_ITEM_COLUMNS.join(', ');
  await client.query('create temporary table incoming_run_items (like run_items) on commit drop');
  await copyRows(client, `incoming_run_items (${columns})`, items, function* (item) {
    yield runItemValues(runId, item, now);
  });
  await client.query(`insert into run_items (${columns}) select ${columns} from incoming_run_items ${RUN_ITEM_UPSERT}`);
}
