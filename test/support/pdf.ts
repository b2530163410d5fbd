/** Real PDF tools (poppler-utils, qpdf) on real files. */
import { execFileSync, spawnSync } from 'node:child_process';

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}

/** Renders pages to PNG at 50 dpi for people to look at (test-results/). */
export function renderPages(file: string, prefix: string): void {
  execFileSync('pdftoppm', ['-r', '50', '-png', file, prefix]);
}
