/** A plan's groups, 200 at a time as they are scrolled to, filtered by a search; the plan's first page seeds the list. */
import { useCallback } from 'react';
import type { Group, Plan } from '../api/types';
import { listGroups } from '../api/wizard-api';
import { usePagedItems, type PagedItems } from '../components/use-paged-items';

export const GROUP_PAGE = 200;

export function usePlanGroups(plan: Plan, search: string, fail: (error: unknown) => void): PagedItems<Group> {
  const load = useCallback(
    (offset: number, limit: number, signal: AbortSignal) =>
      listGroups(plan.planId, { offset, limit, search: search || undefined }, signal).catch((error: unknown) => {
        if (!signal.aborted) fail(error);
        throw error;
      }),
    [plan.planId, search, fail],
  );
  return usePagedItems(load, GROUP_PAGE, `${plan.planId}\n${search}`, search ? undefined : plan.groups);
}
