/**
 * Step 5 (W4, W5): the group table: a checkbox, the label, the count, how many are already
 * in the CRM with the colour and its words, and the names. Check all, uncheck all, search.
 * Virtualised and loaded 200 groups at a time, for mailboxes of 100,000 contacts.
 */
import { useId, useMemo, useState } from 'react';
import type { Group } from '../api/types';
import { ColourChip } from '../components/colour-chip';
import { ErrorMessage } from '../components/error-message';
import { useDebounced } from '../components/use-debounced';
import { VirtualTable } from '../components/virtual-table';
import { useNumber, useT } from '../i18n/use-t';
import { GroupNamesDialog } from './group-names-dialog';
import { StepFrame, type StepProps } from './step-frame';
import { usePlanGroups } from './use-plan-groups';
import { checkedCount, isChecked } from './wizard-state';

export function GroupsStep({ state, update, go, fail }: StepProps) {
  const t = useT();
  const n = useNumber();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [shown, setShown] = useState<Group | null>(null);
  const plan = state.plan!;
  const groups = usePlanGroups(plan, settled, fail);
  const toggled = useMemo(() => new Set(state.toggled), [state.toggled]);
  const toggle = (key: string) => update((s) => ({ toggled: s.toggled.includes(key) ? s.toggled.filter((k) => k !== key) : [...s.toggled, key] }));

  return (
    <StepFrame
      step="groups"
      back="report"
      go={go}
      forward={
        <button type="button" className="primary" onClick={() => go('merges')}>
          {t('common.next')}
        </button>
      }
    >
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={searchId}>{t('groups.search')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="button" onClick={() => update({ checkMode: 'all', toggled: [] })}>
          {t('groups.checkAll')}
        </button>
        <button type="button" onClick={() => update({ checkMode: 'none', toggled: [] })}>
          {t('groups.uncheckAll')}
        </button>
      </div>
      <p aria-live="polite" data-testid="groups-checked">
        {t('groups.checked', { checked: n(checkedCount(state, plan.groupCount)), total: n(plan.groupCount) })}
        {settled && groups.total !== null && <> · {t('groups.matching', { count: n(groups.total) })}</>}
      </p>
      <ErrorMessage error={groups.error} />
      {groups.total === 0 && <p>{t('groups.empty')}</p>}
      <VirtualTable
        items={groups}
        scrollKey={settled}
        columns={5}
        rowHeight={48}
        caption={t('step.groups')}
        head={
          <tr aria-rowindex={1}>
            <th scope="col" className="narrow">
              {t('groups.col.add')}
            </th>
            <th scope="col">{t('groups.col.group')}</th>
            <th scope="col" className="num">
              {t('groups.col.count')}
            </th>
            <th scope="col">{t('groups.col.inCrm')}</th>
            <th scope="col">{t('groups.col.names')}</th>
          </tr>
        }
        renderRow={(group, index) => (
          <tr key={group.key} data-testid="group-row" data-key={group.key} aria-rowindex={index + 2} style={{ height: 48 }}>
            <td className="narrow">
              <input type="checkbox" aria-label={t('groups.check', { label: group.label })} checked={isChecked(state, group.key, toggled)} onChange={() => toggle(group.key)} />
            </td>
            <td className="label-cell" title={group.label}>
              {group.label}
            </td>
            <td className="num">{n(group.count)}</td>
            <td>
              <span className="in-crm">
                <span data-testid="group-in-crm">{t('groups.inCrm', { count: n(group.alreadyInCrm), total: n(group.count) })}</span> <ColourChip colour={group.colour} />
              </span>
            </td>
            <td>
              <button type="button" className="link-button" aria-label={t('groups.showNamesOf', { label: group.label })} onClick={() => setShown(group)}>
                {t('groups.showNames')}
              </button>
            </td>
          </tr>
        )}
      />
      {shown && <GroupNamesDialog planId={plan.planId} group={shown} fail={fail} onClose={() => setShown(null)} />}
    </StepFrame>
  );
}
