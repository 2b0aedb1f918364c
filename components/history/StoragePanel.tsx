import { useEffect, useState } from 'preact/hooks';
import type { StorageUsage } from '../../lib/history/model';
import { useT } from '../i18n';

function formatBytes(bytes: number, number: (n: number, o?: Intl.NumberFormatOptions) => string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return number(value, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 });
}

/** Storage used by Vigie, from navigator.storage.estimate (refreshed after each change). */
export function StoragePanel({ usage: read, version }: { usage: () => Promise<StorageUsage | null>; version: number }) {
  const { t, number } = useT();
  const [usage, setUsage] = useState<StorageUsage | null | undefined>(undefined);
  useEffect(() => { void read().then(setUsage, () => setUsage(null)); }, [read, version]);
  if (usage === undefined) return null;
  return (
    <p data-testid="storage-usage">
      {usage ? t('history.storage.used', { used: formatBytes(usage.usage, number), quota: formatBytes(usage.quota, number) }) : t('history.storage.unknown')}
    </p>
  );
}
