/**
 * Track, Set parent and Untrack for the selected contacts (T1–T3). More than 20 selected is
 * refused here with a pointer to the wizard (the server would answer 422 too, shown as is).
 */
import { useState } from 'react';
import { trackContacts, untrackContacts } from '../api/mailbox-api';
import type { RecordRef } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { RecordPicker } from '../components/record-picker';
import { useT } from '../i18n/use-t';
import { TRACK_LIMIT } from './selection';

interface TrackActionsProps {
  mailboxId: number;
  selected: ReadonlyMap<string, string>;
  onDone(): void;
}

export function TrackActions({ mailboxId, selected, onDone }: TrackActionsProps) {
  const t = useT();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'parent' | 'untrack' | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ids = [...selected.keys()];

  const allowed = () => {
    setResult(null);
    setError(null);
    if (ids.length === 0) {
      setRefusal(t('mbview.noneSelected'));
      return false;
    }
    if (ids.length > TRACK_LIMIT) {
      setRefusal(t('mbview.tooMany', { count: ids.length, limit: TRACK_LIMIT }));
      return false;
    }
    setRefusal(null);
    return true;
  };

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setDialog(null);
    try {
      setResult(await work());
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const track = (parent?: RecordRef) =>
    act(async () => {
      const s = await trackContacts(mailboxId, ids, parent);
      return t('mbview.trackDone', { added: s.added, linked: s.linked, skipped: s.skipped, parentSet: s.parentSet, failed: s.failed }) + s.failures.map((f) => ` ${f.name}: ${f.reason}`).join('');
    });

  const untrack = (deleteCopy: boolean) =>
    act(async () => {
      const { items } = await untrackContacts(mailboxId, ids, deleteCopy);
      const count = (outcome: string) => items.filter((i) => i.outcome === outcome).length;
      const kept = items.filter((i) => i.kept).map((i) => i.kept);
      return t('mbview.untrackDone', { untracked: count('untracked'), deleted: count('untracked-and-deleted'), notTracked: count('not-tracked') }) + (kept.length ? ` ${kept.join(' ')}` : '');
    });

  return (
    <div className="track-actions">
      <div className="actions" role="group" aria-label={t('mbview.actions')}>
        <span aria-live="polite" data-testid="selected-count">
          {t('mbview.selected', { count: ids.length })}
        </span>
        <button type="button" className="primary" disabled={busy} onClick={() => allowed() && void track()}>
          {t('mbview.track')}
        </button>
        <button type="button" disabled={busy} onClick={() => allowed() && setDialog('parent')}>
          {t('mbview.setParent')}
        </button>
        <button type="button" disabled={busy} onClick={() => allowed() && setDialog('untrack')}>
          {t('mbview.untrack')}
        </button>
      </div>
      <div role="alert">
        {refusal && (
          <p className="error">
            {refusal} <a href="#/wizard">{t('mbview.openWizard')}</a>
          </p>
        )}
      </div>
      <div role="status">{result && <p className="banner success">{result}</p>}</div>
      <ErrorMessage error={error} />
      {dialog === 'parent' && (
        <Dialog title={t('mbview.parentTitle', { count: ids.length })} onClose={() => setDialog(null)} closeLabel={t('common.cancel')}>
          <RecordPicker onPick={(record) => void track(record)} />
        </Dialog>
      )}
      {dialog === 'untrack' && (
        <Dialog
          title={t('mbview.untrackTitle', { count: ids.length })}
          onClose={() => setDialog(null)}
          closeLabel={t('common.cancel')}
          actions={
            <>
              <button type="button" onClick={() => void untrack(false)}>
                {t('mbview.untrackKeep')}
              </button>
              <button type="button" className="danger" onClick={() => void untrack(true)}>
                {t('mbview.untrackDelete')}
              </button>
            </>
          }
        >
          <p>{t('mbview.untrackQuestion')}</p>
        </Dialog>
      )}
    </div>
  );
}
