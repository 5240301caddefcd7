import { defineConfig } from 'vitest/config';

// Unit tests: pure functions in src/lib and widget logic, run in Node without a browser.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
