import { describe, expect, it } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { EXPORT_LEVELS, exportAudit, exportMonthlyReport, exportQuestionnaire, type MonthlyReportData } from '../../lib/export';
import { LOCALES } from '../../lib/i18n';
import { HOSTILE_AGENCY, hostileAudit } from '../fixtures/audits/hostile';
import { hostileMonthlyFixture, monthlyFixture } from '../fixtures/audits/monthly';
import realistic from '../fixtures/audits/shop-example.json';
import { AGENCY, expectGolden, options } from './golden-helpers';

/** A message key left in an output means a missing catalogue entry (template keys escape tsc). */
const UNRESOLVED_KEY = /\b(?:export|checklist|signal|priority|tier|severity|finding|measure|notMeasured|headerSource|proposal|engagement)\.[a-zA-Z][\w.-]*[a-zA-Z]\b/;
function expectResolved(content: string) {
  const hit = UNRESOLVED_KEY.exec(content);
  expect(hit?.[0] ?? null).toBeNull();
}

/**
 * The domain's earlier audits, for the score chart: the shop's in no particular order with the
 * audit itself and a later one (left out); the hostile one's with dates and scores that cannot be
 * drawn (left out), so that its chart has the audit and one earlier point.
 */
const SHOP_HISTORY = [
  { startedAt: '2026-08-21T09:00:00.000Z', score: 40 },
  { startedAt: '2026-06-02T09:00:00.000Z', score: 25 },
  { startedAt: '2026-11-20T09:30:00.000Z', score: 55 },
  { startedAt: '2026-12-01T09:00:00.000Z', score: 90 },
  { startedAt: '2026-10-15T09:00:00.000Z', score: 45 },
];
const HOSTILE_HISTORY = [
  { startedAt: '<script>alert(1)</script>', score: 10 },
  { startedAt: '2026-01-01T00:00:00.000Z', score: Number.NaN },
  { startedAt: '2025-12-24T00:00:00.000Z', score: 35 },
];

const audits = [
  { name: 'shop', audit: () => Audit.parse(realistic), agency: AGENCY, history: SHOP_HISTORY },
  { name: 'hostile', audit: hostileAudit, agency: HOSTILE_AGENCY, history: HOSTILE_HISTORY },
] as const;

// The history's data must satisfy the interface the exports render (checked by tsc).
const monthlies: Array<{ name: string; data: () => MonthlyReportData }> = [
  { name: 'monthly', data: monthlyFixture },
  { name: 'monthly-hostile', data: hostileMonthlyFixture },
];

describe('golden exports of an audit', () => {
  for (const { name, audit, agency, history } of audits) {
    for (const locale of LOCALES) {
      for (const level of EXPORT_LEVELS) {
        for (const format of ['markdown', 'text', 'html'] as const) {
          it(`${name} ${level} ${format} ${locale}`, () => {
            const out = exportAudit(audit(), format, { ...options(locale, agency, level), history });
            expectResolved(out.content);
            expectGolden(`${name}/${level}.${locale}.${out.extension}`, out.content);
          });
        }
      }
      it(`${name} csv ${locale}`, () => {
        const out = exportAudit(audit(), 'csv', options(locale, agency));
        expectResolved(out.content.replace(/"(?:[a-z-]+\.[a-z0-9-]+)(?::[^"]*)?"/g, '""'));
        expectGolden(`${name}/findings.${locale}.csv`, out.content);
      });
    }
    it(`${name} json`, () => {
      expectGolden(`${name}/audit.json`, exportAudit(audit(), 'json', options('en', agency)).content);
    });
  }
});

describe('golden exports of a monthly report', () => {
  for (const { name, data } of monthlies) {
    for (const locale of LOCALES) {
      for (const format of ['markdown', 'text', 'html', 'csv'] as const) {
        it(`${name} ${format} ${locale}`, () => {
          const out = exportMonthlyReport(data(), format, options(locale, name.includes('hostile') ? HOSTILE_AGENCY : AGENCY));
          if (format !== 'csv') expectResolved(out.content);
          expectGolden(`${name}/report.${locale}.${out.extension}`, out.content);
        });
      }
    }
    it(`${name} json`, () => {
      expectGolden(`${name}/report.json`, exportMonthlyReport(data(), 'json', options('en', null)).content);
    });
  }
});

describe('golden blank client questionnaire', () => {
  for (const locale of LOCALES) {
    for (const format of ['markdown', 'text', 'html'] as const) {
      it(`questionnaire ${format} ${locale}`, () => {
        const out = exportQuestionnaire(format, { locale, agency: AGENCY });
        expectResolved(out.content);
        expectGolden(`questionnaire/questionnaire.${locale}.${out.extension}`, out.content);
      });
    }
  }
});
