/**
 * Pages that lie, throw and loop must not break the scan: each check is bounded in time, the
 * scan answers, and what could not be measured says so. Page-supplied strings stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, findingsOf, netLogPath } from './helpers';

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('hostile');

/** The scan's own bounds: snapshot 8 s, globals 2 s, then the header fallback (5 s at most). */
const ANSWER_WITHIN_MS = 20_000;

beforeAll(async () => {
  sites = await startSites();
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function timedScan(tabId: number) {
  const t0 = Date.now();
  const response = await vigie.scan(tabId);
  return { ...auditOf(response), elapsed: Date.now() - t0 };
}

/** A tab whose renderer loops forever is closed from the extension side. */
async function closeTab(tabId: number) {
  await vigie.controlPage.evaluate((id) => chrome.tabs.remove(id), tabId);
}

describe('hostile pages', () => {
  it('reads nothing from globals that loop or throw when touched, and answers at once', async () => {
    const { page, tabId } = await vigie.openTab(sites.urls['hostile.test']!.http);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const { audit, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(5_000);
    expect(audit.domain).toBe('hostile.test');
    // The jQuery getter was never called (it would never return) and the lying values were refused.
    expect(findingsOf(audit, 'components.version-exposed')).toEqual([]);
    expect(JSON.stringify(audit.evidence.globals ?? {})).not.toContain('onerror');

    // The popup shows the same page's findings with its markup as text, never as elements.
    const popup = await vigie.context.newPage();
    await popup.goto(`${vigie.base}/popup.html?tabId=${tabId}`);
    await popup.click('[data-testid=scan]');
    await popup.waitForSelector('[data-testid=result]', { timeout: 15_000 });
    expect(await popup.locator('img').count()).toBe(0);
    const reportPromise = vigie.context.waitForEvent('page');
    await popup.click('[data-testid=open-report]');
    const report = await reportPromise;
    await report.waitForSelector('[data-testid=report]', { timeout: 15_000 });
    expect(await report.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await report.close();
    await popup.close();
    await page.close();
  });

  it('times out the globals check when a proxy trap loops, and still answers', async () => {
    const { tabId } = await vigie.openTab(sites.urls['trap.test']!.http);
    const { audit, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    expect(audit.domain).toBe('trap.test');
    expect(audit.notMeasured).toContainEqual({ what: 'globals', reason: { key: 'notMeasured.timeout', params: { ms: expect.any(Number) } } });
    // The frozen page could not re-request itself: the headers came from the extension instead.
    expect(audit.headerSource).toBe('background-fetch');
    expect(audit.findings.map((f) => f.ruleId)).toContain('transport.https-missing');
    await closeTab(tabId);
  });

  it('answers for a page stuck in an endless loop, saying what it could not measure', async () => {
    const { tabId } = await vigie.openTab(sites.urls['busy.test']!.http);
    // The page asks for /looping as it enters its loop: from then on, nothing else runs in it.
    await expect.poll(() => sites.requests.some((r) => r.host === 'busy.test' && r.path === '/looping'), { timeout: 10_000, interval: 50 }).toBe(true);
    const { audit, elapsed } = await timedScan(tabId);
    expect(elapsed).toBeLessThan(ANSWER_WITHIN_MS);
    expect(audit.domain).toBe('busy.test');
    expect(audit.evidence.page).toBeNull();
    expect(audit.notMeasured.length).toBeGreaterThan(0);
    expect(audit.notMeasured).toContainEqual({ what: 'globals', reason: { key: 'notMeasured.timeout', params: { ms: expect.any(Number) } } });
    expect(audit.headerSource).toBe('background-fetch');
    expect(await vigie.badgeText(tabId)).toBe(audit.score.grade);
    await closeTab(tabId);
  });

  it('sent no request from the whole browser to any host but the local test sites', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['hostile.test', 'trap.test', 'busy.test']);
  });
});
