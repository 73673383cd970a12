/** The CRM's accounts: searchable list, 50 at a time. */
import { listAccounts } from '../api/crm-api';
import { useT } from '../i18n/use-t';
import { SearchListPage } from './search-list-page';

export function AccountsPage() {
  const t = useT();
  return (
    <SearchListPage
      title={t('crm.accounts')}
      searchLabel={t('crm.searchAccounts')}
      load={listAccounts}
      render={(accounts) => (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('crm.website')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
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
    />
  );
}
