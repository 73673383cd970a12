/** The CRM's contacts: searchable list (names and e-mails), 50 at a time. */
import { useId, useState } from 'react';
import { listContacts } from '../api/crm-api';
import { ErrorMessage } from '../components/error-message';
import { useDebounced } from '../components/use-debounced';
import { useT } from '../i18n/use-t';
import { ContactsTable } from './contacts-table';
import { useSearchList } from './use-search-list';

export function ContactsPage() {
  const t = useT();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const list = useSearchList(listContacts, useDebounced(search.trim()));
  return (
    <div>
      <h1>{t('crm.contacts')}</h1>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={searchId}>{t('crm.searchContacts')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {!list.items && !list.error && <p>{t('common.loading')}</p>}
      {list.items && list.items.length === 0 && <p>{t('common.noResults')}</p>}
      {list.items && list.items.length > 0 && <ContactsTable contacts={list.items} />}
      {list.more && (
        <button type="button" onClick={list.loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
