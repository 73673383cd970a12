/**
 * Step 8 (W8): per group, Set account (not set, use company name, or an existing account
 * or contact found by typing) and Include communications; they override the two options.
 * Then Add starts the run (W9).
 */
import { useId, useState } from 'react';
import { ApiError } from '../api/http';
import type { AccountSetting, Group, RecordRef } from '../api/types';
import { startRun } from '../api/wizard-api';
import { Dialog } from '../components/dialog';
import { ErrorMessage } from '../components/error-message';
import { RecordPicker } from '../components/record-picker';
import { useDebounced } from '../components/use-debounced';
import { VirtualTable } from '../components/virtual-table';
import { useNumber, useT } from '../i18n/use-t';
import { runChoices } from './run-choices';
import { StepFrame, type StepProps } from './step-frame';
import { usePlanGroups } from './use-plan-groups';
import { checkedCount, type GroupChoice } from './wizard-state';

type AccountKind = 'none' | 'company' | 'existing';

const kindOf = (account: AccountSetting | undefined, companyAccount: boolean): AccountKind =>
  account ? (account.kind === 'account' || account.kind === 'contact' ? 'existing' : account.kind) : companyAccount ? 'company' : 'none';

export function AdvancedStep({ state, update, go, fail }: StepProps) {
  const t = useT();
  const n = useNumber();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const [picking, setPicking] = useState<Group | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const plan = state.plan!;
  const groups = usePlanGroups(plan, settled, fail);

  const setChoice = (key: string, change: Partial<GroupChoice>) => update((s) => ({ groupChoices: { ...s.groupChoices, [key]: { ...s.groupChoices[key], ...change } } }));
  const pick = (group: Group, record: RecordRef) => {
    setChoice(group.key, { account: { kind: record.kind, id: record.id }, picked: record });
    setPicking(null);
  };

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const { runId } = await startRun(plan.planId, await runChoices(state));
      update({ runId, summary: null, step: 'progress' });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 410) fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <StepFrame
      step="advanced"
      back="options"
      go={go}
      forward={
        <button type="button" className="primary" disabled={busy} onClick={() => void add()}>
          {t('wizard.add')}
        </button>
      }
    >
      <p>{t('advanced.intro')}</p>
      <p data-testid="advanced-checked">{t('groups.checked', { checked: n(checkedCount(state, plan.groupCount)), total: n(plan.groupCount) })}</p>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor={searchId}>{t('groups.search')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <ErrorMessage error={groups.error} />
      <VirtualTable
        items={groups}
        scrollKey={settled}
        columns={3}
        rowHeight={56}
        caption={t('step.advanced')}
        head={
          <tr aria-rowindex={1}>
            <th scope="col">{t('advanced.col.group')}</th>
            <th scope="col">{t('advanced.col.account')}</th>
            <th scope="col">{t('advanced.col.comms')}</th>
          </tr>
        }
        renderRow={(group, index) => {
          const choice = state.groupChoices[group.key] ?? {};
          const kind = kindOf(choice.account, state.companyAccount);
          return (
            <tr key={group.key} data-testid="advanced-row" data-key={group.key} aria-rowindex={index + 2} style={{ height: 56 }}>
              <td className="label-cell" title={group.label}>
                {group.label}
              </td>
              <td>
                <div className="account-cell">
                  <select
                    aria-label={t('advanced.accountFor', { label: group.label })}
                    value={kind}
                    onChange={(e) => {
                      const next = e.target.value as AccountKind;
                      if (next === 'existing') setPicking(group);
                      else setChoice(group.key, { account: { kind: next }, picked: undefined });
                    }}
                  >
                    <option value="none">{t('account.none')}</option>
                    <option value="company">{t('account.company')}</option>
                    <option value="existing">{t('account.existing')}</option>
                  </select>
                  {kind === 'existing' && choice.picked && (
                    <span className="picked">{t('account.picked', { kind: t(choice.picked.kind === 'account' ? 'picker.account' : 'picker.contact'), name: choice.picked.name })}</span>
                  )}
                  {kind === 'existing' && (
                    <button type="button" className="link-button" aria-label={t('advanced.chooseFor', { label: group.label })} onClick={() => setPicking(group)}>
                      {t('advanced.choose')}
                    </button>
                  )}
                </div>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('advanced.commsFor', { label: group.label })}
                  checked={choice.includeCommunications ?? state.trackCommunications}
                  onChange={(e) => setChoice(group.key, { includeCommunications: e.target.checked })}
                />
              </td>
            </tr>
          );
        }}
      />
      {picking && (
        <Dialog title={t('advanced.chooseFor', { label: picking.label })} onClose={() => setPicking(null)} closeLabel={t('common.cancel')}>
          <RecordPicker onPick={(record) => pick(picking, record)} />
        </Dialog>
      )}
      <div aria-live="polite">{busy && <p className="busy">{t('wizard.busy')}</p>}</div>
      <ErrorMessage error={error} />
      {error instanceof ApiError && typeof error.problem.runId === 'number' && (
        <p>
          <a href={`#/runs/${error.problem.runId}`}>{t('wizard.openRun', { id: error.problem.runId })}</a>
        </p>
      )}
    </StepFrame>
  );
}
