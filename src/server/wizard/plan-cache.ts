/**
 * Wizard plans between the browser's steps: a plan is read once (the whole mailbox) and
 * then paged from memory. Each user keeps one plan per mailbox; a plan unused for
 * `ttlMs` is dropped (the browser is told to prepare again, 410), and at most `capacity`
 * plans are kept (a 100,000-contact plan holds about 180 MB).
 */
import { randomUUID } from 'node:crypto';
import type { WizardPlan } from '../../tracking/index.js';
import { forbidden, problem } from '../problem.js';

interface Entry {
  /** Null once a run took it (the run holds it while it goes on). */
  plan: WizardPlan | null;
  /** The run that added this plan's contacts. */
  runId: number | null;
  userId: number;
  mailboxId: number;
  usedAt: number;
}

export class PlanCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs = 30 * 60_000,
    readonly capacity = 4,
    readonly now: () => number = Date.now,
  ) {}

  put(userId: number, plan: WizardPlan): string {
    this.#sweep();
    for (const [id, entry] of this.#entries) if (entry.userId === userId && entry.mailboxId === plan.mailbox.id) this.#entries.delete(id);
    while (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    const id = randomUUID();
    this.#entries.set(id, { plan, runId: null, userId, mailboxId: plan.mailbox.id, usedAt: this.now() });
    return id;
  }

  /** The plan, for its own user only; 410 once it expired or was replaced. */
  get(planId: string, userId: number): WizardPlan {
    this.#sweep();
    const entry = this.#entries.get(planId);
    if (!entry) throw problem(410, 'plan-expired', 'Plan expired', 'This plan expired or was replaced by a newer one: prepare the wizard again (your choices are kept).');
    if (entry.userId !== userId) throw forbidden('This plan');
    entry.usedAt = this.now();
    // Most recently used last, so eviction takes the least recently used.
    this.#entries.delete(planId);
    this.#entries.set(planId, entry);
    if (!entry.plan) {
      throw problem(409, 'run-in-progress', 'Already added', `This plan was already started as run #${entry.runId}: follow it under Runs, or prepare the wizard again for a new run.`, { runId: entry.runId });
    }
    return entry.plan;
  }

  /** A run took the plan: it is let go (the run keeps it while it goes on), and asking for it again says which run has it. */
  taken(planId: string, runId: number): void {
    const entry = this.#entries.get(planId);
    if (entry) Object.assign(entry, { plan: null, runId });
  }

  #sweep(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.#entries) if (entry.usedAt < oldest) this.#entries.delete(id);
  }
}
