/**
 * Least privilege, proven on what is published: the exact permissions of each manifest, no remote
 * or evaluated code in the bundles (and the platform refusing it at run time), nothing a web page
 * or a content script can use to drive Vigie, and no request but to the audited site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { weakSite } from '../sites/weak.mjs';
import { launchVigie, PUBLISHED_BUILD_DIR, ROOT, type Vigie } from './harness.mjs';
import { expectOnlyLocalRequests, netLogPath } from './helpers';

const FIREFOX_BUILD_DIR = join(ROOT, '.output/firefox-mv2');

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  content_security_policy?: unknown;
};

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function filesOf(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesOf(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

/**
 * Code (not text) that evaluates strings: eval calls, the Function constructor called or aliased,
 * string timers, importScripts and imports of remote modules. Walks the syntax tree so that the
 * words inside strings (rule texts explain eval()) do not count.
 */
function evaluatingCode(file: string): { kind: string; context: string }[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: { kind: string; context: string }[] = [];
  const context = (node: ts.Node) => text.slice(Math.max(0, node.getStart(source) - 120), node.getEnd() + 120);
  const isName = (node: ts.Node, name: string) => ts.isIdentifier(node) && node.text === name;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      if (isName(callee, 'eval') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'eval')) found.push({ kind: 'eval', context: context(node) });
      if (isName(callee, 'Function')) found.push({ kind: 'Function constructor', context: context(node) });
      if ((isName(callee, 'setTimeout') || isName(callee, 'setInterval')) && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) found.push({ kind: 'string timer', context: context(node) });
      if (isName(callee, 'importScripts')) found.push({ kind: 'importScripts', context: context(node) });
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments?.[0];
        if (!arg || !ts.isStringLiteralLike(arg) || /^(https?:)?\/\//i.test(arg.text)) found.push({ kind: 'dynamic import', context: context(node) });
      }
    }
    // `const F = Function` (an alias to call the constructor later).
    if (ts.isVariableDeclaration(node) && node.initializer && isName(node.initializer, 'Function')) found.push({ kind: 'Function alias', context: context(node) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The only Function-constructor aliases in the bundles are zod 4's: its probe for whether eval is
 * allowed (it is not, in an extension page: see the run-time check below) and its compiler, used
 * only when that probe succeeded. Recognised by their code, so that any other alias fails.
 * Suggested to the lead: `z.config({ jitless: true })` at start-up removes even the attempt.
 */
const ZOD_EVAL_PROBE = /const \w+=Function;return new \w+\(""\),!0\}catch\{return!1\}/;
const ZOD_COMPILER = /compile\(\)\{const \w+=Function,/;

const builds: Array<[string, string]> = [['Chrome MV3', PUBLISHED_BUILD_DIR], ['Firefox MV2', FIREFOX_BUILD_DIR]];

beforeAll(() => {
  if (process.env.VIGIE_E2E_SKIP_BUILD === '1' && existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VIGIE_TEST_BUILD: '' } });
}, 180_000);

describe('published manifests', () => {
  it('Chrome MV3 asks for exactly activeTab, scripting and storage; everything else is optional', () => {
    const m = readManifest(PUBLISHED_BUILD_DIR);
    expect(m.manifest_version).toBe(3);
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.host_permissions).toBeUndefined();
    expect([...(m.optional_permissions ?? [])].sort()).toEqual(['cookies']);
    expect([...(m.optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  it('Firefox MV2 asks for exactly activeTab, scripting and storage; hosts and webRequest are optional', () => {
    const m = readManifest(FIREFOX_BUILD_DIR);
    expect(m.manifest_version).toBe(2);
    expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    // MV2 lists host patterns with permissions: none is asked for at install.
    for (const p of m.permissions ?? []) expect(p).not.toMatch(/:\/\/|<all_urls>/);
    expect([...(m.optional_permissions ?? [])].sort()).toEqual(['cookies', 'http://*/*', 'https://*/*', 'webRequest', 'webRequestBlocking']);
  });

  it.each(builds)('%s: no web page, no other extension and no native app can reach Vigie', (_name, dir) => {
    const m = readManifest(dir);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined(); // the platform's strict default: no eval, no remote script
    expect(m.sandbox).toBeUndefined();
    expect(m.update_url).toBeUndefined();
    expect((m.content_scripts ?? []).filter((cs) => (cs.matches ?? []).length > 0)).toEqual([]);
    for (const key of ['nativeMessaging', 'tabs', 'history', 'webNavigation', 'debugger', 'management', 'downloads', 'clipboardRead', '<all_urls>']) {
      expect([...(m.permissions ?? []), ...(m.optional_permissions ?? [])]).not.toContain(key);
    }
  });

  it.each(builds)('%s: replaces no browser page (an entrypoint named "history" once replaced Chrome\'s own)', (_name, dir) => {
    const m = readManifest(dir);
    expect(m.chrome_url_overrides).toBeUndefined();
    expect(m.chrome_settings_overrides).toBeUndefined();
  });
});

describe('no remote or evaluated code', () => {
  it.each(builds)('%s: extension pages load only their own scripts and styles', (_name, dir) => {
    const pages = filesOf(dir, '.html');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) expect(src, relative(dir, page)).toMatch(/^\/(?!\/)|^\.{0,2}\/?[\w-]/);
      for (const [, src] of html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)) expect(src, relative(dir, page)).not.toMatch(/^(https?:)?\/\//i);
      // No inline script either: the strict CSP would refuse it, and none is needed.
      expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/gi), relative(dir, page)).toBeNull();
    }
  });

  it.each(builds)('%s: no eval, no Function constructor, no string timer, no remote import in any bundle', (_name, dir) => {
    const files = filesOf(dir, '.js');
    expect(files.length).toBeGreaterThan(3);
    const unexpected: string[] = [];
    for (const file of files) {
      for (const hit of evaluatingCode(file)) {
        if (hit.kind === 'Function alias' && (ZOD_EVAL_PROBE.test(hit.context) || ZOD_COMPILER.test(hit.context))) continue;
        unexpected.push(`${relative(dir, file)}: ${hit.kind}: …${hit.context.replace(/\s+/g, ' ')}…`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('the scan detects a Function alias it is not told about (the check can fail)', () => {
    const probe = join(mkdtempSync(join(tmpdir(), 'vigie-privilege-')), 'bad.js');
    writeFileSync(probe, 'var a="eval(1) new Function()";const G=Function;G("return 1")();eval("2");setTimeout("x()",1);import("https://cdn.example/x.js");');
    expect(evaluatingCode(probe).map((h) => h.kind).sort()).toEqual(['Function alias', 'dynamic import', 'eval', 'string timer']);
  });
});

describe('in the browser', () => {
  let sites: RunningSites;
  let vigie: Vigie;
  const netLog = netLogPath('privilege');

  beforeAll(async () => {
    sites = await startSites({ sites: [weakSite] });
    vigie = await launchVigie({ netLogPath: netLog });
  });

  afterAll(async () => {
    await vigie?.close();
    await sites?.stop();
  });

  it('an extension page cannot run strings as code: the platform CSP refuses inline scripts and string timers', async () => {
    // Code evaluated through the DevTools protocol is exempt from CSP, so the attempts are made the
    // way a page-supplied string could get in: an inline <script> element, a string timer, a javascript: URL.
    const outcome = await vigie.controlPage.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      // One refusal per attempt, told apart by where it was made (each policy in force reports it once).
      const refused = new Set<string>();
      document.addEventListener('securitypolicyviolation', (e) => refused.add(`${e.effectiveDirective} ${e.blockedURI} at ${e.lineNumber}:${e.columnNumber}`));
      const inline = document.createElement('script');
      inline.textContent = 'window.__vigieInline = 1';
      document.body.append(inline);
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__vigieTimer = 1', 0);
      const a = document.createElement('a');
      a.href = 'javascript:window.__vigieHref=1';
      document.body.append(a);
      a.click();
      // Wait until all three were refused (or give up after 10 s): then none of them can still run.
      for (const end = performance.now() + 10_000; refused.size < 3 && performance.now() < end;) await new Promise((r) => setTimeout(r, 10));
      inline.remove();
      a.remove();
      return { inline: w.__vigieInline ?? null, timer: w.__vigieTimer ?? null, href: w.__vigieHref ?? null, refused: [...refused].map((r) => r.split(' ')[0]) };
    });
    expect(outcome).toMatchObject({ inline: null, timer: null, href: null });
    expect(outcome.refused.sort()).toEqual(['script-src', 'script-src-elem', 'script-src-elem']);
  });

  it('a content script of Vigie itself, running in an audited page, is refused every vigie:* message', async () => {
    const { page, tabId } = await vigie.openTab(sites.urls['weak.test']!.http);
    const answers = await vigie.controlPage.evaluate(async (id) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: async (target: number) => Promise.all([
          chrome.runtime.sendMessage({ type: 'vigie:scan', tabId: target }),
          chrome.runtime.sendMessage({ type: 'vigie:checklist', domain: 'weak.test', answers: {} }),
          chrome.runtime.sendMessage({ type: 'vigie:anything' }),
        ]),
        args: [id],
      });
      return result?.result;
    }, tabId);
    expect(answers).toHaveLength(3);
    for (const answer of answers as Array<{ ok: boolean; error: { messageKey: string } }>) expect(answer).toMatchObject({ ok: false, error: { messageKey: 'error.refused' } });
    // The same message from an extension page is answered.
    const fromPopup = await vigie.scan(tabId) as { ok: boolean };
    expect(fromPopup.ok).toBe(true);
    await page.close();
  });

  it('a web page has no channel to the extension and cannot load its pages', async () => {
    const { page } = await vigie.openTab(sites.urls['weak.test']!.http);
    const seen = await page.evaluate(async (base) => {
      const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } };
      let fetched = 'loaded';
      try {
        await fetch(`${base}/popup.html`);
      } catch {
        fetched = 'refused';
      }
      return { sendMessage: typeof w.chrome?.runtime?.sendMessage, connect: typeof w.chrome?.runtime?.connect, fetched };
    }, vigie.base);
    expect(seen).toEqual({ sendMessage: 'undefined', connect: 'undefined', fetched: 'refused' });
    await page.close();
  });

  it('sent no request from the whole browser to any host but the local test site', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, ['weak.test']);
  });
});
