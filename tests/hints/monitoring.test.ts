import { describe, expect, it } from 'vitest';
import { Technology } from '../../lib/audit/schema';
import { detectInfrastructure, detectMonitoring } from '../../lib/hints';
import { MONITORING_SIGNATURES } from '../../lib/kb/monitoring';
import { resource, strongSiteEvidence, withPage } from '../fixtures/hints/sites';

/** Script addresses as each vendor's install guide has sites write them (identifiers invented). */
const SCRIPTS: Array<[string, string]> = [
  ['sentry', 'https://browser.sentry-cdn.com/8.40.0/bundle.tracing.min.js'],
  ['datadog', 'https://www.datadoghq-browser-agent.com/eu1/v5/datadog-rum.js'],
  ['newrelic', 'https://js-agent.newrelic.com/nr-spa-1.270.3.min.js'],
  ['bugsnag', 'https://d2wy8f7a9ursnm.cloudfront.net/v8/bugsnag.min.js'],
  ['rollbar', 'https://cdn.rollbar.com/rollbarjs/refs/tags/v2.26.4/rollbar.min.js'],
  ['logrocket', 'https://cdn.lr-ingest.io/LogRocket.min.js'],
  ['elastic-apm', 'https://unpkg.com/@elastic/apm-rum@5.16.1/dist/bundles/elastic-apm-rum.umd.min.js'],
  ['dynatrace', 'https://www.shop.example/ruxitagentjs_ICA7NVfqrux_10299241008110723.js'],
  ['appdynamics', 'https://cdn.appdynamics.com/adrum/adrum-23.10.1.4359.js'],
  ['raygun', 'https://cdn.raygun.io/raygun4js/raygun.min.js'],
  ['trackjs', 'https://cdn.trackjs.com/agent/v3/latest/t.js'],
  ['honeybadger', 'https://js.honeybadger.io/v6.10/honeybadger.min.js'],
  ['app-insights', 'https://js.monitor.azure.com/scripts/b/ai.3.gbl.min.js'],
  ['splunk-rum', 'https://cdn.signalfx.com/o11y-gdi-rum/latest/splunk-otel-web.js'],
  ['speedcurve', 'https://cdn.speedcurve.com/js/lux.js?id=123456'],
  ['pingdom-rum', 'https://rum-static.pingdom.net/pa-5f0e2d1c3b4a5968.js'],
];

describe('detectMonitoring', () => {
  it('recognises each tool from the script address its guide gives', () => {
    for (const [tool, src] of SCRIPTS) {
      const hints = detectMonitoring(withPage(strongSiteEvidence, { scripts: [{ src }] }));
      expect(hints.map((h) => h.tool), src).toEqual([tool]);
    }
    const tools = new Set(MONITORING_SIGNATURES.map((s) => s.tool));
    expect([...tools].every((t) => SCRIPTS.some(([tool]) => tool === t))).toBe(true);
  });

  it('records a source and a checked date for every signature', () => {
    for (const s of MONITORING_SIGNATURES) {
      expect(s.source).toMatch(/^https:\/\//);
      expect(s.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.host ?? s.path).toBeDefined();
    }
  });

  it('finds beacons in resource timing but does not take a beacon host for a script', () => {
    const page = withPage(strongSiteEvidence, { resources: [resource('https://o4504.ingest.sentry.io/api/4504/envelope/?sentry_key=abc', 'fetch')] });
    expect(detectMonitoring(page).map((h) => [h.tool, h.from, h.seen])).toEqual([['sentry', ['beacon'], [{ url: 'https://o4504.ingest.sentry.io/api/4504/envelope/', from: 'beacon' }]]]);
    const wrongWay = withPage(strongSiteEvidence, { scripts: [{ src: 'https://bam.nr-data.net/1/abc' }] });
    expect(detectMonitoring(wrongWay)).toEqual([]);
  });

  it('merges a tool seen several ways into one entry, with a bounded URL list', () => {
    const scripts = Array.from({ length: 20 }, (_, i) => ({ src: `https://browser.sentry-cdn.com/8.${i}.0/bundle.min.js` }));
    const hints = detectMonitoring(withPage(strongSiteEvidence, { scripts }));
    expect(hints).toHaveLength(1);
    expect(hints[0]!.seen).toHaveLength(5);
  });

  it('ignores unparseable and non-web addresses', () => {
    const page = withPage(strongSiteEvidence, { scripts: [{ src: 'javascript:alert(1)' }, { src: 'https://[' }, { src: '' }, { src: 'data:text/javascript,js-agent.newrelic.com' }] });
    expect(detectMonitoring(page)).toEqual([]);
  });
});

describe('detectInfrastructure with monitoring', () => {
  it('lists monitoring tools as valid technologies of category monitoring', () => {
    const page = withPage(strongSiteEvidence, { scripts: [{ src: SCRIPTS[0]![1] }], resources: [resource('https://bam.nr-data.net/events/1/abc', 'xmlhttprequest')] });
    const techs = detectInfrastructure(page);
    for (const t of techs) expect(() => Technology.parse(t)).not.toThrow();
    expect(techs.map((t) => [t.name, t.category, t.sources])).toEqual([
      ['Sentry', 'monitoring', ['script']],
      ['New Relic Browser', 'monitoring', ['resource-timing']],
    ]);
  });

  it('returns nothing for a page without hints, and nothing when the page was not measured', () => {
    expect(detectInfrastructure(strongSiteEvidence)).toEqual([]);
    expect(detectInfrastructure({ ...strongSiteEvidence, page: null, headers: null })).toEqual([]);
  });
});
