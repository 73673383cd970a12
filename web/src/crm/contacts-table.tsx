/** CRM contacts in a table: name (a link to the contact), e-mail, company, parent. */
import type { ContactSummary, ParentInfo } from '../api/types';
import { useT } from '../i18n/use-t';

export function ParentLink({ parent }: { parent: ParentInfo | null }) {
  const t = useT();
  if (!parent) return <>{t('common.empty')}</>;
  const href = parent.kind === 'account' ? `#/accounts/${parent.id}` : `#/contacts/${parent.id}`;
  return (
    <>
      <span className="tag">{t(parent.kind === 'account' ? 'picker.account' : 'picker.contact')}</span> <a href={href}>{parent.name ?? `#${parent.id}`}</a>
    </>
  );
}

export function ContactsTable({ contacts }: { contacts: ContactSummary[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('common.email')}</th>
            <th scope="col">{t('common.company')}</th>
            <th scope="col">{t('crm.parent')}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} data-testid="contact-row">
              <td>
                <a href={`#/contacts/${c.id}`}>{c.name || t('report.unnamed')}</a>
              </td>
              <td>{c.email ?? t('common.empty')}</td>
              <td>{c.company ?? t('common.empty')}</td>
              <td>
                <ParentLink parent={c.parent} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
