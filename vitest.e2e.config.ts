import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium with the built extension, local test sites. One file at a
 * time (each launches its own browser), generous timeouts. The builds happen once, in globalSetup.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
