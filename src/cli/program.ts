/**
 * The `liaison` command line: global options, and one file per command under
 * `commands/`. No business rule lives here.
 */
import { Command, Option } from 'commander';
import { DEFAULT_DATABASE } from '../crm/index.js';
import { accountsCommand } from './commands/accounts-command.js';
import { contactsCommand } from './commands/contacts-command.js';
import { demoCommand } from './commands/demo-command.js';
import { initCommand } from './commands/init-command.js';
import { mailboxCommand } from './commands/mailbox-command.js';
import { runsCommand } from './commands/runs-command.js';
import { serveCommand } from './commands/serve-command.js';
import { trackCommand, untrackCommand } from './commands/track-command.js';
import { wizardCommand } from './commands/wizard-command.js';
import { userCommand } from './commands/user-command.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('liaison')
    .description('Liaison tracks your address-book contacts in a CRM, without duplicates, and keeps them in sync.')
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(
      new Option('--db <location>', `the CRM database: a SQLite file or a postgres:// URL (default: ${DEFAULT_DATABASE})`).env('LIAISON_DB'),
    )
    .option('--debug', 'print stack traces on errors');

  for (const command of [initCommand(), userCommand(), accountsCommand(), contactsCommand(), mailboxCommand(), wizardCommand(), trackCommand(), untrackCommand(), runsCommand(), demoCommand(), serveCommand()]) {
    program.addCommand(command);
  }
  // Commands built apart do not inherit these: every level throws instead of exiting,
  // so main.ts decides the exit code (2 for a usage error).
  const inherit = (command: Command) => {
    command.exitOverride().showHelpAfterError('(add --help for usage)');
    command.commands.forEach(inherit);
  };
  inherit(program);
  program.addHelpText(
    'after',
    `
Where the data lives:
  --db, else LIAISON_DB, else ${DEFAULT_DATABASE}. Mailbox passwords are encrypted with
  LIAISON_SECRET, else a key file (LIAISON_KEY_FILE or ~/.config/liaison/secret.key).

Examples:
  liaison init
  liaison user add ada@example.org --name "Ada Lovelace"
  liaison accounts add "Contoso Ltd"
  liaison contacts list --json`,
  );
  return program;
}
