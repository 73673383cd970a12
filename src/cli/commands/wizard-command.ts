import { Command, InvalidArgumentError, Option } from 'commander';
import { GROUPINGS, type Grouping } from '../../domain/group-contacts.js';
import { addContacts, openTrackingMailbox, planWizard, type AccountSetting, type WizardChoices } from '../../tracking/index.js';
import { printJson, printNote, printResult } from '../output.js';
import { ProgressBar } from '../progress-bar.js';
import { withStore } from '../with-store.js';
import { runInteractiveWizard } from '../wizard/interactive-wizard.js';
import { planToJson, renderGroupTable, renderReport, useColour } from '../wizard/render-plan.js';
import { renderSummary, summaryToJson } from '../wizard/render-summary.js';

interface WizardFlags {
  user?: string;
  groupBy?: Grouping;
  folder?: string;
  excludeSubfolder: string[];
  plan?: boolean;
  uncheck: string[];
  merge: { from: string; to: string }[];
  companyAccount: boolean;
  trackCommunications?: boolean;
  since?: string;
  setAccount: { key: string; account: AccountSetting }[];
  /** `--no-communications <group key>`: commander names a `--no-` option after what it negates; true when not given. */
  communications: string[] | true;
  json?: boolean;
}

const collect = <T>(parse: (value: string) => T) => (value: string, previous: T[]) => [...previous, parse(value)];

function parseMerge(value: string): { from: string; to: string } {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('write it as "<name>=<canonical name>", e.g. --merge "Contoso, Inc.=Contoso Ltd".');
  return { from: value.slice(0, at), to: value.slice(at + 1) };
}

function parseSetAccount(value: string): { key: string; account: AccountSetting } {
  const at = value.lastIndexOf('=');
  const key = value.slice(0, at);
  const setting = value.slice(at + 1).trim();
  const ref = /^(account|contact):(\d+)$/.exec(setting);
  if (at <= 0) throw new InvalidArgumentError('write it as "<group key>=none|company|account:<id>|contact:<id>".');
  if (setting === 'none' || setting === 'company') return { key, account: { kind: setting } };
  if (ref) return { key, account: { kind: ref[1] as 'account' | 'contact', id: Number(ref[2]) } };
  throw new InvalidArgumentError(`"${setting}" is not none, company, account:<id> or contact:<id>.`);
}

function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('give a date as YYYY-MM-DD.');
  return value;
}

/** The flags as the choices of the use case. */
export function choicesOf(flags: WizardFlags): WizardChoices {
  const groupSettings: NonNullable<WizardChoices['groupSettings']> = {};
  for (const { key, account } of flags.setAccount) groupSettings[key] = { ...groupSettings[key], account };
  for (const key of flags.communications === true ? [] : flags.communications) groupSettings[key] = { ...groupSettings[key], includeCommunications: false };
  return {
    groupBy: flags.groupBy ?? 'company',
    ...(flags.folder !== undefined ? { folder: flags.folder } : {}),
    excludeSubfolders: flags.excludeSubfolder,
    merges: flags.merge,
    unchecked: flags.uncheck,
    companyAccount: flags.companyAccount,
    trackCommunications: flags.trackCommunications === true,
    communicationsSince: flags.since ?? null,
    groupSettings,
  };
}

export function wizardCommand(): Command {
  return new Command('wizard')
    .description('Add contacts from a mailbox to the CRM, by company, e-mail domain or category (the Add Contacts wizard). Interactive in a terminal; with --group-by, --plan or --json it runs from flags (scripts).')
    .argument('<mailbox>', 'the name of one of your mailboxes (see "liaison mailbox list")')
    .option('--user <email>', 'the user acting (default: the only user)')
    .addOption(new Option('--group-by <grouping>', 'how to group the contacts').choices(GROUPINGS))
    .option('--folder <path>', 'the contacts folder (default: the mailbox\'s default folder)')
    .option('--exclude-subfolder <path>', 'leave out a subfolder and its own subfolders (repeatable)', collect(String), [])
    .option('--plan', 'print the plan (groups, counts, report) and change nothing')
    .option('--uncheck <group key>', 'do not add this group (repeatable)', collect(String), [])
    .option('--merge <name=canonical>', 'accept a company-name merge (repeatable)', collect(parseMerge), [])
    .option('--no-company-account', 'do not use company names as accounts (W6: on by default)')
    .option('--track-communications', 'track the e-mails, meetings and tasks of the added contacts (W7)')
    .option('--since <YYYY-MM-DD>', 'with --track-communications: from this date in the past', parseDate)
    .option('--set-account <key=setting>', 'per group: none | company | account:<id> | contact:<id> (repeatable)', collect(parseSetAccount), [])
    .addOption(
      new Option('--no-communications <group key>', 'per group: do not track communications, whatever --track-communications says (repeatable)').argParser(
        (value: string, previous: string[] | true) => [...(previous === true ? [] : previous), value],
      ),
    )
    .option('--json', 'print the plan or the summary as JSON')
    .addHelpText(
      'after',
      `
A plain re-run resumes an interrupted run of the same mailbox, with the choices it was started with.
Group keys: the KEY column of --plan ("(no company)", "(no e-mail)" and "(no category)" for contacts with none).

Examples:
  liaison wizard "Address book"
  liaison wizard "Address book" --group-by company --plan
  liaison wizard "Address book" --group-by domain --uncheck gmail.com --track-communications --since 2026-01-01 --json
  liaison wizard "Address book" --group-by company --merge "Contoso, Inc.=Contoso Ltd" --set-account "fabrikam=account:12"`,
    )
    .action(async (mailboxName: string, flags: WizardFlags, command: Command) => {
      if (flags.since && !flags.trackCommunications) command.error('error: --since goes with --track-communications.');
      const scripted = flags.groupBy !== undefined || flags.plan || flags.json;
      if (!scripted && !(process.stdin.isTTY && process.stdout.isTTY)) {
        command.error('error: the interactive wizard needs a terminal; without one, give --group-by company|domain|category (and --plan to look without adding).');
      }
      await withStore(command, async (store) => {
        if (!scripted) return runInteractiveWizard(store, mailboxName, flags.user);
        const choices = choicesOf(flags);
        if (flags.plan) {
          const plan = await planWizard(store, await openTrackingMailbox(store, mailboxName, flags.user), choices);
          if (flags.json) return printJson(planToJson(plan));
          printResult(`${renderReport(plan)}\n\n${renderGroupTable(plan, useColour(process.stdout), new Set(choices.unchecked))}`);
          return;
        }
        const bar = new ProgressBar('Adding contacts');
        const { summary, resumed } = await addContacts(store, { mailbox: mailboxName, userEmail: flags.user, choices, onProgress: (p) => bar.update(p.done, p.total) });
        bar.done();
        if (resumed) printNote(`Resumed run #${resumed.runId}, which had been interrupted, with the choices it was started with (grouped by ${resumed.choices.groupBy}).`);
        if (flags.json) return printJson(summaryToJson(summary));
        printResult(renderSummary(summary));
      });
    });
}
