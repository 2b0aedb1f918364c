/**
 * The store listings (docs/store/listing.{en,fr}.md) and the privacy pages (docs/privacy.md,
 * docs/privacy.fr.md) against the code: every field present and within the stores' limits, the
 * name and summary equal to the package's, one justification per permission the manifests really
 * declare (from wxt.config.ts, for Chrome MV3 and Firefox MV2) and none for a permission they do
 * not, and a privacy page that names every permission, every stored item and every file that makes
 * network requests (found by reading the sources, so a new request fails this test until it is
 * documented).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_STORAGE_KEY } from '../../lib/agency/schema';
import { SETTINGS_KEY } from '../../lib/settings/storage';
import { openVigieDB } from '../../lib/store/db';
import projectConfig from '../../wxt.config';
import { declaredNote, length, parseListing, type Browser, type ListingField, type Requested } from './parse';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const LANGUAGES = ['en', 'fr'] as const;
type Lang = (typeof LANGUAGES)[number];
const PRIVACY: Record<Lang, string> = { en: 'docs/privacy.md', fr: 'docs/privacy.fr.md' };

/** The fields every listing has, besides one `permission <name>` field per declared permission. */
const FIELDS = ['name', 'short-description', 'amo-summary', 'description', 'single-purpose', 'category', 'remote-code', 'data-usage', 'privacy-policy', 'reviewer-notes'] as const;

/** Limits in characters. docs/store/README.md says where each comes from. */
const LIMITS: Record<string, number> = {
  name: 45, // Chrome Web Store: 75; addons-linter (manifest name) and Edge: 45
  'short-description': 132,
  'amo-summary': 250,
  description: 16_000,
  'single-purpose': 1000,
};
const PERMISSION_LIMIT = 1000;

// ---- What the manifests declare: the real configuration, published build (VIGIE_TEST_BUILD unset). ----

type Manifest = { permissions?: string[]; optional_permissions?: string[]; host_permissions?: string[]; optional_host_permissions?: string[] };
type ManifestEnv = { browser: string; manifestVersion: 2 | 3; mode: string; command: 'build' | 'serve' };
const manifestOf = (env: ManifestEnv) => (projectConfig.manifest as (env: ManifestEnv) => Manifest)(env);
const MANIFESTS: Record<Browser, Manifest> = {
  chrome: manifestOf({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' }),
  firefox: manifestOf({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' }),
};

/** permission → how each browser's manifest asks for it. */
function declaredPermissions(): Map<string, Partial<Record<Browser, Requested>>> {
  const declared = new Map<string, Partial<Record<Browser, Requested>>>();
  const add = (browser: Browser, list: string[] | undefined, when: Requested) => {
    // Granted at install wins over also being listed as optional (what the test build does).
    for (const p of list ?? []) if (declared.get(p)?.[browser] !== 'install') declared.set(p, { ...declared.get(p), [browser]: when });
  };
  for (const browser of ['chrome', 'firefox'] as const) {
    const m = MANIFESTS[browser];
    add(browser, m.permissions, 'install');
    add(browser, m.host_permissions, 'install');
    add(browser, m.optional_permissions, 'optional');
    add(browser, m.optional_host_permissions, 'optional');
  }
  return declared;
}
const DECLARED = declaredPermissions();

// ---- What the code does: files that make requests, well-known paths, stores, storage keys. ----

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}
const EXTENSION_REQUEST = /\bfetch\s*\(|new\s+XMLHttpRequest\b|\bsendBeacon\s*\(|new\s+WebSocket\s*\(|new\s+EventSource\s*\(|\bimportScripts\s*\(/;
const CLI_REQUEST = /\bfetch\s*\(|\bhttps?\.(?:request|get)\s*\(|\)\.request\s*\(|\bboundedRequest\s*\(|\bfollowRedirects\s*\(|\b(?:tls|net)\.connect\s*\(/;
const requestFiles = (dirs: string[], pattern: RegExp) => dirs.flatMap(sourceFiles).filter((f) => pattern.test(read(f))).sort();
const EXTENSION_REQUEST_FILES = requestFiles(['lib', 'entrypoints', 'components'], EXTENSION_REQUEST);
const CLI_REQUEST_FILES = requestFiles(['cli'], CLI_REQUEST);
const WELL_KNOWN_PATHS = [...new Set([...EXTENSION_REQUEST_FILES, ...CLI_REQUEST_FILES].flatMap((f) => read(f).match(/\/\.well-known\/[\w.-]+/g) ?? []))];

let storeNames: string[] = [];
beforeAll(async () => {
  const db = await openVigieDB('vigie-store-listing-test');
  storeNames = [...db.objectStoreNames];
  db.close();
});
afterAll(() => indexedDB.deleteDatabase('vigie-store-listing-test'));

const listings = Object.fromEntries(LANGUAGES.map((lang) => [lang, parseListing(read(`docs/store/listing.${lang}.md`))])) as Record<Lang, Map<string, ListingField>>;
const locale = (lang: Lang) => JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<string, { message: string }>;

describe('what the tests derive from the code', () => {
  it('finds the permissions, the request files and the stores (so an empty list cannot pass silently)', () => {
    expect(DECLARED.get('activeTab')).toEqual({ chrome: 'install', firefox: 'install' });
    expect(DECLARED.size).toBeGreaterThanOrEqual(3);
    expect(EXTENSION_REQUEST_FILES).toContain('lib/collect/document-headers.ts');
    expect(CLI_REQUEST_FILES).toContain('cli/collect/site.ts');
    expect(WELL_KNOWN_PATHS).toContain('/.well-known/security.txt');
    expect(storeNames).toContain('audits');
  });
});

describe.each(LANGUAGES)('store listing (%s)', (lang) => {
  const fields = listings[lang];
  const text = (id: string) => fields.get(id)?.text ?? '';

  it.each([...FIELDS])('has a non-empty "%s" field', (id) => {
    expect(fields.has(id), `docs/store/listing.${lang}.md has no "## ${id}"`).toBe(true);
    expect(text(id).length, `"${id}" is empty`).toBeGreaterThan(0);
  });

  it('has no field the format does not know', () => {
    const unknown = [...fields.keys()].filter((id) => !(FIELDS as readonly string[]).includes(id) && !id.startsWith('permission '));
    expect(unknown).toEqual([]);
  });

  it.each(Object.entries(LIMITS))('"%s" is at most %i characters', (id, max) => {
    expect(length(text(id)), `"${id}" has ${length(text(id))} characters`).toBeLessThanOrEqual(max);
  });

  it('uses the name and the summary the package declares (the Chrome Web Store takes them from the manifest)', () => {
    const messages = locale(lang);
    expect(text('name')).toBe(messages.extName?.message);
    expect(text('short-description')).toBe(messages.extDescription?.message);
    expect(length(text('name'))).toBeLessThanOrEqual(75);
  });

  it('justifies every permission the Chrome and Firefox manifests declare, and no other', () => {
    const justified = [...fields.keys()].filter((id) => id.startsWith('permission ')).map((id) => id.slice('permission '.length)).sort();
    expect(justified).toEqual([...DECLARED.keys()].sort());
  });

  it.each([...DECLARED])('"permission %s" says where it is declared, as the manifests do, and is at most 1000 characters', (permission, declared) => {
    const field = fields.get(`permission ${permission}`);
    expect(field, `no "## permission ${permission}"`).toBeDefined();
    expect(field!.text.length, `the justification of ${permission} is empty`).toBeGreaterThan(0);
    expect(length(field!.text)).toBeLessThanOrEqual(PERMISSION_LIMIT);
    expect(declaredNote(field!), `"permission ${permission}" needs a <!-- declared: … --> note`).toEqual(declared);
  });

  it('fields are plain text (the stores show no Markdown)', () => {
    for (const field of fields.values()) {
      expect(field.text, field.id).not.toMatch(/\*\*|\]\(|`|^#/m);
    }
  });

  it('points to this language\'s privacy page, which exists', () => {
    expect(text('privacy-policy')).toContain(PRIVACY[lang]);
    expect(existsSync(join(ROOT, PRIVACY[lang]))).toBe(true);
  });
});

describe('both listings', () => {
  it('have the same fields', () => {
    expect([...listings.fr.keys()].sort()).toEqual([...listings.en.keys()].sort());
  });
});

describe.each(LANGUAGES)('privacy page (%s)', (lang) => {
  const page = read(PRIVACY[lang]);

  it.each([...DECLARED.keys()])('names the permission %s', (permission) => {
    expect(page).toContain(`\`${permission}\``);
  });

  it('names every file of the extension that makes network requests', () => {
    expect(EXTENSION_REQUEST_FILES.filter((f) => !page.includes(`\`${f}\``))).toEqual([]);
  });

  it('names every file of the command-line scanner that makes network requests', () => {
    expect(CLI_REQUEST_FILES.filter((f) => !page.includes(`\`${f}\``))).toEqual([]);
  });

  it('names every /.well-known/ address requested', () => {
    expect(WELL_KNOWN_PATHS.filter((p) => !page.includes(p))).toEqual([]);
  });

  it('cites only source files that exist', () => {
    const cited = [...page.matchAll(/`((?:lib|cli|entrypoints|components)\/[\w/.-]+\.(?:ts|tsx|mjs))`/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it('describes every IndexedDB store and every extension storage key', () => {
    expect(storeNames.length).toBeGreaterThan(0);
    expect(storeNames.filter((name) => !page.includes(`\`${name}\``))).toEqual([]);
    for (const key of [SETTINGS_KEY, AGENCY_STORAGE_KEY]) expect(page).toContain(`\`${key}\``);
  });

  it('mentions every extension storage area the code uses', () => {
    const code = ['lib', 'entrypoints', 'components'].flatMap(sourceFiles).map(read).join('\n');
    for (const area of ['local', 'sync', 'session', 'managed']) {
      if (new RegExp(`storage\\.${area}\\b`).test(code)) expect(page, `storage.${area} is used`).toContain(`storage.${area}`);
    }
  });
});

describe('the sources zip', () => {
  it('holds the instructions for reviewers that the listings point to', () => {
    const include = (projectConfig.zip?.includeSources ?? []) as string[];
    expect(include).toContain('SOURCE_CODE_REVIEW.md');
    expect(existsSync(join(ROOT, 'SOURCE_CODE_REVIEW.md'))).toBe(true);
    expect(include).toContain('docs/**');
  });
});
