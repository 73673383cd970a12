/** One account: its fields, its contacts and its activities. */
import { useEffect, useState } from 'react';
import { getAccount } from '../api/crm-api';
import type { AccountDetail as Detail } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { ActivityTable } from './activity-table';
import { ContactsTable } from './contacts-table';

export function AccountDetail({ id }: { id: number }) {
  const t = useT();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDetail(null);
    getAccount(id).then(setDetail, setError);
  }, [id]);
  return (
    <div>
      <p>
        <a href="#/accounts">{t('crm.backToAccounts')}</a>
      </p>
      <ErrorMessage error={error} />
      {!detail && !error && <p>{t('common.loading')}</p>}
      {detail && (
        <>
          <h1>{detail.account.name}</h1>
          <dl className="fields">
            <dt>{t('crm.website')}</dt>
            <dd>{detail.account.website ?? t('common.empty')}</dd>
          </dl>
          <h2>{t('crm.contacts')}</h2>
          {detail.contacts.length === 0 ? <p>{t('crm.noContacts')}</p> : <ContactsTable contacts={detail.contacts} />}
          <h2>{t('crm.activities')}</h2>
          <ActivityTable activities={detail.activities} />
        </>
      )}
    </div>
  );
}
