/**
 * Everything the user chose in the wizard, kept in sessionStorage so that signing in again
 * after the session expired comes back to the same step with the same choices.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccountSetting, Grouping, Merge, Plan, RecordRef, RunSummary, Variant } from '../api/types';

export const STEPS = ['mailbox', 'folder', 'grouping', 'report', 'groups', 'merges', 'options', 'advanced', 'progress', 'summary'] as const;
export type StepId = (typeof STEPS)[number];

/** A group's advanced setting (W8); `picked` keeps the chosen record's name for display. */
export interface GroupChoice {
  account?: AccountSetting;
  picked?: RecordRef;
  includeCommunications?: boolean;
}

export interface WizardState {
  step: StepId;
  mailboxId: number | null;
  folder: string | null;
  excludeSubfolders: string[];
  groupBy: Grouping;
  plan: Plan | null;
  /** Every variant proposed since the first plan, so that decisions stay visible after regrouping. */
  variants: Variant[];
  decisions: Record<string, 'accept' | 'reject'>;
  /** Groups are all checked ('all') or all unchecked ('none'), except the toggled keys. */
  checkMode: 'all' | 'none';
  toggled: string[];
  companyAccount: boolean;
  trackCommunications: boolean;
  communicationsSince: string;
  groupChoices: Record<string, GroupChoice>;
  runId: number | null;
  summary: RunSummary | null;
}

export const INITIAL_WIZARD: WizardState = {
  step: 'mailbox',
  mailboxId: null,
  folder: null,
  excludeSubfolders: [],
  groupBy: 'company',
  plan: null,
  variants: [],
  decisions: {},
  checkMode: 'all',
  toggled: [],
  companyAccount: true,
  trackCommunications: false,
  communicationsSince: '',
  groupChoices: {},
  runId: null,
  summary: null,
};

const STORAGE_KEY = 'liaison.wizard';

function loadWizard(): WizardState {
  try {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved) return { ...INITIAL_WIZARD, ...(JSON.parse(saved) as Partial<WizardState>) };
  } catch {
    // A broken or unreadable copy: start afresh.
  }
  return INITIAL_WIZARD;
}

function saveWizard(state: WizardState): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full (a very large plan): keep the choices, drop the plan; it is prepared again when needed.
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state, plan: null }));
    } catch {
      // Nothing more to do: the wizard still works, it just cannot survive a new sign-in.
    }
  }
}

export type UpdateWizard = (change: Partial<WizardState> | ((state: WizardState) => Partial<WizardState>)) => void;

export function useWizardState(): [WizardState, UpdateWizard, () => void] {
  const [state, setState] = useState<WizardState>(loadWizard);
  useEffect(() => saveWizard(state), [state]);
  const update = useCallback<UpdateWizard>((change) => setState((s) => ({ ...s, ...(typeof change === 'function' ? change(s) : change) })), []);
  const reset = useCallback(() => setState(INITIAL_WIZARD), []);
  return [state, update, reset];
}

/** The merges the accepted variants make: every other spelling → the canonical name. */
export function acceptedMerges(variants: Variant[], decisions: Record<string, 'accept' | 'reject'>): Merge[] {
  return variants.filter((v) => decisions[v.canonical] === 'accept').flatMap((v) => v.names.filter((n) => n.name !== v.canonical).map((n) => ({ from: n.name, to: v.canonical })));
}

/** Whether a group is checked under the current check mode. */
export function isChecked(state: Pick<WizardState, 'checkMode' | 'toggled'>, key: string, toggled = new Set(state.toggled)): boolean {
  return state.checkMode === 'all' ? !toggled.has(key) : toggled.has(key);
}

/** The variants of a new plan added to those already shown. */
export function mergeVariants(known: Variant[], fresh: Variant[]): Variant[] {
  const seen = new Set(known.map((v) => v.canonical));
  return [...known, ...fresh.filter((v) => !seen.has(v.canonical))];
}

/** How many groups are checked, for "N of M groups checked". */
export function checkedCount(state: Pick<WizardState, 'checkMode' | 'toggled'>, groupCount: number): number {
  return Math.max(0, state.checkMode === 'all' ? groupCount - state.toggled.length : state.toggled.length);
}
