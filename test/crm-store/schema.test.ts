import { describe, expect, it } from 'vitest';
import { DIALECTS, rawQuery, useFreshStore, type Dialect } from '../crm-dialects.js';

/** The plan the database picks for a query, as text. */
async function queryPlan(dialect: Dialect, location: string, query: string): Promise<string> {
  if (dialect === 'sqlite') {
    const rows = await rawQuery<{ detail: string }>(location, `explain query plan ${query}`);
    return rows.map((r) => r.detail).join('\n');
  }
  // An empty table is scanned whatever the indexes; forbid scans to see the index path.
  const rows = await rawQuery<{ 'QUERY PLAN': string }>(location, `set enable_seqscan = off; set enable_bitmapscan = off; explain ${query}`);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe.each(DIALECTS)('lookups are one index lookup on %s', (dialect) => {
  let location: string;
  useFreshStore(dialect, (t) => ({ location } = t));

  it.each([
    [
      'which contacts have this e-mail address (from the index alone)',
      "select contact_id from contact_emails where address_key = 'a@b.c' order by contact_id",
      'SEARCH contact_emails USING COVERING INDEX contact_emails_address_key',
      'Index Only Scan using contact_emails_address_key',
    ],
    [
      'which contacts have this phone number',
      "select contact_id from contact_phones where number_key = '+1555'",
      'USING COVERING INDEX contact_phones_number_key',
      'using contact_phones_number_key',
    ],
    ['which accounts have this name (W3)', "select id from accounts where name_key = 'contoso ltd'", 'INDEX accounts_name_key', 'using accounts_name_key'],
    [
      'which tracking link has this mailbox item',
      "select id from tracking_links where mailbox_id = 1 and source_item_id = 'x'",
      'INDEX sqlite_autoindex_tracking_links_1',
      'using tracking_links_source_unique',
    ],
    [
      'which activities regard this contact (deleting contacts, undo of a run)',
      'select id from activities where regarding_contact_id = 1',
      'INDEX activities_regarding_contact_id',
      'using activities_regarding_contact_id',
    ],
    [
      'which accounts are the children of this account (deleting accounts, undo of a run)',
      'select id from accounts where parent_account_id = 1',
      'INDEX accounts_parent_account_id',
      'using accounts_parent_account_id',
    ],
  ])('%s', async (_what, query, onSqlite, onPostgres) => {
    const plan = await queryPlan(dialect, location, query);
    expect(plan).toContain(dialect === 'sqlite' ? onSqlite : onPostgres);
    expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
  });
});
