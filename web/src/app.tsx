/**
 * The app: the sign-in page until there is a session, then the pages. Any 401 (expired
 * session) brings the sign-in back; the wizard's choices wait in sessionStorage and the
 * URL keeps the page, so signing in again returns to the same step.
 */
import { useEffect, useState } from 'react';
import { setUnauthorizedHandler } from './api/http';
import { currentSession, signOut } from './api/session-api';
import type { SessionInfo } from './api/types';
import { ErrorMessage } from './components/error-message';
import { LanguageSwitch } from './components/language-switch';
import { useRoute } from './components/use-route';
import { useT } from './i18n/use-t';
import { usePageTitle } from './components/use-page-title';
import { LoginPage } from './session/login-page';
import { claimSessionStorage } from './session/session-owner';
import { NAV_PAGES, navKey, Pages } from './pages';

export function App() {
  const t = useT();
  const [session, setSession] = useState<SessionInfo | null | 'loading'>('loading');
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const route = useRoute();
  const signedIn = session !== null && session !== 'loading';
  usePageTitle(t(signedIn ? navKey(route.page) : 'login.title'));

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setSession(null);
      setExpired(true);
    });
    currentSession().then(
      (s) => {
        if (s) claimSessionStorage(s.user.id);
        setSession(s);
      },
      (e: unknown) => {
        setError(e);
        setSession(null);
      },
    );
    return () => setUnauthorizedHandler(null);
  }, []);

  const logout = async () => {
    try {
      await signOut();
    } finally {
      sessionStorage.clear();
      setExpired(false);
      setSession(null);
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        {session && session !== 'loading' && (
          <nav aria-label={t('nav.label')}>
            <ul>
              {NAV_PAGES.map((page) => (
                <li key={page}>
                  <a href={`#/${page}`} aria-current={route.page === page ? 'page' : undefined}>
                    {t(navKey(page))}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <span className="spacer" />
        <LanguageSwitch />
        {session && session !== 'loading' && (
          <div className="user">
            <span>{t('session.signedInAs', { name: session.user.name || session.user.email })}</span>
            <button type="button" onClick={() => void logout()}>
              {t('session.logout')}
            </button>
          </div>
        )}
      </header>
      <ErrorMessage error={error} />
      {session === 'loading' && <p className="page">{t('common.loading')}</p>}
      {session === null && (
        <LoginPage
          expired={expired}
          onSignedIn={(s) => {
            claimSessionStorage(s.user.id);
            setError(null);
            setSession(s);
          }}
        />
      )}
      {session && session !== 'loading' && (
        <main id="main" className="page" tabIndex={-1}>
          <Pages route={route} />
        </main>
      )}
    </>
  );
}
