import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the real `bin/narrascope.js`, which loads `dist/`: build it once first.
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 60_000,
    // Under CI also write a JSON summary, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    ...(process.env['CI'] ? { outputFile: { json: 'test-results.json' } } : {}),
    hookTimeout: 120_000,
  },
});
