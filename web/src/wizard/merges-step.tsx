/** Step 6 (W3): company-name variants, each with its spellings and counts, accepted or rejected; accepting regroups (a new plan). */
import { useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { useNumber, useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';
import { acceptedMerges } from './wizard-state';

const sameMerges = (a: { from: string; to: string }[], b: { from: string; to: string }[]) => {
  const key = (m: { from: string; to: string }) => `${m.from}\n${m.to}`;
  return a.length === b.length && a.map(key).sort().join('\0') === b.map(key).sort().join('\0');
};

export function MergesStep({ state, update, go, replan }: StepProps) {
  const t = useT();
  const n = useNumber();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const plan = state.plan!;
  const next = async () => {
    if (sameMerges(acceptedMerges(state.variants, state.decisions), plan.merges)) return go('options');
    setBusy(true);
    setError(null);
    try {
      await replan({ stay: true });
      go('options');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <StepFrame
      step="merges"
      back="groups"
      go={go}
      forward={
        <button type="button" className="primary" disabled={busy} onClick={() => void next()}>
          {t('common.next')}
        </button>
      }
    >
      {state.variants.length === 0 ? (
        <p>{t('merges.none')}</p>
      ) : (
        <>
          <p>{t('merges.intro')}</p>
          <div className="toolbar">
            <button type="button" onClick={() => update((s) => ({ decisions: Object.fromEntries(s.variants.map((v) => [v.canonical, 'accept' as const])) }))}>
              {t('merges.acceptAll')}
            </button>
            <button type="button" onClick={() => update((s) => ({ decisions: Object.fromEntries(s.variants.map((v) => [v.canonical, 'reject' as const])) }))}>
              {t('merges.rejectAll')}
            </button>
          </div>
          <ul className="cards">
            {state.variants.map((variant) => {
              const decision = state.decisions[variant.canonical];
              return (
                <li key={variant.canonical} className="card" data-testid="merge-proposal">
                  <fieldset>
                    <legend>{t('merges.proposal', { name: variant.canonical })}</legend>
                    <p className="hint">{t(`merges.reason.${variant.reason}`)}</p>
                    <ul className="plain-list">
                      {variant.names.map((name) => (
                        <li key={name.name}>{t('merges.spelling', { name: name.name, count: n(name.count) })}</li>
                      ))}
                    </ul>
                    <div className="choice-row">
                      {(['accept', 'reject'] as const).map((choice) => (
                        <label key={choice} className="check">
                          <input
                            type="radio"
                            name={`merge-${variant.canonical}`}
                            checked={decision === choice}
                            onChange={() => update((s) => ({ decisions: { ...s.decisions, [variant.canonical]: choice } }))}
                          />
                          {t(`merges.${choice}`)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div aria-live="polite">{busy && <p className="busy">{t('merges.regrouping')}</p>}</div>
      <ErrorMessage error={error} />
    </StepFrame>
  );
}
