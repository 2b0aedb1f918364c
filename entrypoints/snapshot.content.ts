import { defineContentScript } from 'wxt/utils/define-content-script';
import { fetchDocumentHeaders } from '../lib/collect/document-headers';
import { collectPageSnapshot } from '../lib/collect/page-snapshot';
import { pickScriptUrls, readScriptFiles, SCRIPT_FILE_LIMITS } from '../lib/collect/script-files';
import { readVersionFiles } from '../lib/collect/version-files';
import { referencedExtensions } from '../lib/components/extensions';
import { fetchSecurityTxt } from '../lib/collect/well-known';
import { matchBanners } from '../lib/kb/banners';

/** Injected on demand only (never declared for every page): returns what the page can tell. */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    const snapshot = collectPageSnapshot();
    // Only files the browser reports as loaded are re-read, so the cache answers and no new download starts.
    const loaded = new Set(snapshot.resources.filter((r) => r.initiatorType === 'script').map((r) => r.name));
    const scriptUrls = pickScriptUrls(snapshot.scripts.map((s) => s.src), loaded, SCRIPT_FILE_LIMITS.maxFiles);
    // The plugins and themes the page's own files reference; their version files are read on this origin only.
    const extensions = referencedExtensions([
      ...snapshot.scripts.map((s) => s.src),
      ...snapshot.stylesheets.map((s) => s.href),
      ...snapshot.resources.map((r) => r.name),
    ], location.origin);
    const [headers, securityTxt, scriptFiles, versionFiles] = await Promise.all([
      fetchDocumentHeaders(location.href, 5000),
      fetchSecurityTxt(location.origin, 3000),
      readScriptFiles(scriptUrls, matchBanners),
      readVersionFiles(extensions, location.origin),
    ]);
    return { snapshot, headers, securityTxt, scriptFiles, versionFiles };
  },
});
