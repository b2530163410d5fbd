// `npm start [-- --db FILE]`: the desktop app when Electron can run here, otherwise the browser mode.
//
//   1. the Electron binary: node_modules/electron/install.js downloads it on first use (package.json's
//      allowScripts keeps electron's own postinstall from downloading it during `npm ci`);
//   2. better-sqlite3 built for Electron in .electron-native/ (scripts/build-electron-native.mjs);
//   3. `electron-vite build`, then Electron on the built app.
//
// When step 1 or 2 fails (no internet, no compiler), one line says so and the browser mode starts instead:
// the same build served by electron/web.ts, which prints its address with the per-run token. The details of
// the failure go to .electron-native/start.log.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_DIR, nativeBuildIsCurrent } from './build-electron-native.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ELECTRON_DIR = dirname(require.resolve('electron/package.json'));
const LOG = join(NATIVE_DIR, 'start.log');
const MINUTE = 60_000;
const extraArgs = process.argv.slice(2);

/**
 * Runs node on a script, output captured; says what it does only if it takes more than two seconds (a download
 * or a compile), so that a quick failure prints nothing.
 * @param {string[]} args
 * @param {{ timeoutMs: number, notice: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ ok: boolean, output: string }>}
 */
function runCaptured(args, { timeoutMs, notice, env = process.env }) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    const timer = setTimeout(() => console.log(notice), 2000);
    const finish = (/** @type {boolean} */ ok, /** @type {string} */ extra = '') => {
      clearTimeout(timer);
      resolvePromise({ ok, output: Buffer.concat(chunks).toString() + extra });
    };
    child.on('error', (error) => finish(false, `\n${error.message}`));
    child.on('close', (code, signal) => finish(code === 0, signal ? `\nstopped by ${signal} (time limit ${timeoutMs / 1000} s)` : ''));
  });
}

/** The Electron executable if it has been downloaded, read the way electron's index.js does, without triggering its download. */
function electronExecutable() {
  const pathFile = join(ELECTRON_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(ELECTRON_DIR, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

/** @returns {Promise<{ electron: string } | { failure: string }>} */
async function prepareElectron() {
  if (!electronExecutable()) {
    const step = await runCaptured([join(ELECTRON_DIR, 'install.js')], {
      timeoutMs: 10 * MINUTE,
      notice: 'Penilai: mengunduh Electron (sekali saja)… / downloading Electron (once)…',
    });
    if (!step.ok || !electronExecutable()) return { failure: `node_modules/electron/install.js failed:\n${step.output}` };
  }
  if (!nativeBuildIsCurrent()) {
    const step = await runCaptured([join(ROOT, 'scripts', 'build-electron-native.mjs')], {
      timeoutMs: 15 * MINUTE,
      notice: 'Penilai: membangun better-sqlite3 untuk Electron (sekali saja)… / building better-sqlite3 for Electron (once)…',
    });
    if (!step.ok || !nativeBuildIsCurrent()) return { failure: `scripts/build-electron-native.mjs failed:\n${step.output}` };
  }
  return { electron: /** @type {string} */ (electronExecutable()) };
}

/**
 * Runs a command with the terminal attached and resolves with its exit code. Ctrl+C reaches the child from the
 * terminal itself; this process only waits for it to finish.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function runAttached(command, args, env = process.env) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    const ignore = () => undefined;
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`penilai: ${command}: ${error.message}`);
      resolvePromise(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolvePromise(code ?? (signal ? 1 : 0));
    });
  });
}

const prepared = await prepareElectron();
if ('failure' in prepared) {
  mkdirSync(NATIVE_DIR, { recursive: true });
  writeFileSync(LOG, prepared.failure);
  console.log(
    `Penilai: runtime Electron tidak tersedia, membuka mode peramban / Electron runtime not available, opening the browser mode instead (detail: ${LOG})`,
  );
}

const built = await runAttached(process.execPath, [
  join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
  'build',
  '--logLevel',
  'warn',
]);
if (built !== 0) process.exit(built);

if ('electron' in prepared) {
  // ELECTRON_RUN_AS_NODE would turn Electron into a plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  process.exitCode = await runAttached(prepared.electron, ['.', ...extraArgs], env);
} else {
  const tsx = require.resolve('tsx/cli');
  process.exitCode = await runAttached(process.execPath, [tsx, '--tsconfig', 'electron/tsconfig.json', 'electron/web.ts', ...extraArgs]);
}
