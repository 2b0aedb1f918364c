/** The maintenance surface: what there is to keep up to date, and how it weighs in the tier. */
import { describe, expect, it } from 'vitest';
import type { Technology } from '../../lib/audit/schema';
import { diagnose } from '../../lib/diagnosis';
import { largeSurface, maintenanceSurface } from '../../lib/diagnosis/surface';
import { translate } from '../../lib/i18n';
import { surfaceMessages } from '../../lib/export/tech-status';

const now = new Date('2026-11-28T10:12:00Z');
const tech = (name: string, category: Technology['category'], extra: Partial<Technology> = {}): Technology => ({ name, category, confidence: 90, sources: [], vulnerabilities: [], ...extra });
const vuln = { id: 'CVE-2020-35489', severity: 'high' as const, summary: 's', url: 'https://nvd.nist.gov/vuln/detail/CVE-2020-35489' };

const wordpressWith = (plugins: number): Technology[] => [
  tech('WordPress', 'cms', { version: '6.4.3', vulnerabilities: [vuln] }),
  tech('PHP', 'language', { version: '7.4.33', eol: '2022-11-28' }),
  tech('nginx', 'server', { version: '1.18.0', behindBy: 'P4Y' }),
  tech('Twenty Fifteen', 'theme', { version: '1.1' }),
  tech('Cloudflare', 'cdn'),
  ...Array.from({ length: plugins }, (_, i) => tech(`plugin-${i}`, 'plugin', i === 0 ? { version: '5.3.1', vulnerabilities: [vuln] } : {})),
];

describe('maintenance surface', () => {
  it('counts what someone has to update, by kind, and how much of it is behind, ended or vulnerable', () => {
    const s = maintenanceSurface(wordpressWith(3));
    expect(s).toEqual({ total: 7, byKind: { cms: 1, language: 1, server: 1, theme: 1, plugin: 3 }, behind: 1, unsupported: 1, vulnerable: 2 });
    // The CDN is run by someone else: not counted.
    expect(largeSurface(s)).toBe(false);
  });

  it('says it in words in both languages', () => {
    const messages = surfaceMessages(maintenanceSurface(wordpressWith(3)));
    const en = messages.map((m) => translate('en', m.count !== undefined ? `${m.key}.${m.count === 1 ? 'one' : 'other'}` : m.key, { ...m.params, count: m.count ?? 0 }));
    expect(en[0]).toMatch(/7/);
    expect(en.join(' ')).not.toMatch(/surface\.|\{/);
  });

  it('a WordPress site with 30 plugins is not an "Essentiel" site, whatever else the audit found', () => {
    const small = diagnose({ findings: [], technologies: wordpressWith(3), answers: {}, now });
    const large = diagnose({ findings: [], technologies: wordpressWith(30), answers: {}, now });
    expect(small.diagnosis.tier.recommended).toBe('essentiel');
    expect(large.diagnosis.tier.recommended).not.toBe('essentiel');
    expect(large.diagnosis.tier.reasons).toContainEqual({ key: 'tier.reason.surface', params: { count: 34, extensions: 31 } });
    expect(large.diagnosis.surface).toMatchObject({ total: 34, byKind: { plugin: 30, theme: 1 } });
  });
});
