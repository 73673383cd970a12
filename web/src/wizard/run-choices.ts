/** The choices of the run (POST /api/plans/:id/runs) from the wizard's state. */
import type { Group, Plan, RunChoices } from '../api/types';
import { listGroups } from '../api/wizard-api';
import type { WizardState } from './wizard-state';

/** Every group key of the plan, read 1,000 at a time (only needed when the user unchecked all). */
async function allGroupKeys(plan: Plan): Promise<string[]> {
  const keys: string[] = [];
  for (let offset = 0; offset < plan.groupCount; offset += 1_000) {
    const page = await listGroups(plan.planId, { offset, limit: 1_000 });
    keys.push(...page.items.map((g: Group) => g.key));
    if (page.items.length === 0) break;
  }
  return keys;
}

export async function runChoices(state: WizardState): Promise<RunChoices> {
  const plan = state.plan!;
  const toggled = new Set(state.toggled);
  const unchecked = state.checkMode === 'all' ? state.toggled : (await allGroupKeys(plan)).filter((k) => !toggled.has(k));
  const groupSettings: RunChoices['groupSettings'] = {};
  for (const [key, choice] of Object.entries(state.groupChoices)) {
    const setting: { account?: NonNullable<typeof choice.account>; includeCommunications?: boolean } = {};
    if (choice.account) setting.account = choice.account;
    if (choice.includeCommunications !== undefined) setting.includeCommunications = choice.includeCommunications;
    if (setting.account || setting.includeCommunications !== undefined) groupSettings[key] = setting;
  }
  return {
    unchecked,
    companyAccount: state.companyAccount,
    trackCommunications: state.trackCommunications,
    communicationsSince: state.trackCommunications && state.communicationsSince ? state.communicationsSince : null,
    groupSettings,
  };
}
