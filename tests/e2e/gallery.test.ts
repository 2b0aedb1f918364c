/**
 * The screenshot gallery (docs/screenshots/): the popup, the report, the print page and the history
 * of real scans of the bundled test sites, in English and French, at the sizes the stores ask for
 * (1280×800 for pages, the popup at its own size). `VIGIE_SCREENSHOTS=1 npm run test:e2e -- gallery`
 * rewrites docs/screenshots/; otherwise the pictures go to a temporary folder, so the suite still
 * checks that every page renders, in both languages, without a raw message key.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oldWordpressSite } from '../sites/old-wordpress.mjs';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { strongSite } from '../sites/strong.mjs';
import { weakSite } from '../sites/weak.mjs';
import { launchVigie, ROOT, type Vigie } from './harness.mjs';
import { auditOf } from './helpers';

const OUT = process.env.VIGIE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : mkdtempSync(join(tmpdir(), 'vigie-gallery-'));
mkdirSync(OUT, { recursive: true });

let sites: RunningSites;
let vigie: Vigie;
const scans: Record<string, { id: string; tabId: number }> = {};

beforeAll(async () => {
  sites = await startSites({ sites: [weakSite, strongSite, oldWordpressSite] });
  vigie = await launchVigie();
  for (const [name, host] of [['weak', 'weak.test'], ['wordpress', 'old-wordpress.test']] as const) {
    const { tabId } = await vigie.openTab(sites.url(host, 'http', '/'));
    scans[name] = { id: auditOf(await vigie.scan(tabId)).audit.id, tabId };
  }
}, 120_000);

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

/** A page of the extension in the given language (the pages follow the browser's). */
async function open(path: string, lang: 'en' | 'fr', size: { width: number; height: number }): Promise<Page> {
  const page = await vigie.context.newPage();
  await page.addInitScript((l: string) => {
    Object.defineProperty(navigator, 'languages', { get: () => [l] });
    Object.defineProperty(navigator, 'language', { get: () => l });
  }, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize(size);
  await page.goto(`${vigie.base}/${path}`);
  return page;
}

/** Width and height of a PNG, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const RAW_KEY = /\b(?:report|tech|rule|notMeasured|signal|export|popup|history)\.[a-z][\w-]*\.[a-z][\w.-]*/;

async function shoot(page: Page, name: string, expected: { width: number; height: number }) {
  // Nothing a person reads is a message key left untranslated.
  expect(RAW_KEY.exec((await page.textContent('body')) ?? '')?.[0] ?? null, name).toBeNull();
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  expect(pngSize(file)).toEqual(expected);
  await page.close();
}

const PAGE = { width: 1280, height: 800 };
const POPUP = { width: 420, height: 600 };

describe('screenshot gallery', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`popup, report, components, print and history (${lang})`, async () => {
      const popup = await open(`popup.html?tabId=${scans.wordpress!.tabId}`, lang, POPUP);
      await popup.click('[data-testid=scan]');
      await popup.waitForSelector('[data-testid=result]', { timeout: 30_000 });
      // At a glance: the grade, the verdict, the counts by severity and the three actions fit the
      // popup without scrolling; the whole list is one click away.
      if (process.env.VIGIE_DEBUG_POPUP) await popup.screenshot({ path: join(tmpdir(), `popup-debug-${lang}.png`) });
      for (const part of ['grade', 'severity-counts', 'top-actions', 'finding-count']) {
        const box = await popup.locator(`[data-testid=${part}]`).first().boundingBox();
        expect(box, part).not.toBeNull();
        expect(box!.y + box!.height, `${part} within the first ${POPUP.height} px`).toBeLessThanOrEqual(POPUP.height);
      }
      expect(await popup.locator('[data-testid=top-action]').count()).toBe(3);
      expect(await popup.locator('[data-testid=all-findings]').getAttribute('open')).toBeNull();
      await shoot(popup, `popup.${lang}`, POPUP);

      const report = await open(`report.html?id=${scans.weak!.id}`, lang, PAGE);
      await report.waitForSelector('[data-testid=report]');
      // The report opens at its top, on the summary: the checklist below is not scrolled into view.
      await report.waitForSelector('[data-testid=checklist]');
      // Two frames after the checklist is in the page: its mount effects (focus, scrolling) have run.
      await report.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(await report.evaluate(() => window.scrollY), 'the report opens scrolled').toBe(0);
      await shoot(report, `report.${lang}`, PAGE);

      const components = await open(`report.html?id=${scans.wordpress!.id}`, lang, PAGE);
      await components.waitForSelector('[data-testid=technologies]');
      await components.evaluate(() => document.querySelector('[data-testid=surface]')?.parentElement?.scrollIntoView());
      await shoot(components, `components.${lang}`, PAGE);

      const print = await open(`print.html?id=${scans.wordpress!.id}&lang=${lang}&level=summary`, lang, PAGE);
      await print.waitForSelector('.export-doc');
      await shoot(print, `print.${lang}`, PAGE);

      const history = await open('audits.html', lang, PAGE);
      await history.waitForSelector('[data-testid=domain-list]', { timeout: 15_000 });
      await shoot(history, `history.${lang}`, PAGE);
    }, 90_000);
  }
});
