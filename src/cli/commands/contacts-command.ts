import { Command } from 'commander';
import { displayName } from '../../domain/contact.js';
import type { Contact } from '../../crm/index.js';
import { resolveActingUser } from '../../tracking/index.js';
import { printJson, printNote, printResult } from '../output.js';
import { renderTable } from '../render-table.js';
import { withStore } from '../with-store.js';
import { pageFooter, withPageOptions, type PageOptions } from './page-options.js';

export function contactsCommand(): Command {
  const contacts = new Command('contacts').description('List the CRM contacts.');

  withPageOptions(
    contacts
      .command('list')
      .description('List contacts, oldest first.')
      .option('--search <text>', 'only contacts whose name, company or e-mail contains this text (any case)')
      .option('--owner <email>', 'only contacts this user owns')
      .option('--json', 'print {contacts, total, limit, offset} as JSON, with every field of each contact'),
  )
    .addHelpText('after', '\nExamples:\n  liaison contacts list --search contoso\n  liaison contacts list --json --limit 1000 | jq ".contacts[].emails"')
    .action(async (options: PageOptions & { search?: string; owner?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const ownerId = options.owner === undefined ? undefined : (await resolveActingUser(store, options.owner)).id;
        const filtered = options.search !== undefined || ownerId !== undefined;
        const [rows, total] = await Promise.all([
          store.contacts.list({ search: options.search, ownerId, limit: options.limit, offset: options.offset }),
          filtered ? Promise.resolve(undefined) : store.contacts.count(),
        ]);
        if (options.json) return printJson({ contacts: rows, total: total ?? null, limit: options.limit, offset: options.offset });
        if (rows.length === 0) return printResult(filtered ? 'No contact matches.' : 'No contacts yet.');
        const parentIds = [...new Set(rows.flatMap((c) => (c.parent?.kind === 'account' ? [c.parent.id] : [])))];
        const parents = new Map((await store.accounts.findMany(parentIds)).map((a) => [a.id, a.name]));
        printResult(
          renderTable<Contact>(rows, [
            { header: 'ID', value: (c) => c.id, align: 'right' },
            { header: 'NAME', value: (c) => displayName(c) },
            { header: 'E-MAIL', value: (c) => c.emails?.[0] },
            { header: 'COMPANY', value: (c) => c.company },
            {
              header: 'PARENT',
              value: (c) => (c.parent === null ? '' : c.parent.kind === 'account' ? (parents.get(c.parent.id) ?? `#${c.parent.id}`) : `contact #${c.parent.id}`),
            },
            { header: 'STATE', value: (c) => c.state },
          ]),
        );
        const footer = total === undefined ? undefined : pageFooter(rows.length, total, options, 'contacts');
        if (footer) printNote(footer);
      });
    });

  return contacts;
}
