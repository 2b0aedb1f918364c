/**
 * The Firefox end-to-end build: the project's test build (VIGIE_TEST_BUILD=1, read by the lead's
 * wxt.config.ts) built into its own folder, plus two things automation needs in Firefox only:
 * - webRequest + webRequestBlocking granted at install (the optional TLS check, which a test cannot
 *   grant through a prompt);
 * - an extra background script that opens the popup as a tab at start-up, because WebDriver BiDi
 *   refuses to navigate to moz-extension:// addresses: the test finds that page and drives it.
 */
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export const FIREFOX_E2E_OUT = '.output-test/firefox-e2e';
const OPENER = 'vigie-test-opener.js';

export default defineConfig({
  ...base,
  outDir: FIREFOX_E2E_OUT,
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      const m = manifest as unknown as { permissions?: string[]; background?: { scripts?: string[] } };
      m.permissions = [...new Set([...(m.permissions ?? []), 'webRequest', 'webRequestBlocking'])];
      if (m.background?.scripts) m.background.scripts.push(OPENER);
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({
        relativeDest: OPENER,
        contents: "browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tabId=0') });\n",
      });
    },
  },
});
