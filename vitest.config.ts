import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The installation the tests write as (its device identity and key): a fresh folder per run, never the user's own
// app data folder. Tests that need two laptops give each core its own `home`.
const home = process.env.PENILAI_TEST_HOME ?? mkdtempSync(join(tmpdir(), 'penilai-home-'));

// Three tiers: test/unit (pure functions), test/integration (real SQLite files, handlers, CLI, PDFs checked with
// poppler and qpdf), test/e2e (the built renderer in Chromium over the HTTP bridge). Workers are few: react-pdf
// can take ~1 GB for a big document, and CI has 2 cores.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    pool: 'forks',
    env: { PENILAI_HOME: home },
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
