/**
 * The contacts store on PostgreSQL: the bulk path reserves ids from the sequences,
 * then streams contacts, e-mails, phones and links with COPY, all in one transaction;
 * the e-mail lookups are named prepared statements.
 */
import type pg from 'pg';
import { emailKey } from '../../domain/email-address.js';
import type { NewTrackedContact } from '../crm-records.js';
import { checkNewContact } from '../repositories/contact-rows.js';
import { ContactsRepository, groupByAddress } from '../repositories/contacts-repository.js';
import type { StoreContext } from '../repositories/store-context.js';
import { bulkTransaction, copyContacts, copyLinks, reserveIds, type LinkRow } from './postgres-bulk-rows.js';

export class PostgresContactsRepository extends ContactsRepository {
  readonly #pool: pg.Pool;

  constructor(ctx: StoreContext, pool: pg.Pool) {
    super(ctx);
    this.#pool = pool;
  }

  async addMany(contacts: Iterable<NewTrackedContact>): Promise<number[]> {
    const items = [...contacts];
    for (const { contact } of items) checkNewContact(contact);
    if (items.length === 0) return [];
    const now = this.ctx.now();
    return bulkTransaction(this.#pool, async (client) => {
      const ids = await reserveIds(client, 'contacts', items.length);
      await copyContacts(client, items.map((item) => item.contact), ids, now);
      const linked = items.flatMap(({ link }, i) => (link ? [{ link, contactId: ids[i]!, crmVersion: 1 }] : []));
      const linkIds = await reserveIds(client, 'tracking_links', linked.length);
      await copyLinks(client, linked.map((row, i): LinkRow => ({ ...row, id: linkIds[i]! })), now);
      return ids;
    });
  }

  async findIdsByEmail(address: string): Promise<number[]> {
    const { rows } = await this.#pool.query<{ contact_id: number }>({
      name: 'liaison-contact-ids-by-email',
      text: 'select contact_id from contact_emails where address_key = $1 order by contact_id',
      values: [emailKey(address)],
    });
    return rows.map((r) => r.contact_id);
  }

  async findIdsByEmails(addresses: readonly string[], options: { activeOnly?: boolean } = {}): Promise<Map<string, number[]>> {
    const keys = [...new Set(addresses.map(emailKey))];
    const { rows } = await this.#pool.query<{ address_key: string; contact_id: number }>(
      options.activeOnly
        ? {
            name: 'liaison-active-contact-ids-by-emails',
            text: `select e.address_key, e.contact_id from contact_emails e join contacts c on c.id = e.contact_id
                    where e.address_key = any($1::text[]) and c.state = 'active' order by e.contact_id`,
            values: [keys],
          }
        : {
            name: 'liaison-contact-ids-by-emails',
            text: 'select address_key, contact_id from contact_emails where address_key = any($1::text[]) order by contact_id',
            values: [keys],
          },
    );
    return groupByAddress(keys, rows);
  }
}
