/**
 * Issue 4 item 7 (and issue 11's budget): what Vigie's injected code — the on-demand snapshot
 * content script (DOM and timing snapshot, header and security.txt fetches, banner scan of up to 30
 * already-loaded scripts) and the main-world globals probe — costs the audited page's main thread,
 * measured in Chromium on large pages.
 *
 * Method: a DevTools Protocol session on the audited tab reads the renderer's cumulative main-thread
 * task time (`Performance.getMetrics` → TaskDuration, ScriptDuration) just before and just after a
 * scan; the same reading over an idle interval of the same length is subtracted. A long-task
 * observer in the page records any single task of 50 ms or more during the scan. Each page is
 * scanned several times; the median and the worst are kept.
 *
 * The test asserts behaviour (the scan completes, nothing times out, the snapshot stays bounded) and
 * generous ceilings only; the figures it prints are copied by hand into docs/performance.md.
 */
import { join } from 'node:path';
import { cpus } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { LIBRARY_FILES } from '../fixtures/components/library-files';
import { largeSite } from '../sites/large.mjs';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { launchVigie, ROOT, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, netLogPath } from './helpers';

const RUNS = 5;
/** Generous: a scan must never freeze the page for long, whatever the machine. */
const CEILING_MS = 2000;

/** Ten real builds (first version of ten libraries), loaded before the page's own modules. */
const REAL_LIBRARIES = [...new Map(LIBRARY_FILES.map((f) => [f.library, f])).values()].slice(0, 10).map((f) => join(ROOT, f.path));

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('injected-cost');

beforeAll(async () => {
  sites = await startSites({ sites: [largeSite({ libraries: REAL_LIBRARIES })] });
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function mainThread(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

interface Cost { page: string; elements: number; scripts: number; wallMs: number[]; taskMs: number[]; scriptMs: number[]; idleTaskMs: number[]; longTasks: number[]; noopMs: number[]; snapshotMs: number[] }

async function measure(path: string): Promise<Cost> {
  const { page, tabId } = await vigie.openTab(sites.url('large.test', 'https', path));
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const cdp = await vigie.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await startLongTaskObserver(page);
  const cost: Cost = { page: path, elements: 0, scripts: 0, wallMs: [], taskMs: [], scriptMs: [], idleTaskMs: [], longTasks: [], noopMs: [], snapshotMs: [] };
  for (let run = 0; run < RUNS; run++) {
    const before = await mainThread(cdp);
    const mark = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    const { audit } = auditOf(await vigie.scan(tabId));
    const wall = Date.now() - t0;
    const after = await mainThread(cdp);
    // The same interval with the page left alone.
    const idle0 = await mainThread(cdp);
    await page.waitForTimeout(wall);
    const idle1 = await mainThread(cdp);

    expect(audit.notMeasured.map((n) => n.what)).not.toContain('page');
    expect(audit.notMeasured.map((n) => n.what)).not.toContain('globals');
    cost.elements = audit.evidence.page!.elementCount;
    cost.scripts = audit.evidence.page!.scriptCount;
    cost.wallMs.push(wall);
    cost.taskMs.push(Math.max(0, after.task - before.task - (idle1.task - idle0.task)));
    cost.scriptMs.push(Math.max(0, after.script - before.script - (idle1.script - idle0.script)));
    cost.idleTaskMs.push(idle1.task - idle0.task);
    cost.longTasks.push(...(await longTasksSince(page, mark)));
  }
  // Breakdown: an empty injection (the browser's own cost of running extension code in the page),
  // then the snapshot content script alone (without the main-world globals probe).
  const parts: Record<string, number[]> = { noop: [], snapshot: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const part of ['noop', 'snapshot'] as const) {
      const before = await mainThread(cdp);
      await vigie.controlPage.evaluate(async ({ id, part }) => {
        if (part === 'noop') await chrome.scripting.executeScript({ target: { tabId: id }, func: () => 1 });
        else await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/snapshot.js'] });
      }, { id: tabId, part });
      const after = await mainThread(cdp);
      parts[part]!.push(after.task - before.task);
    }
  }
  cost.noopMs = parts.noop!;
  cost.snapshotMs = parts.snapshot!;
  await cdp.detach();
  await page.close();
  console.log(`[injected-cost] ${path} breakdown: empty injection median ${round(median(cost.noopMs))} ms, snapshot content script alone median ${round(median(cost.snapshotMs))} ms (max ${round(Math.max(...cost.snapshotMs))})`);
  console.log(`[injected-cost] ${path}: ${cost.elements} elements, ${cost.scripts} scripts; main-thread task time per scan median ${round(median(cost.taskMs))} ms (max ${round(Math.max(...cost.taskMs))}), script ${round(median(cost.scriptMs))} ms, idle same interval ${round(median(cost.idleTaskMs))} ms; scan wall time median ${median(cost.wallMs)} ms; long tasks ≥ 50 ms: ${cost.longTasks.length ? cost.longTasks.map(round).join(', ') : 'none'}`);
  return cost;
}

async function startLongTaskObserver(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __vigieLongTasks?: { start: number; duration: number }[] };
    w.__vigieLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__vigieLongTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return page.evaluate((t) => ((window as unknown as { __vigieLongTasks: { start: number; duration: number }[] }).__vigieLongTasks ?? []).filter((e) => e.start >= t).map((e) => e.duration), since);
}

const results: Cost[] = [];

describe('main-thread time of the injected code', () => {
  it('small page (reference)', async () => {
    const cost = await measure('/small');
    results.push(cost);
    expect(median(cost.taskMs)).toBeLessThan(CEILING_MS);
  });

  it('large page: about 5,000 elements and 300 scripts (10 real library builds first)', async () => {
    const cost = await measure('/catalogue?elements=5000&scripts=300');
    results.push(cost);
    expect(cost.elements).toBeGreaterThanOrEqual(5000);
    expect(cost.scripts).toBeGreaterThanOrEqual(300);
    expect(median(cost.taskMs)).toBeLessThan(CEILING_MS);
    expect(Math.max(...cost.longTasks, 0)).toBeLessThan(CEILING_MS);
  });

  it('large page without any external script: about 5,000 elements (the DOM part alone)', async () => {
    const cost = await measure('/catalogue?elements=5000&scripts=0&libs=0');
    results.push(cost);
    expect(cost.scripts).toBe(0);
    expect(median(cost.taskMs)).toBeLessThan(CEILING_MS);
  });

  it('huge page: about 100,000 elements and 300 scripts', async () => {
    const cost = await measure('/catalogue?elements=100000&scripts=300');
    results.push(cost);
    expect(cost.elements).toBeGreaterThanOrEqual(100_000);
    expect(median(cost.taskMs)).toBeLessThan(CEILING_MS);
    expect(Math.max(...cost.longTasks, 0)).toBeLessThan(CEILING_MS);
  });

  it('huge page without any external script: about 100,000 elements (issue 11\'s budget page)', async () => {
    const cost = await measure('/catalogue?elements=100000&scripts=0&libs=0');
    results.push(cost);
    expect(cost.elements).toBeGreaterThanOrEqual(100_000);
    expect(median(cost.taskMs)).toBeLessThan(CEILING_MS);
  });

  it('prints the machine the figures come from', () => {
    console.log(`[injected-cost] machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, ${new Date().toISOString()}`);
    expect(results).toHaveLength(5);
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test site', async () => {
    const version = await vigie.context.browser()?.version();
    console.log(`[injected-cost] browser: ${version ?? 'Chromium'}`);
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['large.test']);
  });
});
