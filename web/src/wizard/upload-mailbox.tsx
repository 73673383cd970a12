/** Adds a mailbox from a file the user picks: a vCard file or an Outlook CSV export (POST /api/mailboxes). */
import { useId, useState, type FormEvent } from 'react';
import { uploadMailbox } from '../api/mailbox-api';
import type { Mailbox } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';

export function UploadMailbox({ onAdded }: { onAdded(mailbox: Mailbox): void }) {
  const t = useT();
  const ids = { name: useId(), format: useId(), file: useId() };
  const [name, setName] = useState('');
  const [format, setFormat] = useState<'vcard' | 'outlook-csv'>('vcard');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const added = await uploadMailbox(name.trim() || file.name, format, file);
      setDone(t('upload.done', { name: added.name, count: added.contacts }));
      setName('');
      onAdded(added);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="upload">
      <summary>{t('upload.title')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('upload.hint')}</p>
        <div className="field">
          <label htmlFor={ids.file}>{t('upload.file')}</label>
          <input
            id={ids.file}
            type="file"
            accept=".vcf,.vcard,.csv,text/vcard,text/csv"
            required
            onChange={(e) => {
              const picked = e.target.files?.[0] ?? null;
              setFile(picked);
              if (picked && /\.csv$/i.test(picked.name)) setFormat('outlook-csv');
              if (picked && /\.vcf$|\.vcard$/i.test(picked.name)) setFormat('vcard');
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.format}>{t('upload.format')}</label>
          <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            <option value="vcard">{t('upload.vcard')}</option>
            <option value="outlook-csv">{t('upload.csv')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.name}>{t('upload.name')}</label>
          <input id={ids.name} type="text" maxLength={200} value={name} placeholder={file?.name ?? ''} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" disabled={busy || !file}>
          {busy ? t('upload.busy') : t('upload.submit')}
        </button>
        <ErrorMessage error={error} />
        <div role="status">{done && <p className="banner success">{done}</p>}</div>
      </form>
    </details>
  );
}
