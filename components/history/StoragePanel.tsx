import { useEffect, useState } from 'preact/hooks';
import { storageUsage, type StorageUsage } from '../../lib/store/housekeeping';
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
export function StoragePanel({ estimate, version }: { estimate?: () => Promise<StorageEstimate>; version: number }) {
  const { t, number } = useT();
  const [usage, setUsage] = useState<StorageUsage | null | undefined>(undefined);
  useEffect(() => { void storageUsage(estimate).then(setUsage); }, [estimate, version]);
  if (usage === undefined) return null;
  return (
    <p data-testid="storage-usage">
      {usage ? t('history.storage.used', { used: formatBytes(usage.usage, number), quota: formatBytes(usage.quota, number) }) : t('history.storage.unknown')}
    </p>
  );
}
