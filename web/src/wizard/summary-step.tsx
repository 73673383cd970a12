/** Step 10 (W10): the run's summary. */
import { RunSummaryView } from '../components/run-summary-view';
import { useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';

export function SummaryStep({ state, go, onRestart }: StepProps & { onRestart(): void }) {
  const t = useT();
  return (
    <StepFrame
      step="summary"
      go={go}
      forward={
        <button type="button" onClick={onRestart}>
          {t('summary.again')}
        </button>
      }
    >
      {state.summary && <RunSummaryView summary={state.summary} />}
      <p>
        <a href="#/runs">{t('progress.seeRuns')}</a>
      </p>
    </StepFrame>
  );
}
