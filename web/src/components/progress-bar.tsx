/** A progress bar screen readers can follow: role=progressbar with its values, and the count in words. */
import { useNumber, useT } from '../i18n/use-t';

export function ProgressBar({ done, total, label }: { done: number | null; total: number | null; label: string }) {
  const t = useT();
  const n = useNumber();
  const known = done !== null && total !== null && total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? 100}
        aria-valuenow={done ?? 0}
        aria-valuetext={known ? t('progress.count', { done: n(done), total: n(total) }) : t('progress.starting')}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text" aria-live="polite">
        {known ? t('progress.count', { done: n(done), total: n(total) }) : t('progress.starting')}
      </p>
    </div>
  );
}
