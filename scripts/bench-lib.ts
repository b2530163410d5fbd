/**
 * Timing helpers for `npm run bench`. The team's rule: speed is a ratio against a baseline measured in the same
 * run, printed beside it, never a timed assertion in a unit test. These helpers only measure and format; they
 * never decide whether something is "fast enough".
 */
import { readFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBridge, TOKEN_COOKIE, type Bridge, type BridgeOptions } from '../electron/core/bridge/server.js';
import { launchChromium } from './chromium.js';

function checkedSorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no values');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('values must be finite numbers');
  return [...values].sort((a, b) => a - b);
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = checkedSorted(values);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Nearest-rank percentile: the smallest observed value such that at least p % of the values are ≤ it
 * (rank ⌈p/100 × n⌉, at least 1). Always one of the observed values, never an interpolation, so a p99 over
 * 20 runs is honestly the slowest run. For an even count, percentile(values, 50) is the lower middle value
 * and may differ from `median`.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = checkedSorted(values);
  // p × n first: exact for integer p, so ⌈⌉ does not suffer from 0.95 × 20 = 18.999…; the epsilon covers fractional p.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100 - 1e-9));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function mean(values: readonly number[]): number {
  checkedSorted(values);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export interface Stats {
  runs: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(samples: readonly number[]): Stats {
  const sorted = checkedSorted(samples);
  return {
    runs: sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: mean(sorted),
    median: median(sorted),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

export interface MeasureOptions {
  /** Untimed calls first (JIT, caches, lazy font loading). */
  warmup: number;
  /** Timed calls. */
  runs: number;
  /** Run a full garbage collection (untimed) before every timed call, when V8 allows it (see `collectGarbage`). */
  gcBeforeEachRun?: boolean;
  /** Called after each timed run with its index (0-based) and milliseconds, e.g. to print progress. */
  onRun?: (index: number, ms: number) => void;
  /**
   * Untimed work before every call of `measureAgainst`, warm-ups included: `which` is the call that follows (e.g. a
   * fresh copy of a database for a subject that writes to it). Its time is never counted.
   */
  prepare?: (which: 'subject' | 'baseline') => unknown;
}

export interface Measurement extends Stats {
  /** Milliseconds of each timed run, in the order they ran. */
  samples: number[];
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function checkOptions(options: MeasureOptions): void {
  if (!Number.isInteger(options.warmup) || options.warmup < 0) throw new RangeError('warmup must be a whole number ≥ 0');
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError('runs must be a whole number ≥ 1');
}

/**
 * Milliseconds of one call. The clock stops before this function returns, so awaiting it adds nothing; a
 * synchronous `fn` is timed with no await at all, so sub-millisecond operations (one insert) are not inflated by a
 * microtask turn; an async `fn` is timed until its promise settles.
 */
async function timeCall(fn: () => unknown): Promise<number> {
  const start = performance.now();
  const result = fn();
  if (isThenable(result)) await result;
  return performance.now() - start;
}

async function untimed(fn: () => unknown): Promise<void> {
  const result = fn();
  if (isThenable(result)) await result;
}

/**
 * Calls `fn` `warmup` times untimed, then `runs` times timed, one call after the other (an async `fn` is awaited
 * before the next call starts). Times are wall-clock milliseconds.
 */
export async function measure(fn: () => unknown, options: MeasureOptions): Promise<Measurement> {
  checkOptions(options);
  for (let i = 0; i < options.warmup; i += 1) await untimed(fn);
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    if (options.gcBeforeEachRun) collectGarbage();
    const ms = await timeCall(fn);
    samples.push(ms);
    options.onRun?.(i, ms);
  }
  return { ...summarise(samples), samples };
}

/**
 * Measures a subject and its baseline in alternation, so that both see the same machine: a load that comes and goes
 * (another process, thermal throttling) shifts both series, not only one, and the ratio stays meaningful. Warm-ups
 * alternate too; timed rounds alternate which of the two goes first, so neither always pays for the other's garbage.
 * `onRun` receives the subject's runs only.
 */
export async function measureAgainst(
  subject: () => unknown,
  baseline: () => unknown,
  options: MeasureOptions,
): Promise<{ subject: Measurement; baseline: Measurement }> {
  checkOptions(options);
  const prepare = (which: 'subject' | 'baseline') => untimed(() => options.prepare?.(which));
  for (let i = 0; i < options.warmup; i += 1) {
    await prepare('baseline');
    await untimed(baseline);
    await prepare('subject');
    await untimed(subject);
  }
  const samples = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < options.runs; i += 1) {
    const order = i % 2 === 0 ? (['baseline', 'subject'] as const) : (['subject', 'baseline'] as const);
    for (const which of order) {
      await prepare(which);
      if (options.gcBeforeEachRun) collectGarbage();
      const ms = await timeCall(which === 'subject' ? subject : baseline);
      samples[which].push(ms);
      if (which === 'subject') options.onRun?.(i, ms);
    }
  }
  return {
    subject: { ...summarise(samples.subject), samples: samples.subject },
    baseline: { ...summarise(samples.baseline), samples: samples.baseline },
  };
}

let gcFunction: (() => void) | null | undefined;

/**
 * Runs a full garbage collection when V8 allows it (used between measurement blocks, never inside one, so that
 * the garbage of one figure is not collected on the clock of the next). Returns whether it ran.
 */
export function collectGarbage(): boolean {
  if (gcFunction === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFunction = runInNewContext('gc') as () => void;
    } catch {
      gcFunction = null;
    }
  }
  if (!gcFunction) return false;
  gcFunction();
  return true;
}

/** Milliseconds with three significant digits: "0.0421 ms", "4.21 ms", "421 ms", "4.21 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a duration: ${ms}`);
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : ms >= 10_000 ? 1 : 2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${Number(ms.toPrecision(3))} ms`;
}

/** value ÷ baseline with three significant digits: "×0.512", "×3.07", "×30.7", "×307". */
export function formatRatio(value: number, baseline: number): string {
  if (!(baseline > 0) || !Number.isFinite(value)) return 'n/a';
  const r = value / baseline;
  if (r >= 100) return `×${r.toFixed(0)}`;
  if (r >= 10) return `×${r.toFixed(1)}`;
  if (r >= 1) return `×${r.toFixed(2)}`;
  return `×${Number(r.toPrecision(3))}`;
}

export interface BenchRow {
  /** What is measured, including the statistic (median, p95). */
  figure: string;
  /** Milliseconds (or key presses, with `unit: 'keys'`). */
  value: number;
  baseline: string;
  /** The baseline in the same unit, same statistic, same run of the script. */
  baselineValue: number;
  unit?: 'ms' | 'keys' | 'MB';
}

function formatValue(value: number, unit: BenchRow['unit']): string {
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  return unit === 'keys' ? `${value} keys` : formatMs(value);
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The Markdown table | figure | value | baseline | baseline value | ratio | (ratio = value ÷ baseline value). */
export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| figure | value | baseline | baseline value | ratio |', '|---|---:|---|---:|---:|'];
  for (const r of rows) {
    lines.push(
      `| ${cell(r.figure)} | ${formatValue(r.value, r.unit)} | ${cell(r.baseline)} | ${formatValue(r.baselineValue, r.unit)} | ${formatRatio(r.value, r.baselineValue)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  const list = cpus();
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, node: process.version, os: `${platform()} ${release()}` };
}

// ---------------------------------------------------------------------------------------------------------------
// The renderer's first screen: its files, and a Chromium + HTTP bridge harness to load it
// ---------------------------------------------------------------------------------------------------------------

export interface FirstScreenFile {
  /** Path inside the built renderer folder ("index.html", "assets/index-abc.js"). */
  path: string;
  bytes: number;
  /** Size after gzip -9, as the HTTP bridge sends it to a browser that accepts gzip. */
  gzipBytes: number;
}

/** `import … from "./x.js"` and `import "./x.js"` in built code: static imports only, never `import(`. */
const STATIC_IMPORT = /\bimport\s*(?:[^()"'`;]*?\bfrom\s*)?["'](\.\/[\w.-]+\.js)["']/g;

/**
 * What a browser must fetch before the first screen can run: index.html, its entry script, the scripts and
 * stylesheets it names, and every chunk those scripts import statically (chunks loaded with `import()` are not
 * counted: they load when a screen that needs them opens). Reads a built renderer folder (out/renderer).
 */
export function firstScreenFiles(rendererDir: string): FirstScreenFile[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
  if (!named.some((p) => p.endsWith('.js'))) throw new Error(`${rendererDir}/index.html names no script: is the renderer built?`);
  const seen = new Set<string>(['index.html']);
  const queue = [...named];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.endsWith('.js')) continue;
    const code = readFileSync(join(rendererDir, path), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(join(dirname(path), m[1]!));
  }
  return [...seen].map((path) => {
    const bytes = readFileSync(join(rendererDir, path));
    return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

export interface BrowserBench {
  bridge: Bridge;
  browser: Browser;
  /** http://127.0.0.1:PORT (no token: every page made by `newPage` already holds the token cookie). */
  origin: string;
  /**
   * A fresh browser context (empty cache, empty localStorage, as a first start) holding the bridge's token cookie,
   * and a page in it at 1366×768 (a juror's laptop). Close the context after use.
   */
  newPage(options?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * The app as a browser sees it, for benchmarks that drive the real UI: the HTTP bridge over a core's `dispatch`,
 * serving a built renderer folder, and Debian's Chromium. E.g.
 * `const bench = await openBrowserBench({ dispatch: core.dispatch, staticDir: 'out/renderer' });
 *  const { context, page } = await bench.newPage(); await page.goto(bench.origin); … await context.close();`
 */
export async function openBrowserBench(options: { dispatch: BridgeOptions['dispatch']; staticDir: string }): Promise<BrowserBench> {
  const bridge = await startBridge({ dispatch: options.dispatch, staticDir: options.staticDir });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await bridge.close();
    throw error;
  }
  const origin = new URL(bridge.url).origin;
  return {
    bridge,
    browser,
    origin,
    newPage: async ({ locale = 'id-ID' } = {}) => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
      await context.addCookies([{ name: TOKEN_COOKIE, value: bridge.token, url: origin, httpOnly: true, sameSite: 'Strict' }]);
      return { context, page: await context.newPage() };
    },
    close: async () => {
      await browser.close();
      await bridge.close();
    },
  };
}
