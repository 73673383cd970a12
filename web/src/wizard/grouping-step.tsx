/** Step 3 (W2): group by company name, e-mail domain or categories; Prepare reads the mailbox (POST plan). */
import { useState } from 'react';
import type { Grouping } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';

const GROUPINGS: Grouping[] = ['company', 'domain', 'category'];

export function GroupingStep({ state, update, go, replan }: StepProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const prepare = async () => {
    setBusy(true);
    setError(null);
    try {
      await replan();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <StepFrame
      step="grouping"
      back="folder"
      go={go}
      forward={
        <button type="button" className="primary" disabled={busy} onClick={() => void prepare()}>
          {t('wizard.grouping.prepare')}
        </button>
      }
    >
      <fieldset>
        <legend>{t('wizard.grouping.legend')}</legend>
        {GROUPINGS.map((g) => (
          <label key={g} className="check">
            <input
              type="radio"
              name="groupBy"
              value={g}
              checked={state.groupBy === g}
              onChange={() => update({ groupBy: g, plan: null, variants: [], decisions: {}, toggled: [], checkMode: 'all', groupChoices: {} })}
            />
            {t(`grouping.${g}`)}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite">{busy && <p className="busy">{t('wizard.grouping.preparing')}</p>}</div>
      <ErrorMessage error={error} />
    </StepFrame>
  );
}
