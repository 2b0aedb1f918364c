/**
 * Bundle sizes of a built extension: the JavaScript each page loads at start (entry script,
 * preloaded chunks and their static imports), the background, the injected content script, the
 * knowledge-base data, the zipped package, and which modules dominate each bundle (from the
 * build's raw analysis data).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';

const gzipBytes = (/** @type {Buffer | string} */ data) => gzipSync(data, { level: 9 }).length;

/** Every file under `dir`, as paths relative to it. @param {string} dir @returns {string[]} */
function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path, base) : [relative(base, path)];
  });
}

/** The static imports of an ES module chunk (not dynamic `import()`), as paths in the build. */
function staticImports(/** @type {string} */ code, /** @type {string} */ fromFile) {
  const found = new Set();
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    found.add(join(dirname(fromFile), match[1]));
  }
  return [...found];
}

/** The JavaScript a page loads before anything is clicked, and its stylesheets. */
export function pageFiles(/** @type {string} */ buildDir, /** @type {string} */ page) {
  const html = readFileSync(join(buildDir, page), 'utf8');
  const refs = (/** @type {RegExp} */ re) => [...html.matchAll(re)].map((m) => m[1].replace(/^\//, ''));
  const queue = [...refs(/<script[^>]+src="([^"]+)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  const js = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (js.has(file)) continue;
    js.add(file);
    queue.push(...staticImports(readFileSync(join(buildDir, file), 'utf8'), file));
  }
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  return { js: [...js], css };
}

function sizeOf(/** @type {string} */ buildDir, /** @type {string[]} */ files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(join(buildDir, file));
    raw += data.length;
    gzip += gzipBytes(data);
  }
  return { raw, gzip };
}

/** The knowledge base's packaged data files (public/kb/*.json): raw and gzipped, per file and in all. */
export function knowledgeBaseSize(/** @type {string} */ root) {
  const dir = join(root, 'public/kb');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const perFile = {};
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(join(dir, file));
    const g = gzipBytes(data);
    perFile[file] = { rawBytes: data.length, gzipBytes: g };
    raw += data.length;
    gzip += g;
  }
  return { files: files.map((f) => `public/kb/${f}`), perFile, rawBytes: raw, gzipBytes: gzip };
}

/** Zips the build as a store package would be (DEFLATE, level 9) and returns its size. */
export async function zipSize(/** @type {string} */ buildDir, /** @type {(file: string) => boolean} */ keep = () => true) {
  const zip = new JSZip();
  for (const file of walk(buildDir).sort().filter(keep)) zip.file(file, readFileSync(join(buildDir, file)));
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return data.length;
}

/** Where a module comes from, at a useful grain: an npm package, or a folder of the project. */
function moduleGroup(/** @type {string} */ id, /** @type {string} */ root) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (nm) return `npm:${nm[1]}`;
  // The analysis names project modules from the project root ("/lib/…"), or by absolute path.
  const rel = clean.startsWith(root) ? relative(root, clean) : clean.replace(/^\//, '');
  const parts = rel.split('/');
  if (parts[0] === 'lib' && parts.length > 2) return `${parts[0]}/${parts[1]}${parts[1] === 'kb' && parts[2] === 'data' ? '/data' : ''}`;
  if (parts.length > 1) return parts.slice(0, 2).join('/').replace(/\.[a-z]+$/, '');
  return rel;
}

/**
 * Per output file, the share of rendered module code per package or project folder, from the
 * raw-data analysis files (rollup-plugin-visualizer) the build wrote next to its output.
 * Rendered sizes are before minification: they tell proportions, not final bytes.
 */
export function moduleBreakdown(/** @type {string} */ analysisDir, /** @type {string} */ root, top = 8) {
  /** @type {Record<string, Map<string, number>>} */
  const byBundle = {};
  for (const file of readdirSync(analysisDir).filter((f) => /^stats-\d+\.json$/.test(f))) {
    const data = JSON.parse(readFileSync(join(analysisDir, file), 'utf8'));
    for (const meta of Object.values(data.nodeMetas)) {
      for (const [bundle, partUid] of Object.entries(/** @type {Record<string, string>} */ (meta.moduleParts))) {
        const length = data.nodeParts[partUid]?.renderedLength ?? 0;
        const groups = (byBundle[bundle] ??= new Map());
        const group = moduleGroup(meta.id, root);
        groups.set(group, (groups.get(group) ?? 0) + length);
      }
    }
  }
  /** @type {Record<string, { totalRendered: number, top: { group: string, renderedBytes: number, share: number }[] }>} */
  const out = {};
  for (const [bundle, groups] of Object.entries(byBundle)) {
    const total = [...groups.values()].reduce((a, b) => a + b, 0);
    out[bundle] = {
      totalRendered: total,
      top: [...groups.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([group, bytes]) => ({ group, renderedBytes: bytes, share: Math.round((bytes / Math.max(total, 1)) * 1000) / 10 })),
    };
  }
  return out;
}

/** Every size figure of a Chrome build. */
export async function measureSizes(/** @type {string} */ buildDir, /** @type {string} */ analysisDir, /** @type {string} */ root) {
  /** @type {Record<string, any>} */
  const pages = {};
  for (const page of ['popup.html', 'report.html', 'audits.html', 'options.html']) {
    try {
      statSync(join(buildDir, page));
    } catch {
      continue;
    }
    const files = pageFiles(buildDir, page);
    const js = sizeOf(buildDir, files.js);
    const css = sizeOf(buildDir, files.css);
    pages[basename(page, '.html')] = { jsFiles: files.js, jsBytes: js.raw, jsGzipBytes: js.gzip, cssGzipBytes: css.gzip };
  }
  const background = sizeOf(buildDir, ['background.js']);
  const injected = sizeOf(buildDir, ['content-scripts/snapshot.js']);
  const total = sizeOf(buildDir, walk(buildDir));
  return {
    ...pages,
    background: { jsBytes: background.raw, jsGzipBytes: background.gzip },
    injected: { file: 'content-scripts/snapshot.js', jsBytes: injected.raw, jsGzipBytes: injected.gzip },
    knowledgeBase: knowledgeBaseSize(root),
    unpackedBytes: total.raw,
    chromeZipBytes: await zipSize(buildDir),
    // The same zip without the knowledge base's data files, which have their own budget.
    chromeZipCodeBytes: await zipSize(buildDir, (file) => !file.startsWith('kb/')),
    modules: moduleBreakdown(analysisDir, resolve(root)),
  };
}
