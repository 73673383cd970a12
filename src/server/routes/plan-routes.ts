/**
 * The wizard over HTTP: prepare a plan (W1–W5), page its groups and their names, then
 * start the run (W6–W9), which goes on in the server while the browser follows it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GROUPINGS } from '../../domain/group-contacts.js';
import { planWizard, runWizard, WIZARD_RUN_KIND, type WizardChoices } from '../../tracking/index.js';
import { signedIn } from '../auth/request-auth.js';
import { problem } from '../problem.js';
import { typed, type ServerDeps } from '../server-deps.js';
import { groupJson, planJson } from '../wizard/plan-json.js';
import { trackingMailbox } from './owned-mailbox.js';
import { idParams, pageQuery } from './paging.js';

const planParams = z.object({ planId: z.string().uuid() });

const accountSetting = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('company') }),
  z.object({ kind: z.literal('account'), id: z.number().int().positive() }),
  z.object({ kind: z.literal('contact'), id: z.number().int().positive() }),
]);

export const runChoicesBody = z.object({
  unchecked: z.array(z.string()).max(100_000).optional(),
  companyAccount: z.boolean().optional(),
  trackCommunications: z.boolean().optional(),
  communicationsSince: z.iso.date().nullable().optional(),
  groupSettings: z.record(z.string(), z.object({ account: accountSetting.optional(), includeCommunications: z.boolean().optional() })).optional(),
});

export function planRoutes(app: FastifyInstance, { store, plans, runs }: ServerDeps): void {
  typed(app).post(
    '/api/mailboxes/:id/plans',
    {
      schema: {
        summary: 'Prepare the wizard: read the folder, group the contacts, count those already in the CRM (W1–W5); changes nothing',
        tags: ['wizard'],
        params: idParams,
        body: z.object({
          folder: z.string().optional(),
          excludeSubfolders: z.array(z.string()).max(1_000).optional(),
          groupBy: z.enum(GROUPINGS),
          merges: z.array(z.object({ from: z.string().min(1), to: z.string().min(1) })).max(50_000).optional(),
        }),
      },
    },
    async (request) => {
      const user = signedIn(request);
      const opened = await trackingMailbox(store, user, request.params.id);
      const plan = await planWizard(store, opened, request.body);
      return planJson(plans.put(user.id, plan), plan);
    },
  );

  typed(app).get(
    '/api/plans/:planId/groups',
    { schema: { summary: "A page of a plan's groups, optionally those whose label contains `search`", tags: ['wizard'], params: planParams, querystring: pageQuery(200, 1_000).extend({ search: z.string().max(200).optional() }) } },
    async (request) => {
      const plan = plans.get(request.params.planId, signedIn(request).id);
      const search = request.query.search?.trim().toLowerCase();
      const groups = search ? plan.groups.filter((g) => g.label.toLowerCase().includes(search)) : plan.groups;
      const { offset, limit } = request.query;
      return { total: groups.length, offset, items: groups.slice(offset, offset + limit).map(groupJson) };
    },
  );

  typed(app).get(
    '/api/plans/:planId/groups/:key/contacts',
    { schema: { summary: "A page of one group's contacts (W4)", tags: ['wizard'], params: planParams.extend({ key: z.string() }), querystring: pageQuery(100, 1_000) } },
    async (request) => {
      const plan = plans.get(request.params.planId, signedIn(request).id);
      const group = plan.groups.find((g) => g.key === request.params.key);
      if (!group) throw problem(404, 'not-found', 'Not found', `This plan has no group "${request.params.key}".`);
      const { offset, limit } = request.query;
      const items = group.members.slice(offset, offset + limit).map((index) => {
        const { id, name, email, folder } = plan.contacts[index]!;
        return { id, name, email, folder };
      });
      return { total: group.members.length, offset, items };
    },
  );

  typed(app).post(
    '/api/plans/:planId/runs',
    { schema: { summary: 'Add the contacts of the checked groups (W6–W9); the run goes on in the server; follow it with /api/runs/{id}/events or /progress', tags: ['wizard'], params: planParams, body: runChoicesBody } },
    async (request, reply) => {
      const user = signedIn(request);
      const plan = plans.get(request.params.planId, user.id);
      const interrupted = runs.isActive(plan.mailbox.id) ? undefined : await store.runs.findUnfinished(plan.mailbox.id, WIZARD_RUN_KIND);
      if (interrupted) {
        throw problem(409, 'run-interrupted', 'A run was interrupted', `Run #${interrupted.id} of this mailbox was interrupted or is going on elsewhere: resume it (or undo it) under Runs before starting another.`, { runId: interrupted.id });
      }
      const choices: WizardChoices = { folder: plan.folder, excludeSubfolders: plan.excludedSubfolders, groupBy: plan.groupBy, merges: plan.merges, ...request.body };
      const runId = await runs.start(plan.mailbox.id, ({ onStart, onProgress }) => runWizard(store, plan, choices, { onStart, onProgress }));
      plans.taken(request.params.planId, runId);
      return reply.code(202).send({ runId });
    },
  );
}
