/**
 * The first schema: users, accounts, contacts with their e-mail and phone rows,
 * activities and parties, mailboxes, tracking links, runs and conflicts.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { ADDRESS_KINDS, ADDRESS_PARTS } from '../../domain/contact.js';
import { columnTypes, type SqlDialect } from './column-types.js';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function initialSchema(dialect: SqlDialect): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<any>) {
      await t
        .id(db.schema.createTable('users'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().defaultTo('user'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('users_role_check', sql`role in ('admin', 'user')`)
        .execute();

      await t
        .id(db.schema.createTable('accounts'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('website', 'text')
        .addColumn('parent_account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('modified_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accounts_name_key').on('accounts').column('name_key').execute();

      let contacts = t
        .id(db.schema.createTable('contacts'))
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('parent_account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('parent_contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'));
      for (const column of [
        'prefix', 'first_name', 'middle_name', 'last_name', 'suffix', 'full_name', 'nickname',
        'company', 'department', 'job_title', 'web_page', 'birthday', 'anniversary', 'spouse',
        'manager', 'assistant_name', 'notes', 'categories',
      ]) {
        contacts = contacts.addColumn(column, 'text');
      }
      for (const kind of ADDRESS_KINDS) {
        for (const part of ADDRESS_PARTS) contacts = contacts.addColumn(`${kind}_${snake(part)}`, 'text');
      }
      await contacts
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('modified_at', t.timestamp, (c) => c.notNull())
        .addCheckConstraint('contacts_state_check', sql`state in ('active', 'inactive')`)
        .addCheckConstraint(
          'contacts_one_parent_check',
          sql`parent_account_id is null or parent_contact_id is null`,
        )
        .execute();
      await db.schema.createIndex('contacts_owner_id').on('contacts').column('owner_id').execute();
      await db.schema.createIndex('contacts_parent_account_id').on('contacts').column('parent_account_id').execute();
      await db.schema.createIndex('contacts_parent_contact_id').on('contacts').column('parent_contact_id').execute();

      await db.schema
        .createTable('contact_emails')
        .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('address_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_emails_pkey', ['contact_id', 'position'])
        .addCheckConstraint('contact_emails_position_check', sql`position between 1 and 3`)
        .execute();
      // Covering: "which contacts have this address" reads the index alone, in contact order.
      await db.schema
        .createIndex('contact_emails_address_key')
        .on('contact_emails')
        .columns(['address_key', 'contact_id'])
        .execute();

      await db.schema
        .createTable('contact_phones')
        .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('number_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_phones_pkey', ['contact_id', 'kind'])
        .execute();
      await db.schema
        .createIndex('contact_phones_number_key')
        .on('contact_phones')
        .columns(['number_key', 'contact_id'])
        .execute();

      await t
        .id(db.schema.createTable('activities'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('external_key', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('body', 'text')
        .addColumn('starts_at', t.timestamp)
        .addColumn('ends_at', t.timestamp)
        .addColumn('due_at', t.timestamp)
        .addColumn('sent_at', t.timestamp)
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('regarding_account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
        .addColumn('regarding_contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('modified_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('activities_kind_external_key_unique', ['kind', 'external_key'])
        .addCheckConstraint('activities_kind_check', sql`kind in ('email', 'appointment', 'task')`)
        .addCheckConstraint(
          'activities_one_regarding_check',
          sql`regarding_account_id is null or regarding_contact_id is null`,
        )
        .execute();

      await t
        .id(db.schema.createTable('activity_parties'))
        .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('address_key', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
        .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
        .addCheckConstraint(
          'activity_parties_role_check',
          sql`role in ('from', 'to', 'cc', 'bcc', 'organizer', 'required', 'optional', 'owner')`,
        )
        .execute();
      await db.schema.createIndex('activity_parties_activity_id').on('activity_parties').column('activity_id').execute();
      await db.schema.createIndex('activity_parties_address_key').on('activity_parties').column('address_key').execute();
      await db.schema.createIndex('activity_parties_contact_id').on('activity_parties').column('contact_id').execute();

      await t
        .id(db.schema.createTable('mailboxes'))
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner_address', 'text', (c) => c.notNull())
        .addColumn('connector_kind', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('secrets', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('mailboxes_owner_name_unique', ['owner_id', 'name'])
        .execute();

      await t
        .id(db.schema.createTable('tracking_links'))
        .addColumn('mailbox_id', 'integer', (c) => c.notNull().references('mailboxes.id').onDelete('cascade'))
        .addColumn('source_item_id', 'text', (c) => c.notNull())
        .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
        .addColumn('track_communications', t.boolean, (c) => c.notNull())
        .addColumn('snapshot', 'text')
        .addColumn('source_version', 'text')
        .addColumn('crm_version', 'integer')
        .addColumn('synced_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('tracking_links_source_unique', ['mailbox_id', 'source_item_id'])
        .addUniqueConstraint('tracking_links_contact_unique', ['mailbox_id', 'contact_id'])
        .execute();
      await db.schema.createIndex('tracking_links_contact_id').on('tracking_links').column('contact_id').execute();

      await t
        .id(db.schema.createTable('runs'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('mailbox_id', 'integer', (c) => c.references('mailboxes.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('options', 'text')
        .addColumn('summary', 'text')
        .addColumn('started_at', t.timestamp, (c) => c.notNull())
        .addColumn('finished_at', t.timestamp)
        .addCheckConstraint('runs_status_check', sql`status in ('running', 'finished', 'failed', 'undone')`)
        .execute();

      await db.schema
        .createTable('run_items')
        .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('record_id', 'integer')
        .addColumn('folder', 'text')
        .addColumn('reason', 'text')
        .addColumn('detail', 'text')
        .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('run_items_pkey', ['run_id', 'item_key'])
        .addCheckConstraint('run_items_subject_kind_check', sql`subject_kind in ('contact', 'account', 'link')`)
        .execute();

      await t
        .id(db.schema.createTable('conflicts'))
        .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('link_id', 'integer', (c) => c.references('tracking_links.id').onDelete('set null'))
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('crm_value', 'text')
        .addColumn('mailbox_value', 'text')
        .addColumn('base_value', 'text')
        .addColumn('winner', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('resolved_at', t.timestamp)
        .addCheckConstraint('conflicts_winner_check', sql`winner in ('crm', 'mailbox')`)
        .addCheckConstraint('conflicts_resolution_check', sql`resolution in ('open', 'kept', 'restored')`)
        .execute();
      await db.schema.createIndex('conflicts_contact_id').on('conflicts').column('contact_id').execute();
    },
  };
}
