import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { DEMO_MAILBOX, openTrackingMailbox, planWizard, prepareDemo } from '../../tracking/index.js';
import { printNote, printResult } from '../output.js';
import { withStore } from '../with-store.js';
import { runInteractiveWizard } from '../wizard/interactive-wizard.js';
import { renderGroupTable, renderReport, useColour } from '../wizard/render-plan.js';

/** The bundled sample address book, beside `src/` and `dist/` alike (both are three levels down). */
export const SAMPLE_ADDRESS_BOOK = fileURLToPath(new URL('../../../samples/address-book', import.meta.url));

export function demoCommand(): Command {
  return new Command('demo')
    .description('Try Liaison on the bundled sample address book: creates the database, a demo user and the sample mailbox on first use, then opens the wizard in the terminal (what "npm run start:cli" runs; "npm start" opens the web app).')
    .addHelpText(
      'after',
      `
In a terminal the wizard is interactive; without one (a pipe, CI) the plan is printed and nothing is added.
The database is --db, else LIAISON_DB, else ./liaison.db. Start afresh by deleting it.`,
    )
    .action(async (_options: unknown, command: Command) => {
      await withStore(
        command,
        async (store) => {
          const { user, created } = await prepareDemo(store, SAMPLE_ADDRESS_BOOK);
          if (created.user) printNote(`Created the demo user ${user.email} in ${store.location}.`);
          if (created.mailbox) printNote(`Added the sample address book (${SAMPLE_ADDRESS_BOOK}) as the mailbox "${DEMO_MAILBOX}".`);
          if (process.stdin.isTTY && process.stdout.isTTY) return runInteractiveWizard(store, DEMO_MAILBOX, user.email);
          const plan = await planWizard(store, await openTrackingMailbox(store, DEMO_MAILBOX, user.email), { groupBy: 'company' });
          printResult(`${renderReport(plan)}\n\n${renderGroupTable(plan, useColour(process.stdout), new Set())}`);
          printNote(
            `This is the plan; nothing was added. Run "npm run start:cli" in a terminal for the interactive wizard, or add these groups with: npx liaison wizard "${DEMO_MAILBOX}" --user ${user.email} --group-by company`,
          );
        },
        { create: true },
      );
    });
}
