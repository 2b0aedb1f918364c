import { useState } from 'preact/hooks';
import type { RestoreMode } from '../../lib/history/model';
import { useT } from '../i18n';
import type { HistoryData, HistoryIO } from './io';
import { FilePicker } from '../FilePicker';

type Message = { kind: 'ok' | 'error' | 'busy'; text: string };

/** Download the whole history as one file; restore it (merge or replace), nothing written unless the whole file is valid. */
export function BackupPanel({ data, io, now, onRestored }: { data: HistoryData; io: HistoryIO; now: () => Date; onRestored: () => void }) {
  const { t, tn } = useT();
  const [gzip, setGzip] = useState(true);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  async function backup() {
    setMessage({ kind: 'busy', text: t('history.backup.working') });
    try {
      const file = await data.backup(gzip, now());
      io.download(file.blob, file.fileName);
      setMessage({ kind: 'ok', text: tn('history.backup.done', file.audits) });
    } catch (error) {
      setMessage({ kind: 'error', text: t(data.errorKey(error)) });
    }
  }

  async function restore(e: Event) {
    e.preventDefault();
    if (!file) return;
    if (mode === 'replace' && !io.confirm(t('history.restore.confirmReplace'))) return;
    setMessage({ kind: 'busy', text: t('history.restore.working') });
    const result = await data.restore(file, mode);
    if (!result.ok) {
      const params = { ...result.params };
      if (typeof params.kind === 'string') params.kind = t(`history.restore.kind.${params.kind}`);
      setMessage({ kind: 'error', text: t(result.error, params) });
      return;
    }
    const { report } = result;
    const text = t('history.restore.done', { added: report.auditsAdded, skipped: report.auditsSkipped });
    setMessage(report.settings === 'failed' ? { kind: 'error', text: `${text} ${t('history.restore.settings.failed')}` } : { kind: 'ok', text });
    onRestored();
  }

  return (
    <div class="backup" data-testid="backup">
      <h3>{t('history.backup.title')}</h3>
      <p class="muted">{t('history.backup.explain')}</p>
      <label><input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.currentTarget.checked)} /> {t('history.backup.gzip')}</label>{' '}
      <button type="button" onClick={() => void backup()}>{t('history.backup.download')}</button>

      <h3>{t('history.restore.title')}</h3>
      <form onSubmit={restore} class="restore-form">
        <FilePicker label={t('history.restore.file')} choose={t('history.restore.choose')} none={t('history.restore.none')} accept=".json,.gz,application/json,application/gzip" name="backup-file" onFile={setFile} />
        <fieldset>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m} class="block"><input type="radio" name="restore-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`history.restore.mode.${m}`)}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={!file}>{t('history.restore.button')}</button>
      </form>
      {message && <p class={message.kind === 'error' ? 'error' : message.kind === 'ok' ? 'ok-note' : 'loading'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="backup-message">{message.text}</p>}
    </div>
  );
}
