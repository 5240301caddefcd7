import { defineConfig } from 'vitest/config';

/**
 * Browser test files that measure the main thread (long tasks above FREEZE_MS) or the clock (how
 * often a chart redraws, runs finished within a drag, how long a full run takes here): they run
 * last, one at a time, so that a second Chromium on a 2-core machine cannot cause the stall they
 * watch for. They hold only such tests; the same widgets' other tests sit in files next to them
 * (classification-losses-modes, code-cells-runs, moons-lab-controls, moons-lab-retrain-flow,
 * pairing-lab-presets), which run two at a time with the rest.
 */
const TIMED = ['classification-losses', 'code-cells', 'moons-lab', 'moons-lab-retrain', 'pairing-lab'].map((name) => `tests/browser/${name}.test.ts`);

/** Options both groups share. Projects do not inherit the root's test options (`extends` is off), so the global setup runs once. */
const common = { environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } as const;

// Browser tests: the built site served on loopback, driven in Debian's Chromium by playwright-core.
// The global setup builds the site twice (at the root and under a sub-path, side by side) before any test runs,
// and hands both addresses to every project.
export default defineConfig({
  test: {
    globalSetup: ['tests/browser/global-setup.ts'],
    projects: [
      // Most files wait on the page far more than they compute (about half the wall time is CPU), so two
      // at once shorten the run: measured on 2 cores, 27 files whose own times add up to 625 s took 390 s.
      { test: { ...common, name: 'browser', include: ['tests/browser/**/*.test.ts'], exclude: TIMED, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { test: { ...common, name: 'browser-timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
