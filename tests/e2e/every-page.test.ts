/**
 * Every page a person sees, in English and in French, on real scans of the bundled test sites:
 * the popup with a result, the reports (every <details> opened), the history (domain list, a
 * domain's timeline with a comparison and the monthly report), the options, the print page at
 * each level and the client questionnaire. On each page:
 * - it is shown in the language under test (`<html lang>`, and the printed document's own);
 * - the text a person reads (body text, title, aria-label, alt, placeholder, button values;
 *   quoted values in <code>/<pre>/<kbd> and URLs left out) holds no machine value (page-walk.ts:
 *   rule and finding ids, message keys, ISO durations and timestamps, evidence keys, the
 *   redaction marker, undefined/null/NaN) and, on a French page, no English;
 * - text in another language is there only as a labelled original;
 * - no heading is repeated (same level, same text);
 * - axe-core finds no serious or critical violation, in the light and in the dark colour scheme;
 * - no hostile string from a scanned page became markup or ran (no on* attribute, no dialog).
 * Each check lists everything it found before failing, so one run gives the whole list.
 * VIGIE_WALK_OUT=<file> also writes every page's failures there as JSON; VIGIE_WALK_TEXT=<folder>
 * writes there the text read on each page (to tune page-walk.ts against the real pages).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SITES, startSites, type RunningSites } from '../sites/index.mjs';
import { oldWordpressSite } from '../sites/old-wordpress.mjs';
import { strongSite } from '../sites/strong.mjs';
import { weakSite } from '../sites/weak.mjs';
import { launchVigie, type Vigie } from './harness.mjs';
import { auditOf } from './helpers';
import {
  duplicateHeadings,
  findMachineText,
  offencesOf,
  unlabelledForeign,
  type ForeignPassage,
  type Heading,
  type Lang,
  type ReadText,
} from './page-walk';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LANGS: readonly Lang[] = ['en', 'fr'];
/** The print page and the questionnaire are opened with the browser in the other language: `lang=` must win. */
const OTHER: Record<Lang, Lang> = { en: 'fr', fr: 'en' };
const PAGE = { width: 1280, height: 800 };
const POPUP = { width: 420, height: 600 };

describe('the machine-text matcher (self-check)', () => {
  const hits = (text: string, lang: Lang = 'en', where = 'text') => findMachineText(text, lang, where).map((o) => o.pattern);

  it('catches machine values', () => {
    expect(hits('Behind by P163M')).toEqual(['iso-duration']);
    expect(hits('8 years (P8Y9M) and PT5S')).toEqual(['iso-duration', 'iso-duration']);
    expect(hits('Seen components.eol:jquery@1.12.4 here')).toContain('finding-id');
    expect(hits('csp.missing and transport.hsts-short')).toEqual(['rule-id', 'rule-id']);
    expect(hits('headers.csp.missing')).toContain('dotted-id');
    expect(hits('hsts.max-age')).toEqual(['dotted-id']);
    expect(hits('report.section.title')).toEqual(['message-key']);
    expect(hits('tech.status.behind.other')).toEqual(['message-key']);
    expect(hits('report.findings')).toEqual(['message-key']);
    expect(hits('Scanned 2026-05-01T10:00:00.000Z')).toEqual(['iso-timestamp']);
    expect(hits('Source header:server, script-url:/a.js, meta:generator, cookie:PHPSESSID, meta-generator')).toEqual(Array(5).fill('evidence-key'));
    expect(hits('https://x.test/?[redacted] and ?[redacted]')).toEqual(['redaction-marker']);
    expect(hits('Score undefined, null, NaN, [object Object]')).toEqual(Array(4).fill('js-value'));
    expect(hits('Audit of {domain}, {behind|duration} behind')).toEqual(['unfilled-placeholder', 'unfilled-placeholder']);
    expect(findMachineText('Le site est en retard, since 2020, the score', 'fr')).toEqual([
      { pattern: 'english-on-french-page', match: 'since, the', context: '…n retard, since 2020, the score' },
    ]);
    expect(hits('Behind by 13 years\nRetard de 13 ans\nFindings', 'fr')).toEqual(['english-on-french-page', 'english-on-french-page']);
    expect(hits('Scan', 'fr')).toEqual(['english-on-french-page']);
  });

  it('lets words, dates, URLs, file and host names and technical names through', () => {
    expect(hits('Retard de 13 ans', 'fr')).toEqual([]);
    expect(hits('Retard de 13 ans (37 versions plus récentes), fin de support le 30 novembre 2020', 'fr')).toEqual([]);
    expect(hits('https://x.test/a.b.c?d')).toEqual([]);
    expect(hits('chrome-extension://abcdef/report.html?id=1 and https://old-wordpress.test/wp-includes/js/wp-emoji-release.min.js?ver=4.9.8')).toEqual([]);
    expect(hits('jquery.min.js, readme.txt, www.old-wordpress.test, style.css, security.txt')).toEqual([]);
    expect(hits('Audited on 2026-05-01 at 10:00; P0 and P3 first')).toEqual([]);
    expect(hits("Ajouter « Strict-Transport-Security: max-age=31536000; includeSubDomains » et « X-Powered-By » ; object-src 'none'", 'fr')).toEqual([]);
    expect(hits('Content Security Policy et Referrer Policy, cookies SameSite, le scan, la checklist, le score, la page, plugins', 'fr')).toEqual([]);
    expect(hits('WordPress 4.9.8, Apache 2.4.29 (Ubuntu), PHP 7.2.24, jQuery 1.12.4, Vigie', 'fr')).toEqual([]);
    expect(hits('Vous pouvez aussi ouvrir l’historique', 'fr')).toEqual([]);
    expect(hits('nginx (dans le bloc server { } du site)', 'fr')).toEqual([]);
    // English words are English only on a French page.
    expect(hits('Behind by 13 years', 'en')).toEqual([]);
    // A placeholder shows the format its field takes.
    expect(hits('components.eol', 'en', 'placeholder of <textarea>')).toEqual([]);
    expect(hits('components.eol', 'en', 'text')).toEqual(['rule-id']);
  });

  it('lists repeated headings and unlabelled foreign text', () => {
    expect(duplicateHeadings([{ level: 2, text: 'Findings' }, { level: 3, text: 'Findings' }, { level: 2, text: ' Findings ' }])).toEqual(['h2 "Findings" ×2']);
    expect(unlabelledForeign([
      { tag: 'option', lang: 'en', text: 'English', label: '' },
      { tag: 'span', lang: 'en', text: 'Cross-site scripting in jQuery', label: 'Titre original :' },
      { tag: 'span', lang: 'en', text: 'Cross-site scripting in jQuery', label: 'CVE-2020-11022 —' },
    ])).toHaveLength(1);
  });
});

/** What a page shows, read in the page. Runs in the browser: self-contained. */
interface Collected {
  htmlLang: string;
  docLangs: string[];
  title: string;
  text: string;
  attributes: ReadText[];
  foreign: ForeignPassage[];
  headings: Heading[];
  markup: string[];
}

function collectInPage(): Collected {
  const base = (l: string) => l.toLowerCase().split('-')[0] ?? '';
  const pageLang = base(document.documentElement.lang || '');
  const QUOTED = 'code, pre, kbd, samp, textarea, script, style, template';
  const foreignEl = (el: Element) => el.hasAttribute('lang') && base(el.getAttribute('lang') ?? '') !== pageLang;
  const excluded = (el: Element | null): boolean => {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) if (e.matches(QUOTED) || foreignEl(e)) return true;
    return false;
  };
  const shown = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true;
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

  const foreign: ForeignPassage[] = [];
  for (const el of Array.from(document.body.querySelectorAll('[lang]'))) {
    if (!foreignEl(el) || excluded(el.parentElement)) continue;
    let label = '';
    for (let n = el.previousSibling; n && label.length < 200; n = n.previousSibling) label = (n.textContent ?? '') + label;
    if (!squash(label) && el.parentElement) {
      for (let n = el.parentElement.previousSibling; n && label.length < 200; n = n.previousSibling) label = (n.textContent ?? '') + label;
    }
    foreign.push({ tag: el.tagName.toLowerCase(), lang: el.getAttribute('lang') ?? '', text: squash(el.textContent ?? ''), label: squash(label) });
  }

  const headings: Heading[] = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'))
    .filter(shown)
    .map((h) => ({ level: /^H\d$/.test(h.tagName) ? Number(h.tagName[1]) : Number(h.getAttribute('aria-level') ?? 2), text: squash(h.textContent ?? '') }));

  const attributes: ReadText[] = [];
  const ATTRS = ['title', 'aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'alt', 'placeholder'];
  for (const el of Array.from(document.body.querySelectorAll(`${ATTRS.map((a) => `[${a}]`).join(', ')}, input[type=button], input[type=submit], input[type=reset]`))) {
    if (excluded(el.parentElement) || foreignEl(el) || !shown(el)) continue;
    const tag = el.tagName.toLowerCase();
    for (const a of ATTRS) {
      const value = el.getAttribute(a);
      if (value) attributes.push({ where: `${a} of <${tag}>`, text: value });
    }
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type) && el.value) attributes.push({ where: `value of <input type=${el.type}>`, text: el.value });
  }
  // Descriptions of drawings (the score chart) are read out by screen readers.
  for (const el of Array.from(document.body.querySelectorAll('svg title, svg desc'))) {
    if (!excluded(el.parentElement) && el.textContent) attributes.push({ where: `<${el.tagName.toLowerCase()}> of <svg>`, text: el.textContent });
  }

  // Markup from a scanned page would carry its event handlers as attributes; Preact sets its own as properties.
  const markup: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) markup.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}">`);
  }

  const docLangs = Array.from(document.querySelectorAll('[data-testid=export-doc]')).map((d) => d.getAttribute('lang') ?? '');
  const title = document.title;
  const htmlLang = document.documentElement.lang;
  // Quoted values and foreign passages out of the body text (the page is closed after this).
  const top = Array.from(document.body.querySelectorAll(`${QUOTED}, [lang]`)).filter((el) => (el.matches(QUOTED) || foreignEl(el)) && !excluded(el.parentElement));
  for (const el of top) el.replaceWith(document.createTextNode(el.matches(QUOTED) ? '‹code›' : '‹original›'));
  return { htmlLang, docLangs, title, text: document.body.innerText, attributes, foreign, headings, markup };
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }

/** The axe rules whose result depends on the colours: the only ones run again in the dark scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Serious and critical axe violations, one line per node: every rule (WCAG 2.x A/AA and best
 * practices), or only the colour rules (`colourOnly`).
 */
async function seriousViolations(page: Page, colourOnly = false): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, colourOnly ? COLOUR_RULES : null)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 240)}`));
}

let sites: RunningSites;
let vigie: Vigie;
const tabs: Record<'weak' | 'wordpress' | 'hostile', number> = { weak: 0, wordpress: 0, hostile: 0 };
const ids: Record<'weak' | 'wordpress' | 'hostile', string> = { weak: '', wordpress: '', hostile: '' };
/** Dialogs opened by any page of the browser (a hostile string that ran would open one). */
const dialogs: string[] = [];
const allFailures: Record<string, string[]> = {};

/**
 * A page of the extension with the browser set to `browserLang`: the pages follow the browser's
 * languages (the options page its setting, `auto` by default; print and questionnaire `lang=`).
 */
async function open(path: string, browserLang: Lang, size = PAGE): Promise<Page> {
  const page = await vigie.context.newPage();
  await page.addInitScript((l: string) => {
    Object.defineProperty(navigator, 'languages', { get: () => [l, l.slice(0, 2)] });
    Object.defineProperty(navigator, 'language', { get: () => l });
  }, browserLang === 'fr' ? 'fr-FR' : 'en-US');
  await page.setViewportSize(size);
  await page.goto(`${vigie.base}/${path}`);
  return page;
}

async function openAllDetails(page: Page) {
  await page.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
  });
}

interface WalkOptions {
  size?: { width: number; height: number };
  /** The browser's language when it is not the page's (the page is asked for its language by `lang=`). */
  browserLang?: Lang;
  /**
   * false: no axe run (a page made of the same components as one already checked); 'closed': axe
   * sees the page as it opens, before its <details> are opened for the text checks (what they
   * hold is checked on another page).
   */
  axe?: boolean | 'closed';
}

/**
 * Opens one page, brings it to the state a person reads, runs every check and returns the
 * failures (empty when the page is right), grouped by check.
 */
async function walk(name: string, lang: Lang, path: string, ready: (page: Page) => Promise<void>, options: WalkOptions = {}): Promise<string[]> {
  const page = await open(path, options.browserLang ?? lang, options.size ?? PAGE);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  try {
    await ready(page);
    if (options.axe !== 'closed') await openAllDetails(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    const failures: string[] = [];
    // One line per violation, saying in which colour schemes it is found. Only the colour rules
    // can change with the scheme: the dark run is limited to them.
    const schemes = new Map<string, string[]>();
    for (const scheme of options.axe === false ? [] : (['light', 'dark'] as const)) {
      await page.emulateMedia({ colorScheme: scheme });
      const applied = await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme);
      if (!applied) failures.push(`axe: the page does not see the ${scheme} colour scheme`);
      for (const v of await seriousViolations(page, scheme === 'dark')) schemes.set(v, [...(schemes.get(v) ?? []), scheme]);
    }
    for (const [v, where] of schemes) failures.push(COLOUR_RULES.includes(v.split(' ')[0]!) ? `axe ${where.join('+')}: ${v}` : `axe: ${v}`);
    await page.emulateMedia({ colorScheme: 'light' });
    if (options.axe === 'closed') await openAllDetails(page);
    const got = await page.evaluate(collectInPage);
    // A page read as empty would pass every check below.
    if (got.text.trim().length < 100 || got.headings.length === 0) failures.push(`nothing read: ${got.text.trim().length} characters, ${got.headings.length} headings`);
    if (got.htmlLang !== lang) failures.push(`language: <html lang="${got.htmlLang}">, expected "${lang}"`);
    for (const docLang of got.docLangs) if (docLang !== lang) failures.push(`language: the printed document says lang="${docLang}", expected "${lang}"`);
    for (const d of duplicateHeadings(got.headings)) failures.push(`heading repeated: ${d}`);
    for (const f of unlabelledForeign(got.foreign)) failures.push(`foreign text: ${f}`);
    const texts: ReadText[] = [{ where: 'title', text: got.title }, { where: 'text', text: got.text }, ...got.attributes];
    for (const o of offencesOf(texts, lang)) failures.push(`machine text: ${o}`);
    for (const m of got.markup) failures.push(`hostile markup: ${m}`);
    failures.push(...errors);
    allFailures[`${name} (${lang})`] = failures;
    if (process.env.VIGIE_WALK_OUT) writeFileSync(process.env.VIGIE_WALK_OUT, JSON.stringify(allFailures, null, 2));
    if (process.env.VIGIE_WALK_TEXT) writeFileSync(`${process.env.VIGIE_WALK_TEXT}/${name.replace(/\W+/g, '-')}.${lang}.txt`, texts.map((t) => `## ${t.where}\n${t.text}`).join('\n'));
    return failures;
  } finally {
    await page.close();
  }
}

function expectClean(failures: string[], name: string) {
  expect(failures, `${name}: ${failures.length} problem(s)\n${failures.join('\n')}`).toEqual([]);
}

describe('every page, in English and in French', () => {
  beforeAll(async () => {
    sites = await startSites({ sites: [weakSite, strongSite, oldWordpressSite, ALL_SITES.find((s) => s.host === 'hostile.test')!] });
    vigie = await launchVigie();
    vigie.context.on('page', (p) => p.on('dialog', (d) => {
      dialogs.push(`${p.url()}: ${d.type()} "${d.message()}"`);
      void d.dismiss();
    }));
    for (const [name, host] of [['weak', 'weak.test'], ['wordpress', 'old-wordpress.test'], ['hostile', 'hostile.test']] as const) {
      ({ tabId: tabs[name] } = await vigie.openTab(sites.url(host, 'http', '/')));
    }
    const scans = await Promise.all((['weak', 'wordpress', 'hostile'] as const).map(async (name) => [name, auditOf(await vigie.scan(tabs[name])).audit.id] as const));
    for (const [name, id] of scans) ids[name] = id;
    // A second scan of the weak site: its timeline has two audits to compare.
    auditOf(await vigie.scan(tabs.weak));
  }, 120_000);

  afterAll(async () => {
    await vigie?.close();
    await sites?.stop();
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      it(`popup with a result (${lang})`, async () => {
        expectClean(await walk('popup', lang, `popup.html?tabId=${tabs.weak}`, async (p) => {
          await p.click('[data-testid=scan]');
          await p.waitForSelector('[data-testid=result]', { timeout: 30_000 });
          await p.waitForLoadState('networkidle').catch(() => {});
          // The findings list and the checklist its <details> hold are the report's, which axe checks opened.
        }, { size: POPUP, axe: 'closed' }), 'popup');
      });

      // The hostile site's report is made of the same components as the weak site's, which axe
      // checks: there, only what it reads and whether the page's strings stayed text.
      for (const site of ['weak', 'wordpress', 'hostile'] as const) {
        it(`report of the ${site} site (${lang})`, async () => {
          expectClean(await walk(`report ${site}`, lang, `report.html?id=${ids[site]}`, async (p) => {
            await p.waitForSelector('[data-testid=report]', { timeout: 15_000 });
            await p.waitForLoadState('networkidle').catch(() => {});
          }, { axe: site !== 'hostile' }), `report ${site}`);
        });
      }

      it(`history: the domain list (${lang})`, async () => {
        expectClean(await walk('history', lang, 'audits.html', async (p) => {
          await p.waitForSelector('[data-testid=domain-list] tbody tr', { timeout: 15_000 });
          await p.waitForSelector('[data-testid=storage-usage]', { timeout: 15_000 });
        }), 'history');
      });

      it(`history: a domain's timeline, a comparison and the monthly report (${lang})`, async () => {
        expectClean(await walk('history domain', lang, 'audits.html?domain=weak.test', async (p) => {
          await p.waitForSelector('[data-testid=timeline] tbody tr', { timeout: 15_000 });
          const boxes = p.locator('[data-testid=timeline] tbody input[type=checkbox]');
          expect(await boxes.count()).toBeGreaterThanOrEqual(2);
          await boxes.nth(0).check();
          await boxes.nth(1).check();
          await p.click('[data-testid=compare-button]');
          await p.waitForSelector('[data-testid=compare]', { timeout: 15_000 });
          await p.click('[data-testid=monthly] button[type=submit]');
          await p.waitForSelector('[data-testid=monthly-sections]', { timeout: 15_000 });
          await p.waitForSelector('[data-testid=storage-usage]', { timeout: 15_000 });
        }), 'history domain');
      });

      it(`options (${lang})`, async () => {
        expectClean(await walk('options', lang, 'options.html', async (p) => {
          await p.waitForSelector('[data-testid=settings-form]', { timeout: 15_000 });
        }), 'options');
      });

      for (const level of ['summary', 'standard', 'full'] as const) {
        it(`print, ${level} (${lang})`, async () => {
          expectClean(await walk(`print ${level}`, lang, `print.html?id=${ids.wordpress}&lang=${lang}&level=${level}`, async (p) => {
            await p.waitForSelector('[data-testid=print-page] [data-testid=export-doc]', { timeout: 15_000 });
          }, { browserLang: OTHER[lang] }), `print ${level}`);
        });
      }

      it(`client questionnaire (${lang})`, async () => {
        expectClean(await walk('questionnaire', lang, `questionnaire.html?lang=${lang}`, async (p) => {
          await p.waitForSelector('[data-testid=questionnaire-page] [data-testid=export-doc]', { timeout: 15_000 });
        }, { browserLang: OTHER[lang] }), 'questionnaire');
      });
    });
  }

  it('no page opened a dialog (no hostile string ran)', () => {
    expect(dialogs).toEqual([]);
  });
});
