/** An error said in words: the server's `detail` as is, or what went wrong with the connection. Announced by screen readers. */
import { ApiError } from '../api/http';
import { useT, type Translate } from '../i18n/use-t';

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    return error.status === 0 ? t('error.network') : t('error.status', { status: error.status });
  }
  return error instanceof Error && error.message ? error.message : t('error.network');
}

export function ErrorMessage({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {errorText(error, t)}
    </p>
  );
}
