/** Step 4: the preparation report (nothing has changed yet): counts, the first items of each list, near-account names. */
import type { ReactNode } from 'react';
import type { ReportContact } from '../api/types';
import { useNumber, useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';

function ReportLine({ label, count, children, testId }: { label: string; count: number; children?: ReactNode; testId: string }) {
  const t = useT();
  const n = useNumber();
  return (
    <div className="report-line" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="count">{n(count)}</span>
        {children && count > 0 && (
          <details>
            <summary>{t('report.showFirst', { count: n(Math.min(count, 100)) })}</summary>
            {children}
          </details>
        )}
      </dd>
    </div>
  );
}

function ContactList({ items }: { items: ReportContact[] }) {
  const t = useT();
  return (
    <ul className="plain-list">
      {items.map((c) => (
        <li key={c.id}>{t('report.item', { name: c.name || t('report.unnamed'), folder: c.folder })}</li>
      ))}
    </ul>
  );
}

export function ReportStep({ state, go }: StepProps) {
  const t = useT();
  const plan = state.plan;
  if (!plan) return null;
  const { report } = plan;
  return (
    <StepFrame
      step="report"
      back="grouping"
      go={go}
      forward={
        <button type="button" className="primary" onClick={() => go('groups')}>
          {t('common.next')}
        </button>
      }
    >
      <p>{t('report.intro', { folder: plan.folder })}</p>
      <dl className="report">
        <ReportLine label={t('report.contacts')} count={plan.contactCount} testId="report-contacts" />
        <ReportLine label={t('report.groups')} count={plan.groupCount} testId="report-groups" />
        <ReportLine label={t('report.missingName')} count={report.counts.missingName} testId="report-missing-name">
          <ContactList items={report.missingName} />
        </ReportLine>
        <ReportLine label={t('report.missingEmail')} count={report.counts.missingEmail} testId="report-missing-email">
          <ContactList items={report.missingEmail} />
        </ReportLine>
        <ReportLine label={t('report.missingCompany')} count={report.counts.missingCompany} testId="report-missing-company">
          <ContactList items={report.missingCompany} />
        </ReportLine>
        <ReportLine label={t('report.variants')} count={plan.variants.length} testId="report-variants">
          <ul className="plain-list">
            {plan.variants.slice(0, 100).map((v) => (
              <li key={v.canonical}>{v.names.map((x) => x.name).join(' / ')}</li>
            ))}
          </ul>
        </ReportLine>
        <ReportLine label={t('report.nearAccounts')} count={report.counts.nearAccounts} testId="report-near-accounts">
          <ul className="plain-list">
            {report.nearAccounts.map((near) => (
              <li key={near.company}>{t('report.near', { company: near.company, accounts: near.accounts.map((a) => a.name).join(', ') })}</li>
            ))}
          </ul>
        </ReportLine>
        <ReportLine label={t('report.unreadable')} count={report.counts.unreadable} testId="report-unreadable">
          <ul className="plain-list">
            {report.unreadable.map((u, i) => (
              <li key={i}>{u.line === null ? t('report.inFile', { file: u.file, reason: u.reason }) : t('report.atLine', { file: u.file, line: u.line, reason: u.reason })}</li>
            ))}
          </ul>
        </ReportLine>
        <ReportLine label={t('report.warnings')} count={report.counts.warnings} testId="report-warnings">
          <ul className="plain-list">
            {report.warnings.map((w, i) => (
              <li key={i}>
                {t('report.item', { name: w.name || t('report.unnamed'), folder: w.folder })}: {w.message}
              </li>
            ))}
          </ul>
        </ReportLine>
      </dl>
      {report.notices.length > 0 && (
        <>
          <h3>{t('report.notices')}</h3>
          <ul className="plain-list">
            {report.notices.map((notice, i) => (
              <li key={i}>{t('report.inFile', { file: notice.file, reason: notice.message })}</li>
            ))}
          </ul>
        </>
      )}
    </StepFrame>
  );
}
