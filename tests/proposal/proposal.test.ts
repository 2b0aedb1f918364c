import { describe, expect, it } from 'vitest';
import { Dimension } from '../../lib/audit/schema';
import { CHECKLIST } from '../../lib/diagnosis/checklist-model';
import { requestChannelAdvice } from '../../lib/proposal/channel';
import { DIMENSIONS, maintenancePlan } from '../../lib/proposal/dimensions';
import { likelihood, riskCategory, riskGroups } from '../../lib/proposal/risk';
import { chooseScenarios, MAX_SCENARIOS, SCENARIO_IDS } from '../../lib/proposal/scenarios';
import { classifyAction, majorOf, needsMajorUpgrade, scopeActions } from '../../lib/proposal/scope';
import { RULES } from '../../lib/rules/registry';
import { defaultScope } from '../../lib/settings/proposal';
import { translate } from '../../lib/i18n';
import { auditWith, findingOf, shop } from './fixtures';

describe('dimensions', () => {
  it('are the five of the guide, and every checklist point and every rule has one', () => {
    expect([...DIMENSIONS].sort()).toEqual([...Dimension.options].sort());
    for (const p of CHECKLIST) expect(DIMENSIONS).toContain(p.dimension);
    for (const r of RULES) expect(DIMENSIONS).toContain(r.dimension);
    // Each dimension is called for by at least one checklist point, so the plan can always say something.
    for (const d of DIMENSIONS) expect(CHECKLIST.some((p) => p.dimension === d)).toBe(true);
    expect(CHECKLIST.find((p) => p.id === 'C3')!.dimension).toBe('preventive');
    expect(CHECKLIST.find((p) => p.id === 'B1')!.dimension).toBe('supervision');
    expect(CHECKLIST.find((p) => p.id === 'E1')!.dimension).toBe('corrective');
  });

  it('the plan lists, per dimension, the findings to act on and the points not OK (info hints and N/A left out)', () => {
    const audit = auditWith(
      [findingOf('components.eol', { library: 'PHP', version: '7.4.3' }), findingOf('csp.missing'), findingOf('waf.detected', { vendor: 'Cloudflare' }), findingOf('performance.page-heavy', { kib: 4000 })],
      { C3: 'unknown', B1: 'ko', E4: 'na', A4: 'partial' },
    );
    const plan = Object.fromEntries(maintenancePlan(audit).map((l) => [l.dimension, l]));
    expect(plan.preventive!.findings.map((f) => f.ruleId)).toEqual(['components.eol']);
    expect(plan.preventive!.points.map((p) => p.id)).toEqual(['C3']);
    expect(plan.security!.findings.map((f) => f.ruleId)).toEqual(['csp.missing']);
    expect(plan.security!.points.map((p) => p.id)).toEqual(['A4']);
    expect(plan.supervision!.points.map((p) => p.id)).toEqual(['B1']);
    expect(plan.evolutive!.findings.map((f) => f.ruleId)).toEqual(['performance.page-heavy']);
    expect(plan.evolutive!.points).toEqual([]);
    expect(plan.corrective!.findings).toEqual([]);
  });
});

describe('scope of each action', () => {
  it('reads the major number of a version', () => {
    expect(majorOf('3.6.1')).toBe(3);
    expect(majorOf('v2')).toBe(2);
    expect(majorOf('10')).toBe(10);
    expect(majorOf('beta')).toBeNull();
    expect(majorOf(undefined)).toBeNull();
    expect(majorOf('')).toBeNull();
  });

  it('quotes a major upgrade: end of life always, a vulnerable version only when the fix is in a newer major', () => {
    const audit = shop();
    expect(needsMajorUpgrade(findingOf('components.eol', { library: 'PHP', version: '7.4.3' }), audit)).toBe(true);
    expect(needsMajorUpgrade(findingOf('components.vulnerable-version', { library: 'jQuery', version: '3.4.1', fix: '3.5.0', count: 1 }), audit)).toBe(false);
    expect(needsMajorUpgrade(findingOf('components.vulnerable-version', { library: 'jQuery', version: '1.12.4', fix: '3.5.0', count: 3 }), audit)).toBe(true);
    // No fix version in the finding: the advisories of the detected component decide (jQuery 1.12.4 → fixed in 3.5.0).
    expect(needsMajorUpgrade(findingOf('components.vulnerable-version', { library: 'jQuery', version: '1.12.4', fix: '', count: 3 }), audit)).toBe(true);
    // Behind: the latest release decides (WordPress 6.2.1 → 6.8.3 is the same major).
    expect(needsMajorUpgrade(findingOf('components.behind', { library: 'WordPress', version: '6.2.1', months: 30 }), audit)).toBe(false);
    expect(needsMajorUpgrade(findingOf('csp.missing'), audit)).toBe(false);
  });

  it('follows the documented order: per rule, then the toggles, then per family, else within the contract', () => {
    const audit = shop();
    const noHttps = findingOf('transport.https-missing');
    const eol = findingOf('components.eol', { library: 'PHP', version: '7.4.3' });
    const csp = findingOf('csp.missing');
    const scope = defaultScope();
    expect(classifyAction(noHttps, audit, scope)).toMatchObject({ scope: 'quote', reason: 'no-https' });
    expect(classifyAction(eol, audit, scope)).toMatchObject({ scope: 'quote', reason: 'major-upgrade' });
    expect(classifyAction(csp, audit, scope)).toMatchObject({ scope: 'contract', reason: 'default' });
    expect(classifyAction(noHttps, audit, { ...scope, noHttpsIsQuote: false })).toMatchObject({ scope: 'contract', reason: 'default' });
    expect(classifyAction(eol, audit, { ...scope, majorUpgradeIsQuote: false })).toMatchObject({ scope: 'contract' });
    expect(classifyAction(csp, audit, { ...scope, families: { csp: 'quote' } })).toMatchObject({ scope: 'quote', reason: 'family' });
    expect(classifyAction(eol, audit, { ...scope, rules: { 'components.eol': 'contract' } })).toMatchObject({ scope: 'contract', reason: 'rule' });
    // A rule id that is also an Object.prototype member is not a choice.
    expect(classifyAction({ ...csp, ruleId: 'constructor.x' }, audit, scope).reason).toBe('default');
  });

  it('splits every action (hints excluded) into the two groups, keeping the order', () => {
    const findings = [findingOf('transport.https-missing'), findingOf('csp.missing'), findingOf('waf.detected', { vendor: 'X' }), findingOf('components.eol', { library: 'PHP', version: '7.4.3' })];
    const groups = scopeActions(findings, shop(), defaultScope());
    expect(groups.quote.map((a) => a.finding.ruleId)).toEqual(['transport.https-missing', 'components.eol']);
    expect(groups.contract.map((a) => a.finding.ruleId)).toEqual(['csp.missing']);
  });
});

describe('risk categories', () => {
  it('every security rule that is not a hint falls in one of the five categories', () => {
    for (const r of RULES) {
      const category = riskCategory({ ruleId: r.id, family: r.family, dimension: r.dimension, severity: r.severity });
      if (r.severity === 'info' || (r.dimension !== 'security' && r.family !== 'components')) expect(category, r.id).toBeNull();
      else expect(category, r.id).not.toBeNull();
    }
  });

  it('maps typical findings as a reader expects', () => {
    const cat = (id: string) => riskCategory(findingOf(id));
    expect(cat('mixed-content.active')).toBe('injection');
    expect(cat('csp.unsafe-inline')).toBe('xss');
    expect(cat('cookies.httponly-missing')).toBe('access');
    expect(cat('transport.https-missing')).toBe('access');
    expect(cat('components.vulnerable-version')).toBe('components');
    expect(cat('components.eol')).toBe('components');
    expect(cat('disclosure.version-header')).toBe('misconfiguration');
    expect(cat('performance.page-heavy')).toBeNull();
  });

  it('groups the most serious first, with a likelihood in words', () => {
    const groups = riskGroups([findingOf('disclosure.version-header'), findingOf('csp.missing'), findingOf('components.vulnerable-version', { library: 'x', version: '1', count: 1 }), findingOf('headers.xcto-missing')]);
    expect(groups.map((g) => [g.category, g.worst, g.findings.length])).toEqual([['components', 'high', 1], ['xss', 'medium', 2], ['misconfiguration', 'low', 1]]);
    expect(groups.map((g) => likelihood(g.worst))).toEqual(['likely', 'possible', 'unlikely']);
  });
});

describe('with and without maintenance', () => {
  it('at most five, the most serious first, from findings and KO answers', () => {
    const audit = auditWith(
      [findingOf('performance.page-heavy', { kib: 5000 }), findingOf('csp.missing'), findingOf('components.vulnerable-version', { library: 'x', version: '1', count: 1 }), findingOf('disclosure.version-header'), findingOf('transport.hsts-missing'), findingOf('cookies.secure-missing', { cookie: 'a' })],
      { C3: 'ko', D1: 'ko' },
    );
    const chosen = chooseScenarios(audit);
    expect(chosen).toHaveLength(MAX_SCENARIOS);
    expect(chosen.map((s) => s.id)).toEqual(['no-backup', 'no-staging', 'vulnerable-component', 'no-https', 'script-injection']);
    const ranks = ['critical', 'high', 'medium', 'low'];
    for (let i = 1; i < chosen.length; i++) expect(ranks.indexOf(chosen[i]!.severity)).toBeGreaterThanOrEqual(ranks.indexOf(chosen[i - 1]!.severity));
  });

  it('none for a site with nothing to say, and unknown answers do not invent a scenario', () => {
    expect(chooseScenarios(auditWith([findingOf('waf.detected', { vendor: 'X' })], { C3: 'unknown' }))).toEqual([]);
  });

  it('every scenario of the library has its three texts in both languages', () => {
    for (const id of SCENARIO_IDS) for (const part of ['title', 'without', 'with']) for (const locale of ['en', 'fr'] as const) {
      const key = `proposal.scenario.${id}.${part}`;
      expect(translate(locale, key, {}), `${locale} ${key}`).not.toBe(key);
    }
  });
});

describe('request channel', () => {
  it('is recommended when E1 is KO or unknown, or when S1 is raised, not when requests are tracked', () => {
    expect(requestChannelAdvice(auditWith([], { E1: 'ko' }))).toEqual({ recommend: true, because: 'ko' });
    expect(requestChannelAdvice(auditWith([], { E1: 'unknown' }))).toEqual({ recommend: true, because: 'unknown' });
    expect(requestChannelAdvice(auditWith([], { E1: 'ok' }))).toEqual({ recommend: false });
    const raised = auditWith([], { E1: 'partial' });
    raised.signals = raised.signals.map((s) => (s.id === 'S1' ? { ...s, state: 'raised' as const } : s));
    expect(requestChannelAdvice(raised)).toEqual({ recommend: true, because: 'signal' });
  });
});
