import type { ExportResult } from '../../lib/export';
import { downloadExport } from './download';

export interface DownloadButtonProps {
  label: string;
  /** Built on click. */
  result: () => ExportResult;
  fileName: (extension: string) => string;
  testId?: string;
  download?: (result: ExportResult, fileName: string) => void;
}

export function DownloadButton({ label, result, fileName, testId, download = downloadExport }: DownloadButtonProps) {
  const onClick = () => {
    const out = result();
    download(out, fileName(out.extension));
  };
  return (
    <button type="button" onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
}
