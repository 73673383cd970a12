/** One CRM contact: every field, its parent, who tracks it, its activities and its open sync conflicts. */
import { useEffect, useState } from 'react';
import { getContact } from '../api/crm-api';
import type { ContactDetail as Detail } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { ActivityTable } from './activity-table';
import { contactFieldLines } from './contact-fields';
import { ParentLink } from './contacts-table';
import { useDate } from './use-date';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

export function ContactDetail({ id }: { id: number }) {
  const t = useT();
  const date = useDate();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDetail(null);
    getContact(id).then(setDetail, setError);
  }, [id]);
  const contact = detail?.contact;
  const name = contact ? (show(contact.fullName) !== '—' ? show(contact.fullName) : [contact.firstName, contact.lastName].filter(Boolean).join(' ') || show((contact.emails as string[] | undefined)?.[0])) : '';
  return (
    <div>
      <p>
        <a href="#/contacts">{t('crm.backToContacts')}</a>
      </p>
      <ErrorMessage error={error} />
      {!detail && !error && <p>{t('common.loading')}</p>}
      {detail && contact && (
        <>
          <h1>{name}</h1>
          <h2>{t('crm.fields')}</h2>
          <dl className="fields" data-testid="contact-fields">
            {contactFieldLines(contact).map((line) => (
              <div key={line.label} style={{ display: 'contents' }}>
                <dt>{t(line.label)}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
            <dt>{t('crm.parent')}</dt>
            <dd>
              <ParentLink parent={detail.parent} />
            </dd>
            <dt>{t('crm.state')}</dt>
            <dd>{contact.state}</dd>
            <dt>{t('crm.created')}</dt>
            <dd>{date(contact.createdAt as string | undefined)}</dd>
            <dt>{t('crm.modified')}</dt>
            <dd>{date(contact.modifiedAt as string | undefined)}</dd>
          </dl>
          <h2>{t('crm.trackedBy')}</h2>
          {detail.trackedBy.length === 0 ? (
            <p>{t('crm.notTracked')}</p>
          ) : (
            <ul className="plain-list">
              {detail.trackedBy.map((who, i) => (
                <li key={i}>{who.mailboxName ? t('crm.trackedByMailbox', { user: who.userName ?? '—', mailbox: who.mailboxName }) : who.userName ?? '—'}</li>
              ))}
            </ul>
          )}
          <h2>{t('crm.activities')}</h2>
          <ActivityTable activities={detail.activities} />
          <h2>{t('crm.conflicts')}</h2>
          {detail.conflicts.length === 0 ? (
            <p>{t('crm.noConflicts')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('crm.conflict.field')}</th>
                    <th scope="col">{t('crm.conflict.crm')}</th>
                    <th scope="col">{t('crm.conflict.mailbox')}</th>
                    <th scope="col">{t('crm.conflict.winner')}</th>
                    <th scope="col">{t('crm.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.conflicts.map((c, i) => (
                    <tr key={show(c.id) + i}>
                      <td>{show(c.field)}</td>
                      <td>{show(c.crmValue)}</td>
                      <td>{show(c.mailboxValue)}</td>
                      <td>{show(c.winner)}</td>
                      <td>{date(c.createdAt as string | undefined)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
