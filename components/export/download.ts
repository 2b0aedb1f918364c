/** Saves an export as a file through a temporary object URL (no permission needed). */
import type { ExportResult } from '../../lib/export';

export function downloadExport(result: ExportResult, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([result.content], { type: result.mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
