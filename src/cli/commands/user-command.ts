import { Command, Option } from 'commander';
import type { User } from '../../crm/index.js';
import { addUser, generatePassword, setUserPassword } from '../../tracking/index.js';
import { readPassword } from '../read-password.js';
import { printJson, printResult } from '../output.js';
import { renderTable } from '../render-table.js';
import { withStore } from '../with-store.js';

export function userCommand(): Command {
  const user = new Command('user').description('Manage the CRM users (the people who track contacts).');

  user
    .command('add')
    .description('Add a CRM user. The first user is an admin unless --role says otherwise.')
    .argument('<email>', "the user's primary e-mail: a mailbox is tracked only by the user with its address")
    .requiredOption('--name <name>', "the user's full name")
    .addOption(new Option('--role <role>', 'admin or user (default: admin for the first user, user after)').choices(['admin', 'user']))
    .option('--json', 'print the new user as JSON')
    .addHelpText('after', '\nExamples:\n  liaison user add ada@example.org --name "Ada Lovelace"')
    .action(async (email: string, options: { name: string; role?: 'admin' | 'user'; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const added = await addUser(store, { email, name: options.name, role: options.role });
        if (options.json) return printJson(added);
        printResult(`Added user #${added.id} ${added.name} <${added.email}> (${added.role}).`);
      });
    });

  user
    .command('password')
    .description('Set the password a user signs in to the web app with (liaison serve). Read from standard input, or asked for in a terminal; --generate makes one and prints it.')
    .argument('<email>', "the user's e-mail")
    .option('--generate', 'make a random password and print it once')
    .addHelpText('after', '\nExamples:\n  liaison user password ada@example.org --generate\n  printf "%s" "$PASSWORD" | liaison user password ada@example.org')
    .action(async (email: string, options: { generate?: boolean }, command: Command) => {
      const password = options.generate ? generatePassword() : await readPassword();
      await withStore(command, async (store) => {
        const changed = await setUserPassword(store, email, password);
        if (options.generate) return printResult(`The password of ${changed.email} is now: ${password}\nIt is shown only this once.`);
        printResult(`The password of ${changed.email} is set.`);
      });
    });

  user
    .command('list')
    .description('List the CRM users.')
    .option('--json', 'print the users as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const users = await store.users.list();
        if (options.json) return printJson({ users });
        if (users.length === 0) return printResult('No users yet. Add one with: liaison user add <email> --name "<name>"');
        printResult(
          renderTable<User>(users, [
            { header: 'ID', value: (u) => u.id, align: 'right' },
            { header: 'NAME', value: (u) => u.name },
            { header: 'E-MAIL', value: (u) => u.email },
            { header: 'ROLE', value: (u) => u.role },
          ]),
        );
      });
    });

  return user;
}
