/**
 * The Add Contacts wizard from end to end, for the CLI and the HTTP API: plan, then run.
 * A run of the same mailbox that was interrupted (PRODUCT.md W11) is resumed rather than
 * a new one started, with the choices it was started with: a plain re-run resumes.
 */
import type { CrmStore } from '../crm/index.js';
import { openTrackingMailbox, type TrackingMailbox } from './open-tracking-mailbox.js';
import { planWizard, type WizardPlan } from './plan-wizard.js';
import { runWizard, WIZARD_RUN_KIND, type RunProgress, type StoredWizardOptions } from './run-wizard.js';
import type { RunSummary } from './run-summary.js';
import { findUsersRun } from './read-runs.js';
import { RunNotResumable } from './tracking-errors.js';
import type { WizardChoices } from './wizard-choices.js';

export interface AddContactsResult {
  summary: RunSummary;
  /** Set when an interrupted run was resumed (its own choices were used). */
  resumed: { runId: number; choices: WizardChoices } | null;
}

export async function addContacts(
  store: CrmStore,
  input: { mailbox: string; userEmail?: string; choices: WizardChoices; onProgress?: (p: RunProgress) => void; onPlan?: (plan: WizardPlan) => void },
): Promise<AddContactsResult> {
  const opened = await openTrackingMailbox(store, input.mailbox, input.userEmail);
  const unfinished = await store.runs.findUnfinished(opened.stored.id, WIZARD_RUN_KIND);
  if (unfinished) return resumeOpened(store, opened, unfinished.id, input.onProgress);
  const plan = await planWizard(store, opened, input.choices);
  input.onPlan?.(plan);
  return { summary: await runWizard(store, plan, input.choices, { onProgress: input.onProgress }), resumed: null };
}

/** `runs resume <id>`: continues an interrupted wizard run of the user's, with its own choices. */
export async function resumeRun(store: CrmStore, runId: number, userEmail?: string, onProgress?: (p: RunProgress) => void): Promise<AddContactsResult> {
  const run = await findUsersRun(store, runId, userEmail);
  const found = run.mailboxId === null ? undefined : await store.mailboxes.find(run.mailboxId);
  const user = await store.users.getOrThrow(run.userId);
  if (run.kind !== WIZARD_RUN_KIND || run.status !== 'running') throw new RunNotResumable(runId, run.kind !== WIZARD_RUN_KIND ? `it is a ${run.kind} run, which finishes at once` : `it is ${run.status}`);
  if (!found) throw new RunNotResumable(runId, 'its mailbox was removed');
  const opened = await openTrackingMailbox(store, found.name, user.email);
  return resumeOpened(store, opened, runId, onProgress);
}

async function resumeOpened(store: CrmStore, opened: TrackingMailbox, runId: number, onProgress?: (p: RunProgress) => void): Promise<AddContactsResult> {
  const run = await store.runs.getOrThrow(runId);
  const { choices } = run.options as StoredWizardOptions;
  const plan = await planWizard(store, opened, choices);
  const summary = await runWizard(store, plan, choices, { resumeRunId: runId, onProgress });
  return { summary, resumed: { runId, choices } };
}
