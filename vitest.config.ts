import { defineConfig } from 'vitest/config';

// Three tiers: test/unit (pure functions), test/integration (real SQLite files, handlers, CLI, PDFs checked with
// poppler and qpdf), test/e2e (the built renderer in Chromium over the HTTP bridge). Workers are few: react-pdf
// can take ~1 GB for a big document, and CI has 2 cores.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
