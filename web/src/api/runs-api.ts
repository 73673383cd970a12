/** Runs (W10, W11): list, summary, progress, undo, resume. */
import { api, query } from './http';
import type { RunListItem, RunProgress, RunSummary } from './types';

export const listRuns = (offset = 0, limit = 50) => api<{ items: RunListItem[] }>(`/api/runs${query({ offset, limit })}`).then((r) => r.items);
export const getRun = (runId: number) => api<RunSummary>(`/api/runs/${runId}`);
export const getRunProgress = (runId: number) => api<RunProgress>(`/api/runs/${runId}/progress`);
export const undoRun = (runId: number) => api<RunSummary>(`/api/runs/${runId}/undo`, { method: 'POST' });
export const resumeRun = (runId: number) => api<{ runId: number }>(`/api/runs/${runId}/resume`, { method: 'POST' });
export const runEventsUrl = (runId: number) => `/api/runs/${runId}/events`;
export const failuresCsvUrl = (runId: number) => `/api/runs/${runId}/failures.csv`;
