/** Sign in with e-mail and password (POST /api/session); the server's refusal is shown as it says it. */
import { useId, useState, type FormEvent } from 'react';
import { signIn } from '../api/session-api';
import type { SessionInfo } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';

export function LoginPage({ expired, onSignedIn }: { expired: boolean; onSignedIn(session: SessionInfo): void }) {
  const t = useT();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email.trim(), password));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login">
      <form className="card login-card" onSubmit={(e) => void submit(e)}>
        <h1>{t('login.title')}</h1>
        {expired && (
          <p className="banner info" role="status">
            {t('login.expired')}
          </p>
        )}
        <div className="field">
          <label htmlFor={emailId}>{t('login.email')}</label>
          <input id={emailId} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t('login.password')}</label>
          <input id={passwordId} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
