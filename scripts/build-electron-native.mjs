// Builds better-sqlite3 for Electron's ABI into .electron-native/ (`npm run build:native`; `npm start` runs it
// when the build is missing or stale). The copy in node_modules stays built for Node, which the tests, the CLI
// and the browser mode load; Electron's main process loads .electron-native/better_sqlite3.node instead through
// better-sqlite3's `nativeBinding` option (electron/main/index.ts). Packaged apps do not use this folder:
// electron-builder rebuilds node_modules itself (electron-builder.yml, npmRebuild).
//
// It needs the network on first use: a prebuilt binary from better-sqlite3's releases, or else Electron's
// headers (https://www.electronjs.org/headers) and a C++ toolchain (python3, make, g++; on Windows the Visual
// Studio Build Tools) to compile from source.
//
// Usage: node scripts/build-electron-native.mjs [--if-needed]
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const NATIVE_DIR = join(ROOT, '.electron-native');
/** The addon Electron's main process loads in development (the same path is in electron/main/index.ts). */
export const NATIVE_BINDING = join(NATIVE_DIR, 'better_sqlite3.node');
const STAMP = join(NATIVE_DIR, 'build.json');

/** @param {string} name */
function packageVersion(name) {
  return /** @type {{ version: string }} */ (require(`${name}/package.json`)).version;
}

/** What the addon was built for: rebuilt whenever one of these changes (an Electron or better-sqlite3 upgrade). */
export function wantedBuild() {
  return {
    electron: packageVersion('electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
}

export function nativeBuildIsCurrent() {
  if (!existsSync(NATIVE_BINDING) || !existsSync(STAMP)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(STAMP, 'utf8'))) === JSON.stringify(wantedBuild());
  } catch {
    return false;
  }
}

export async function buildElectronNative() {
  // npm passes the user's `nodedir` config (this kind of machine sets nodedir=/usr for Node's own headers) to
  // every script as npm_config_nodedir. node-gyp would then compile against Node 20's headers instead of
  // Electron's: a build that succeeds and then crashes inside Electron. So it goes, in any spelling.
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  }
  const wanted = wantedBuild();
  const source = resolve(require.resolve('better-sqlite3/package.json'), '..');
  const moduleDir = join(NATIVE_DIR, 'node_modules', 'better-sqlite3');

  // A private copy of the package (without the Node build) in a project of its own, so that @electron/rebuild
  // cannot reach the node_modules folder of the repository.
  rmSync(NATIVE_DIR, { recursive: true, force: true });
  mkdirSync(moduleDir, { recursive: true });
  cpSync(source, moduleDir, {
    recursive: true,
    filter: (path) => {
      const inside = relative(source, path);
      return (
        inside !== 'build' && !inside.startsWith(`build${sep}`) && inside !== 'node_modules' && !inside.startsWith(`node_modules${sep}`)
      );
    },
  });
  writeFileSync(
    join(NATIVE_DIR, 'package.json'),
    `${JSON.stringify({ name: 'penilai-electron-native', private: true, dependencies: { 'better-sqlite3': wanted.betterSqlite3 } }, null, 2)}\n`,
  );

  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: NATIVE_DIR,
    // Stops the search for node_modules folders at .electron-native/ (by default it walks up into the repository's).
    projectRootPath: NATIVE_DIR,
    electronVersion: wanted.electron,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });

  const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`@electron/rebuild finished but ${built} does not exist`);
  copyFileSync(built, NATIVE_BINDING);
  writeFileSync(STAMP, `${JSON.stringify(wanted, null, 2)}\n`);
  return NATIVE_BINDING;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (process.argv.includes('--if-needed') && nativeBuildIsCurrent()) {
    console.log(`better-sqlite3 for Electron ${wantedBuild().electron} is up to date: ${NATIVE_BINDING}`);
  } else {
    try {
      const file = await buildElectronNative();
      console.log(`better-sqlite3 built for Electron ${wantedBuild().electron}: ${file}`);
    } catch (error) {
      console.error(`build-electron-native: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    }
  }
}
