import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in Firefox ESR (puppeteer-core over WebDriver BiDi). Files are named *.spec.ts
 * so the unit-test run (tests/**\/*.test.ts) does not pick them up. One file at a time.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.spec.ts'],
    globalSetup: ['tests/e2e-firefox/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
