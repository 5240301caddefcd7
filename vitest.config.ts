import { defineConfig } from 'vitest/config';

// Unit tests: pure functions in src/lib and widget logic, run in Node without a browser.
// Some content tests train networks for the numbers a lesson states (seconds each); on a loaded
// two-core machine the default 5 s limit failed them for being slow, not wrong, so the limit is
// 30 s. Speed is measured by the benchmarks, never by a test's time limit.
// Both cores, and no fresh module graph per file: Vitest's default on two cores is one worker,
// and re-importing the library and Plot for each of about 100 files cost more than the tests
// themselves (127 s against 60 s for the suite). Files can share a worker because nothing in
// src keeps module-level mutable state, and the few spies on console only mute it.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    maxWorkers: 2,
    isolate: false,
  },
});
