/** Undo a run (W10) after a confirmation, showing what changed when it is refused; resume an interrupted one (W11). */
import { useState } from 'react';
import { ApiError } from '../api/http';
import { resumeRun, undoRun } from '../api/runs-api';
import type { RunStatus } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';

interface Change {
  kind: string;
  id: number | string;
  change: string;
}

interface RunActionsProps {
  runId: number;
  status: RunStatus;
  kind: string;
  onChanged(): void;
  /** After a resume (the runs list opens the run's page to follow it). */
  onResumed?(): void;
}

export function RunActions({ runId, status, kind, onChanged, onResumed }: RunActionsProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState<Change[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setChanged([]);
    setDone(null);
    try {
      setDone(await work());
      onChanged();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && Array.isArray(e.problem.changed)) setChanged(e.problem.changed as Change[]);
    } finally {
      setBusy(false);
    }
  };

  const undo = () => {
    setConfirming(false);
    void run(async () => {
      await undoRun(runId);
      return t('runs.undone', { id: runId });
    });
  };

  return (
    <div className="run-actions">
      <div className="actions">
        {status === 'finished' && (
          <button type="button" disabled={busy} aria-label={t('runs.undoRun', { id: runId })} onClick={() => setConfirming(true)}>
            {t('runs.undo')}
          </button>
        )}
        {status === 'running' && kind === 'wizard' && (
          <button
            type="button"
            disabled={busy}
            aria-label={t('runs.resumeRun', { id: runId })}
            onClick={() =>
              void run(async () => {
                await resumeRun(runId);
                onResumed?.();
                return t('runs.resumed', { id: runId });
              })
            }
          >
            {t('runs.resume')}
          </button>
        )}
      </div>
      <div role="status">{done && <p className="banner success">{done}</p>}</div>
      <ErrorMessage error={error} />
      {changed.length > 0 && (
        <>
          <p>{t('runs.changed')}</p>
          <ul className="plain-list" data-testid="undo-changed">
            {changed.map((c, i) => (
              <li key={i}>{t('runs.change', { kind: c.kind, id: String(c.id), change: c.change })}</li>
            ))}
          </ul>
        </>
      )}
      {confirming && (
        <Dialog
          title={t('runs.undoRun', { id: runId })}
          onClose={() => setConfirming(false)}
          closeLabel={t('common.cancel')}
          actions={
            <button type="button" className="danger" onClick={undo}>
              {t('runs.undoConfirm')}
            </button>
          }
        >
          <p>{t('runs.undoQuestion', { id: runId })}</p>
        </Dialog>
      )}
    </div>
  );
}
