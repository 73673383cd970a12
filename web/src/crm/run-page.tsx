/** One run's summary (W10), read again as often as asked, with Undo and Resume. */
import { useCallback, useEffect, useState } from 'react';
import { getRun } from '../api/runs-api';
import type { RunSummary } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { RunSummaryView } from '../components/run-summary-view';
import { useT } from '../i18n/use-t';
import { RunActions } from './run-actions';

export function RunPage({ id }: { id: number }) {
  const t = useT();
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => getRun(id).then(setSummary, setError), [id]);
  useEffect(() => {
    setSummary(null);
    void load();
  }, [load]);
  return (
    <div>
      <p>
        <a href="#/runs">{t('runs.back')}</a>
      </p>
      <h1>{t('summary.run', { id })}</h1>
      <ErrorMessage error={error} />
      {!summary && !error && <p>{t('common.loading')}</p>}
      {summary && (
        <>
          <RunActions runId={id} status={summary.status} kind="wizard" onChanged={() => void load()} />
          <h2>{t('step.summary')}</h2>
          <RunSummaryView summary={summary} />
        </>
      )}
    </div>
  );
}
