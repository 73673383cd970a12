/** The wizard's plan, its groups and their names, and starting a run (W1–W9). */
import { api, query } from './http';
import type { Grouping, Group, GroupContact, Merge, Page, Plan, RunChoices } from './types';

export interface PlanRequest {
  folder?: string;
  excludeSubfolders?: string[];
  groupBy: Grouping;
  merges?: Merge[];
}

export const preparePlan = (mailboxId: number, request: PlanRequest) => api<Plan>(`/api/mailboxes/${mailboxId}/plans`, { method: 'POST', body: request });

export const listGroups = (planId: string, params: { offset: number; limit: number; search?: string }, signal?: AbortSignal) =>
  api<Page<Group>>(`/api/plans/${planId}/groups${query(params)}`, { signal });

export const listGroupContacts = (planId: string, key: string, params: { offset: number; limit: number }) =>
  api<Page<GroupContact>>(`/api/plans/${planId}/groups/${encodeURIComponent(key)}/contacts${query(params)}`);

export const startRun = (planId: string, choices: RunChoices) => api<{ runId: number }>(`/api/plans/${planId}/runs`, { method: 'POST', body: choices });
