/** Step 1: the mailbox to read (GET /api/mailboxes). */
import { useEffect, useId, useState } from 'react';
import { listMailboxes } from '../api/mailbox-api';
import type { Mailbox } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';
import { UploadMailbox } from './upload-mailbox';

export function MailboxStep({ state, update, go }: StepProps) {
  const t = useT();
  const id = useId();
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = (select?: number) =>
    listMailboxes()
      .then((items) => {
        setMailboxes(items);
        if (select !== undefined) update({ mailboxId: select, folder: null, excludeSubfolders: [], plan: null, variants: [], decisions: {}, toggled: [], checkMode: 'all', groupChoices: {} });
        else if (state.mailboxId === null && items[0]) update({ mailboxId: items[0].id });
      })
      .catch(setError);
  useEffect(() => {
    void load();
    // Read once when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const chosen = mailboxes?.some((m) => m.id === state.mailboxId) ?? false;
  return (
    <StepFrame
      step="mailbox"
      go={go}
      forward={
        <button type="button" className="primary" disabled={!chosen} onClick={() => go('folder')}>
          {t('common.next')}
        </button>
      }
    >
      <p>{t('wizard.mailbox.intro')}</p>
      <ErrorMessage error={error} />
      {!mailboxes && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {mailboxes && mailboxes.length === 0 && <p>{t('wizard.mailbox.none')}</p>}
      {mailboxes && mailboxes.length > 0 && (
        <div className="field">
          <label htmlFor={id}>{t('wizard.mailbox.label')}</label>
          <select
            id={id}
            value={state.mailboxId ?? ''}
            onChange={(e) => update({ mailboxId: Number(e.target.value), folder: null, excludeSubfolders: [], plan: null, variants: [], decisions: {}, toggled: [], checkMode: 'all', groupChoices: {} })}
          >
            {mailboxes.map((m) => (
              <option key={m.id} value={m.id}>
                {t('wizard.mailbox.option', { name: m.name, address: m.ownerAddress })}
              </option>
            ))}
          </select>
        </div>
      )}
      <UploadMailbox onAdded={(added) => void load(added.id)} />
    </StepFrame>
  );
}
