/**
 * Wizard runs going on in this server process: one per mailbox at a time. A run goes on
 * when the browser that started it closes; the browser (any of the user's) follows it
 * by polling or Server-Sent Events. A run this process does not know (another process,
 * or one interrupted by a stop) is read from the store instead.
 */
import { EventEmitter } from 'node:events';
import type { RunProgress, RunSummary } from '../../tracking/index.js';
import { problem } from '../problem.js';

export interface ActiveRun {
  runId: number | null;
  mailboxId: number;
  progress: RunProgress;
  /** Set when the run ended: its summary, or the error that stopped it. */
  outcome: { summary: RunSummary } | { error: unknown } | null;
  events: EventEmitter;
}

export type RunWork = (hooks: { onStart: (runId: number) => void; onProgress: (progress: RunProgress) => void }) => Promise<RunSummary>;

export class RunRegistry {
  readonly #byMailbox = new Map<number, ActiveRun>();
  readonly #byRun = new Map<number, ActiveRun>();
  /** Ended runs are kept this long, so a browser that asks late still gets the outcome. */
  readonly #keepEndedMs: number;

  constructor(keepEndedMs = 10 * 60_000) {
    this.#keepEndedMs = keepEndedMs;
  }

  isActive(mailboxId: number): boolean {
    return this.#byMailbox.has(mailboxId);
  }

  find(runId: number): ActiveRun | undefined {
    return this.#byRun.get(runId);
  }

  /**
   * Starts `work` for a mailbox unless one runs already (409, decided before anything is
   * awaited, so two requests at once cannot both start). Resolves with the run's id once
   * the run is recorded, or rejects with the error that stopped it before that.
   */
  start(mailboxId: number, work: RunWork): Promise<number> {
    if (this.#byMailbox.has(mailboxId)) {
      const runId = this.#byMailbox.get(mailboxId)!.runId;
      throw problem(409, 'run-in-progress', 'A run is in progress', `A run of this mailbox is already in progress${runId ? ` (run #${runId})` : ''}: wait for it to finish, or follow it under Runs.`, { runId });
    }
    const active: ActiveRun = { runId: null, mailboxId, progress: { done: 0, total: 0 }, outcome: null, events: new EventEmitter() };
    this.#byMailbox.set(mailboxId, active);
    return new Promise<number>((resolve, reject) => {
      work({
        onStart: (runId) => {
          active.runId = runId;
          this.#byRun.set(runId, active);
          resolve(runId);
        },
        onProgress: (progress) => {
          active.progress = progress;
          active.events.emit('progress', progress);
        },
      }).then(
        (summary) => this.#end(active, { summary }),
        (error: unknown) => {
          this.#end(active, { error });
          if (active.runId === null) reject(error);
        },
      );
    });
  }

  #end(active: ActiveRun, outcome: NonNullable<ActiveRun['outcome']>): void {
    active.outcome = outcome;
    this.#byMailbox.delete(active.mailboxId);
    active.events.emit('end', outcome);
    if (active.runId !== null) {
      const runId = active.runId;
      setTimeout(() => this.#byRun.get(runId) === active && this.#byRun.delete(runId), this.#keepEndedMs).unref();
    }
  }

  /** Waits for every run still going (a server that stops lets them finish). */
  async settled(): Promise<void> {
    await Promise.all([...this.#byMailbox.values()].map((active) => new Promise((done) => active.events.once('end', done))));
  }
}
