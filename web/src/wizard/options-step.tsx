/** Step 7 (W6, W7): use company name as account name (on), track all communications (off), with an optional back-fill date. */
import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';

export function OptionsStep({ state, update, go }: StepProps) {
  const t = useT();
  const companyHint = useId();
  const trackHint = useId();
  const sinceId = useId();
  const sinceHint = useId();
  return (
    <StepFrame
      step="options"
      back="merges"
      go={go}
      forward={
        <button type="button" className="primary" onClick={() => go('advanced')}>
          {t('common.next')}
        </button>
      }
    >
      <div className="option">
        <label className="check">
          <input type="checkbox" checked={state.companyAccount} aria-describedby={companyHint} onChange={(e) => update({ companyAccount: e.target.checked })} />
          {t('options.companyAccount')}
        </label>
        <p className="hint" id={companyHint}>
          {t('options.companyAccountHint')}
        </p>
      </div>
      <div className="option">
        <label className="check">
          <input type="checkbox" checked={state.trackCommunications} aria-describedby={trackHint} onChange={(e) => update({ trackCommunications: e.target.checked })} />
          {t('options.trackCommunications')}
        </label>
        <p className="hint" id={trackHint}>
          {t('options.trackCommunicationsHint')}
        </p>
        {state.trackCommunications && (
          <div className="field nested">
            <label htmlFor={sinceId}>{t('options.since')}</label>
            <input id={sinceId} type="date" value={state.communicationsSince} aria-describedby={sinceHint} onChange={(e) => update({ communicationsSince: e.target.value })} />
            <p className="hint" id={sinceHint}>
              {t('options.sinceHint')}
            </p>
          </div>
        )}
      </div>
    </StepFrame>
  );
}
