/**
 * Evidence that is a fact by itself (the page's generator tag) is written as its label alone in
 * every export: no empty code run, no dangling colon, no tag quoted as markup.
 */
import { describe, expect, it } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { exportAudit } from '../../lib/export';
import realistic from '../fixtures/audits/shop-example.json';
import { options } from './golden-helpers';

function withGeneratorEvidence(): Audit {
  const audit = Audit.parse(realistic);
  const f = audit.findings.find((x) => x.evidence.length > 0)!;
  f.evidence = [{ label: 'evidence.components.source', value: 'meta-generator' }, ...f.evidence];
  return audit;
}

describe('evidence named by its label alone', () => {
  it('CSV and the full Markdown and HTML reports name the generator tag without quoting it', () => {
    const audit = withGeneratorEvidence();
    const csv = exportAudit(audit, 'csv', options('fr', null)).content;
    expect(csv).toContain('Balise « generator » de la page');
    expect(csv).not.toMatch(/Balise « generator » de la page:/);
    const md = exportAudit(audit, 'markdown', options('en', null, 'full')).content;
    expect(md).toMatch(/- \*\*[^*\n]*generator[^*\n]*\*\*\n/i);
    // Nobody reads the redaction marker: the address is shown without its hidden query.
    expect(md).not.toContain('[redacted]');
    expect(csv).not.toContain('[redacted]');
    expect(md).not.toContain('<meta name="generator">');
    const html = exportAudit(audit, 'html', options('en', null, 'full')).content;
    expect(html).not.toMatch(/<code[^>]*><\/code>/);
  });
});

describe('redaction markers are not read by people', () => {
  it('drops a hidden query string and shows a hidden secret as dots', async () => {
    const { withoutMarkers } = await import('../../lib/export/tech-status');
    expect(withoutMarkers('https://a.test/x.js?[redacted]')).toBe('https://a.test/x.js');
    expect(withoutMarkers('https://a.test/x.js#[redacted], next')).toBe('https://a.test/x.js, next');
    expect(withoutMarkers('Set-Cookie: sid=[redacted]; HttpOnly')).toBe('Set-Cookie: sid=•••; HttpOnly');
    expect(withoutMarkers('plain')).toBe('plain');
  });
});
