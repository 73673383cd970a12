/** Step 2 (W1): the contacts folder, the default one proposed, and which subfolders to include (all by default). */
import { useEffect, useId, useState } from 'react';
import { listFolders } from '../api/mailbox-api';
import type { FolderList } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';
import { StepFrame, type StepProps } from './step-frame';

const isUnder = (path: string, folder: string) => path.startsWith(`${folder}/`);

export function FolderStep({ state, update, go }: StepProps) {
  const t = useT();
  const id = useId();
  const [list, setList] = useState<FolderList | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (state.mailboxId === null) return;
    listFolders(state.mailboxId)
      .then((folders) => {
        setList(folders);
        if (state.folder === null || !folders.folders.some((f) => f.path === state.folder)) update({ folder: folders.defaultFolder ?? folders.folders[0]?.path ?? null, excludeSubfolders: [] });
      })
      .catch(setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.mailboxId]);

  const folder = state.folder;
  const subfolders = list && folder ? list.folders.filter((f) => isUnder(f.path, folder)) : [];
  const excluded = new Set(state.excludeSubfolders);
  // A subfolder of an excluded one is excluded with it.
  const isExcluded = (path: string) => excluded.has(path) || state.excludeSubfolders.some((e) => isUnder(path, e));
  const toggle = (path: string, include: boolean) =>
    update((s) => ({ excludeSubfolders: include ? s.excludeSubfolders.filter((e) => e !== path && !isUnder(path, e)) : [...s.excludeSubfolders.filter((e) => !isUnder(e, path)), path] }));

  return (
    <StepFrame
      step="folder"
      back="mailbox"
      go={go}
      forward={
        <button type="button" className="primary" disabled={!folder} onClick={() => go('grouping')}>
          {t('common.next')}
        </button>
      }
    >
      <ErrorMessage error={error} />
      {!list && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {list && (
        <>
          <div className="field">
            <label htmlFor={id}>{t('wizard.folder.label')}</label>
            <select id={id} value={folder ?? ''} onChange={(e) => update({ folder: e.target.value, excludeSubfolders: [] })}>
              {list.folders.map((f) => (
                <option key={f.path} value={f.path}>
                  {f.path === list.defaultFolder ? t('wizard.folder.default', { name: f.path }) : f.path}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('wizard.folder.subfolders')}</legend>
            {subfolders.length === 0 && <p>{t('wizard.folder.noSubfolders')}</p>}
            {subfolders.map((f) => (
              <label key={f.path} className="check" style={{ paddingInlineStart: `${(f.path.split('/').length - folder!.split('/').length - 1) * 1.25}rem` }}>
                <input type="checkbox" checked={!isExcluded(f.path)} onChange={(e) => toggle(f.path, e.target.checked)} />
                {f.path}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </StepFrame>
  );
}
