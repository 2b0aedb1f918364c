/**
 * Drives Debian's Chromium with a Vigie build loaded, through playwright-core (no browser
 * download). Shared by the end-to-end tests and `npm run demo`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HOST_RESOLVER_RULES } from '../sites/index.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TEST_BUILD_DIR = join(ROOT, '.output-test/chrome-mv3');
export const PUBLISHED_BUILD_DIR = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep the browser from calling home, so the network log shows only what Vigie does. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--metrics-recording-only',
  // Chromium keeps only the last --disable-features, so this repeats playwright's own list
  // (which stops the network-time and optimisation-hint queries) and adds autofill's page queries.
  `--disable-features=${[
    'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
    'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
    'AutofillServerCommunication', 'Translate',
  ].join(',')}`,
  '--lang=en-US',
  // Two background calls survive the flags above (the component updater's check and the sign-in
  // account list): point them at a closed loopback port so they cannot leave the machine.
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--gaia-url=http://127.0.0.1:9/',
];

/**
 * Profile preferences written before the first start. Spell checking off: with it, Chromium
 * downloads a dictionary from Google (seen a few seconds after a text field was focused), which
 * the whole-browser network log would (rightly) count as a foreign request — the browser's doing,
 * not Vigie's. Turning it off is not enough: Chromium later adds the UI language to the
 * dictionaries by itself (seen: `dictionaries: ["en-US"]` after the accessibility tests), so the
 * languages the tests use are also on the list that is never loaded.
 */
export const PROFILE_PREFERENCES = {
  browser: { enable_spellchecking: false },
  spellcheck: { dictionaries: [], blocked_dictionaries: ['en-US', 'en-GB', 'en', 'fr', 'fr-FR'], use_spelling_service: false },
};

/** A new, empty profile folder holding only PROFILE_PREFERENCES. */
export function newProfileDir() {
  const profileDir = mkdtempSync(join(tmpdir(), 'vigie-profile-'));
  mkdirSync(join(profileDir, 'Default'));
  writeFileSync(join(profileDir, 'Default', 'Preferences'), JSON.stringify(PROFILE_PREFERENCES));
  return profileDir;
}

/**
 * @param {{ extensionDir?: string, headless?: boolean, netLogPath?: string }} [options]
 */
export async function launchVigie(options = {}) {
  const extensionDir = options.extensionDir ?? TEST_BUILD_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension build in ${extensionDir}: run the build first.`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  const profileDir = newProfileDir();
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${HOST_RESOLVER_RULES}`,
    '--ignore-certificate-errors',
    ...QUIET_FLAGS,
  ];
  if (options.netLogPath) args.push(`--log-net-log=${options.netLogPath}`, '--net-log-capture-mode=Default');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args,
    locale: 'en-US',
    viewport: { width: 1100, height: 800 },
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  /** An extension page to call chrome.* APIs from (the popup, without a target). */
  const controlPage = await context.newPage();
  await controlPage.goto(`${base}/popup.html?tabId=0`);

  return {
    context,
    extensionId,
    base,
    controlPage,
    /**
     * Opens `url` in a new tab created by the extension, so its tab id is known.
     * @param {string} url
     */
    async openTab(url) {
      const pagePromise = context.waitForEvent('page');
      const tabId = await controlPage.evaluate(async (u) => (await chrome.tabs.create({ url: u, active: false })).id, url);
      const page = await pagePromise;
      await page.waitForLoadState('load').catch(() => {});
      return { page, tabId: /** @type {number} */ (tabId) };
    },
    /**
     * Sends the background the scan message, as the popup does.
     * @param {number} tabId
     */
    async scan(tabId) {
      return controlPage.evaluate((id) => chrome.runtime.sendMessage({ type: 'vigie:scan', tabId: id }), tabId);
    },
    /** @param {number} tabId */
    async badgeText(tabId) {
      return controlPage.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async close() {
      // A tab whose renderer is stuck in a loop must not keep the browser open.
      await Promise.race([context.close(), new Promise((r) => setTimeout(r, 15_000))]);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
