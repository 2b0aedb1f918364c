/**
 * `print.html?id=<auditId>&lang=fr|en&level=summary|standard|full`: the language defaults to the
 * browser's, the level to `standard` (what a client meeting needs).
 */
import type { ExportLevel } from '../../lib/export/types';
import { pickLocale, type Locale } from '../../lib/i18n';

export type PrintLevel = 'summary' | 'standard' | 'full';
export const PRINT_LEVELS: readonly PrintLevel[] = ['summary', 'standard', 'full'];
/** Which export each print level lays out. */
export const PRINT_DOC: Record<PrintLevel, ExportLevel> = { summary: 'summary', standard: 'standard', full: 'full' };

export function parsePrintParams(search: string, languages: readonly string[]): { id: string; lang: Locale; level: PrintLevel } {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  const level = params.get('level');
  return {
    id: (params.get('id') ?? '').slice(0, 100),
    lang: lang === 'fr' || lang === 'en' ? lang : pickLocale(languages),
    level: (PRINT_LEVELS as readonly string[]).includes(level ?? '') ? (level as PrintLevel) : 'standard',
  };
}
