/** A CRM list page: its title, a search box, the items read 50 at a time with "Load more" (accounts, contacts). */
import { useId, useState, type ReactNode } from 'react';
import { ErrorMessage } from '../components/error-message';
import { useDebounced } from '../components/use-debounced';
import { useT } from '../i18n/use-t';
import { useSearchList } from './use-search-list';

interface SearchListPageProps<T> {
  title: string;
  searchLabel: string;
  load: Parameters<typeof useSearchList<T>>[0];
  render(items: T[]): ReactNode;
}

export function SearchListPage<T>({ title, searchLabel, load, render }: SearchListPageProps<T>) {
  const t = useT();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const list = useSearchList(load, useDebounced(search.trim()));
  return (
    <div>
      <h1>{title}</h1>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={searchId}>{searchLabel}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={list.error} />
      {!list.items && !list.error && <p>{t('common.loading')}</p>}
      {list.items && list.items.length === 0 && <p>{t('common.noResults')}</p>}
      {list.items && list.items.length > 0 && render(list.items)}
      {list.more && (
        <button type="button" onClick={list.loadMore}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
