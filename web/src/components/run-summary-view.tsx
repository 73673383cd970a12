/** A run's summary (W10): the counts, then every failure and warning with contact, folder and reason, and the failures as CSV. */
import type { RunSummary } from '../api/types';
import { failuresCsvUrl } from '../api/runs-api';
import { useNumber, useT } from '../i18n/use-t';

const COUNTS = [
  ['added', 'summary-added'],
  ['linked', 'summary-linked'],
  ['skipped', 'summary-skipped'],
  ['accountsCreated', 'summary-accounts-created'],
  ['parentSet', 'summary-parent-set'],
  ['failed', 'summary-failed'],
] as const;

export function RunSummaryView({ summary, headingLevel = 3 }: { summary: RunSummary; headingLevel?: 2 | 3 }) {
  const t = useT();
  const n = useNumber();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="summary" data-testid="run-summary">
      <p>
        {t('summary.run', { id: summary.runId })} · <span data-testid="summary-status">{t('summary.status', { status: t(`status.${summary.status}`) })}</span>
      </p>
      <dl className="counts">
        {COUNTS.map(([key, testId]) => (
          <div key={key} className={`count-box ${key === 'failed' && summary.failed > 0 ? 'bad' : ''}`}>
            <dt>{t(`summary.${key}`)}</dt>
            <dd data-testid={testId}>{n(summary[key])}</dd>
          </div>
        ))}
      </dl>
      <H>{t('summary.failures')}</H>
      {summary.failures.length === 0 ? (
        <p>{t('summary.noFailures')}</p>
      ) : (
        <>
          <p>
            <a href={failuresCsvUrl(summary.runId)} download>
              {t('summary.csv')}
            </a>
          </p>
          <div className="table-scroll">
            <table className="table compact">
              <thead>
                <tr>
                  <th scope="col">{t('common.contact')}</th>
                  <th scope="col">{t('common.folder')}</th>
                  <th scope="col">{t('common.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.failures.map((f, i) => (
                  <tr key={`${f.id}-${i}`} data-testid="summary-failure">
                    <td>{f.name || f.id}</td>
                    <td>{f.folder ?? t('common.empty')}</td>
                    <td>{f.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <H>{t('summary.warnings')}</H>
      {summary.warnings.length === 0 ? (
        <p>{t('summary.noWarnings')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('common.contact')}</th>
                <th scope="col">{t('common.folder')}</th>
                <th scope="col">{t('common.message')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.warnings.map((w, i) => (
                <tr key={`${w.id ?? 'run'}-${i}`} data-testid="summary-warning">
                  <td>{w.name || t('common.empty')}</td>
                  <td>{w.folder ?? t('common.empty')}</td>
                  <td>{w.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
