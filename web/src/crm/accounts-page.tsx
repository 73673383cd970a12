/** The CRM's accounts: searchable list, 50 at a time. */
import { useId, useState } from 'react';
import { listAccounts } from '../api/crm-api';
import { ErrorMessage } from '../components/error-message';
import { useDebounced } from '../components/use-debounced';
import { useT } from '../i18n/use-t';
import { useSearchList } from './use-search-list';

export function AccountsPage() {
  const t = useT();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const list = useSearchList(listAccounts, useDebounced(search.trim()));
  return (
    <div>
      <h1>{t('crm.accounts')}</h1>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={searchId}>{t('crm.searchAccounts')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {!list.items && !list.error && <p>{t('common.loading')}</p>}
      {list.items && list.items.length === 0 && <p>{t('common.noResults')}</p>}
      {list.items && list.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('crm.website')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id} data-testid="account-row">
                <td>
                  <a href={`#/accounts/${a.id}`}>{a.name}</a>
                </td>
                <td>{a.website ?? t('common.empty')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.more && (
        <button type="button" onClick={list.loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
