import { defineConfig } from 'vitest/config';

// Browser tests: the built site served on loopback, driven in Debian's Chromium by playwright-core.
// The global setup builds the site twice (at the root and under a sub-path) before any test runs.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
