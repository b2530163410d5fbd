// `npm run package [-- electron-builder options]`: the installers in release/ (by default for the machine it runs
// on: AppImage and deb on Linux, an NSIS installer on Windows; e.g. `npm run package -- --win nsis`).
//
//   1. electron-vite build (out/);
//   2. electron-builder with electron-builder.yml. Its npmRebuild step rebuilds better-sqlite3 for Electron in
//      place, in node_modules, so npm_config_nodedir is removed from its environment first: with it node-gyp
//      would compile against Node's headers and the app would crash on start;
//   3. better-sqlite3 rebuilt for Node again if step 2 changed it, so that tests, the CLI and the browser mode work.
//
// Needs the network (the Electron zip per target, and a prebuilt better-sqlite3 or Electron's headers).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE_ADDON = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** @param {string} file */
const fingerprint = (file) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null);

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  return result.status ?? 1;
}

const builderEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
const before = fingerprint(NODE_ADDON);
let status = run(process.execPath, [join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), 'build']);
if (status === 0) {
  status = run(
    process.execPath,
    [
      join(dirname(require.resolve('electron-builder/package.json')), 'cli.js'),
      '--config',
      'electron-builder.yml',
      '--publish',
      'never',
      ...process.argv.slice(2),
    ],
    builderEnv,
  );
}
if (fingerprint(NODE_ADDON) !== before) {
  console.log('Penilai: better-sqlite3 dibangun ulang untuk Node / rebuilding better-sqlite3 for Node (tests, CLI, browser mode)…');
  // With the original environment: this machine's npm_config_nodedir is exactly what the Node build needs.
  const npm = process.env.npm_execpath;
  const restored = npm ? run(process.execPath, [npm, 'rebuild', 'better-sqlite3']) : run('npm', ['rebuild', 'better-sqlite3']);
  if (restored !== 0) {
    console.error('penilai: `npm rebuild better-sqlite3` failed; run it by hand before the tests.');
    status ||= restored;
  }
}
process.exit(status);
