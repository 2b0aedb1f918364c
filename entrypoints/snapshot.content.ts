import { defineContentScript } from 'wxt/utils/define-content-script';
import { collectPageSnapshot } from '../lib/collect/page-snapshot';
import { fetchDocumentHeaders } from '../lib/collect/document-headers';

/** Injected on demand only (never declared for every page): returns the snapshot and the headers. */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  async main() {
    const snapshot = collectPageSnapshot();
    const headers = await fetchDocumentHeaders(location.href, 5000);
    return { snapshot, headers };
  },
});
