/** Settings: API tokens for scripts (a new token is shown once; revoke), and the users for an administrator. */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { createToken, listTokens, revokeToken } from '../api/tokens-api';
import type { ApiToken, NewApiToken } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { useDate } from './use-date';
import { UsersSection } from './users-section';

export function TokensPage() {
  const t = useT();
  const date = useDate();
  const nameId = useId();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => listTokens().then(setTokens, setError), []);
  useEffect(() => void load(), [load]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setCreated(await createToken(name.trim()));
      setName('');
      void load();
    } catch (e) {
      setError(e);
    }
  };
  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      await revokeToken(token.id);
      if (created?.id === token.id) setCreated(null);
      void load();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div>
      <h1>{t('nav.settings')}</h1>
      <h2>{t('tokens.title')}</h2>
      <p className="hint">{t('tokens.intro')}</p>
      <form className="toolbar" onSubmit={(e) => void create(e)}>
        <div className="field inline">
          <label htmlFor={nameId}>{t('tokens.name')}</label>
          <input id={nameId} type="text" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          {t('tokens.create')}
        </button>
      </form>
      <div role="status">
        {created && (
          <div className="banner success">
            <p>{t('tokens.once', { name: created.name })}</p>
            <p className="token" data-testid="new-token">
              {created.token}
            </p>
          </div>
        )}
      </div>
      <ErrorMessage error={error} />
      {tokens && tokens.length === 0 && <p>{t('tokens.none')}</p>}
      {tokens && tokens.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('runs.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-testid="token-row">
                <td>{token.name}</td>
                <td>{date(token.createdAt)}</td>
                <td>{token.lastUsedAt ? date(token.lastUsedAt) : t('tokens.never')}</td>
                <td>
                  <button type="button" aria-label={t('tokens.revokeNamed', { name: token.name })} onClick={() => void revoke(token)}>
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <UsersSection />
    </div>
  );
}
