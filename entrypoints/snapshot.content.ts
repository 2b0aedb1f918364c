import { defineContentScript } from 'wxt/utils/define-content-script';
import { fetchDocumentHeaders } from '../lib/collect/document-headers';
import { collectPageSnapshot } from '../lib/collect/page-snapshot';
import { fetchSecurityTxt } from '../lib/collect/well-known';

/** Injected on demand only (never declared for every page): returns what the page can tell. */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    const snapshot = collectPageSnapshot();
    const [headers, securityTxt] = await Promise.all([
      fetchDocumentHeaders(location.href, 5000),
      fetchSecurityTxt(location.origin, 3000),
    ]);
    return { snapshot, headers, securityTxt };
  },
});
