/** Runs (W10, W11): list, summary, progress (polling or Server-Sent Events), failures as CSV, undo, resume. */
import type { FastifyInstance } from 'fastify';
import { findUsersRun, listRuns, resumeRun, RunNotResumable, showRun, undoRun, WIZARD_RUN_KIND, type RunSummary } from '../../tracking/index.js';
import { signedIn } from '../auth/request-auth.js';
import { problem, problemFor } from '../problem.js';
import { typed, type ServerDeps } from '../server-deps.js';
import { failuresCsv } from '../wizard/failures-csv.js';
import type { ActiveRun } from '../wizard/run-registry.js';
import { idParams, pageQuery } from './paging.js';

const withoutSkipped = ({ skippedItems: _, ...summary }: RunSummary) => summary;

/** Why a run stopped, in the words the API gives its errors. */
const stoppedDetail = (error: unknown) => problemFor(error)?.detail ?? 'The run stopped on an unexpected error; resume it under Runs.';

export function runRoutes(app: FastifyInstance, { store, runs }: ServerDeps): void {
  typed(app).get('/api/runs', { schema: { summary: "The signed-in user's runs, newest first", tags: ['runs'], querystring: pageQuery(50, 500) } }, async (request) => {
    const list = await listRuns(store, signedIn(request).email, request.query);
    return {
      items: list.map((run) => ({
        id: run.id,
        kind: run.kind,
        mailboxId: run.mailboxId,
        status: run.status,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        counts: (run.summary as Record<string, number> | null) ?? null,
      })),
    };
  });

  typed(app).get('/api/runs/:id', { schema: { summary: "A run's summary (W10), as often as asked", tags: ['runs'], params: idParams } }, async (request) => {
    const { summary } = await showRun(store, request.params.id, signedIn(request).email);
    return withoutSkipped(summary);
  });

  typed(app).get('/api/runs/:id/progress', { schema: { summary: "A run's progress: poll it, or follow /events", tags: ['runs'], params: idParams } }, async (request) => {
    const run = await findUsersRun(store, request.params.id, signedIn(request).email);
    const active = runs.find(run.id);
    const failure = active?.outcome && 'error' in active.outcome ? stoppedDetail(active.outcome.error) : null;
    return { runId: run.id, status: active && !active.outcome ? 'running' : run.status, done: active?.progress.done ?? null, total: active?.progress.total ?? null, error: failure };
  });

  typed(app).get('/api/runs/:id/events', { schema: { summary: "A run's progress as Server-Sent Events: `progress` {done, total}, then `finished` (the summary) or `stopped` {detail}", tags: ['runs'], params: idParams } }, async (request, reply) => {
    const run = await findUsersRun(store, request.params.id, signedIn(request).email);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const finish = async () => {
      const { summary } = await showRun(store, run.id, signedIn(request).email);
      send('finished', withoutSkipped(summary));
      raw.end();
    };
    const active = runs.find(run.id);
    if (!active || active.outcome) {
      if (active?.outcome && 'error' in active.outcome) {
        send('stopped', { detail: stoppedDetail(active.outcome.error) });
        return raw.end();
      }
      if (run.status === 'running' && !active) {
        send('stopped', { detail: `Run #${run.id} was interrupted; resume it.` });
        return raw.end();
      }
      return finish();
    }
    send('progress', active.progress);
    const onProgress = (progress: unknown) => send('progress', progress);
    const onEnd = (outcome: NonNullable<ActiveRun['outcome']>) => {
      active.events.off('progress', onProgress);
      if ('error' in outcome) {
        send('stopped', { detail: stoppedDetail(outcome.error) });
        raw.end();
      } else void finish();
    };
    active.events.on('progress', onProgress);
    active.events.once('end', onEnd);
    raw.on('close', () => {
      active.events.off('progress', onProgress);
      active.events.off('end', onEnd);
    });
  });

  typed(app).get('/api/runs/:id/failures.csv', { schema: { summary: "A run's failures as CSV (id, name, folder, reason)", tags: ['runs'], params: idParams } }, async (request, reply) => {
    const { summary } = await showRun(store, request.params.id, signedIn(request).email);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="liaison-run-${summary.runId}-failures.csv"`)
      .send(failuresCsv(summary.failures));
  });

  typed(app).post('/api/runs/:id/undo', { schema: { summary: 'Undo a run (W10): refused with the list of what changed since', tags: ['runs'], params: idParams } }, async (request) => {
    const user = signedIn(request);
    const run = await findUsersRun(store, request.params.id, user.email);
    const active = runs.find(run.id);
    if (active && !active.outcome) throw problem(409, 'run-in-progress', 'A run is in progress', `Run #${run.id} is still going on: wait for it to finish before undoing it.`);
    return withoutSkipped(await undoRun(store, run.id, user.email));
  });

  typed(app).post('/api/runs/:id/resume', { schema: { summary: 'Resume an interrupted wizard run (W11) with its own choices', tags: ['runs'], params: idParams } }, async (request, reply) => {
    const user = signedIn(request);
    const run = await findUsersRun(store, request.params.id, user.email);
    if (run.kind !== WIZARD_RUN_KIND) throw new RunNotResumable(run.id, `it is a ${run.kind} run, which finishes at once`);
    if (run.status !== 'running') throw new RunNotResumable(run.id, `it is ${run.status}`);
    if (run.mailboxId === null) throw new RunNotResumable(run.id, 'its mailbox was removed');
    const runId = await runs.start(run.mailboxId, ({ onStart, onProgress }) => {
      onStart(run.id);
      return resumeRun(store, run.id, user.email, onProgress).then((result) => result.summary);
    });
    return reply.code(202).send({ runId });
  });
}
