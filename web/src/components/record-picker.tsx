/** Find an account or a contact by typing (GET /api/accounts?search= and /api/contacts?search=) and pick one. */
import { useEffect, useId, useState } from 'react';
import { listAccounts, listContacts } from '../api/crm-api';
import type { RecordRef } from '../api/types';
import { useT } from '../i18n/use-t';
import { ErrorMessage } from './error-message';

const MIN_LETTERS = 2;

export function RecordPicker({ onPick }: { onPick(record: RecordRef): void }) {
  const t = useT();
  const inputId = useId();
  const hintId = useId();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<RecordRef[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const text = search.trim();
    if (text.length < MIN_LETTERS) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      Promise.all([listAccounts({ search: text, limit: 10 }, controller.signal), listContacts({ search: text, limit: 10 }, controller.signal)])
        .then(([accounts, contacts]) => {
          setError(null);
          setFound([
            ...accounts.map((a): RecordRef => ({ kind: 'account', id: a.id, name: a.name })),
            ...contacts.map((c): RecordRef => ({ kind: 'contact', id: c.id, name: c.email ? `${c.name} <${c.email}>` : c.name })),
          ]);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setError(e);
        });
    }, 250);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [search]);

  return (
    <div className="picker">
      <label htmlFor={inputId}>{t('picker.search')}</label>
      <input id={inputId} type="search" autoComplete="off" value={search} aria-describedby={hintId} onChange={(e) => setSearch(e.target.value)} />
      <p id={hintId} className="hint">
        {t('picker.hint')}
      </p>
      <ErrorMessage error={error} />
      <div aria-live="polite">
        {found && found.length === 0 && <p>{t('picker.nothing', { search: search.trim() })}</p>}
        {found && found.length > 0 && (
          <ul className="picker-results">
            {found.map((record) => (
              <li key={`${record.kind}:${record.id}`}>
                <button type="button" className="link-button" aria-label={t('picker.choose', { name: record.name })} onClick={() => onPick(record)}>
                  <span className="tag">{t(record.kind === 'account' ? 'picker.account' : 'picker.contact')}</span> {record.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

