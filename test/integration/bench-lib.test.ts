/**
 * The benchmark helpers (scripts/bench-lib.ts): the statistics against hand-computed values, and the call
 * pattern of `measure` / `measureAgainst`. No timing is asserted anywhere: speed is reported by `npm run bench`
 * as ratios against a baseline, never checked by a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  firstScreenFiles,
  formatMs,
  formatRatio,
  markdownTable,
  mean,
  measure,
  measureAgainst,
  median,
  percentile,
  summarise,
} from '../../scripts/bench-lib.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the input order', () => {
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([9, 1, 8, 2, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5); // sorted 1 2 | 3 4 → (2 + 3) / 2
    expect(median([10, 20])).toBe(15);
    expect(median([1, 1, 100, 100])).toBe(50.5);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty list and values that are not finite numbers', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('percentile (nearest rank)', () => {
  // The worked example of the nearest-rank method: 15 20 35 40 50, rank = ⌈p/100 × 5⌉.
  const five = [50, 15, 40, 20, 35];

  it('matches the hand-computed ranks of a five-value list', () => {
    expect(percentile(five, 5)).toBe(15); // ⌈0.25⌉ = 1st
    expect(percentile(five, 30)).toBe(20); // ⌈1.5⌉ = 2nd
    expect(percentile(five, 40)).toBe(20); // ⌈2⌉ = 2nd, exactly 40 % are ≤ 20
    expect(percentile(five, 50)).toBe(35); // ⌈2.5⌉ = 3rd
    expect(percentile(five, 95)).toBe(50); // ⌈4.75⌉ = 5th
    expect(percentile(five, 100)).toBe(50);
  });

  it('gives the minimum at p0 and the maximum at p100', () => {
    expect(percentile(five, 0)).toBe(15);
    expect(percentile([4, 2, 9], 100)).toBe(9);
  });

  it('computes p50, p95 and p99 of 1..20 and 1..100 without floating-point off-by-one', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted on purpose
    expect(percentile(twenty, 50)).toBe(10); // ⌈10⌉ = 10th
    expect(percentile(twenty, 95)).toBe(19); // ⌈19⌉ = 19th, not the 20th (0.95 × 20 is 18.999… in floating point)
    expect(percentile(twenty, 99)).toBe(20); // ⌈19.8⌉ = 20th: with 20 runs p99 is the slowest
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 99.5)).toBe(100); // ⌈99.5⌉ = 100th
  });

  it('always returns an observed value, so p50 of an even count is the lower middle, unlike the median', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(median(values)).toBe(5.5);
    expect(percentile([0.5, 0.25], 75)).toBe(0.5); // ⌈1.5⌉ = 2nd
  });

  it('handles a single value and repeated values', () => {
    expect(percentile([42], 0)).toBe(42);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([3, 3, 3, 7], 75)).toBe(3); // ⌈3⌉ = 3rd
    expect(percentile([3, 3, 3, 7], 76)).toBe(7); // ⌈3.04⌉ = 4th
  });

  it('refuses a percentile outside 0..100 and an empty list', () => {
    expect(() => percentile(five, -1)).toThrow(RangeError);
    expect(() => percentile(five, 101)).toThrow(RangeError);
    expect(() => percentile(five, Number.NaN)).toThrow(RangeError);
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});

describe('summarise and mean', () => {
  it('reports the hand-computed statistics of a small sample', () => {
    // sorted: 1 2 3 4 10 → mean 20 / 5 = 4; median 3; p50 ⌈2.5⌉ = 3rd = 3; p95 ⌈4.75⌉ = 5th; p99 5th.
    expect(summarise([10, 3, 1, 4, 2])).toEqual({ runs: 5, min: 1, max: 10, mean: 4, median: 3, p50: 3, p95: 10, p99: 10 });
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(() => mean([])).toThrow(RangeError);
  });
});

describe('measure', () => {
  it('makes warm-up plus timed calls, one after the other, and returns one sample per timed call', async () => {
    let calls = 0;
    const seen: number[] = [];
    const m = await measure(
      () => {
        calls += 1;
      },
      { warmup: 3, runs: 5, onRun: (i) => seen.push(i) },
    );
    expect(calls).toBe(8);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(m.samples).toHaveLength(5);
    expect(m.runs).toBe(5);
    expect(m.samples.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
    expect(m.median).toBe(median(m.samples));
    expect(m.p95).toBe(percentile(m.samples, 95));
  });

  it('awaits an async function before starting the next call', async () => {
    let running = 0;
    let mostAtOnce = 0;
    await measure(
      async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
      },
      { warmup: 1, runs: 4 },
    );
    expect(mostAtOnce).toBe(1);
    expect(running).toBe(0);
  });

  it('refuses run counts that make no sense', async () => {
    await expect(measure(() => undefined, { warmup: 0, runs: 0 })).rejects.toThrow(RangeError);
    await expect(measure(() => undefined, { warmup: -1, runs: 3 })).rejects.toThrow(RangeError);
    await expect(measure(() => undefined, { warmup: 0, runs: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('measureAgainst', () => {
  it('alternates subject and baseline, switching which goes first every round', async () => {
    const order: string[] = [];
    const { subject, baseline } = await measureAgainst(
      () => order.push('S'),
      () => order.push('B'),
      { warmup: 1, runs: 4 },
    );
    // warm-up B S, then rounds B S | S B | B S | S B
    expect(order.join('')).toBe('BS' + 'BS' + 'SB' + 'BS' + 'SB');
    expect(subject.samples).toHaveLength(4);
    expect(baseline.samples).toHaveLength(4);
  });

  it('runs the untimed preparation before every call, for the call that follows', async () => {
    const order: string[] = [];
    const { subject } = await measureAgainst(
      () => order.push('S'),
      () => order.push('B'),
      { warmup: 1, runs: 2, prepare: (which) => order.push(which === 'subject' ? 's' : 'b') },
    );
    expect(order.join('')).toBe('bBsS' + 'bBsS' + 'sSbB');
    expect(subject.samples).toHaveLength(2);
  });
});

describe('formatting', () => {
  it('formats milliseconds with three significant digits', () => {
    expect(formatMs(0.04213)).toBe('0.0421 ms');
    expect(formatMs(4.213)).toBe('4.21 ms');
    expect(formatMs(42.13)).toBe('42.1 ms');
    expect(formatMs(421.3)).toBe('421 ms');
    expect(formatMs(4213)).toBe('4.21 s');
    expect(formatMs(42130)).toBe('42.1 s');
  });

  it('formats ratios as value ÷ baseline', () => {
    expect(formatRatio(30, 10)).toBe('×3.00');
    expect(formatRatio(307, 10)).toBe('×30.7');
    expect(formatRatio(3070, 10)).toBe('×307');
    expect(formatRatio(5, 10)).toBe('×0.5');
    expect(formatRatio(5, 0)).toBe('n/a');
  });

  it('renders the Markdown table with one row per figure and escapes pipes', () => {
    const table = markdownTable([
      { figure: 'ranking | median', value: 300, baseline: 'SQL aggregate', baselineValue: 30 },
      { figure: 'pdf', value: 1500, baseline: 'pdfkit', baselineValue: 75 },
    ]);
    expect(table.split('\n')).toEqual([
      '| figure | value | baseline | baseline value | ratio |',
      '|---|---:|---|---:|---:|',
      '| ranking \\| median | 300 ms | SQL aggregate | 30.0 ms | ×10.0 |',
      '| pdf | 1.50 s | pdfkit | 75.0 ms | ×20.0 |',
      '',
    ]);
  });
});

describe('firstScreenFiles', () => {
  it('follows the page’s scripts, stylesheets and static imports, and leaves out chunks loaded with import()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'penilai-first-screen-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const files: Record<string, string> = {
        'index.html':
          '<!doctype html><html><head><link rel="icon" href="data:," /><script type="module" crossorigin src="./assets/index-a1.js"></script>' +
          '<link rel="modulepreload" crossorigin href="./assets/common-b2.js"><link rel="stylesheet" crossorigin href="./assets/index-c3.css"></head></html>',
        'assets/index-a1.js':
          'import{a as e}from"./common-b2.js";import"./deep-d4.js";const t=()=>import(`./Lazy-e5.js`),n=()=>import("./Lazy-f6.js");e(t,n);',
        'assets/common-b2.js': 'import{x}from"./deep-d4.js";export const a=x;',
        'assets/deep-d4.js': 'export const x=1;',
        'assets/Lazy-e5.js': 'import"./only-lazy-g7.js";export const L=1;',
        'assets/Lazy-f6.js': 'export const M=1;',
        'assets/only-lazy-g7.js': 'export const G=1;',
        'assets/index-c3.css': 'body{margin:0}',
      };
      for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
      const found = firstScreenFiles(dir);
      expect(found.map((f) => f.path).sort()).toEqual([
        'assets/common-b2.js',
        'assets/deep-d4.js',
        'assets/index-a1.js',
        'assets/index-c3.css',
        'index.html',
      ]);
      const index = found.find((f) => f.path === 'index.html')!;
      expect(index.bytes).toBe(Buffer.byteLength(files['index.html']!));
      expect(index.gzipBytes).toBe(gzipSync(files['index.html']!, { level: 9 }).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
