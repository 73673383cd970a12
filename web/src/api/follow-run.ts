/**
 * Follow a run until it ends: Server-Sent Events (GET /api/runs/:id/events) while they
 * work, else polling GET /api/runs/:id/progress every second. Returns a stop function.
 */
import { getRun, getRunProgress, runEventsUrl } from './runs-api';
import type { RunSummary } from './types';

export interface RunFollower {
  onProgress(done: number | null, total: number | null): void;
  onFinished(summary: RunSummary): void;
  /** The run stopped before its end (interrupted, or an error); `detail` says what to do. */
  onStopped(detail: string): void;
  onError(error: unknown): void;
}

const POLL_MS = 1_000;

export function followRun(runId: number, follower: RunFollower): () => void {
  let stopped = false;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | null = null;

  const end = () => {
    ended = true;
    source?.close();
  };

  const poll = async () => {
    if (stopped || ended) return;
    try {
      const progress = await getRunProgress(runId);
      if (stopped) return;
      follower.onProgress(progress.done, progress.total);
      if (progress.error) {
        end();
        return follower.onStopped(progress.error);
      }
      if (progress.status !== 'running') {
        end();
        return follower.onFinished(await getRun(runId));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    } catch (error) {
      if (!stopped) follower.onError(error);
    }
  };

  if (typeof EventSource === 'function') {
    source = new EventSource(runEventsUrl(runId), { withCredentials: true });
    source.addEventListener('progress', (event) => {
      const { done, total } = JSON.parse((event as MessageEvent<string>).data) as { done: number; total: number };
      follower.onProgress(done, total);
    });
    source.addEventListener('finished', (event) => {
      end();
      follower.onFinished(JSON.parse((event as MessageEvent<string>).data) as RunSummary);
    });
    source.addEventListener('stopped', (event) => {
      end();
      follower.onStopped((JSON.parse((event as MessageEvent<string>).data) as { detail: string }).detail);
    });
    source.onerror = () => {
      if (ended || stopped) return;
      // The stream broke or was refused (an expired session answers 401): poll instead, which says why.
      source?.close();
      source = null;
      void poll();
    };
  } else {
    void poll();
  }

  return () => {
    stopped = true;
    source?.close();
    if (timer) clearTimeout(timer);
  };
}
