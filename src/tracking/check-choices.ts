/**
 * The wizard's choices checked against the plan and the CRM before anything is written:
 * every group key named exists, every account or contact chosen as a parent exists.
 */
import type { CrmStore } from '../crm/index.js';
import type { WizardPlan } from './plan-wizard.js';
import { ParentNotFound, UnknownChoice } from './tracking-errors.js';
import type { WizardChoices } from './wizard-choices.js';

export async function checkChoices(store: CrmStore, plan: WizardPlan, choices: WizardChoices): Promise<void> {
  const keys = new Set(plan.groups.map((g) => g.key));
  const named = [...(choices.unchecked ?? []), ...Object.keys(choices.groupSettings ?? {})];
  for (const key of named) {
    if (!keys.has(key)) throw new UnknownChoice('group', key, closeKeys(key, [...keys]));
  }
  for (const [group, settings] of Object.entries(choices.groupSettings ?? {})) {
    const account = settings.account;
    if (account?.kind === 'account' && !(await store.accounts.find(account.id))) throw new ParentNotFound('account', account.id, group);
    if (account?.kind === 'contact' && !(await store.contacts.find(account.id))) throw new ParentNotFound('contact', account.id, group);
  }
}

/** Up to five group keys that start like the one given, or contain it: what the user probably meant. */
function closeKeys(key: string, keys: readonly string[]): string[] {
  const wanted = key.trim().toLowerCase();
  const head = wanted.slice(0, 3);
  return keys.filter((k) => k.includes(wanted) || (head !== '' && k.startsWith(head))).slice(0, 5);
}
