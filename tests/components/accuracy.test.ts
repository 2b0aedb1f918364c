/**
 * Accuracy on real minified builds (npm-aliased devDependencies, see library-files.ts): each file is
 * read from node_modules, "served" under its usual name and under an opaque hashed name, and run
 * through the same path as a scan (matchBanners in the page, matchScriptUrl, detectTechnologies).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectComponents } from '../../lib/components/detect';
import { affectingAdvisories } from '../../lib/kb/advisories';
import { matchBanners } from '../../lib/kb/banners';
import { COMPONENTS } from '../../lib/kb/components';
import { matchScriptUrl } from '../../lib/kb/script-url';
import { Evidence } from '../../lib/evidence/schema';
import { coreVersion } from '../../lib/version/parse';
import { LIBRARY_FILES, type LibraryFile } from '../fixtures/components/library-files';
import { repoKb, ruleContext } from '../support/kb';

const NOW = new Date('2026-11-28T12:00:00Z');
const ORIGIN = 'https://shop.example.test';

const texts = new Map(LIBRARY_FILES.map((f) => [f.path, readFileSync(f.path, 'utf8')]));

function usualUrl(f: LibraryFile): string {
  return `${ORIGIN}/assets/js/${f.path.slice(f.path.lastIndexOf('/') + 1)}`;
}
function opaqueUrl(f: LibraryFile): string {
  return `${ORIGIN}/assets/${createHash('sha256').update(f.path).digest('hex').slice(0, 8)}.js`;
}

/** The evidence a scan of a page loading only this file would produce (no globals: the file's text only). */
function evidenceFor(f: LibraryFile, url: string): Evidence {
  const text = texts.get(f.path)!;
  return Evidence.parse({
    url: `${ORIGIN}/`,
    headers: null,
    page: {
      url: `${ORIGIN}/`, protocol: 'https:', title: 'Shop', contentType: 'text/html', elementCount: 120,
      scripts: [{ src: url }], scriptCount: 1, inlineScriptCount: 0, stylesheets: [], metaGenerator: [], metaHttpEquiv: [], forms: [],
      subresources: [{ kind: 'script', url }], documentCookieNames: [], navigation: null, resources: [], resourceCount: 0,
    },
    globals: null,
    scriptFiles: { files: [{ url, bytes: text.length, head: text.slice(0, 4096), matches: matchBanners(text) }] },
  });
}

function run(naming: (f: LibraryFile) => string) {
  return LIBRARY_FILES.map((f) => {
    const detected = detectComponents(evidenceFor(f, naming(f)), ruleContext(NOW));
    const mine = detected.find((d) => d.component === f.library);
    return { file: f, detected, mine };
  });
}

describe('fixture set', () => {
  it('has at least 40 real files across at least 15 libraries, vulnerable and fixed versions', () => {
    expect(LIBRARY_FILES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LIBRARY_FILES.map((f) => f.library)).size).toBeGreaterThanOrEqual(15);
    const vulnerable = LIBRARY_FILES.filter((f) => affectingAdvisories(repoKb(), f.library, f.version).length > 0);
    expect(vulnerable.length).toBeGreaterThanOrEqual(15);
    expect(LIBRARY_FILES.length - vulnerable.length).toBeGreaterThanOrEqual(10);
    for (const f of LIBRARY_FILES) expect(COMPONENTS[f.library], f.library).toBeDefined();
  });

  it('reads each file\'s own version from its package.json (the fixture list is right)', () => {
    for (const f of LIBRARY_FILES) {
      const pkgDir = f.path.split('/').slice(0, 2).join('/');
      expect(JSON.parse(readFileSync(`${pkgDir}/package.json`, 'utf8')).version, f.path).toBe(f.packageVersion ?? f.version);
    }
  });
});

describe.each([
  ['opaque hashed names', opaqueUrl],
  ['usual names', usualUrl],
] as const)('under %s', (_label, naming) => {
  const results = run(naming);

  it('finds name and exact version for at least 95% of the files', () => {
    const misses = results.filter((r) => !r.mine || coreVersion(r.mine.technology.version ?? '') !== coreVersion(r.file.version));
    const rate = 1 - misses.length / results.length;
    expect(rate, misses.map((m) => `${m.file.library}@${m.file.version}: ${m.mine?.technology.version ?? 'not found'}`).join(', ')).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees with the knowledge base on vulnerable / not vulnerable for at least 95%', () => {
    const agree = results.filter((r) => {
      const expected = affectingAdvisories(repoKb(), r.file.library, r.file.version).map((a) => a.advisory.id).sort();
      const got = (r.mine?.technology.vulnerabilities ?? []).map((v) => v.id).sort();
      return (expected.length > 0) === (got.length > 0) && JSON.stringify(expected) === JSON.stringify(got);
    });
    expect(agree.length / results.length).toBeGreaterThanOrEqual(0.95);
  });

  it('reports no component the file does not contain, and finds the copies it embeds', () => {
    const extras = results.flatMap((r) => r.detected
      .filter((d) => d.component !== r.file.library && !(r.file.embeds ?? []).some((e) => e.library === d.component && e.version === d.technology.version))
      .map((d) => `${r.file.path}: ${d.component}`));
    expect(extras).toEqual([]);
    for (const r of results) {
      for (const e of r.file.embeds ?? []) expect(r.detected.some((d) => d.component === e.library && d.technology.version === e.version), `${r.file.path} embeds ${e.library}`).toBe(true);
    }
  });
});

describe('script URLs of the same files on public CDNs', () => {
  it('reads the version from the CDN layout, and nothing from the opaque name', () => {
    const npmName = (f: LibraryFile) => f.path.split('/')[1]!.replace(new RegExp(`-${(f.packageVersion ?? f.version).replace(/\./g, '\\.')}$`), '');
    let found = 0;
    for (const f of LIBRARY_FILES) {
      const file = f.path.split('/').slice(2).join('/');
      const published = f.packageVersion ?? f.version;
      const hits = matchScriptUrl(`https://cdn.jsdelivr.net/npm/${npmName(f)}@${published}/${file}`);
      if (hits.some((h) => h.library === f.library && h.version === published)) found++;
      expect(matchScriptUrl(opaqueUrl(f))).toEqual([]);
    }
    expect(found / LIBRARY_FILES.length).toBeGreaterThanOrEqual(0.95);
  });
});
