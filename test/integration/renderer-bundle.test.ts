/**
 * The built renderer (out/renderer, written by `npm run build` before vitest runs in `npm test`): what the first
 * screen must download stays small. The app loads like a desktop app only if the browser has little to fetch and
 * parse before the Lomba screen takes input; the time itself is measured by `npm run bench`, not here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenFiles } from '../../scripts/bench-lib.js';
import { REPO_ROOT } from '../support/core.js';

const DIR = join(REPO_ROOT, 'out', 'renderer');
/** The budget of issue 7: at most 160 KB gzip for everything the first screen loads. */
const BUDGET = 160_000;

function listing(files: ReturnType<typeof firstScreenFiles>): string {
  return files.map((f) => `  ${f.path}: ${f.bytes} bytes, ${f.gzipBytes} gzip`).join('\n');
}

describe('the first screen’s download', () => {
  it('is built (run `npm run build` first)', () => {
    expect(existsSync(join(DIR, 'index.html')), `${DIR}/index.html is missing: run npm run build`).toBe(true);
  });

  it(`is at most ${BUDGET / 1000} KB gzip: index.html, the entry script, its static imports and the stylesheet`, () => {
    const files = firstScreenFiles(DIR);
    const total = files.reduce((s, f) => s + f.gzipBytes, 0);
    expect(files.map((f) => f.path)).toContain('index.html');
    expect(files.some((f) => /^assets\/index-[\w-]+\.js$/.test(f.path))).toBe(true);
    expect(files.some((f) => f.path.endsWith('.css'))).toBe(true);
    expect(
      total,
      `the first screen loads ${total} bytes gzip, over the budget of ${BUDGET}: minify the renderer (electron.vite.config.ts) and load what the first screen does not need with import():\n${listing(files)}`,
    ).toBeLessThanOrEqual(BUDGET);
  });

  it('is minified and leaves the setup workspace, the other screens and zod to be loaded when needed', () => {
    const files = firstScreenFiles(DIR);
    for (const file of files.filter((f) => f.path.endsWith('.js'))) {
      const code = readFileSync(join(DIR, file.path), 'utf8');
      // Unminified output keeps one module per comment line and indentation; minified code has very long lines.
      expect(code.split('\n').length, `${file.path} looks unminified`).toBeLessThan(50);
      expect(code.includes('_zod'), `${file.path} holds zod's validation code, which the first screen does not use`).toBe(false);
    }
    const names = files.map((f) => f.path).join(' ');
    for (const chunk of ['SetupWorkspace', 'PenilaianScreen', 'RekapScreen', 'LaporanScreen']) {
      expect(names, `${chunk} should be a chunk of its own, loaded with import()`).not.toContain(chunk);
    }
  });
});
