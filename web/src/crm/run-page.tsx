/** One run's summary (W10), read again as often as asked, with Undo and Resume; a run going on is followed until its end. */
import { useCallback, useEffect, useState } from 'react';
import { followRun } from '../api/follow-run';
import { getRun } from '../api/runs-api';
import type { RunSummary } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { ProgressBar } from '../components/progress-bar';
import { RunSummaryView } from '../components/run-summary-view';
import { useT } from '../i18n/use-t';
import { RunActions } from './run-actions';

export function RunPage({ id }: { id: number }) {
  const t = useT();
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ done: number | null; total: number | null } | null>(null);
  const [stopped, setStopped] = useState<string | null>(null);
  // Bumped after Undo or Resume, so that a resumed run is followed again.
  const [generation, setGeneration] = useState(0);
  const load = useCallback(() => getRun(id).then(setSummary, setError), [id]);
  useEffect(() => {
    setSummary(null);
    void load();
  }, [load]);
  const running = summary?.status === 'running';
  useEffect(() => {
    if (!running) return;
    setStopped(null);
    return followRun(id, {
      onProgress: (done, total) => setProgress({ done, total }),
      onFinished: (finished) => {
        setProgress(null);
        setSummary(finished);
      },
      onStopped: setStopped,
      onError: setError,
    });
  }, [id, running, generation]);
  return (
    <div>
      <p>
        <a href="#/runs">{t('runs.back')}</a>
      </p>
      <h1>{t('summary.run', { id })}</h1>
      <ErrorMessage error={error} />
      {!summary && !error && <p>{t('common.loading')}</p>}
      {running && !stopped && progress && (
        <>
          <p>{t('runs.following')}</p>
          <ProgressBar done={progress.done} total={progress.total} label={t('progress.label')} />
        </>
      )}
      <div role="status">{stopped && <p className="error">{t('progress.stopped', { detail: stopped })}</p>}</div>
      {summary && (
        <>
          <RunActions runId={id} status={summary.status} kind="wizard" onChanged={() => {
              setGeneration((g) => g + 1);
              void load();
            }} />
          <h2>{t('step.summary')}</h2>
          <RunSummaryView summary={summary} />
        </>
      )}
    </div>
  );
}
