/** The user's runs, newest first, with Undo and Resume. */
import { useCallback } from 'react';
import { listRuns } from '../api/runs-api';
import { ErrorMessage } from '../components/error-message';
import { useNumber, useT } from '../i18n/use-t';
import { RunActions } from './run-actions';
import { useDate } from './use-date';
import { useSearchList } from './use-search-list';

export function RunsPage() {
  const t = useT();
  const n = useNumber();
  const date = useDate();
  const load = useCallback(({ offset, limit }: { offset: number; limit: number }) => listRuns(offset, limit), []);
  const list = useSearchList(load, '');
  return (
    <div>
      <h1>{t('runs.title')}</h1>
      <ErrorMessage error={list.error} />
      {!list.items && !list.error && <p>{t('common.loading')}</p>}
      {list.items && list.items.length === 0 && <p>{t('runs.none')}</p>}
      {list.items && list.items.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('runs.run')}</th>
                <th scope="col">{t('runs.kind')}</th>
                <th scope="col">{t('runs.status')}</th>
                <th scope="col">{t('runs.started')}</th>
                <th scope="col">{t('runs.counts')}</th>
                <th scope="col">{t('runs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <td>
                    <a href={`#/runs/${run.id}`}>{t('summary.run', { id: run.id })}</a>
                  </td>
                  <td>{run.kind === 'wizard' || run.kind === 'track' ? t(`runs.kind.${run.kind}`) : run.kind}</td>
                  <td>{t(`status.${run.status}`)}</td>
                  <td>{date(run.startedAt)}</td>
                  <td>
                    {run.counts
                      ? t('runs.countsText', { added: n(run.counts.added), linked: n(run.counts.linked), skipped: n(run.counts.skipped), failed: n(run.counts.failed) })
                      : t('common.empty')}
                  </td>
                  <td>
                    <RunActions runId={run.id} status={run.status} kind={run.kind} onChanged={list.reload} onResumed={() => (location.hash = `#/runs/${run.id}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.more && (
        <button type="button" onClick={list.loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
