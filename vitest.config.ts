import { defineConfig } from 'vitest/config';

// Unit tests: pure functions in src/lib and widget logic, run in Node without a browser.
// Some content tests train networks for the numbers a lesson states (seconds each); on a loaded
// two-core machine the default 5 s limit failed them for being slow, not wrong, so the limit is
// 30 s. Speed is measured by the benchmarks, never by a test's time limit.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
