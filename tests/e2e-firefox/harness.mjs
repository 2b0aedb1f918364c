/**
 * Drives Debian's Firefox ESR with the Firefox end-to-end build of Vigie installed, through
 * puppeteer-core over WebDriver BiDi (no geckodriver, no browser download).
 *
 * BiDi cannot open moz-extension:// addresses, so the build opens its popup as a tab at start-up
 * (see wxt.config.ts here); the harness finds that page by its location and sends the scan
 * message from it, as the popup does. The extension's origin is pinned to a fixed UUID.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIREFOX_E2E_BUILD_DIR = join(ROOT, '.output-test/firefox-e2e/firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const GECKO_ID = 'vigie@vigie.example';
export const FIXED_UUID = '5b0c7a3e-6f1d-4c8e-9a2b-7e4d1f0c9a11';
export const EXTENSION_BASE = `moz-extension://${FIXED_UUID}`;

/** Waits for `check` to return a truthy value, polling. */
async function waitFor(check, { timeout = 15_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * @param {{ extensionDir?: string, headless?: boolean, httpsProxyPort?: number }} [options]
 *   httpsProxyPort: send HTTPS through this loopback CONNECT proxy (see tls-proxy.mjs), so test
 *   sites answer at https://host/ on the default port.
 */
export async function launchVigieFirefox(options = {}) {
  const extensionDir = options.extensionDir ?? FIREFOX_E2E_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No Firefox build in ${extensionDir}: run the build first.`);
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox ESR not found at ${FIREFOX_PATH}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`);
  const profileDir = mkdtempSync(join(tmpdir(), 'vigie-ff-profile-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    userDataDir: profileDir,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      // Every host name resolves to the loopback test sites (Chromium's --host-resolver-rules).
      'network.dns.forceResolve': '127.0.0.1',
      ...(options.httpsProxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.share_proxy_settings': false,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': options.httpsProxyPort,
            'network.proxy.no_proxies_on': '',
            'network.proxy.allow_hijacking_localhost': true,
          }
        : { 'network.proxy.type': 0 }),
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
      // Keep the browser quiet: no update, telemetry or safe-browsing calls.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    /** The popup page the build opened for the test, found by its real location. */
    const controlPage = await waitFor(async () => {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${EXTENSION_BASE}/popup.html`)) return page;
      }
      return null;
    }, { what: 'the extension page opened by the test build' });
    await controlPage.waitForSelector('[data-testid=scan]', { timeout: 15_000 });

    /** @param {string} path */
    async function findExtensionPage(path) {
      return waitFor(async () => {
        for (const page of await browser.pages()) {
          if (page === controlPage) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href === `${EXTENSION_BASE}${path}`) return page;
        }
        return null;
      }, { what: `the extension page ${path}` });
    }

    return {
      browser,
      controlPage,
      base: EXTENSION_BASE,
      /**
       * Opens `url` in a new background tab created by the extension and waits for it to load.
       * @param {string} url
       */
      async openTab(url) {
        const tabId = await controlPage.evaluate(async (u) => (await globalThis.browser.tabs.create({ url: u, active: false })).id, url);
        // Loaded, and settled: a redirect (http:// to https://) can report "complete" for the first
        // document before the tab moves on, and a scan injected then meets the next one. The same
        // complete document at two polls in a row is the page the test will scan.
        let seen = '';
        await waitFor(async () => {
          const tab = await controlPage.evaluate(async (id) => { const t = await globalThis.browser.tabs.get(id); return `${t.status} ${t.url}`; }, tabId);
          const settled = tab.startsWith('complete ') && tab === seen;
          seen = tab;
          return settled;
        }, { what: `${url} to load` });
        return /** @type {number} */ (tabId);
      },
      /**
       * Opens one of the extension's pages (e.g. `/popup.html?tabId=3`) in a tab, through the
       * extension itself since BiDi cannot navigate there, and returns it as a puppeteer page.
       * @param {string} path
       */
      async openExtensionPage(path) {
        await controlPage.evaluate((p) => globalThis.browser.tabs.create({ url: globalThis.browser.runtime.getURL(p) }), path);
        return findExtensionPage(path);
      },
      /** @param {number} tabId */
      async closeTab(tabId) {
        await controlPage.evaluate((id) => globalThis.browser.tabs.remove(id), tabId).catch(() => {});
      },
      /** @param {number} tabId */
      async tabUrl(tabId) {
        return controlPage.evaluate(async (id) => (await globalThis.browser.tabs.get(id)).url ?? '', tabId);
      },
      /**
       * Sends the background the scan message, as the popup does.
       * @param {number} tabId
       */
      async scan(tabId) {
        return controlPage.evaluate((id) => globalThis.browser.runtime.sendMessage({ type: 'vigie:scan', tabId: id }), tabId);
      },
      /** @param {number} tabId */
      async badgeText(tabId) {
        return controlPage.evaluate((id) => globalThis.browser.browserAction.getBadgeText({ tabId: id }), tabId);
      },
      /** The manifest as Firefox loaded it. */
      async manifest() {
        return controlPage.evaluate(() => globalThis.browser.runtime.getManifest());
      },
      async close() {
        await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 15_000))]);
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}
