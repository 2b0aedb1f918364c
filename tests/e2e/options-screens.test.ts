/**
 * The options page as people see it: screenshots in English and French, light and dark, with the
 * page as it opens and with an error shown after a refused save. `VIGIE_SCREENSHOTS=1` writes them
 * to docs/screenshots/options/; otherwise to a temporary folder (printed), so the suite still checks
 * that the page renders in both languages and schemes without a raw message key.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchVigie, ROOT, type Vigie } from './harness.mjs';

const OUT = process.env.VIGIE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots', 'options') : mkdtempSync(join(tmpdir(), 'vigie-options-'));
mkdirSync(OUT, { recursive: true });

let vigie: Vigie;
beforeAll(async () => {
  vigie = await launchVigie();
  process.stdout.write(`Options screenshots in ${OUT}\n`);
}, 120_000);
afterAll(async () => {
  await vigie?.close();
});

/** The options page in a language (the page follows the browser's) and a colour scheme. */
async function open(lang: 'en' | 'fr', colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await vigie.context.newPage();
  await page.addInitScript((l: string) => {
    Object.defineProperty(navigator, 'languages', { get: () => [l] });
    Object.defineProperty(navigator, 'language', { get: () => l });
  }, lang === 'fr' ? 'fr-FR' : 'en-US');
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${vigie.base}/options.html`);
  await page.waitForSelector('[data-testid=settings-form]', { timeout: 15_000 });
  return page;
}

/** The whole page as screen-sized pictures, top to bottom (name-1.png, name-2.png…). */
async function slices(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < height; y += 800, i++) {
    await page.screenshot({ path: join(OUT, `${name}-${i}.png`), fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(800, height - y) } });
  }
}

const RAW_KEY = /\b(?:options|agency|form|checklist|history)\.[a-z][\w-]*/;

describe('options page screenshots', () => {
  for (const lang of ['en', 'fr'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${lang}, ${scheme}`, async () => {
        const page = await open(lang, scheme);
        const text = (await page.textContent('main')) ?? '';
        expect(RAW_KEY.exec(text)?.[0] ?? null).toBeNull();
        await slices(page, `options-${lang}-${scheme}`);
        await page.close();
      });

      it(`${lang}, ${scheme}, with errors after a refused save`, async () => {
        const page = await open(lang, scheme);
        await page.fill('#agency-website', 'http://agence.example');
        await page.click('[data-testid=agency-save]');
        await page.fill('input[name=P1-amount]', 'twelve');
        await page.fill('input[name=cycleDay]', '31');
        await page.fill('input[name=end]', '08:00');
        await page.click('[data-testid=options-save]');
        await page.waitForSelector('[data-testid=options-summary]');
        // The summary has the focus, and nothing typed was lost.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('options-summary');
        expect(await page.inputValue('input[name=P1-amount]')).toBe('twelve');
        expect(await page.inputValue('#agency-website')).toBe('http://agence.example');
        for (const [name, selector] of [['agency', '[data-testid=agency-form]'], ['hours', 'section[aria-labelledby=opt-hours-title]'], ['priorities', 'section[aria-labelledby=opt-priorities-title]'], ['summary', '.settings-form > .form-footer']] as const) {
          await page.locator(selector).screenshot({ path: join(OUT, `options-errors-${lang}-${scheme}-${name}.png`) });
        }
        await page.close();
      });
    }
  }
});
