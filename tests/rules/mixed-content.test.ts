import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../lib/audit/findings';
import type { Evidence } from '../../lib/evidence/schema';
import { findMixedContent } from '../../lib/hints/mixed-content';
import { mixedContentRules } from '../../lib/rules/mixed-content';
import { AUDIT_DATE, mixedContentPage, resource, strongSiteEvidence, weakSiteEvidence, withHeaders, withPage } from '../fixtures/hints/sites';
import { ruleContext } from '../support/kb';

const run = (evidence: Evidence, locale: 'en' | 'fr' = 'en') => evaluateRules(evidence, ruleContext(AUDIT_DATE), locale, mixedContentRules);
const byId = (evidence: Evidence) => Object.fromEntries(run(evidence).map((f) => [f.id, f]));
const labels = (evidence: Evidence, id: string) => byId(evidence)[id]?.evidence.map((e) => `${e.label} ${e.value}`) ?? [];

describe('mixed content on an https page', () => {
  it('does not flag a clean https page', () => {
    expect(run(strongSiteEvidence)).toEqual([]);
  });

  it('does not flag an http page, whatever it loads (it is not https to begin with)', () => {
    expect(weakSiteEvidence.page!.subresources.some((s) => s.url.startsWith('http://'))).toBe(true);
    expect(run(weakSiteEvidence)).toEqual([]);
  });

  it('separates active from passive content and says what the browser does with each', () => {
    const findings = byId(mixedContentPage);
    expect(Object.keys(findings).sort()).toEqual(['mixed-content.active', 'mixed-content.form-insecure', 'mixed-content.passive']);
    expect(findings['mixed-content.active']!.severity).toBe('high');
    expect(findings['mixed-content.active']!.message.params).toEqual({ count: 3 });
    expect(labels(mixedContentPage, 'mixed-content.active')).toEqual(expect.arrayContaining([
      'evidence.mixed.blocked-expected script: http://cdn.widgets.example/chat/loader.js?[redacted]',
      'evidence.mixed.blocked-expected stylesheet: http://fonts.legacy.example/css?[redacted]',
      'evidence.mixed.blocked-expected iframe: http://maps.partner.example/embed?[redacted]',
      'evidence.mixed.uir-absent upgrade-insecure-requests',
    ]));
    // The banner loaded under its https:// name: upgraded. The video left no trace: expected upgrade.
    expect(labels(mixedContentPage, 'mixed-content.passive')).toEqual(expect.arrayContaining([
      'evidence.mixed.loaded-https img: http://shop.mixed.example/uploads/2019/banner.jpg',
      'evidence.mixed.upgrade-expected media: http://videos.partner.example/promo.mp4',
    ]));
    expect(findings['mixed-content.passive']!.severity).toBe('low');
  });

  it('follows what Chromium (88+) and Firefox (127+) do: upgrade img/audio/video, block everything else', () => {
    const expectations = { script: 'blocked-expected', stylesheet: 'blocked-expected', iframe: 'blocked-expected', object: 'blocked-expected', other: 'blocked-expected', img: 'upgrade-expected', media: 'upgrade-expected' } as const;
    for (const [kind, outcome] of Object.entries(expectations)) {
      const evidence = withPage(strongSiteEvidence, { subresources: [{ kind: kind as keyof typeof expectations, url: `http://files.example/${kind}` }], resources: [] });
      expect(findMixedContent(evidence).map((i) => i.outcome), kind).toEqual([outcome]);
    }
  });

  it('reports what really loaded over http://, including requests the DOM does not show', () => {
    const evidence = withPage(mixedContentPage, {
      resources: [
        ...mixedContentPage.page!.resources,
        resource('http://cdn.widgets.example/chat/loader.js?key=abcdef0123456789abcdef0123456789', 'script'),
        resource('http://api.legacy.example/v1/cart', 'fetch'),
        resource('http://tracker.legacy.example/pixel.gif', 'img'),
      ],
    });
    const active = labels(evidence, 'mixed-content.active');
    expect(active[0]).toBe('evidence.mixed.loaded-http script: http://cdn.widgets.example/chat/loader.js?[redacted]');
    expect(active).toContain('evidence.mixed.loaded-http fetch: http://api.legacy.example/v1/cart');
    // A passive item that really loaded unencrypted is worth more than one the browser upgraded.
    const passive = byId(evidence)['mixed-content.passive']!;
    expect(passive.severity).toBe('medium');
    expect(passive.priority).toBe('P2');
    expect(passive.evidence[0]!.value).toBe('img: http://tracker.legacy.example/pixel.gif');
  });

  it('treats upgrade-insecure-requests (header or meta) as upgrading everything, reported as info', () => {
    const policies: Evidence[] = [
      withHeaders(mixedContentPage, [['Content-Security-Policy', "default-src https:; upgrade-insecure-requests"]]),
      withPage(mixedContentPage, { metaHttpEquiv: [{ name: 'Content-Security-Policy', content: 'upgrade-insecure-requests' }] }),
    ];
    for (const evidence of policies) {
      const findings = byId(evidence);
      expect(Object.keys(findings).sort()).toEqual(['mixed-content.form-insecure', 'mixed-content.upgraded-by-policy']);
      expect(findings['mixed-content.upgraded-by-policy']!.severity).toBe('info');
      expect(findings['mixed-content.upgraded-by-policy']!.message.params).toEqual({ count: 5 });
    }
  });

  it('does not count a report-only policy, which upgrades nothing', () => {
    const evidence = withHeaders(mixedContentPage, [['Content-Security-Policy-Report-Only', 'upgrade-insecure-requests']]);
    expect(byId(evidence)['mixed-content.active']).toBeDefined();
  });

  it('says when the headers were not measured, so the policy is unknown', () => {
    const evidence: Evidence = { ...mixedContentPage, headers: null };
    expect(labels(evidence, 'mixed-content.active')).toContain('evidence.mixed.uir-headers-unknown Content-Security-Policy');
  });

  it('flags a form posting to http://, unless the policy upgrades it (same host only)', () => {
    expect(labels(mixedContentPage, 'mixed-content.form-insecure')).toContain('evidence.mixed.form-http POST http://newsletter.mailer.example/subscribe');
    const sameHost = withHeaders(
      withPage(mixedContentPage, { forms: [{ action: 'http://shop.mixed.example/login', method: 'post' }] }),
      [['content-security-policy', 'upgrade-insecure-requests']],
    );
    expect(byId(sameHost)['mixed-content.form-insecure']).toBeUndefined();
    expect(labels(sameHost, 'mixed-content.upgraded-by-policy')).toContain('evidence.mixed.form-upgraded POST http://shop.mixed.example/login');
    // Another host's form is a navigation the policy leaves alone.
    const otherHost = withHeaders(mixedContentPage, [['content-security-policy', 'upgrade-insecure-requests']]);
    expect(byId(otherHost)['mixed-content.form-insecure']).toBeDefined();
  });

  it('lists at most 15 addresses and counts the rest', () => {
    const subresources = Array.from({ length: 40 }, (_, i) => ({ kind: 'img' as const, url: `http://img.example/${i}.png` }));
    const finding = byId(withPage(strongSiteEvidence, { subresources }))['mixed-content.passive']!;
    expect(finding.message.params).toEqual({ count: 40 });
    expect(finding.evidence.filter((e) => e.label === 'evidence.mixed.upgrade-expected')).toHaveLength(15);
    expect(finding.evidence).toContainEqual({ label: 'evidence.mixed.more', value: '25' });
  });

  it('ignores malformed or non-http addresses without throwing', () => {
    const evidence = withPage(strongSiteEvidence, {
      subresources: [{ kind: 'script', url: 'http://[::1' }, { kind: 'img', url: 'HTTP://UPPER.example/a.png' }, { kind: 'img', url: 'ftp://x.example/a.png' }, { kind: 'script', url: '' }],
      forms: [{ action: 'http://', method: '' }],
    });
    const findings = byId(evidence);
    expect(findings['mixed-content.active']!.message.params).toEqual({ count: 1 });
    expect(findings['mixed-content.passive']!.message.params).toEqual({ count: 1 });
    expect(findings['mixed-content.form-insecure']).toBeDefined();
  });

  it('renders titles in both languages with the count', () => {
    expect(run(mixedContentPage, 'en').find((f) => f.ruleId === 'mixed-content.active')!.title).toContain('(3)');
    expect(run(mixedContentPage, 'fr').find((f) => f.ruleId === 'mixed-content.active')!.title).toMatch(/^La page sécurisée.*\(3\)$/);
  });
});
