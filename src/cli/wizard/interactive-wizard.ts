/**
 * The wizard in the terminal, step by step as PRODUCT.md tells it (W1–W10), with
 * @clack/prompts: folder and subfolders, grouping, the group table with coloured counts,
 * then a menu (list a group's names, uncheck groups, accept merges, the two options, the
 * advanced per-group settings) until Add; a progress bar; the summary.
 */
import * as p from '@clack/prompts';
import type { CrmStore } from '../../crm/index.js';
import { GROUPINGS, type Grouping } from '../../domain/group-contacts.js';
import {
  addContacts,
  openTrackingMailbox,
  planWizard,
  resumeRun,
  WIZARD_RUN_KIND,
  type AccountSetting,
  type AddContactsResult,
  type RunProgress,
  type WizardChoices,
  type WizardPlan,
} from '../../tracking/index.js';
import { progressText } from '../progress-bar.js';
import { renderGroupTable, renderReport, useColour } from './render-plan.js';
import { renderSummary } from './render-summary.js';

const GROUPING_LABELS: Record<Grouping, string> = { company: 'Company name', domain: 'E-mail domain', category: 'Categories' };

function orCancel<T>(value: T | symbol): T {
  if (p.isCancel(value)) {
    p.cancel('Nothing was added.');
    process.exit(0);
  }
  return value as T;
}

export async function runInteractiveWizard(store: CrmStore, mailboxName: string, userEmail?: string): Promise<void> {
  p.intro(`Add Contacts from "${mailboxName}"`);
  const opened = await openTrackingMailbox(store, mailboxName, userEmail);
  const unfinished = await store.runs.findUnfinished(opened.stored.id, WIZARD_RUN_KIND);
  if (unfinished) return offerResume(store, unfinished.id, opened.user.email);
  const folders = await opened.mailbox.folders();
  const folder = orCancel(
    await p.select({ message: 'Contacts folder', initialValue: folders.find((f) => f.isDefault)!.path, options: folders.map((f) => ({ value: f.path, label: f.path, hint: f.isDefault ? 'default' : undefined })) }),
  );
  const subfolders = folders.filter((f) => f.path.startsWith(`${folder}/`)).map((f) => f.path);
  let excludeSubfolders: string[] = [];
  if (subfolders.length > 0) {
    const kept = orCancel(await p.multiselect({ message: 'Subfolders to include', options: subfolders.map((s) => ({ value: s, label: s })), initialValues: subfolders, required: false }));
    excludeSubfolders = subfolders.filter((s) => !kept.includes(s) && !subfolders.some((o) => !kept.includes(o) && o !== s && s.startsWith(`${o}/`)));
  }
  const groupBy = orCancel(await p.select({ message: 'Group contacts by', options: GROUPINGS.map((g) => ({ value: g, label: GROUPING_LABELS[g] })) }));
  const choices: WizardChoices = { groupBy, folder, excludeSubfolders, merges: [], unchecked: [], companyAccount: true, trackCommunications: false, communicationsSince: null, groupSettings: {} };

  let plan = await withSpinner('Reading the mailbox', () => planWizard(store, opened, choices));
  p.note(renderReport(plan), 'Preparation');
  const coloured = useColour(process.stdout);
  for (;;) {
    p.note(renderGroupTable(plan, coloured, new Set(choices.unchecked)), `Groups by ${GROUPING_LABELS[groupBy].toLowerCase()}`);
    const action = orCancel(
      await p.select({
        message: 'What next?',
        options: [
          { value: 'add', label: 'Add the checked groups' },
          { value: 'names', label: "List a group's names" },
          { value: 'uncheck', label: 'Check or uncheck groups' },
          ...(plan.variants.length > 0 ? [{ value: 'merge', label: `Accept company-name merges (${plan.variants.length} proposed)` }] : []),
          { value: 'options', label: `Options (company name as account: ${choices.companyAccount ? 'yes' : 'no'}; track communications: ${choices.trackCommunications ? 'yes' : 'no'})` },
          { value: 'advanced', label: 'Advanced: set account or communications for a group' },
        ],
      }),
    );
    if (action === 'add') break;
    if (action === 'names') {
      const key = orCancel(await p.select({ message: 'Which group?', maxItems: 15, options: plan.groups.map((g) => ({ value: g.key, label: `${g.label} (${g.count})` })) }));
      const group = plan.groups.find((g) => g.key === key)!;
      p.note(group.members.map((i) => `${plan.contacts[i]!.name}${plan.contacts[i]!.email ? ` <${plan.contacts[i]!.email}>` : ''} — ${plan.contacts[i]!.folder}`).join('\n'), group.label);
    } else if (action === 'uncheck') {
      const checked = orCancel(
        await p.multiselect({ message: 'Groups to add', maxItems: 15, options: plan.groups.map((g) => ({ value: g.key, label: `${g.label} (${g.count})` })), initialValues: plan.groups.filter((g) => !choices.unchecked!.includes(g.key)).map((g) => g.key), required: false }),
      );
      choices.unchecked = plan.groups.filter((g) => !checked.includes(g.key)).map((g) => g.key);
    } else if (action === 'merge') {
      const accepted = orCancel(
        await p.multiselect({ message: 'Merges to accept', options: plan.variants.map((v, i) => ({ value: i, label: `${v.names.map((n) => n.name).join(' / ')} → ${v.canonical}` })), required: false }),
      );
      choices.merges = accepted.flatMap((i) => plan.variants[i]!.names.filter((n) => n.name !== plan.variants[i]!.canonical).map((n) => ({ from: n.name, to: plan.variants[i]!.canonical })));
      plan = await withSpinner('Regrouping', () => planWizard(store, opened, choices));
    } else if (action === 'options') {
      choices.companyAccount = orCancel(await p.confirm({ message: 'Use company name as account name?', initialValue: choices.companyAccount }));
      choices.trackCommunications = orCancel(await p.confirm({ message: 'Track all communications for added contacts?', initialValue: choices.trackCommunications }));
      if (choices.trackCommunications) {
        const since = orCancel(await p.text({ message: 'Back-fill from (YYYY-MM-DD, empty: from now on)', initialValue: choices.communicationsSince ?? '', validate: (v) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'YYYY-MM-DD, or empty') }));
        choices.communicationsSince = since === '' ? null : since;
      }
    } else {
      await advancedSettings(store, plan, choices);
    }
  }
  await addWithProgress((onProgress) => addContacts(store, { mailbox: mailboxName, userEmail, choices, onProgress }));
}

/** W11: an interrupted run of this mailbox is finished first, with its own choices, or left for later. */
async function offerResume(store: CrmStore, runId: number, userEmail: string): Promise<void> {
  p.log.warn(`Run #${runId} of this mailbox was interrupted before it finished.`);
  const resume = orCancel(await p.confirm({ message: `Finish run #${runId} now, with the choices it was started with?`, initialValue: true }));
  if (!resume) {
    p.outro(`Nothing was added. Finish it later with "liaison runs resume ${runId}", or remove what it added with "liaison runs undo ${runId}" and start afresh.`);
    return;
  }
  await addWithProgress((onProgress) => resumeRun(store, runId, userEmail, onProgress));
}

async function addWithProgress(add: (onProgress: (p: RunProgress) => void) => Promise<AddContactsResult>): Promise<void> {
  const spinner = p.spinner();
  spinner.start('Adding contacts');
  let last = 0;
  const { summary } = await add(({ done, total }) => {
    if (done < total && Date.now() - last < 100) return;
    last = Date.now();
    spinner.message(progressText('Adding contacts', done, total));
  });
  spinner.stop(`Run #${summary.runId} ${summary.status}`);
  p.note(renderSummary(summary), 'Summary');
  p.outro(`Read this summary again with: liaison runs show ${summary.runId}`);
}

async function advancedSettings(store: CrmStore, plan: WizardPlan, choices: WizardChoices): Promise<void> {
  const key = orCancel(await p.select({ message: 'Which group?', maxItems: 15, options: plan.groups.map((g) => ({ value: g.key, label: `${g.label} (${g.count})` })) }));
  const kind = orCancel(
    await p.select({
      message: 'Set account',
      options: [
        { value: 'company', label: 'Use company name' },
        { value: 'none', label: 'Not set' },
        { value: 'search', label: 'An existing account or contact…' },
      ],
    }),
  );
  let account: AccountSetting = { kind: kind === 'none' ? 'none' : 'company' };
  if (kind === 'search') {
    const search = orCancel(await p.text({ message: 'Search accounts and contacts by name' }));
    const [accounts, contacts] = await Promise.all([store.accounts.list({ search, limit: 20 }), store.contacts.list({ search, limit: 20 })]);
    const found = [...accounts.map((a) => ({ value: `account:${a.id}`, label: `${a.name} (account #${a.id})` })), ...contacts.map((c) => ({ value: `contact:${c.id}`, label: `${c.fullName ?? c.emails?.[0] ?? c.id} (contact #${c.id})` }))];
    if (found.length === 0) p.log.warn(`Nothing found for "${search}"; the group keeps its setting.`);
    else {
      const picked = orCancel(await p.select({ message: 'Parent for the group', options: found }));
      const [k, id] = picked.split(':');
      account = { kind: k as 'account' | 'contact', id: Number(id) };
    }
  }
  const includeCommunications = orCancel(await p.confirm({ message: 'Include communications?', initialValue: choices.trackCommunications === true }));
  choices.groupSettings = { ...choices.groupSettings, [key]: { account, includeCommunications } };
}

async function withSpinner<T>(message: string, work: () => Promise<T>): Promise<T> {
  const spinner = p.spinner();
  spinner.start(message);
  try {
    return await work();
  } finally {
    spinner.stop(message);
  }
}
