/** One wizard step: its <h2> name, "Step N of M", the content, then Back and the way forward. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { STEPS, type StepId, type UpdateWizard, type WizardState } from './wizard-state';

/** What every step receives from the wizard. */
export interface StepProps {
  state: WizardState;
  update: UpdateWizard;
  go(step: StepId): void;
  /** Prepare the plan again with the current choices (after merges, or when it expired). */
  replan(options?: { stay?: boolean }): Promise<void>;
  /** Report an API error: a 410 on the plan offers to prepare again. */
  fail(error: unknown): void;
}

interface StepFrameProps {
  step: StepId;
  children: ReactNode;
  /** Where Back goes; no Back button when absent. */
  back?: StepId;
  go(step: StepId): void;
  /** The button(s) that move on. */
  forward?: ReactNode;
}

export function StepFrame({ step, children, back, go, forward }: StepFrameProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);
  const n = STEPS.indexOf(step) + 1;
  return (
    <section className="step" data-step={step}>
      <p className="step-count">{t('wizard.stepOf', { n, total: STEPS.length })}</p>
      <h2 id={`step-${step}`} ref={heading} tabIndex={-1}>
        {t(`step.${step}`)}
      </h2>
      <div className="step-body">{children}</div>
      {(back || forward) && (
        <div className="step-actions">
          {back && (
            <button type="button" onClick={() => go(back)}>
              {t('common.back')}
            </button>
          )}
          <span className="spacer" />
          {forward}
        </div>
      )}
    </section>
  );
}
