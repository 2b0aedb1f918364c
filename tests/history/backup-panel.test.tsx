// @vitest-environment happy-dom
/** Backup and restore through the page: the download restores to the same history; a bad file shows its message and changes nothing. */
import { historyData } from '../../entrypoints/audits/data';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { until, untilText } from '../support/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupPanel } from '../../components/history/BackupPanel';
import type { HistoryIO } from '../../components/history/io';
import { TranslatorProvider } from '../../components/i18n';
import { saveAudit, type VigieDatabase } from '../../lib/store/db';
import { deleteEverything } from '../../lib/store/housekeeping';
import { freshDb, makeAudit, snapshot } from '../store/helpers';

afterEach(() => { document.body.innerHTML = ''; });


function setup(db: VigieDatabase, locale: 'en' | 'fr' = 'en') {
  const downloads: { blob: Blob; name: string }[] = [];
  let applied: Record<string, unknown> | null = null;
  const io: HistoryIO = {
    readSettings: async () => ({ language: 'fr' }),
    settings: { validate: (s) => s.language === 'fr' || s.language === 'en', apply: async (s) => void (applied = s) },
    download: (blob, name) => void downloads.push({ blob, name }),
    confirm: () => true,
  };
  const container = document.createElement('div');
  document.body.append(container);
  render(<TranslatorProvider locale={locale}><BackupPanel data={historyData(db, io, () => undefined)} io={io} now={() => new Date('2026-11-28T12:00:00.000Z')} onRestored={() => undefined} /></TranslatorProvider>, container);
  return { container, downloads, applied: () => applied };
}

async function chooseFile(container: HTMLElement, file: File, mode: 'merge' | 'replace') {
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => { input.dispatchEvent(new Event('change', { bubbles: true })); });
  await act(async () => { (container.querySelector(`input[value=${mode}]`) as HTMLInputElement).click(); });
  await act(async () => { (container.querySelector('.restore-form button[type=submit]') as HTMLButtonElement).click(); });
}

describe('backup panel', () => {
  it('downloads a compressed backup that restores the same history and settings', async () => {
    const { db } = await freshDb();
    for (const d of ['a.example', 'b.example']) await saveAudit(db, makeAudit({ domain: d }));
    const before = await snapshot(db);
    const { container, downloads, applied } = setup(db);
    await act(async () => { (container.querySelector('.backup > button') as HTMLButtonElement).click(); });
    // The message is said after the file is handed over: wait for it, then look at the file.
    await untilText(container, '[data-testid=backup-message]', 'Backup ready: 2 audits.');
    expect(downloads.map((d) => d.name)).toEqual(['vigie-history-2026-11-28.json.gz']);

    await deleteEverything(db);
    await chooseFile(container, new File([downloads[0]!.blob], downloads[0]!.name), 'replace');
    await untilText(container, '[data-testid=backup-message]', 'Restored: 2 audits added, 0 already present.');
    expect(await snapshot(db)).toEqual(before);
    expect(applied()).toEqual({ language: 'fr' });
  });

  it('shows a clear message for a file of another kind and changes nothing (FR)', async () => {
    const { db } = await freshDb();
    await saveAudit(db, makeAudit({ domain: 'a.example' }));
    const before = await snapshot(db);
    const { container } = setup(db, 'fr');
    await chooseFile(container, new File(['{"invoice": 42}'], 'facture.json'), 'replace');
    const message = await until(() => container.querySelector('[role=alert]'), 'the error');
    expect(message.textContent).toBe('Ce n\'est pas un fichier de sauvegarde Vigie. Rien n\'a été modifié.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the invalid record in the message', async () => {
    const { db } = await freshDb();
    const { container } = setup(db);
    const bad = { format: 'vigie-backup', version: 1, createdAt: 'x', audits: [], checklists: [], agencyFields: [{ domain: 'a.example', month: '2026-13' }], settings: null };
    await chooseFile(container, new File([JSON.stringify(bad)], 'b.json'), 'merge');
    const message = await until(() => container.querySelector('[role=alert]'), 'the error');
    expect(message.textContent).toBe('Record 1 (monthly fields) of this file is not valid. Nothing was changed.');
  });
});
