import { Command, InvalidArgumentError } from 'commander';
import { listRuns, resumeRun, RunChangedSince, showRun, undoRun, type RunCounts, type RunSummary } from '../../tracking/index.js';
import { printJson, printNote, printResult } from '../output.js';
import { ProgressBar } from '../progress-bar.js';
import { renderTable } from '../render-table.js';
import { withStore } from '../with-store.js';
import { renderSummary, summaryToJson } from '../wizard/render-summary.js';

function parseRunId(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a run id is a number, as "liaison runs list" shows it.');
  return Number(value);
}

export function runsCommand(): Command {
  const runs = new Command('runs').description('Read, undo and resume the runs of the wizard and of track (PRODUCT.md W10, W11).');

  runs
    .command('list')
    .description('List your runs, newest first.')
    .option('--user <email>', 'whose runs (default: the only user)')
    .option('--json', 'print {runs} as JSON')
    .action(async (options: { user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const list = await listRuns(store, options.user);
        if (options.json) return printJson({ runs: list.map(({ options: _, ...run }) => run) });
        if (list.length === 0) return printResult('No runs yet. Start one with: liaison wizard <mailbox>');
        printResult(
          renderTable(list, [
            { header: 'RUN', value: (r) => r.id, align: 'right' },
            { header: 'KIND', value: (r) => r.kind },
            { header: 'STATUS', value: (r) => (r.status === 'running' ? 'interrupted or running' : r.status) },
            { header: 'STARTED', value: (r) => r.startedAt },
            { header: 'SUMMARY', value: (r) => briefly(r.summary) },
          ], 60),
        );
      });
    });

  runs
    .command('show')
    .description("Print a run's summary again: counts, every failure and warning; --skipped lists the skipped contacts too.")
    .argument('<id>', 'the run id', parseRunId)
    .option('--skipped', 'list the skipped contacts with why')
    .option('--user <email>', 'the user acting (default: the only user)')
    .option('--json', 'print the summary as JSON')
    .action(async (id: number, options: { skipped?: boolean; user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const { summary } = await showRun(store, id, options.user, { skipped: options.skipped });
        if (options.json) return printJson(options.skipped ? { ...summaryToJson(summary), skippedItems: summary.skippedItems } : summaryToJson(summary));
        printResult(renderSummary(summary, { skipped: options.skipped }));
      });
    });

  runs
    .command('undo')
    .description('Undo a run: remove the contacts and accounts it created, unlink what it linked, restore the parents it set; refused if any of them changed since.')
    .argument('<id>', 'the run id', parseRunId)
    .option('--user <email>', 'the user acting (default: the only user)')
    .option('--json', 'print {runId, undone, changed} as JSON')
    .action(async (id: number, options: { user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        try {
          const summary = await undoRun(store, id, options.user);
          if (options.json) return printJson({ runId: id, undone: true, changed: [] });
          printResult(undoneSentence(id, summary));
        } catch (error) {
          if (!(options.json && error instanceof RunChangedSince)) throw error;
          printJson({ runId: id, undone: false, changed: error.changed });
          process.exitCode = 2;
        }
      });
    });

  runs
    .command('resume')
    .description('Resume an interrupted wizard run, with the choices it was started with (a plain re-run of the wizard does the same).')
    .argument('<id>', 'the run id', parseRunId)
    .option('--user <email>', 'the user acting (default: the only user)')
    .option('--json', 'print the summary as JSON')
    .action(async (id: number, options: { user?: string; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const bar = new ProgressBar('Adding contacts');
        const { summary } = await resumeRun(store, id, options.user, (p) => bar.update(p.done, p.total));
        bar.done();
        printNote(`Run #${id} resumed and finished.`);
        if (options.json) return printJson(summaryToJson(summary));
        printResult(renderSummary(summary));
      });
    });
  return runs;
}

/** A finished run's counts on one line; an interrupted run has none yet. */
function briefly(summary: unknown): string {
  const s = summary as Partial<RunCounts> | null;
  if (!s) return '';
  const extra = [s.parentSet ? `${s.parentSet} given a parent` : '', s.accountsCreated ? `${s.accountsCreated} accounts created` : ''].filter(Boolean);
  return [`${s.added ?? 0} added`, `${s.linked ?? 0} linked`, `${s.skipped ?? 0} skipped`, ...extra, `${s.failed ?? 0} failed`].join(', ');
}

/** "Run #3 was undone: 8 contacts and 4 accounts removed, 1 contact unlinked." */
function undoneSentence(id: number, summary: RunSummary): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const parts = [`${count(summary.added, 'contact')} and ${count(summary.accountsCreated, 'account')} removed`];
  if (summary.linked > 0) parts.push(`${count(summary.linked, 'contact')} unlinked`);
  if (summary.parentSet > 0) parts.push(`${count(summary.parentSet, 'parent')} restored`);
  return `Run #${id} was undone: ${parts.join(', ')}.`;
}
