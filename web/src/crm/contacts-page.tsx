/** The CRM's contacts: searchable list (names and e-mails), 50 at a time. */
import { listContacts } from '../api/crm-api';
import { useT } from '../i18n/use-t';
import { ContactsTable } from './contacts-table';
import { SearchListPage } from './search-list-page';

export function ContactsPage() {
  const t = useT();
  return <SearchListPage title={t('crm.contacts')} searchLabel={t('crm.searchContacts')} load={listContacts} render={(contacts) => <ContactsTable contacts={contacts} />} />;
}
