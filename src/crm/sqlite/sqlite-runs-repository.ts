/**
 * The runs store on SQLite: a batch is written with prepared better-sqlite3 statements
 * in one `IMMEDIATE` transaction (another process's write waits for it, and it for
 * them), through the same row writer as the contacts' bulk path.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RunBatch, RunBatchResult } from '../crm-records.js';
import { RecordNotFound } from '../crm-errors.js';
import { checkNewContact, parentColumns, parentRef } from '../repositories/contact-rows.js';
import { RUN_ITEM_COLUMNS, RUN_ITEM_UPSERT, batchRunItems, checkRunOpen, runItemValues, type ParentSetItemDetail } from '../repositories/run-item-rows.js';
import { RunsRepository } from '../repositories/runs-repository.js';
import type { StoreContext } from '../repositories/store-context.js';
import type { SqliteRowWriter } from './sqlite-row-writer.js';
import { preparedOnFirstUse } from './prepared-on-first-use.js';

interface ParentRow {
  parent_account_id: number | null;
  parent_contact_id: number | null;
  row_version: number;
}

export class SqliteRunsRepository extends RunsRepository {
  readonly #writer: SqliteRowWriter;
  readonly #prepared: () => ReturnType<typeof prepareStatements>;

  constructor(ctx: StoreContext, sqlite: BetterSqlite3.Database, writer: SqliteRowWriter) {
    super(ctx);
    this.#writer = writer;
    this.#prepared = preparedOnFirstUse(sqlite, prepareStatements);
  }

  async commitBatch(runId: number, batch: RunBatch): Promise<RunBatchResult> {
    for (const { parent } of batch.parentSet) checkNewContact({ fields: {}, parent });
    const now = this.ctx.now();
    const s = this.#prepared();
    const writer = this.#writer;
    return writer.transaction(() => {
      checkRunOpen(runId, s.runStatus.get(runId) as string | undefined);
      const addedContactIds = batch.added.map(({ contact }) => writer.addContact(contact, now));
      const linkIds = [
        ...batch.added.map(({ link }, i) => writer.addLink(addedContactIds[i]!, link, 1, now)),
        ...batch.linked.map(({ contactId, link }) => {
          const version = s.contactVersion.get(contactId) as number | undefined;
          if (version === undefined) throw new RecordNotFound('contact', contactId);
          return writer.addLink(contactId, link, version, now);
        }),
      ];
      const parentChanges = batch.parentSet.map(({ contactId, parent }): ParentSetItemDetail => {
        const before = s.parentOf.get(contactId) as ParentRow | undefined;
        if (!before) throw new RecordNotFound('contact', contactId);
        s.setParent.run(...parentColumns(parent), now, contactId);
        return { previous: parentRef(before.parent_account_id, before.parent_contact_id), rowVersion: before.row_version + 1 };
      });
      for (const item of batchRunItems(batch, { addedContactIds, linkIds, parentChanges })) s.upsertItem.run(runItemValues(runId, item, now));
      return { addedContactIds, linkIds };
    });
  }
}

function prepareStatements(sqlite: BetterSqlite3.Database) {
  return {
    runStatus: sqlite.prepare('select status from runs where id = ?').pluck(),
    contactVersion: sqlite.prepare('select row_version from contacts where id = ?').pluck(),
    parentOf: sqlite.prepare('select parent_account_id, parent_contact_id, row_version from contacts where id = ?'),
    setParent: sqlite.prepare(
      'update contacts set parent_account_id = ?, parent_contact_id = ?, row_version = row_version + 1, modified_at = ? where id = ?',
    ),
    upsertItem: sqlite.prepare(
      `insert into run_items (${RUN_ITEM_COLUMNS.join(', ')}) values (${RUN_ITEM_COLUMNS.map(() => '?').join(', ')}) ${RUN_ITEM_UPSERT}`,
    ),
  };
}
