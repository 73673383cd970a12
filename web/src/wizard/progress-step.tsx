/** Step 9: the run goes on in the server; a progress bar follows it until the summary. */
import { useEffect, useState } from 'react';
import { followRun } from '../api/follow-run';
import { ErrorMessage } from '../components/error-message';
import { ProgressBar } from '../components/progress-bar';
import { useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';

export function ProgressStep({ state, update, go }: StepProps) {
  const t = useT();
  const [progress, setProgress] = useState<{ done: number | null; total: number | null }>({ done: null, total: null });
  const [stopped, setStopped] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const runId = state.runId;
  useEffect(() => {
    if (runId === null) return;
    return followRun(runId, {
      onProgress: (done, total) => setProgress({ done, total }),
      onFinished: (summary) => update({ summary, step: 'summary' }),
      onStopped: setStopped,
      onError: setError,
    });
  }, [runId, update]);
  return (
    <StepFrame step="progress" go={go}>
      <ProgressBar done={progress.done} total={progress.total} label={t('progress.label')} />
      <p className="hint">{t('progress.goesOn')}</p>
      <div role="status">{stopped && <p className="error">{t('progress.stopped', { detail: stopped })}</p>}</div>
      {stopped && (
        <p>
          <a href={`#/runs/${runId}`}>{t('progress.seeRuns')}</a>
        </p>
      )}
      <ErrorMessage error={error} />
    </StepFrame>
  );
}
