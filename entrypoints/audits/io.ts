/** The browser side of the history page: settings through lib/settings, storage estimate, downloads, confirmation. */
import type { HistoryIO } from '../../components/history/io';
import { StrictSettings } from '../../lib/settings/schema';
import { loadSettings, saveSettings } from '../../lib/settings/storage';

function download(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function browserHistoryIO(): HistoryIO {
  return {
    readSettings: async () => (await loadSettings()) as unknown as Record<string, unknown>,
    settings: {
      validate: (settings) => StrictSettings.safeParse(settings).success,
      apply: async (settings) => {
        const result = await saveSettings(settings);
        if (!result.ok) throw new Error(`settings refused: ${result.issues.join(', ')}`);
      },
    },
    estimate: navigator.storage?.estimate ? () => navigator.storage.estimate() : undefined,
    download,
    confirm: (message) => window.confirm(message),
  };
}
