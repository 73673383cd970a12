/**
 * The contacts part of the CRM store shared by both dialects. The two hot paths, the
 * bulk insert and the e-mail lookup, are left to each dialect's subclass.
 */
import { sql, type Kysely } from 'kysely';
import { emailKey } from '../../domain/email-address.js';
import { RecordNotFound, StaleRowVersion } from '../crm-errors.js';
import type { Contact, ContactChange, NewContact, NewTrackedContact, Page, ParentRef } from '../crm-records.js';
import type { ContactsStore } from '../crm-store.js';
import type { Database } from '../database-schema.js';
import { containsText } from './contains-text.js';
import {
  CONTACT_FIELD_COLUMNS,
  CONTACT_WRITE_COLUMNS,
  checkNewContact,
  contactFieldValues,
  contactRowValues,
  emailRows,
  parentColumns,
  phoneRows,
  toContact,
  type ContactRow,
} from './contact-rows.js';
import { camel, rowObject } from './row-object.js';
import { pageBounds, type StoreContext } from './store-context.js';

const WRITE_KEYS = CONTACT_WRITE_COLUMNS.map(camel);
const FIELD_KEYS = CONTACT_FIELD_COLUMNS.map(camel);

export abstract class ContactsRepository implements ContactsStore {
  protected readonly ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.ctx = ctx;
  }

  abstract addMany(contacts: Iterable<NewTrackedContact>): Promise<number[]>;
  abstract findIdsByEmail(address: string): Promise<number[]>;
  /** With `activeOnly`, only contacts whose state is `active` (PRODUCT.md W5: those a mailbox contact is linked to). */
  abstract findIdsByEmails(addresses: readonly string[], options?: { activeOnly?: boolean }): Promise<Map<string, number[]>>;

  async add(contact: NewContact): Promise<Contact> {
    checkNewContact(contact);
    const now = this.ctx.now();
    const id = await this.ctx.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('contacts')
        .values(rowObject(WRITE_KEYS, contactRowValues(contact, 1, now, now)) as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeChildRows(trx, id, contact);
      return id;
    });
    return this.getOrThrow(id);
  }

  async find(id: number): Promise<Contact | undefined> {
    return (await this.hydrate([id]))[0];
  }

  async getOrThrow(id: number): Promise<Contact> {
    const contact = await this.find(id);
    if (!contact) throw new RecordNotFound('contact', id);
    return contact;
  }

  async update(id: number, change: ContactChange, options: { expectedVersion?: number } = {}): Promise<Contact> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!current) throw new RecordNotFound('contact', id);
      if (options.expectedVersion !== undefined && current.rowVersion !== options.expectedVersion) {
        throw new StaleRowVersion(id, options.expectedVersion, current.rowVersion);
      }
      const now = this.ctx.now();
      const set: Record<string, unknown> = { rowVersion: current.rowVersion + 1, modifiedAt: now };
      if (change.fields) {
        checkNewContact({ fields: change.fields });
        Object.assign(set, rowObject(FIELD_KEYS, contactFieldValues(change.fields)));
      }
      if (change.state !== undefined) set.state = change.state;
      if (change.parent !== undefined) {
        [set.parentAccountId, set.parentContactId] = parentColumns(change.parent);
      }
      // The version check is repeated in the WHERE so two writers cannot both pass it.
      const result = await trx
        .updateTable('contacts')
        .set(set as never)
        .where('id', '=', id)
        .where('rowVersion', '=', current.rowVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new StaleRowVersion(id, current.rowVersion, current.rowVersion + 1);
      }
      if (change.fields) {
        await trx.deleteFrom('contactEmails').where('contactId', '=', id).execute();
        await trx.deleteFrom('contactPhones').where('contactId', '=', id).execute();
        await writeChildRows(trx, id, { fields: change.fields });
      }
    });
    return this.getOrThrow(id);
  }

  async delete(id: number): Promise<void> {
    const result = await this.ctx.db.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new RecordNotFound('contact', id);
  }

  async list(query: Page & { ownerId?: number; search?: string; parent?: ParentRef } = {}): Promise<Contact[]> {
    const { limit, offset } = pageBounds(query);
    let select = this.ctx.db.selectFrom('contacts').select('id');
    if (query.ownerId !== undefined) select = select.where('ownerId', '=', query.ownerId);
    if (query.parent) select = select.where(query.parent.kind === 'account' ? 'parentAccountId' : 'parentContactId', '=', query.parent.id);
    if (query.search) {
      const text = query.search.trim().toLowerCase();
      const names = sql`lower(coalesce(full_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(company, ''))`;
      select = select.where((eb) =>
        eb.or([
          containsText(names, text),
          eb('id', 'in', eb.selectFrom('contactEmails').select('contactId').where(containsText(sql.ref('address_key'), text))),
        ]),
      );
    }
    const ids = await select.orderBy('id').limit(limit).offset(offset).execute();
    return this.hydrate(ids.map((r) => r.id));
  }

  async count(): Promise<number> {
    const { n } = await this.ctx.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Reads contacts with their e-mails and phones in three queries, in the order of `ids`. */
  protected async hydrate(ids: readonly number[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    const [rows, emails, phones] = await Promise.all([
      this.ctx.db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute(),
      this.ctx.db.selectFrom('contactEmails').selectAll().where('contactId', 'in', ids).execute(),
      this.ctx.db.selectFrom('contactPhones').selectAll().where('contactId', 'in', ids).execute(),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const emailsOf = groupBy(emails, (e) => e.contactId);
    const phonesOf = groupBy(phones, (p) => p.contactId);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toContact(row as unknown as ContactRow, emailsOf.get(id) ?? [], phonesOf.get(id) ?? [])] : [];
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

async function writeChildRows(trx: Kysely<Database>, contactId: number, contact: Pick<NewContact, 'fields'>): Promise<void> {
  const emails = emailRows(contact.fields);
  if (emails.length > 0) {
    await trx
      .insertInto('contactEmails')
      .values(emails.map(([position, address, addressKey]) => ({ contactId, position, address, addressKey })))
      .execute();
  }
  const phones = phoneRows(contact.fields);
  if (phones.length > 0) {
    await trx
      .insertInto('contactPhones')
      .values(phones.map(([kind, number, numberKey]) => ({ contactId, kind, number, numberKey })))
      .execute();
  }
}

/** Groups `(address_key, contact_id)` rows by the requested addresses' keys. */
export function groupByAddress(
  addresses: readonly string[],
  rows: readonly { address_key: string; contact_id: number }[],
): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const address of addresses) result.set(emailKey(address), []);
  for (const row of rows) result.get(row.address_key)?.push(row.contact_id);
  return result;
}
