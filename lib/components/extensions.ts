/**
 * CMS extensions a page references by URL: WordPress plugins and themes
 * (`/wp-content/plugins/<slug>/…`, `/wp-content/themes/<slug>/…`) and Drupal contributed modules
 * and themes (`/modules/contrib/<project>/…`, `/sites/all/modules/<project>/…`), and Joomla
 * components and modules (`/media/com_<name>/…`, `/modules/mod_<name>/…`). Pure: used in the
 * page (to choose which version files to read) and in the analysis (to list them).
 */

export type ExtensionKind = 'wp-plugin' | 'wp-theme' | 'drupal-module' | 'joomla-extension';

export interface ReferencedExtension {
  kind: ExtensionKind;
  /** The slug as the page writes it (case kept for fetching) — lower-cased in `id`. */
  slug: string;
  /** Component id: `wp-plugin:<slug>`, `wp-theme:<slug>`, `drupal-module:<project>`, `joomla-extension:<name>`. */
  id: string;
  /** The folder URL, up to and including the slug's "/" (keeps a sub-folder install's prefix). */
  base: string;
  /** The `?ver=` values the page's asset URLs carry: a weak hint only. */
  verHints: string[];
  /** The page URLs that reference it (at most 5). */
  urls: string[];
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const PATTERNS: { kind: ExtensionKind; re: RegExp }[] = [
  { kind: 'wp-plugin', re: /^(.*?\/wp-content\/plugins\/)([^/?#]+)\// },
  { kind: 'wp-theme', re: /^(.*?\/wp-content\/themes\/)([^/?#]+)\// },
  { kind: 'drupal-module', re: /^(.*?\/(?:modules\/contrib|sites\/all\/modules(?:\/contrib)?|sites\/[^/?#]+\/modules)\/)([^/?#]+)\// },
  // Joomla components and modules keep their assets under these folders, named com_… and mod_….
  { kind: 'joomla-extension', re: /^(.*?\/(?:media|components)\/)(com_[^/?#]+)\// },
  { kind: 'joomla-extension', re: /^(.*?\/(?:media|modules)\/)(mod_[^/?#]+)\// },
];
const VER = /[?&]ver=([0-9][0-9A-Za-z.+-]{0,40})(?:&|#|$)/;

/**
 * Extensions referenced by the given http(s) URLs, in first-seen order. Only same-origin URLs
 * count when `origin` is given (a CDN copy says nothing reliable about this site's files).
 */
export function referencedExtensions(urls: Iterable<string>, origin?: string, max = 200): ReferencedExtension[] {
  const found = new Map<string, ReferencedExtension>();
  for (const raw of urls) {
    if (typeof raw !== 'string' || raw.length > 4096 || !/^https?:\/\//i.test(raw)) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if (origin && url.origin !== origin) continue;
    const path = `${url.origin}${url.pathname}`;
    for (const { kind, re } of PATTERNS) {
      const m = re.exec(path);
      if (!m) continue;
      let slug: string;
      try {
        slug = decodeURIComponent(m[2]!);
      } catch {
        break;
      }
      if (!SLUG.test(slug)) break;
      const id = `${kind}:${slug.toLowerCase()}`;
      let entry = found.get(id);
      if (!entry) {
        if (found.size >= max) break;
        entry = { kind, slug, id, base: `${m[1]}${m[2]}/`, verHints: [], urls: [] };
        found.set(id, entry);
      }
      const ver = VER.exec(url.search)?.[1];
      if (ver && !entry.verHints.includes(ver) && entry.verHints.length < 5) entry.verHints.push(ver);
      if (entry.urls.length < 5 && !entry.urls.includes(raw)) entry.urls.push(raw.slice(0, 4096));
      break;
    }
  }
  return [...found.values()];
}

/** The file that states an extension's version: a plugin's readme.txt, a theme's style.css (null: none read). */
export function versionFileOf(ext: Pick<ReferencedExtension, 'kind' | 'base'>): string | null {
  if (ext.kind === 'wp-plugin') return `${ext.base}readme.txt`;
  if (ext.kind === 'wp-theme') return `${ext.base}style.css`;
  // Drupal's .info.yml files are refused by its default web server rules, and Joomla's manifests
  // sit in folders its default rules refuse too: not read, the version stays unknown.
  return null;
}

const VERSION = /^\d+(?:\.\d+){0,3}(?:[-.]?[A-Za-z][0-9A-Za-z.]{0,20})?$/;
const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 80);

export type VersionFileReading =
  | { ok: true; version: string; name?: string }
  | { ok: false; reason: 'no-version' | 'trunk' | 'not-text' | 'not-a-version-file' };

/**
 * What a plugin's readme.txt ("Stable tag: 1.2.3", "=== Plugin Name ===") or a theme's style.css
 * header ("Theme Name:", "Version:") says. Anything else — an HTML error page served with 200, a
 * binary file, "trunk", a value that is no version — is not a version.
 */
export function readVersionFile(kind: ExtensionKind, text: string): VersionFileReading {
  if (text.includes('\u0000')) return { ok: false, reason: 'not-text' };
  const head = text.slice(0, 8192);
  if (/^\s*</.test(head)) return { ok: false, reason: 'not-a-version-file' };
  if (kind === 'wp-plugin') {
    const name = /^\s*===\s*(.+?)\s*===/.exec(head)?.[1];
    const tag = /^[ \t]*Stable tag:[ \t]*(\S+)/im.exec(head)?.[1];
    if (!tag) return { ok: false, reason: name ? 'no-version' : 'not-a-version-file' };
    if (/^trunk$/i.test(tag)) return { ok: false, reason: 'trunk' };
    if (!VERSION.test(tag)) return { ok: false, reason: 'no-version' };
    return { ok: true, version: tag, ...(name ? { name: clean(name) } : {}) };
  }
  if (kind === 'wp-theme') {
    // The theme header is the file's first comment.
    const comment = /\/\*([\s\S]*?)\*\//.exec(head)?.[1] ?? '';
    const name = /^[ \t*]*Theme Name:[ \t]*(.+)$/im.exec(comment)?.[1];
    const version = /^[ \t*]*Version:[ \t]*(\S+)/im.exec(comment)?.[1];
    if (!name) return { ok: false, reason: 'not-a-version-file' };
    if (!version || !VERSION.test(version)) return { ok: false, reason: 'no-version' };
    return { ok: true, version, name: clean(name) };
  }
  return { ok: false, reason: 'not-a-version-file' };
}
