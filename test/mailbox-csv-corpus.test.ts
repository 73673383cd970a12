/**
 * The CSV connector on every CSV-ish file of the shared corpus (SOURCES.md): Outlook,
 * Google and Thunderbird exports are read without a crash, with the counts SOURCES.md
 * gives (or, where its count is of physical lines, the number of CSV records: said
 * below); non-CSV files there (LDIF, a headerless import test) give a typed error. The
 * two Outlook files made for these tests are checked against their truth.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import type { MailboxContact, MailboxRecord } from '../src/mailbox/mailbox.js';
import { MailboxError, MailboxFormatUnknown } from '../src/mailbox/mailbox-errors.js';
import { OutlookCsvMailbox } from '../src/mailbox/outlook-csv/outlook-csv-mailbox.js';
import { corpusAvailable, corpusPath, describeCorpus } from './corpus.js';

function filesUnder(folder: string): string[] {
  if (!corpusAvailable) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).sort().flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(corpusPath(folder)).filter((path) => !path.endsWith('.json'));
}

async function readAll(path: string): Promise<MailboxRecord[]> {
  const mailbox = new OutlookCsvMailbox({ path, ownerAddress: 'me@example.org' });
  await mailbox.folders();
  const records: MailboxRecord[] = [];
  for await (const record of mailbox.contacts()) records.push(record);
  return records;
}

const contactsOf = (records: MailboxRecord[]) => records.filter((r): r is MailboxContact => r.kind === 'contact');

/**
 * Contacts per file, or the error it must give. SOURCES.md counts physical lines: where a
 * quoted value spans lines, the number of CSV records is smaller, and that is what is
 * checked here.
 */
const EXPECTED: Record<string, number | 'not a CSV export'> = {
  'google-csv/roundcube_gmail.csv': 1, // SOURCES.md "6 data rows": one record whose two addresses span 6 lines
  'outlook-csv/roundcube_outlook_email-columns.csv': 1, // the 3 e-mail columns are read as English Outlook
  'outlook-csv/made_outlook-en-cp1252/outlook-en.csv': 120,
  'outlook-csv/made_outlook-fr-cp1252/outlook-fr.csv': 120,
  'thunderbird/roundcube_tb_plain.csv': 1,
  'thunderbird/tb-addrbook_export.csv': 2, // SOURCES.md "4 data rows": the second record spans 2 lines (and holds a bare CR)
  'thunderbird/tb-addrbook_export.txt': 2, // the same, tab-separated
  'thunderbird/tb-import_basic_addressbook.csv': 1,
  'thunderbird/tb-import_basic_csv_addressbook.csv': 2,
  'thunderbird/tb-import_csv_semicolon.csv': 2,
  // An import test of a headerless file: its first line is data ("1,1,1,1,1@host.invalid"),
  // so no layout can be told from it and Liaison refuses it rather than guess.
  'thunderbird/tb-import_tab_comma_mixed.csv': 'not a CSV export',
  'thunderbird/tb-addrbook_export.ldif': 'not a CSV export',
  'thunderbird/tb-import_basic_ldif_addressbook.ldif': 'not a CSV export',
  'thunderbird/tb-import_bug_263304.ldif': 'not a CSV export',
};

describeCorpus('CSV connector on the corpus', () => {
  const files = ['outlook-csv', 'google-csv', 'thunderbird'].flatMap(filesUnder);

  it('knows what to expect of every file in the three folders', () => {
    expect(files.map((f) => relative(corpusPath(), f)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files.map((file) => [relative(corpusPath(), file), file]))('%s is read without a crash', async (name, file) => {
    const expected = EXPECTED[name];
    if (expected === 'not a CSV export') {
      await expect(readAll(file)).rejects.toThrow(MailboxFormatUnknown);
      return;
    }
    let records: MailboxRecord[];
    try {
      records = await readAll(file);
    } catch (error) {
      expect.unreachable(`${name}: ${error instanceof MailboxError ? error.message : String(error)}`);
      return;
    }
    expect(contactsOf(records)).toHaveLength(expected!);
    expect(records.filter((r) => r.kind === 'unreadable')).toEqual([]);
  });

  it('reads the Thunderbird record that spans two lines with its line number and its non-ASCII text', async () => {
    const contacts = contactsOf(await readAll(corpusPath('thunderbird', 'tb-addrbook_export.csv')));
    expect(contacts.map((c) => c.source.line)).toEqual([2, 3]);
    expect(contacts[1]?.fields).toMatchObject({ fullName: 'contact number two', jobTitle: '"worker"', notes: "here's some unicode text…" });
  });

  it('reads the old Google layout: groups without "* My Contacts", e-mails, phones, addresses, relation', async () => {
    const [contact] = contactsOf(await readAll(corpusPath('google-csv', 'roundcube_gmail.csv')));
    expect(contact?.fields).toMatchObject({
      fullName: 'Prefix Firstname Middle Lastname Suffix', firstName: 'Firstname', lastName: 'Lastname', birthday: '1975-12-12',
      categories: ['Test'], emails: ['home@aaa.pl', 'work@email.pl', 'unknown@email.com'], company: 'company', jobTitle: 'jobtitle',
      spouse: 'spouse', notes: 'note"note',
    });
    expect(contact?.fields.addresses?.home).toEqual({ street: 'home_street', city: 'home_city', region: 'home_state', postalCode: 'home_zip', country: 'home_country' });
    expect(contact?.warnings).toEqual([expect.stringMatching(/only 3 e-mails are kept; left out: other@email.com/)]);
  });

  const groupKey = (text: string | undefined) => (text ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

  function groups(contacts: MailboxContact[]) {
    const count = (map: Record<string, number>, key: string) => {
      map[key] = (map[key] ?? 0) + 1;
    };
    const company: Record<string, number> = {};
    const domain: Record<string, number> = {};
    const category: Record<string, number> = {};
    for (const { fields } of contacts) {
      count(company, fields.company ? groupKey(fields.company) : '(no company)');
      const email = fields.emails?.[0];
      count(domain, email ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : '(no e-mail)');
      for (const c of fields.categories ?? ['(no category)']) count(category, c);
    }
    return { contacts: contacts.length, company, domain, category };
  }

  it.each([['made_outlook-en-cp1252', 'outlook-en.csv'], ['made_outlook-fr-cp1252', 'outlook-fr.csv']])(
    '%s matches its truth.json (count, groups by company, e-mail domain and category)',
    async (folder, file) => {
      const truth = JSON.parse(readFileSync(corpusPath('outlook-csv', folder, 'truth.json'), 'utf8')) as Record<string, unknown>;
      const records = await readAll(corpusPath('outlook-csv', folder, file));
      const contacts = contactsOf(records);
      expect(groups(contacts)).toEqual(truth);
      expect(records.filter((r) => r.kind !== 'contact')).toEqual([]);
      expect(contacts.flatMap((c) => c.warnings)).toEqual([]);
    },
  );

  it('decodes the French Windows-1252 file: é, ß, « » and € come out right', async () => {
    const contacts = contactsOf(await readAll(corpusPath('outlook-csv', 'made_outlook-fr-cp1252', 'outlook-fr.csv')));
    const text = JSON.stringify(contacts.map((c) => c.fields));
    expect(text).toContain('François');
    expect(text).toContain('Hauptstraße 5\\nHinterhaus');
    expect(text).toContain('« très intéressé »');
    expect(text).toContain('10 000 €');
    expect(text).not.toMatch(/[\u0080-\u009f\ufffd]|Ã/);
    const withTitle = contacts.find((c) => c.fields.jobTitle === 'Directrice commerciale');
    expect(withTitle).toBeDefined();
    expect(contacts.some((c) => c.fields.birthday === '1980-04-15')).toBe(true);
  });
});
