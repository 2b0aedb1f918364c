/** Golden files: compared byte for byte; `VIGIE_UPDATE_GOLDEN=1 npx vitest run tests/export` rewrites them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { AgencyProfile } from '../../lib/agency/schema';
import type { Locale } from '../../lib/i18n';
import type { ExportOptions } from '../../lib/export';
import { FIXTURE_MESSAGES } from '../fixtures/audits/messages';

export const UPDATE = process.env.VIGIE_UPDATE_GOLDEN === '1';
const ROOT = join(dirname(new URL(import.meta.url).pathname), 'golden');

export function expectGolden(name: string, actual: string): void {
  const path = join(ROOT, name);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`Missing golden file ${name}: run with VIGIE_UPDATE_GOLDEN=1 and review the result`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

export const AGENCY: AgencyProfile = {
  name: 'Atelier Lumière',
  contact: 'Claire Martin — claire@atelier-lumiere.example — 01 23 45 67 89',
  website: 'https://atelier-lumiere.example/',
};

export function options(locale: Locale, agency: AgencyProfile | null, level?: ExportOptions['level']): ExportOptions {
  return { locale, agency, timeZone: 'UTC', messages: FIXTURE_MESSAGES, ...(level ? { level } : {}) };
}
