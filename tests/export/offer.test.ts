import { describe, expect, it } from 'vitest';
import { Audit } from '../../lib/audit/schema';
import { exportAudit } from '../../lib/export';
import { defaultSettings } from '../../lib/settings/schema';
import { HOSTILE } from '../fixtures/audits/hostile';
import realistic from '../fixtures/audits/shop-example.json';
import { AGENCY, options } from './golden-helpers';

const shop = () => Audit.parse(structuredClone(realistic));

function withSettings(patch: (s: ReturnType<typeof defaultSettings>) => void) {
  const settings = defaultSettings('UTC');
  patch(settings);
  return settings;
}

describe('proposal content follows the agency settings', () => {
  it('tier names, service levels and compensation come from the settings', () => {
    const settings = withSettings((s) => {
      s.tiers.business.name = 'Sérénité';
      s.sla.business.availability = 99.7;
      s.sla.essentiel.compensation = { percentPerBreach: 0, capPercent: 0 };
    });
    const out = exportAudit(shop(), 'markdown', { ...options('en', AGENCY, 'full'), settings }).content;
    expect(out).toContain('| Sérénité (recommended) |');
    expect(out).toContain('99\\.7 %');
    expect(out).toContain('| No credit |');
    const defaults = exportAudit(shop(), 'markdown', options('en', AGENCY, 'full')).content;
    expect(defaults).toContain('| Business (recommended) |');
    expect(defaults).not.toContain('No credit');
  });

  it('a per-rule scope choice moves the action to the separate quote', () => {
    const settings = withSettings((s) => {
      s.scope.rules['csp.missing'] = 'quote';
    });
    const out = exportAudit(shop(), 'text', { ...options('en', AGENCY, 'full'), settings }).content;
    // The last occurrences: the full report's contents name the sections first.
    const quote = out.slice(out.lastIndexOf('Separate quote'), out.lastIndexOf('With and without maintenance'));
    expect(quote).toContain('No Content Security Policy — as agreed for this check');
    expect(quote).toContain('jQuery 1.12.4 has 3 known vulnerabilities — needs a move to a new major version');
  });

  it('invalid settings fall back to the defaults instead of breaking the export', () => {
    const out = exportAudit(shop(), 'markdown', { ...options('fr', AGENCY, 'proposal'), settings: { sla: 'nope', scope: 42, tiers: null } }).content;
    expect(out).toContain('Business (recommandé)');
    expect(out).toContain('## Ce que couvre le forfait mensuel');
  });

  it('agency-typed tier texts are escaped like page values in HTML and Markdown', () => {
    const settings = withSettings((s) => {
      s.tiers.business.name = HOSTILE.html;
      s.tiers.critique.contents = `${HOSTILE.script} ${HOSTILE.mdLink}`;
    });
    const html = exportAudit(shop(), 'html', { ...options('en', AGENCY, 'full'), settings }).content;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; (recommended)');
    const md = exportAudit(shop(), 'markdown', { ...options('en', AGENCY, 'full'), settings }).content;
    expect(md).toContain('\\<img src=x onerror=alert(1)\\> (recommended)');
    expect(md).toContain('\\[x\\](javascript:alert(1))');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
  });

  it('the email paragraph stays short: none of the proposal sections', () => {
    const out = exportAudit(shop(), 'text', options('en', AGENCY, 'email')).content;
    for (const heading of ['Maintenance plan', 'What the monthly fee covers', 'With and without maintenance', 'service commitments', 'Security risks by type']) expect(out).not.toContain(heading);
  });

  it('the one-page summary is shorter than the full report: at most three scenarios, no coverage column', () => {
    const summary = exportAudit(shop(), 'markdown', options('en', AGENCY, 'proposal')).content;
    const full = exportAudit(shop(), 'markdown', options('en', AGENCY, 'full')).content;
    const rows = (doc: string) => doc.slice(doc.indexOf('## With and without maintenance')).split('\n## ')[0]!.split('\n').filter((l) => l.startsWith('| **')).length;
    expect(rows(summary)).toBeLessThanOrEqual(3);
    expect(rows(full)).toBeGreaterThanOrEqual(rows(summary));
    expect(rows(full)).toBeLessThanOrEqual(5);
    expect(summary).not.toContain('What it covers');
    expect(full).toContain('| Dimension | What it covers | How often | What this site needs |');
  });
});

describe('the CLI Markdown report', () => {
  it('carries the proposal sections in both languages (it renders through exportAudit)', async () => {
    const { markdownReport } = await import('../../cli/output/markdown');
    const audit = shop();
    const result = { ok: true, input: 'shop.example', audit } as unknown as Parameters<typeof markdownReport>[0][number];
    const en = markdownReport([result], 'en');
    for (const heading of ['## Maintenance plan', '## Security risks by type', '## What the monthly fee covers', '## With and without maintenance', '## Maintenance levels and service commitments', '## Organisation']) expect(en).toContain(heading);
    const fr = markdownReport([result], 'fr');
    for (const heading of ['## Plan de maintenance', '## Risques de sécurité par type', '## Ce que couvre le forfait mensuel', '## Avec et sans maintenance', '## Niveaux de maintenance et engagements de service']) expect(fr).toContain(heading);
  });
});
