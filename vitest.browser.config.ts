import { defineConfig } from 'vitest/config';

// Browser tests: the built site served on loopback, driven in Debian's Chromium by playwright-core.
// The global setup builds the site twice (at the root and under a sub-path, side by side) before any test runs.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One file at a time: the lab test watches for long tasks, which a second Chromium on a
    // 2-core machine would cause by itself.
    maxWorkers: 1,
  },
});
