import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/**
 * The test build (VIGIE_TEST_BUILD=1) differs from the published one in two ways only:
 * host access to the loopback test sites (activeTab cannot be granted by automation),
 * and the popup may take its target tab from its URL (`popup.html?tabId=N`).
 */
const testBuild = process.env.VIGIE_TEST_BUILD === '1';

export const TEST_HOST_PERMISSIONS = ['http://*.test/*', 'https://*.test/*', 'http://127.0.0.1/*', 'https://127.0.0.1/*'];

/** Shipped at the root of every package: Vigie's licence, the data credits, the bundled code's licences. */
export const LEGAL_FILES = ['LICENSE', 'NOTICE', 'THIRD-PARTY-NOTICES.txt'];

/**
 * What the Firefox sources zip holds (`wxt zip -b firefox`): exactly what an addons.mozilla.org
 * reviewer needs to rebuild the Firefox package with `npm ci && npm run build:firefox`
 * (SOURCE_CODE_REVIEW.md), plus the documentation. Everything else is left out: tests and their
 * fixtures (not needed to build, and the hostile test pages carry attack strings on purpose),
 * benchmarks, CI, node_modules, build output (.output*, dist). `cli/` is in because `npm ci` runs
 * `prepare`, which builds the command-line scanner; the generators show how the committed
 * knowledge-base data, icons and licence notices were made, and the licence files travel with the
 * sources too. A whitelist, so a stray file never ships by accident.
 */
export const SOURCES_ZIP_INCLUDE = [
  'package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json',
  'entrypoints/**', 'components/**', 'lib/**', 'public/**', 'cli/**',
  'scripts/build-kb.mjs', 'scripts/make-icons.mjs', 'scripts/third-party-notices.mjs',
  'SOURCE_CODE_REVIEW.md', 'README.md', 'docs/**', ...LEGAL_FILES,
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: testBuild ? '.output-test' : '.output',
  // Store packages in .output/: vigie-<version>-chrome-mv3.zip, vigie-<version>-firefox-mv2.zip and,
  // for Firefox, vigie-<version>-firefox-mv2-sources.zip (docs/browsers.md, "Store packages").
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}-sources.zip',
    // WXT zips the whole project minus `excludeSources`, and `includeSources` wins over it: exclude
    // everything, so the sources zip holds the whitelist and nothing else.
    excludeSources: ['**/*'],
    includeSources: SOURCES_ZIP_INCLUDE,
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of LEGAL_FILES) files.push({ absoluteSrc: fileURLToPath(new URL(name, import.meta.url)), relativeDest: name });
    },
    // A store package is always the published build: the test build's loopback host access and
    // up-front optional permissions must never reach a store.
    'zip:start': () => {
      if (testBuild) throw new Error('Vigie: refusing to zip a test build (VIGIE_TEST_BUILD=1); store packages come from the published build.');
    },
  },
  vite: () => ({
    plugins: [preact()],
    define: { __VIGIE_TEST_BUILD__: JSON.stringify(testBuild) },
    build: { chunkSizeWarningLimit: 2000 },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Install time: the least. Everything else is optional, asked for when needed, with the reason.
    // The test build is granted the optional checks up front, since automation cannot click a prompt.
    permissions: [
      'activeTab', 'scripting', 'storage',
      ...(testBuild ? ['cookies'] : []),
      // Firefox TLS details need these; the test build has them so automation can read certificates.
      ...(testBuild && browser === 'firefox' ? ['webRequest', 'webRequestBlocking'] : []),
    ],
    ...(browser === 'firefox'
      ? { optional_permissions: ['cookies', 'webRequest', 'webRequestBlocking', 'http://*/*', 'https://*/*'] }
      : { optional_permissions: ['cookies'], optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(testBuild ? { host_permissions: TEST_HOST_PERMISSIONS } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+V' },
        description: '__MSG_commandOpen__',
      },
    },
    // No data leaves the browser: declared for Firefox's data-collection consent, which Firefox
    // reads from version 140 on desktop and 142 on Android (web-ext lint warns without the latter).
    // Firefox only: Chromium reports the key as unrecognised.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'vigie@vigie.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
