import type { Selectable } from 'kysely';
import { RecordNotFound } from '../crm-errors.js';
import type { Conflict, NewConflict } from '../crm-records.js';
import type { ConflictsStore } from '../crm-store.js';
import type { ConflictsTable } from '../database-schema.js';
import { fromJson, toJson, type StoreContext } from './store-context.js';

const toConflict = (row: Selectable<ConflictsTable>): Conflict => ({
  id: row.id,
  contactId: row.contactId,
  linkId: row.linkId,
  field: row.field,
  crmValue: fromJson(row.crmValue),
  mailboxValue: fromJson(row.mailboxValue),
  baseValue: fromJson(row.baseValue),
  winner: row.winner,
  resolution: row.resolution,
  createdAt: row.createdAt,
  resolvedAt: row.resolvedAt,
});

/** Field values are kept as JSON, so an absent value (null) and an empty text differ. */
const jsonOrNull = (value: unknown) => toJson(value ?? null);

export class ConflictsRepository implements ConflictsStore {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  async add(conflict: NewConflict): Promise<Conflict> {
    const row = await this.#ctx.db
      .insertInto('conflicts')
      .values({
        contactId: conflict.contactId,
        linkId: conflict.linkId ?? null,
        field: conflict.field,
        crmValue: jsonOrNull(conflict.crmValue),
        mailboxValue: jsonOrNull(conflict.mailboxValue),
        baseValue: jsonOrNull(conflict.baseValue),
        winner: conflict.winner,
        resolution: 'open',
        createdAt: this.#ctx.now(),
        resolvedAt: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toConflict(row);
  }

  async listOpen(contactId?: number): Promise<Conflict[]> {
    let select = this.#ctx.db.selectFrom('conflicts').selectAll().where('resolution', '=', 'open');
    if (contactId !== undefined) select = select.where('contactId', '=', contactId);
    return (await select.orderBy('id').execute()).map(toConflict);
  }

  async resolve(id: number, resolution: 'kept' | 'restored'): Promise<Conflict> {
    const row = await this.#ctx.db
      .updateTable('conflicts')
      .set({ resolution, resolvedAt: this.#ctx.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new RecordNotFound('conflict', id);
    return toConflict(row);
  }
}
