import { Command } from 'commander';
import { printJson, printNote, printResult } from '../output.js';
import { withStore } from '../with-store.js';

export function initCommand(): Command {
  return new Command('init')
    .description('Create the CRM database (or bring an existing one up to date) and say where it lives.')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  liaison init                                   # ./liaison.db
  liaison init --db ~/crm/liaison.db
  liaison init --db "postgres://crm@127.0.0.1:5432/crm?schema=liaison"`,
    )
    .action(async (options: { json?: boolean }, command: Command) => {
      await withStore(
        command,
        async (store) => {
          const [users, accounts, contacts] = await Promise.all([
            store.users.list(),
            store.accounts.count(),
            store.contacts.count(),
          ]);
          const result = {
            location: store.location,
            dialect: store.dialect,
            migrationsRun: store.migrationsRun,
            counts: { users: users.length, accounts, contacts },
          };
          if (options.json) return printJson(result);
          const what = store.migrationsRun.length === 0 ? 'is up to date' : `is ready (ran ${store.migrationsRun.join(', ')})`;
          printResult(`The Liaison database at ${store.location} ${what}.`);
          printResult(`It holds ${users.length} user(s), ${accounts} account(s) and ${contacts} contact(s).`);
          if (users.length === 0) {
            printNote('Next: add yourself with  liaison user add <your e-mail> --name "<your name>"');
          }
        },
        { create: true },
      );
    });
}
