import { Command, InvalidArgumentError } from 'commander';
import type { Account } from '../../crm/index.js';
import { addAccount } from '../../tracking/index.js';
import { printJson, printNote, printResult } from '../output.js';
import { renderTable } from '../render-table.js';
import { withStore } from '../with-store.js';
import { pageFooter, withPageOptions, type PageOptions } from './page-options.js';

const accountId = (value: string): number => {
  const n = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('an account id is a positive whole number.');
  return n;
};

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description('List and add CRM accounts (companies).');

  withPageOptions(
    accounts
      .command('list')
      .description('List accounts by name.')
      .option('--search <text>', 'only accounts whose name contains this text (any case)')
      .option('--json', 'print {accounts, total, limit, offset} as JSON'),
  ).action(async (options: PageOptions & { search?: string; json?: boolean }, command: Command) => {
    await withStore(command, async (store) => {
      const [rows, total] = await Promise.all([
        store.accounts.list({ search: options.search, limit: options.limit, offset: options.offset }),
        options.search ? Promise.resolve(undefined) : store.accounts.count(),
      ]);
      if (options.json) return printJson({ accounts: rows, total: total ?? null, limit: options.limit, offset: options.offset });
      if (rows.length === 0) return printResult(options.search ? `No account name contains "${options.search}".` : 'No accounts yet.');
      printResult(
        renderTable<Account>(rows, [
          { header: 'ID', value: (a) => a.id, align: 'right' },
          { header: 'NAME', value: (a) => a.name },
          { header: 'WEBSITE', value: (a) => a.website },
          { header: 'PARENT', value: (a) => (a.parentAccountId === null ? '' : `#${a.parentAccountId}`) },
        ]),
      );
      const footer = total === undefined ? undefined : pageFooter(rows.length, total, options, 'accounts');
      if (footer) printNote(footer);
    });
  });

  accounts
    .command('add')
    .description('Add an account. A name already taken (same name ignoring case and extra spaces) is refused.')
    .argument('<name>', "the account's name")
    .option('--owner <email>', 'the owning user (default: the only user)')
    .option('--website <url>', "the account's web site")
    .option('--parent <id>', 'the parent account', accountId)
    .option('--allow-duplicate', 'add it even if an account of the same name exists')
    .option('--json', 'print the new account as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  liaison accounts add "Contoso Ltd" --website https://contoso.example\n  liaison accounts add "Contoso Europe" --parent 1 --owner ada@example.org',
    )
    .action(
      async (
        name: string,
        options: { owner?: string; website?: string; parent?: number; allowDuplicate?: boolean; json?: boolean },
        command: Command,
      ) => {
        await withStore(command, async (store) => {
          const account = await addAccount(store, {
            name,
            ownerEmail: options.owner,
            website: options.website,
            parentAccountId: options.parent,
            allowDuplicate: options.allowDuplicate,
          });
          if (options.json) return printJson(account);
          printResult(`Added account #${account.id} "${account.name}".`);
        });
      },
    );

  return accounts;
}
