import type { Insertable, Selectable } from 'kysely';
import { DuplicateTrackingLink } from '../crm-errors.js';
import type { NewTrackingLink, TrackingLink } from '../crm-records.js';
import type { LinksStore } from '../crm-store.js';
import type { TrackingLinksTable } from '../database-schema.js';
import { LINK_WRITE_COLUMNS, linkRowValues } from './link-rows.js';
import { camel, rowObject } from './row-object.js';
import { fromJson, toJson, type StoreContext } from './store-context.js';
import { uniqueViolationColumns } from './unique-violation.js';

const LINK_WRITE_KEYS = LINK_WRITE_COLUMNS.map(camel);

const toLink = (row: Selectable<TrackingLinksTable>): TrackingLink => ({
  id: row.id,
  mailboxId: row.mailboxId,
  sourceItemId: row.sourceItemId,
  contactId: row.contactId,
  trackCommunications: Boolean(row.trackCommunications),
  communicationsSince: row.communicationsSince,
  snapshot: fromJson(row.snapshot),
  sourceVersion: row.sourceVersion,
  crmVersion: row.crmVersion,
  syncedAt: row.syncedAt,
  createdAt: row.createdAt,
});

/** Turns a unique violation on `tracking_links` into the clash it means. */
export function linkClash(error: unknown, contactId: number, link: NewTrackingLink): DuplicateTrackingLink | undefined {
  const columns = uniqueViolationColumns(error);
  if (columns?.includes('source_item_id')) return new DuplicateTrackingLink(link.mailboxId, 'source item', link.sourceItemId);
  if (columns?.includes('contact_id')) return new DuplicateTrackingLink(link.mailboxId, 'contact', contactId);
  return undefined;
}

export class LinksRepository implements LinksStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async add(contactId: number, link: NewTrackingLink): Promise<TrackingLink> {
    const { db, dialect } = this.#ctx;
    try {
      const row = await db
        .insertInto('trackingLinks')
        .values({
          ...(rowObject(LINK_WRITE_KEYS, linkRowValues(dialect, link, contactId, null, this.#ctx.now())) as Insertable<TrackingLinksTable>),
          // The version the link saw, read in the same statement as the insert.
          crmVersion: (eb) => eb.selectFrom('contacts').select('rowVersion').where('id', '=', contactId),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLink(row);
    } catch (error) {
      throw linkClash(error, contactId, link) ?? error;
    }
  }

  async findBySourceItem(mailboxId: number, sourceItemId: string): Promise<TrackingLink | undefined> {
    const row = await this.#ctx.db
      .selectFrom('trackingLinks')
      .selectAll()
      .where('mailboxId', '=', mailboxId)
      .where('sourceItemId', '=', sourceItemId)
      .executeTakeFirst();
    return row && toLink(row);
  }

  async findByContact(mailboxId: number, contactId: number): Promise<TrackingLink | undefined> {
    const row = await this.#ctx.db
      .selectFrom('trackingLinks')
      .selectAll()
      .where('mailboxId', '=', mailboxId)
      .where('contactId', '=', contactId)
      .executeTakeFirst();
    return row && toLink(row);
  }

  async listByMailbox(mailboxId: number): Promise<TrackingLink[]> {
    const rows = await this.#ctx.db.selectFrom('trackingLinks').selectAll().where('mailboxId', '=', mailboxId).orderBy('id').execute();
    return rows.map(toLink);
  }

  async listByContact(contactId: number): Promise<TrackingLink[]> {
    const rows = await this.#ctx.db.selectFrom('trackingLinks').selectAll().where('contactId', '=', contactId).orderBy('id').execute();
    return rows.map(toLink);
  }

  async trackedItems(mailboxId: number): Promise<Map<string, number | null>> {
    const rows = await this.#ctx.db
      .selectFrom('trackingLinks')
      .select(['sourceItemId', 'contactId'])
      .where('mailboxId', '=', mailboxId)
      .execute();
    return new Map(rows.map((row) => [row.sourceItemId, row.contactId]));
  }

  async markSynced(id: number, state: { snapshot: unknown; sourceVersion: string | null; crmVersion: number }): Promise<void> {
    await this.#ctx.db
      .updateTable('trackingLinks')
      .set({
        snapshot: toJson(state.snapshot),
        sourceVersion: state.sourceVersion,
        crmVersion: state.crmVersion,
        syncedAt: this.#ctx.now(),
      })
      .where('id', '=', id)
      .execute();
  }

  async remove(id: number): Promise<void> {
    await this.#ctx.db.deleteFrom('trackingLinks').where('id', '=', id).execute();
  }
}
