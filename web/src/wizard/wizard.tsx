/** The Add Contacts wizard (W1–W10): one step at a time, its choices kept across a new sign-in. */
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { preparePlan } from '../api/wizard-api';
import { errorText } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { AdvancedStep } from './advanced-step';
import { FolderStep } from './folder-step';
import { GroupingStep } from './grouping-step';
import { GroupsStep } from './groups-step';
import { MailboxStep } from './mailbox-step';
import { MergesStep } from './merges-step';
import { OptionsStep } from './options-step';
import { ProgressStep } from './progress-step';
import { ReportStep } from './report-step';
import type { StepProps } from './step-frame';
import { SummaryStep } from './summary-step';
import { acceptedMerges, mergeVariants, useWizardState, type StepId } from './wizard-state';

const NEEDS_PLAN: StepId[] = ['report', 'groups', 'merges', 'options', 'advanced'];

export function Wizard() {
  const t = useT();
  const [state, update, reset] = useWizardState();
  const [expired, setExpired] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replanError, setReplanError] = useState<unknown>(null);
  const latest = useRef(state);
  latest.current = state;

  const go = useCallback((step: StepId) => update({ step }), [update]);

  const replan = useCallback(
    async ({ stay = false }: { stay?: boolean } = {}) => {
      const current = latest.current;
      if (current.mailboxId === null) return;
      const plan = await preparePlan(current.mailboxId, {
        folder: current.folder ?? undefined,
        excludeSubfolders: current.excludeSubfolders,
        groupBy: current.groupBy,
        merges: acceptedMerges(current.variants, current.decisions),
      });
      setExpired(null);
      update((s) => ({ plan, variants: mergeVariants(s.variants, plan.variants), ...(stay ? {} : { step: 'report' as const }) }));
    },
    [update],
  );

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 410) setExpired(errorText(error, t));
    },
    [t],
  );

  const prepareAgain = async () => {
    setBusy(true);
    setReplanError(null);
    try {
      await replan({ stay: true });
    } catch (e) {
      setReplanError(e);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    reset();
    setExpired(null);
  };

  // A step that needs a plan without one (storage was full): back to preparing it.
  const step: StepId = NEEDS_PLAN.includes(state.step) && !state.plan ? 'grouping' : state.step;
  const props: StepProps = { state, update, go, replan, fail };

  return (
    <div className="wizard">
      <div className="page-head">
        <h1>{t('wizard.title')}</h1>
        {step !== 'mailbox' && step !== 'progress' && (
          <button type="button" className="quiet" onClick={restart}>
            {t('wizard.startOver')}
          </button>
        )}
      </div>
      {expired && (
        <div className="banner warning" role="alert">
          <p>{t('wizard.expired')}</p>
          <p>{expired}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void prepareAgain()}>
            {t('wizard.prepareAgain')}
          </button>
          {replanError !== null && <p className="error">{errorText(replanError, t)}</p>}
        </div>
      )}
      {step === 'mailbox' && <MailboxStep {...props} />}
      {step === 'folder' && <FolderStep {...props} />}
      {step === 'grouping' && <GroupingStep {...props} />}
      {step === 'report' && <ReportStep {...props} />}
      {step === 'groups' && <GroupsStep key={state.plan?.planId} {...props} />}
      {step === 'merges' && <MergesStep {...props} />}
      {step === 'options' && <OptionsStep {...props} />}
      {step === 'advanced' && <AdvancedStep key={state.plan?.planId} {...props} />}
      {step === 'progress' && <ProgressStep {...props} />}
      {step === 'summary' && <SummaryStep {...props} onRestart={restart} />}
    </div>
  );
}
