/** What the routes are given: the store, the clock, and the in-process state of the wizard. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CrmStore } from '../crm/index.js';
import type { PlanCache } from './wizard/plan-cache.js';
import type { RunRegistry } from './wizard/run-registry.js';

export interface ServerDeps {
  store: CrmStore;
  now: () => Date;
  plans: PlanCache;
  runs: RunRegistry;
}

/** The app with zod schemas typing each route's request. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
