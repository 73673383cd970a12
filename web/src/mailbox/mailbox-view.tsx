/** A mailbox's contacts of a folder, like an address book: paged, virtualised, with a tracked marker; select up to 20 to act. */
import { useCallback, useEffect, useId, useState } from 'react';
import { listFolders, listMailboxContacts, listMailboxes } from '../api/mailbox-api';
import type { FolderList, Mailbox } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useDebounced } from '../components/use-debounced';
import { usePagedItems } from '../components/use-paged-items';
import { VirtualTable } from '../components/virtual-table';
import { useNumber, useT } from '../i18n/use-t';
import { toggleSelection } from './selection';
import { TrackActions } from './track-actions';

const PAGE = 100;

export function MailboxView() {
  const t = useT();
  const n = useNumber();
  const mailboxId = useId();
  const folderId = useId();
  const searchId = useId();
  const [mailboxes, setMailboxes] = useState<Mailbox[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [folders, setFolders] = useState<FolderList | null>(null);
  const [folder, setFolder] = useState<string>('');
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMailboxes()
      .then((items) => {
        setMailboxes(items);
        setChosen(items[0]?.id ?? null);
      })
      .catch(setError);
  }, []);
  useEffect(() => {
    if (chosen === null) return;
    setFolders(null);
    listFolders(chosen)
      .then((list) => {
        setFolders(list);
        setFolder(list.defaultFolder ?? '');
      })
      .catch(setError);
  }, [chosen]);

  const load = useCallback(
    (offset: number, limit: number, signal: AbortSignal) => listMailboxContacts(chosen!, { folder: folder || undefined, offset, limit, search: settled || undefined }, signal),
    [chosen, folder, settled],
  );
  const contacts = usePagedItems(load, PAGE, `${chosen}\n${folder}\n${settled}`);
  const ready = chosen !== null && folders !== null;

  return (
    <div>
      <h1>{t('mbview.title')}</h1>
      <ErrorMessage error={error} />
      {mailboxes && mailboxes.length === 0 && <p>{t('wizard.mailbox.none')}</p>}
      {mailboxes && mailboxes.length > 0 && (
        <div className="toolbar">
          <div className="field inline">
            <label htmlFor={mailboxId}>{t('wizard.mailbox.label')}</label>
            <select
              id={mailboxId}
              value={chosen ?? ''}
              onChange={(e) => {
                setChosen(Number(e.target.value));
                setSelected(new Map());
              }}
            >
              {mailboxes.map((m) => (
                <option key={m.id} value={m.id}>
                  {t('wizard.mailbox.option', { name: m.name, address: m.ownerAddress })}
                </option>
              ))}
            </select>
          </div>
          {folders && (
            <div className="field inline">
              <label htmlFor={folderId}>{t('common.folder')}</label>
              <select id={folderId} value={folder} onChange={(e) => setFolder(e.target.value)}>
                {folders.folders.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.path}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field inline">
            <label htmlFor={searchId}>{t('mbview.search')}</label>
            <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
        </div>
      )}
      {ready && (
        <>
          <TrackActions mailboxId={chosen} selected={selected} onDone={contacts.reload} />
          <p aria-live="polite">{contacts.total !== null && t('mbview.count', { count: n(contacts.total) })}</p>
          <ErrorMessage error={contacts.error} />
          <VirtualTable
            items={contacts}
            scrollKey={`${chosen}\n${folder}\n${settled}`}
            columns={5}
            rowHeight={44}
            caption={t('mbview.tableCaption')}
            head={
              <tr aria-rowindex={1}>
                <th scope="col" className="narrow">
                  {t('mbview.col.select')}
                </th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.email')}</th>
                <th scope="col">{t('common.company')}</th>
                <th scope="col">{t('mbview.col.tracking')}</th>
              </tr>
            }
            renderRow={(contact, index) => (
              <tr key={contact.id} data-testid="mailbox-contact" aria-rowindex={index + 2} style={{ height: 44 }}>
                <td className="narrow">
                  <input
                    type="checkbox"
                    aria-label={t('mbview.select', { name: contact.name || contact.email || contact.id })}
                    checked={selected.has(contact.id)}
                    onChange={() => setSelected((s) => toggleSelection(s, contact.id, contact.name))}
                  />
                </td>
                <td className="label-cell">{contact.crmContactId ? <a href={`#/contacts/${contact.crmContactId}`}>{contact.name || t('report.unnamed')}</a> : contact.name || t('report.unnamed')}</td>
                <td className="label-cell">{contact.email ?? t('common.empty')}</td>
                <td className="label-cell">{contact.company ?? t('common.empty')}</td>
                <td>
                  {contact.tracked ? (
                    <span className="tracked-mark yes" data-testid="tracked-mark">
                      <span aria-hidden="true">✓</span> {t('mbview.tracked')}
                    </span>
                  ) : (
                    <span className="tracked-mark no">
                      <span aria-hidden="true">○</span> {t('mbview.notTracked')}
                    </span>
                  )}
                </td>
              </tr>
            )}
          />
        </>
      )}
    </div>
  );
}
