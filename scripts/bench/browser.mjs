/**
 * Figures measured in a real headless Chromium with the test build: the vigie:scan answer time,
 * click to rendered result in the popup, main-thread time of the injected code on a large page,
 * and the history page's first render with 10,000 audits.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { launchVigie } from '../../tests/e2e/harness.mjs';
import { ALL_SITES, startSites } from '../../tests/sites/index.mjs';
import { bigSite } from './big-site.mjs';
import { summary } from './stats.mjs';

const log = (/** @type {string} */ text) => process.stderr.write(`  ${text}\n`);

/** @param {import('playwright-core').Page} controlPage @param {number} tabId */
async function timedScan(controlPage, tabId) {
  return controlPage.evaluate(async (id) => {
    const t0 = performance.now();
    const response = await chrome.runtime.sendMessage({ type: 'vigie:scan', tabId: id });
    const ms = performance.now() - t0;
    return response.ok ? { ms, ok: true, durationMs: response.audit.durationMs, audit: response.audit } : { ms, ok: false, code: response.error.code };
  }, tabId);
}

/** Clicks the popup's scan button and waits until the new result is on screen (next frame painted). */
async function timedClick(/** @type {import('playwright-core').Page} */ popup) {
  return popup.evaluate(async () => {
    const previous = document.querySelector('[data-testid=result]')?.getAttribute('data-audit-id') ?? null;
    const button = /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid=scan]'));
    const t0 = performance.now();
    button.click();
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no result within 30 s')), 30_000);
      const done = () => {
        const result = document.querySelector('[data-testid=result]');
        if (document.querySelector('[data-testid=error]')) {
          clearTimeout(timer);
          reject(new Error(document.querySelector('[data-testid=error]')?.textContent ?? 'error'));
          return true;
        }
        if (result && result.getAttribute('data-audit-id') !== previous) {
          clearTimeout(timer);
          observer.disconnect();
          resolve(undefined);
          return true;
        }
        return false;
      };
      const observer = new MutationObserver(() => void done());
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Rendered = the frame with the result has been produced.
    await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); setTimeout(resolve, 100); });
    return performance.now() - t0;
  });
}

/**
 * One scan under the JavaScript sampling profiler of the audited page's renderer: self time per
 * function and per script, to tell which part of the injected code costs the most.
 * @param {import('playwright-core').CDPSession} cdp @param {import('playwright-core').Page} controlPage @param {number} tabId
 */
async function profileScan(cdp, controlPage, tabId) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await timedScan(controlPage, tabId);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  /** @type {Map<number, number>} */
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byScript = new Map();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (!url && ['(idle)', '(program)', '(root)'].includes(functionName)) continue;
    const script = url ? url.replace(/^chrome-extension:\/\/[a-z]+/, 'extension').replace(/^https?:\/\/[^/]+/, 'page') : functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const top = (/** @type {Map<string, number>} */ map, n = 8) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10 }));
  return { byScript: top(byScript), byFunction: top(byFunction, 10) };
}

/**
 * @param {{ testBuildDir: string, runs: number, historyAudits: number, historyDomains: number }} options
 */
export async function measureInChromium(options) {
  const sites = await startSites({ sites: [...ALL_SITES, bigSite] });
  const vigie = await launchVigie({ extensionDir: options.testBuildDir });
  /** @type {Record<string, any>} */
  const results = { scan: {}, injected: {}, history: {} };
  try {
    // 1. vigie:scan answer time on the weak (HTTP) and strong (HTTPS) sites.
    const targets = [
      ['weak', sites.urls['weak.test'].http],
      ['strong', sites.urls['strong.test'].https],
    ];
    /** @type {number[]} */
    const all = [];
    /** @type {any} */
    let template = null;
    for (const [name, url] of targets) {
      const { page, tabId } = await vigie.openTab(url);
      const cold = await timedScan(vigie.controlPage, tabId);
      if (!cold.ok) throw new Error(`scan of ${url} failed: ${cold.code}`);
      if (name === 'weak') template = cold.audit;
      /** @type {number[]} */
      const times = [];
      /** @type {number[]} */
      const durations = [];
      for (let i = 0; i < options.runs; i++) {
        const r = await timedScan(vigie.controlPage, tabId);
        if (!r.ok) throw new Error(`scan of ${url} failed: ${r.code}`);
        times.push(r.ms);
        durations.push(r.durationMs);
      }
      all.push(...times);
      results.scan[name] = { url, firstScanMs: Math.round(cold.ms), ...summary(times), auditDurationMedianMs: summary(durations).medianMs };
      log(`vigie:scan ${name}: median ${results.scan[name].medianMs} ms, p95 ${results.scan[name].p95Ms} ms`);
      await page.close();
    }
    results.scan.message = summary(all);

    // 1b. The first scan after the service worker was stopped: it starts again and reads the
    // knowledge base's data files before answering (what a user meets after the browser idled).
    {
      const { page, tabId } = await vigie.openTab(sites.urls['weak.test'].http);
      const cdp = await vigie.context.newCDPSession(vigie.controlPage);
      await cdp.send('ServiceWorker.enable');
      /** @type {number[]} */
      const cold = [];
      for (let i = 0; i < Math.max(3, Math.min(options.runs, 7)); i++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        const r = await timedScan(vigie.controlPage, tabId);
        if (!r.ok) throw new Error(`cold scan failed: ${r.code}`);
        cold.push(r.ms);
      }
      await cdp.detach();
      await page.close();
      results.scan.coldWorker = summary(cold);
      log(`vigie:scan after a stopped service worker (knowledge base loaded): median ${results.scan.coldWorker.medianMs} ms`);
    }

    // 2. Click to rendered result, in the popup, on the weak site.
    {
      const { page, tabId } = await vigie.openTab(sites.urls['weak.test'].http);
      const popup = await vigie.context.newPage();
      await popup.goto(`${vigie.base}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-testid=scan]');
      /** @type {number[]} */
      const times = [];
      await timedClick(popup); // warm-up: first scan of this popup
      for (let i = 0; i < options.runs; i++) times.push(await timedClick(popup));
      results.scan.click = summary(times);
      log(`click to result: median ${results.scan.click.medianMs} ms`);
      await popup.close();
      await page.close();
    }

    // 3. Main-thread time of the injected code (isolated-world snapshot + main-world globals probe),
    // from the renderer's own task accounting (CDP Performance.getMetrics) around each scan.
    for (const [name, url] of [['largePage', sites.urls['big.test'].http], ['weakPage', sites.urls['weak.test'].http]]) {
      const { page, tabId } = await vigie.openTab(url);
      const elementCount = await page.evaluate(() => document.getElementsByTagName('*').length);
      const cdp = await vigie.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((/** @type {{name: string, value: number}} */ m) => [m.name, m.value]));
      /** @type {number[]} */
      const task = [];
      /** @type {number[]} */
      const script = [];
      for (let i = 0; i < Math.max(3, Math.ceil(options.runs / 4)); i++) {
        await new Promise((r) => setTimeout(r, 200));
        const before = await metrics();
        const r = await timedScan(vigie.controlPage, tabId);
        if (!r.ok) throw new Error(`scan of ${url} failed: ${r.code}`);
        const after = await metrics();
        task.push((after.TaskDuration - before.TaskDuration) * 1000);
        script.push((after.ScriptDuration - before.ScriptDuration) * 1000);
      }
      const t = summary(task);
      results.injected[name] = { url, elementCount, mainThreadMs: t.medianMs, mainThreadP95Ms: t.p95Ms, scriptMedianMs: summary(script).medianMs, runs: t.runs, profile: await profileScan(cdp, vigie.controlPage, tabId) };
      log(`injected code on ${name} (${elementCount} elements): median ${t.medianMs} ms of main-thread tasks`);
      await cdp.detach();
      await page.close();
    }

    // 4. History page: seed audits through lib/store in an extension page, then time the first render.
    {
      const bundle = await build({
        entryPoints: [join(import.meta.dirname, 'seed-history.ts')],
        bundle: true, format: 'iife', platform: 'browser', write: false, minify: true,
        define: { __VIGIE_TEST_BUILD__: 'true' }, logLevel: 'silent',
      });
      await vigie.controlPage.evaluate(bundle.outputFiles[0].text);
      const seeded = await vigie.controlPage.evaluate(
        ([audit, total, domains]) => /** @type {any} */ (globalThis).__vigieBenchSeed(audit, total, domains),
        /** @type {const} */ ([template, options.historyAudits, options.historyDomains]),
      );
      log(`history: seeded ${seeded.seeded} audits in ${Math.round(seeded.ms)} ms`);
      /** @type {number[]} */
      const times = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const page = await vigie.context.newPage();
        await page.goto(`${vigie.base}/audits.html`);
        const handle = await page.waitForFunction(() => {
          const count = document.querySelectorAll('[data-testid=domain-list] tbody tr').length;
          if (count === 0) return false;
          const w = /** @type {any} */ (window);
          w.__firstRender ??= { ms: performance.now(), count };
          return w.__firstRender;
        }, undefined, { polling: 'raf', timeout: 60_000 });
        const first = await handle.jsonValue();
        times.push(first.ms);
        rows = first.count;
        await page.close();
      }
      results.history = { audits: options.historyAudits, domains: options.historyDomains, seedMs: Math.round(seeded.ms), rowsRendered: rows, ...summary(times), firstRenderMs: summary(times).medianMs };
      log(`history first render: median ${results.history.firstRenderMs} ms (${rows} rows)`);
    }
  } finally {
    await vigie.close();
    await sites.stop();
  }
  return results;
}
