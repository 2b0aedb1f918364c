import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../lib/audit/findings';
import { Finding } from '../../lib/audit/schema';
import { Evidence } from '../../lib/evidence/schema';
import { translate } from '../../lib/i18n';
import { componentRules } from '../../lib/rules/components';
import { drupalPage, legacyPage, nextShopifyPage, wordpressPage } from '../fixtures/components/pages';
import { ruleContext } from '../support/kb';

const NOW = new Date('2026-11-28T12:00:00Z');
const run = (evidence: Evidence, now = NOW) => evaluateRules(evidence, ruleContext(now), 'en', componentRules);
const one = (findings: Finding[], id: string) => findings.filter((f) => f.id === id);

describe('components.vulnerable-version', () => {
  it('fires once per component version, with the worst advisory as severity and every advisory listed', () => {
    const findings = run(legacyPage);
    const jq = one(findings, 'components.vulnerable-version:jquery@1.12.4');
    expect(jq).toHaveLength(1);
    expect(jq[0]).toMatchObject({ severity: 'medium', priority: 'P2', dimension: 'security', checklistPoint: 'A1' });
    const advisories = jq[0]!.evidence.filter((e) => e.label === 'evidence.components.advisory').map((e) => e.value);
    expect(advisories).toContain('CVE-2020-11022 — https://github.com/advisories/GHSA-gxr4-xjj5-5px2');
    expect(advisories).toHaveLength(Number(jq[0]!.message.params.count));
    // The version to move to is the first one none of the advisories affects.
    expect(jq[0]!.message.params.fix).toBe('3.5.0');

    const angular = one(findings, 'components.vulnerable-version:angularjs@1.5.8')[0]!;
    expect(angular.severity).toBe('high');
    expect(angular.priority).toBe('P1');
    expect(one(findings, 'components.vulnerable-version:jquery@3.3.1')).toHaveLength(1);
  });

  it('stays silent for a version without known advisories', () => {
    const subjects = run(wordpressPage).filter((f) => f.ruleId === 'components.vulnerable-version').map((f) => f.subject);
    // jQuery 3.7.1 and jQuery Migrate 3.4.1 have no known flaw; WordPress 6.4.3, nginx 1.18.0 and WooCommerce 8.5.2 do.
    expect(subjects).toEqual(expect.arrayContaining(['wordpress@6.4.3', 'nginx@1.18.0', 'woocommerce@8.5.2']));
    expect(subjects.filter((s) => s?.startsWith('jquery'))).toEqual([]);
  });

  it('uses the worst severity across advisories (critical → P0)', () => {
    const evidence = Evidence.parse({ ...legacyPage, globals: { libraries: [{ library: 'handlebars', version: '4.0.11', path: 'Handlebars.VERSION' }] } });
    const f = run(evidence).find((x) => x.ruleId === 'components.vulnerable-version' && x.subject?.startsWith('handlebars'))!;
    expect(f.severity).toBe('critical');
    expect(f.priority).toBe('P0');
  });
});

describe('components.eol and components.behind', () => {
  it('flags unsupported branches on the audit date, with the version to move to', () => {
    const findings = run(wordpressPage);
    const php = one(findings, 'components.eol:php@7.4.33')[0]!;
    expect(php).toMatchObject({ severity: 'medium', priority: 'P2', dimension: 'preventive', checklistPoint: 'D3' });
    expect(php.message.params).toMatchObject({ cycle: '7.4', since: '2022-11-28' });
    expect(String(php.message.params.fix)).toMatch(/^8\.\d+\.\d+$/);
    expect(one(run(wordpressPage, new Date('2021-06-01T00:00:00Z')), 'components.eol:php@7.4.33')).toEqual([]);
  });

  it('flags versions more than six months behind, computed from the audit date', () => {
    const findings = run(nextShopifyPage);
    const react = one(findings, 'components.behind:react@18.2.0')[0]!;
    expect(react).toMatchObject({ severity: 'low', priority: 'P3', dimension: 'preventive', checklistPoint: 'D4' });
    expect(react.message.params.fix).toBe('18.3.1');
    const since = String(react.message.params.since);
    // Four months after the update came out, it is not yet "more than six months behind".
    const soon = new Date(Date.parse(since) + 120 * 86_400_000);
    expect(one(run(nextShopifyPage, soon), 'components.behind:react@18.2.0')).toEqual([]);
    const later = new Date(Date.parse(since) + 200 * 86_400_000);
    expect(one(run(nextShopifyPage, later), 'components.behind:react@18.2.0')[0]!.message.params.behind).toBe('P6M');
  });
});

describe('components.version-exposed', () => {
  it('fires for a CMS version published in the generator tag or asset URLs, citing only those sources', () => {
    const wp = one(run(wordpressPage), 'components.version-exposed:wordpress')[0]!;
    expect(wp).toMatchObject({ severity: 'low', dimension: 'security', checklistPoint: 'A2' });
    // Query strings may be redacted in findings (lib/audit/redact.ts): compare without them.
    expect(wp.evidence.map((e) => e.value.replace(/\?.*$/, ''))).toEqual(['meta-generator', 'script-url:https://blog.example.test/wp-includes/js/wp-emoji-release.min.js']);
  });

  it('fires for a library only when its readable version helps an attacker', () => {
    const legacy = run(legacyPage);
    expect(one(legacy, 'components.version-exposed:jquery')).toHaveLength(1);
    // jQuery 3.7.1 on the WordPress page, before 4.0.0 came out: current, no advisory, nothing to say.
    expect(one(run(wordpressPage, new Date('2025-06-01T00:00:00Z')), 'components.version-exposed:jquery')).toEqual([]);
    // Ten months after 4.0.0, the readable version shows a site behind: said.
    expect(one(run(wordpressPage), 'components.version-exposed:jquery')).toHaveLength(1);
  });

  it('leaves header-only versions to disclosure.version-header', () => {
    expect(one(run(legacyPage), 'components.version-exposed:php')).toEqual([]);
  });
});

describe('components.compromised-source', () => {
  it('flags polyfill.io as critical P0 with the script URL', () => {
    const f = one(run(legacyPage), 'components.compromised-source:polyfill.io')[0]!;
    expect(f).toMatchObject({ severity: 'critical', priority: 'P0' });
    expect(f.evidence[0]!.label).toBe('evidence.script');
    expect(f.evidence[0]!.value).toMatch(/^https:\/\/cdn\.polyfill\.io\/v3\/polyfill\.min\.js(?:\?|$)/);
    expect(run(drupalPage).filter((x) => x.ruleId === 'components.compromised-source')).toEqual([]);
  });
});

describe('strings', () => {
  it('renders every finding in both languages without a leftover placeholder', () => {
    for (const page of [legacyPage, wordpressPage, drupalPage, nextShopifyPage]) {
      for (const f of run(page)) {
        Finding.parse(f);
        for (const locale of ['en', 'fr'] as const) {
          for (const part of ['title', 'explain', 'fix']) {
            const text = translate(locale, `rule.${f.ruleId}.${part}`, f.message.params);
            expect(text, `${locale} ${f.id} ${part}`).not.toMatch(/\{[a-z]+\}/);
            expect(text).not.toBe(`rule.${f.ruleId}.${part}`);
          }
        }
        for (const e of f.evidence) expect(translate('fr', e.label)).not.toBe(e.label);
      }
    }
  });
});
