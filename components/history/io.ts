/** What the history page needs from the browser, injected so the page is tested without one. */
import type { SettingsWriter } from '../../lib/store/backup/restore';

export interface HistoryIO {
  /** The settings to put in a backup (browser.storage.local, read by the settings module). */
  readSettings(): Promise<Record<string, unknown> | null>;
  /** Checks and writes the settings of a restored backup; absent: settings are not restored. */
  settings?: SettingsWriter & { validate(settings: Record<string, unknown>): boolean };
  /** navigator.storage.estimate when the browser has it. */
  estimate?: () => Promise<StorageEstimate>;
  download(blob: Blob, fileName: string): void;
  confirm(message: string): boolean;
}
