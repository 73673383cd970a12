/** A group's names (W4), 100 at a time, in a dialog. */
import { useCallback, useEffect, useState } from 'react';
import type { Group, GroupContact } from '../api/types';
import { listGroupContacts } from '../api/wizard-api';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { useNumber, useT } from '../i18n/use-t';

const PAGE = 100;

export function GroupNamesDialog({ planId, group, onClose, fail }: { planId: string; group: Group; onClose(): void; fail(error: unknown): void }) {
  const t = useT();
  const n = useNumber();
  const [names, setNames] = useState<GroupContact[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const more = useCallback(
    (offset: number) => {
      setBusy(true);
      listGroupContacts(planId, group.key, { offset, limit: PAGE })
        .then((page) => {
          setNames((shown) => [...shown.slice(0, offset), ...page.items]);
          setTotal(page.total);
        })
        .catch((e: unknown) => {
          setError(e);
          fail(e);
        })
        .finally(() => setBusy(false));
    },
    [planId, group.key, fail],
  );
  useEffect(() => more(0), [more]);
  return (
    <Dialog
      title={t('groups.namesTitle', { label: group.label })}
      onClose={onClose}
      actions={
        total !== null && names.length < total ? (
          <button type="button" disabled={busy} onClick={() => more(names.length)}>
            {t('common.loadMore')}
          </button>
        ) : null
      }
    >
      <ErrorMessage error={error} />
      {total === null && !error && <p>{t('common.loading')}</p>}
      {total !== null && (
        <>
          <p aria-live="polite">{t('groups.namesShown', { shown: n(names.length), total: n(total) })}</p>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.email')}</th>
                <th scope="col">{t('common.folder')}</th>
              </tr>
            </thead>
            <tbody>
              {names.map((c) => (
                <tr key={c.id} data-testid="group-name">
                  <td>{c.name || t('report.unnamed')}</td>
                  <td>{c.email ?? t('common.empty')}</td>
                  <td>{c.folder}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
