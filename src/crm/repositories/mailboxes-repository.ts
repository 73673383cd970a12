import type { Selectable } from 'kysely';
import { InvalidRecord, RecordNotFound } from '../crm-errors.js';
import type { Mailbox, NewMailbox } from '../crm-records.js';
import type { MailboxesStore } from '../crm-store.js';
import type { MailboxesTable } from '../database-schema.js';
import type { SecretBox } from '../secret-box.js';
import type { StoreContext } from './store-context.js';
import { uniqueViolationColumns } from './unique-violation.js';

const toMailbox = (row: Selectable<MailboxesTable>): Mailbox => ({
  id: row.id,
  ownerId: row.ownerId,
  name: row.name,
  ownerAddress: row.ownerAddress,
  connector: { kind: row.connectorKind, settings: JSON.parse(row.settings) as Record<string, unknown> },
  hasSecrets: row.secrets !== null,
  createdAt: row.createdAt,
});

export class MailboxesRepository implements MailboxesStore {
  readonly #ctx: StoreContext;
  readonly #secretBox: () => SecretBox;

  /** `secretBox` is called only when a secret is written or read, so no key is made before. */
  constructor(ctx: StoreContext, secretBox: () => SecretBox) {
    this.#ctx = ctx;
    this.#secretBox = secretBox;
  }

  async add(mailbox: NewMailbox): Promise<Mailbox> {
    const name = mailbox.name.trim();
    if (name === '') throw new InvalidRecord('name', 'a mailbox needs a name');
    const hasSecrets = mailbox.secrets && Object.keys(mailbox.secrets).length > 0;
    try {
      const row = await this.#ctx.db
        .insertInto('mailboxes')
        .values({
          ownerId: mailbox.ownerId,
          name,
          ownerAddress: mailbox.ownerAddress.trim(),
          connectorKind: mailbox.connector.kind,
          settings: JSON.stringify(mailbox.connector.settings),
          secrets: hasSecrets ? this.#secretBox().seal(JSON.stringify(mailbox.secrets)) : null,
          createdAt: this.#ctx.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMailbox(row);
    } catch (error) {
      if (uniqueViolationColumns(error)?.includes('name')) {
        throw new InvalidRecord('name', `this user already has a mailbox named "${name}"`);
      }
      throw error;
    }
  }

  async find(id: number): Promise<Mailbox | undefined> {
    const row = await this.#ctx.db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toMailbox(row);
  }

  async findByName(ownerId: number, name: string): Promise<Mailbox | undefined> {
    const row = await this.#ctx.db
      .selectFrom('mailboxes')
      .selectAll()
      .where('ownerId', '=', ownerId)
      .where('name', '=', name.trim())
      .executeTakeFirst();
    return row && toMailbox(row);
  }

  async list(ownerId: number): Promise<Mailbox[]> {
    const rows = await this.#ctx.db.selectFrom('mailboxes').selectAll().where('ownerId', '=', ownerId).orderBy('name').execute();
    return rows.map(toMailbox);
  }

  async readSecrets(id: number): Promise<Record<string, string> | null> {
    const row = await this.#ctx.db.selectFrom('mailboxes').select('secrets').where('id', '=', id).executeTakeFirst();
    if (!row) throw new RecordNotFound('mailbox', id);
    if (row.secrets === null) return null;
    return JSON.parse(this.#secretBox().open(row.secrets)) as Record<string, string>;
  }
}
