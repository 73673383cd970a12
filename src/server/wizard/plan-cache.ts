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
  plan: WizardPlan;
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
    this.#entries.set(id, { plan, userId, mailboxId: plan.mailbox.id, usedAt: this.now() });
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
    return entry.plan;
  }

  drop(planId: string): void {
    this.#entries.delete(planId);
  }

  #sweep(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.#entries) if (entry.usedAt < oldest) this.#entries.delete(id);
  }
}
