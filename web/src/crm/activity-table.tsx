/** A record's activities (e-mails, appointments, tasks), newest first as the server gives them. */
import type { Activity } from '../api/types';
import { useT } from '../i18n/use-t';
import { useDate } from './use-date';

export function ActivityTable({ activities }: { activities: Activity[] }) {
  const t = useT();
  const date = useDate();
  if (activities.length === 0) return <p>{t('crm.noActivities')}</p>;
  return (
    <div className="table-scroll">
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">{t('crm.activity.date')}</th>
            <th scope="col">{t('crm.activity.kind')}</th>
            <th scope="col">{t('crm.activity.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id}>
              <td>{date(a.occurredAt)}</td>
              <td>{t(`crm.activity.${a.kind}`)}</td>
              <td>{a.subject ?? t('common.empty')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
