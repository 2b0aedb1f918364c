import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Audit, SCHEMA_VERSION } from '../../lib/audit/schema';
import { exportAudit, exportMonthlyReport } from '../../lib/export';
import { auditJsonSchema, auditJsonSchemaText } from '../../lib/export/json-schema';
import { MONTHLY_REPORT_FORMAT } from '../../lib/export/json';
import { monthlyFixture } from '../fixtures/audits/monthly';
import realistic from '../fixtures/audits/shop-example.json';
import { options } from './golden-helpers';

describe('JSON export', () => {
  it('is the complete audit, versioned, and re-imports to the same record', () => {
    const audit = Audit.parse(realistic);
    const json = exportAudit(audit, 'json', options('fr', null)).content;
    const back = JSON.parse(json);
    expect(back.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Audit.parse(back)).toEqual(audit);
  });

  it('refuses to export an invalid audit rather than write a file the importer would reject', () => {
    const audit = Audit.parse(realistic);
    expect(() => exportAudit({ ...audit, schemaVersion: 99 as 1 }, 'json', options('en', null))).toThrow();
  });

  it('wraps a monthly report with its format name and version', () => {
    const back = JSON.parse(exportMonthlyReport(monthlyFixture(), 'json', options('en', null)).content);
    expect(back.format).toBe(MONTHLY_REPORT_FORMAT);
    expect(back.version).toBe(1);
    expect(back.report.domain).toBe('shop.example');
  });
});

describe('docs/audit.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx jiti scripts/gen-json-schema.ts)', () => {
    const committed = readFileSync(new URL('../../docs/audit.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(auditJsonSchemaText());
  });

  it('describes the audit: its required fields and its version', () => {
    const schema = auditJsonSchema() as { required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'schemaVersion', 'findings', 'signals', 'checklist', 'diagnosis', 'evidence']));
    expect(schema.properties.schemaVersion!.const).toBe(SCHEMA_VERSION);
  });
});
