/**
 * Issue 4, end to end: component accuracy on real minified builds (tests/fixtures/components/
 * library-files.ts, installed as npm aliases, read from node_modules), served by a local site
 * under their usual file names and under opaque hashed names (/assets/<hash>.js), scanned by
 * Vigie in Chromium. Measured, per naming:
 * - name + exact version found for at least 95 % of the files;
 * - vulnerable / not vulnerable agreeing with the knowledge base (lib/kb, imported here) for at
 *   least 95 % of the files;
 * - no technology reported that the page does not contain.
 * The 72 files are spread over 8 pages, each with at most one build of a library (page k holds the
 * k-th version of every library: 28 scripts on the first page, fewer after). A separate page loads
 * several builds of one library together.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Technology } from '../../lib/audit/schema';
import { affectingAdvisories } from '../../lib/kb/advisories';
import { repoKb } from '../support/kb';
import { COMPONENTS, componentInfo } from '../../lib/kb/components';
import { coreVersion } from '../../lib/version/parse';
import { LIBRARY_FILES, type LibraryFile } from '../fixtures/components/library-files';
import { librarySite } from '../sites/libraries.mjs';
import { startSites, type RunningSites } from '../sites/index.mjs';
import { launchVigie, ROOT, type Vigie } from './harness.mjs';
import { auditOf, expectOnlyLocalRequests, netLogPath } from './helpers';

const HOST = 'libraries.test';
/** An address no browser can load for a page: another extension's file, named like an old jQuery. */
const EXTENSION_SCRIPT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/inject/jquery-1.8.3.min.js';

type Naming = 'usual' | 'opaque';
interface Served { file: LibraryFile; page: number; url: Record<Naming, string> }

const served: Served[] = LIBRARY_FILES.map((file, i) => {
  const content = readFileSync(join(ROOT, file.path));
  // Page k holds the k-th version of each library: one build of a library per page, as on most sites
  // (several builds on one page are tested separately below).
  const page = LIBRARY_FILES.slice(0, i).filter((f) => f.library === file.library).length;
  return {
    file,
    page,
    url: {
      // The file's own name, in a folder per page (a build of the same name sits on other pages).
      usual: `/js/${'abcdefghij'[page]}/${basename(file.path)}`,
      opaque: `/assets/${createHash('sha256').update(content).digest('hex').slice(0, 12)}.js`,
    },
  };
});
const PAGES = Math.max(...served.map((s) => s.page)) + 1;

/** Several builds of one library on one page (a theme's jQuery and a plugin's), under opaque names. */
const MULTI = [['jquery', '1.11.3'], ['jquery', '3.5.0'], ['jquery', '3.7.1'], ['bootstrap', '3.3.7'], ['bootstrap', '5.3.3']]
  .map(([library, version]) => served.find((s) => s.file.library === library && s.file.version === version && !s.file.path.includes('slim'))!);

const pages: Record<string, string[]> = {};
const files: Record<string, string> = {};
for (const naming of ['usual', 'opaque'] as const) {
  for (let p = 0; p < PAGES; p++) {
    const scripts = served.filter((s) => s.page === p).map((s) => s.url[naming]);
    pages[`/${naming}/${p}`] = p === 0 ? [EXTENSION_SCRIPT, ...scripts] : scripts;
  }
}
pages['/multi'] = MULTI.map((s) => s.url.opaque);
for (const s of served) for (const naming of ['usual', 'opaque'] as const) files[s.url[naming]] = join(ROOT, s.file.path);

const nameOf = (library: string) => {
  const info = componentInfo(library);
  if (!info) throw new Error(`${library} is not a known component`);
  return info.name;
};
const idsByName = new Map<string, string[]>();
for (const [id, info] of Object.entries(COMPONENTS)) idsByName.set(info.name, [...(idsByName.get(info.name) ?? []), id]);
/** Build suffixes ("3.7.1 -ajax,-effects" of a slim jQuery) aside, as the unit accuracy test compares. */
const norm = (v: string) => coreVersion(v) ?? v;

let sites: RunningSites;
let vigie: Vigie;
const netLog = netLogPath('components');
const audits: Record<string, Audit> = {};

beforeAll(async () => {
  sites = await startSites({ sites: [librarySite({ host: HOST, pages, files })] });
  vigie = await launchVigie({ netLogPath: netLog });
});

afterAll(async () => {
  await vigie?.close();
  await sites?.stop();
});

async function scanPage(path: string): Promise<Audit> {
  if (audits[path]) return audits[path]!;
  const { page, tabId } = await vigie.openTab(sites.url(HOST, 'https', path));
  const { audit } = auditOf(await vigie.scan(tabId));
  await page.close();
  audits[path] = audit;
  return audit;
}

/** The technology that stands for this file: same name and exact version. */
function exactMatch(audit: Audit, file: LibraryFile): Technology | undefined {
  return audit.technologies.find((t) => t.name === nameOf(file.library) && t.version !== undefined && norm(t.version) === norm(file.version));
}

interface Measure { exact: number; agree: number; total: number; misses: string[]; disagreements: string[]; extras: string[] }

async function measure(naming: Naming): Promise<Measure> {
  const m: Measure = { exact: 0, agree: 0, total: 0, misses: [], disagreements: [], extras: [] };
  for (let p = 0; p < PAGES; p++) {
    const audit = await scanPage(`/${naming}/${p}`);
    const onPage = served.filter((s) => s.page === p).map((s) => s.file);
    for (const file of onPage) {
      m.total++;
      const found = exactMatch(audit, file);
      if (found) m.exact++;
      else m.misses.push(`${file.library} ${file.version}: ${audit.technologies.filter((t) => t.name === nameOf(file.library)).map((t) => t.version ?? '?').join(', ') || 'not found'}`);
      // What the knowledge base says of the file's true version, against what the audit reports.
      const expected = affectingAdvisories(repoKb(), file.library, file.version).length > 0;
      const reported = (found ?? audit.technologies.find((t) => t.name === nameOf(file.library)))?.vulnerabilities.length ?? 0;
      if (expected === reported > 0) m.agree++;
      else m.disagreements.push(`${file.library} ${file.version}: KB ${expected ? 'vulnerable' : 'clean'}, reported ${reported} advisories`);
    }
    // Every technology reported must be one of the page's files (or a copy built into one).
    const contained = onPage.flatMap((f) => [{ library: f.library, version: f.version }, ...(f.embeds ?? [])]);
    for (const tech of audit.technologies) {
      const ids = idsByName.get(tech.name) ?? [];
      const candidates = contained.filter((c) => ids.includes(c.library));
      const ok = candidates.length > 0 && (tech.version === undefined || candidates.some((c) => norm(c.version) === norm(tech.version!)));
      if (!ok) m.extras.push(`${tech.name} ${tech.version ?? ''} (${tech.sources.join(' ')})`);
    }
  }
  return m;
}

const results: Partial<Record<Naming, Measure>> = {};

describe('real library builds on local pages', () => {
  it('serves the real files (≥ 40, ≥ 15 libraries, vulnerable and fixed versions), at most 30 per page', () => {
    expect(LIBRARY_FILES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LIBRARY_FILES.map((f) => f.library)).size).toBeGreaterThanOrEqual(15);
    const vulnerable = LIBRARY_FILES.filter((f) => affectingAdvisories(repoKb(), f.library, f.version).length > 0).length;
    expect(vulnerable).toBeGreaterThan(10);
    expect(LIBRARY_FILES.length - vulnerable).toBeGreaterThan(10);
    for (let p = 0; p < PAGES; p++) expect(served.filter((s) => s.page === p).length).toBeLessThanOrEqual(30); // the scan re-reads 30 files at most
    // Opaque names carry no version and no library name.
    for (const s of served) expect(s.url.opaque).toMatch(/^\/assets\/[0-9a-f]{12}\.js$/);
  });

  it.each(['usual', 'opaque'] as const)('under %s names: name and exact version for 95 per cent or more, KB agreement 95 per cent or more, nothing reported that the page lacks', async (naming) => {
    const m = await measure(naming);
    results[naming] = m;
    console.log(`[components e2e] ${naming} names: exact ${m.exact}/${m.total}, KB agreement ${m.agree}/${m.total}, extras ${m.extras.length}`);
    if (m.misses.length) console.log(`  misses: ${m.misses.join('; ')}`);
    if (m.disagreements.length) console.log(`  disagreements: ${m.disagreements.join('; ')}`);
    expect(m.total).toBe(LIBRARY_FILES.length);
    expect(m.exact / m.total).toBeGreaterThanOrEqual(0.95);
    expect(m.agree / m.total).toBeGreaterThanOrEqual(0.95);
    expect(m.extras).toEqual([]);
  });

  it('reports the advisories of a vulnerable build found under an opaque name, with the version to move to', async () => {
    const jquery = served.find((s) => s.file.library === 'jquery' && s.file.version === '3.3.1')!;
    const audit = await scanPage(`/opaque/${jquery.page}`);
    const tech = exactMatch(audit, jquery.file)!;
    expect(tech).toBeDefined();
    const expectedIds = affectingAdvisories(repoKb(), 'jquery', '3.3.1').map((a) => a.advisory.id).sort();
    expect(expectedIds.length).toBeGreaterThan(0);
    expect(tech.vulnerabilities.map((v) => v.id).sort()).toEqual(expectedIds);
    expect(tech.sources.some((s) => s.includes(jquery.url.opaque))).toBe(true);
    const finding = audit.findings.find((f) => f.ruleId === 'components.vulnerable-version' && f.subject?.startsWith('jquery'));
    expect(finding, 'components.vulnerable-version for jQuery').toBeDefined();
  });

  it('lists each build when a page loads several versions of one library', async () => {
    const audit = await scanPage('/multi');
    for (const s of MULTI) {
      const tech = exactMatch(audit, s.file);
      expect(tech, `${s.file.library} ${s.file.version}`).toBeDefined();
      const expected = affectingAdvisories(repoKb(), s.file.library, s.file.version).map((a) => a.advisory.id).sort();
      expect(tech!.vulnerabilities.map((v) => v.id).sort(), `${s.file.library} ${s.file.version}`).toEqual(expected);
      expect(tech!.sources.some((src) => src.includes(s.url.opaque))).toBe(true);
    }
    // The newest jQuery (3.7.1) has no known advisory; the oldest has.
    expect(exactMatch(audit, MULTI[2]!.file)!.vulnerabilities).toEqual([]);
    expect(exactMatch(audit, MULTI[0]!.file)!.vulnerabilities.length).toBeGreaterThan(0);
  });

  it('does not take another extension\'s script for the site\'s', async () => {
    for (const naming of ['usual', 'opaque'] as const) {
      const audit = await scanPage(`/${naming}/0`);
      expect(audit.evidence.page!.scripts.some((s) => s.src === EXTENSION_SCRIPT)).toBe(true);
      expect(audit.technologies.filter((t) => t.name === 'jQuery' && t.version === '1.8.3')).toEqual([]);
      expect(JSON.stringify(audit.technologies)).not.toContain('chrome-extension://');
    }
  });
});

describe('network', () => {
  it('sent no request from the whole browser to any host but the local test site', async () => {
    await vigie.close();
    expectOnlyLocalRequests(netLog, [HOST]);
  });
});
