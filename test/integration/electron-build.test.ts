/**
 * What can be checked of the desktop build without the Electron binary:
 * - `electron-vite build` (into a temp folder, so that out/ used by other tests is never touched) writes the ESM
 *   main, a CommonJS preload that runs under the sandbox's rules, and the renderer with its CSP;
 * - electron-builder.yml passes electron-builder's own schema validation;
 * - a packaging dry run (a stand-in Electron carrying the fuse sentinel, no native rebuild) lays out app.asar,
 *   the unpacked better-sqlite3 addon and the resources as the main process expects, and flips the fuses.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/platform/csp.js';
import { BRIDGE_GLOBAL, CHANNELS } from '../../shared/contract/channels.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const ELECTRON_BUILDER = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
const NODE_ADDON = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
/** @electron/fuses looks for this string in the Electron binary, followed by the wire version, its length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;

let tmp: string;
let out: string;

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The child environment of a packaging step: never Node's headers for an Electron build (docs/electron.md). */
function builderEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'penilai-electron-build-'));
  out = join(tmp, 'out');
  const build = spawnSync(process.execPath, [ELECTRON_VITE, 'build', '--outDir', out, '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (build.status !== 0) throw new Error(`electron-vite build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
}, 200_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('electron-vite build', () => {
  it('writes the ESM main, which loads the CJS preload and the built renderer and keeps native and PDF deps external', () => {
    const main = read(join(out, 'main', 'index.js'));
    expect(main).toMatch(/^import \{[^}]*\bBrowserWindow\b[^}]*\} from "electron";$/m);
    expect(main).toContain('new URL("../preload/index.cjs", import.meta.url)');
    // The renderer's folder, served as app://penilai/ (electron/main/protocol.ts), its scheme registered first.
    expect(main).toContain('new URL("../renderer/", import.meta.url)');
    expect(main).toMatch(/registerSchemesAsPrivileged\(\[/);
    expect(main).toContain('app://penilai/');
    // Loaded from node_modules at run time, never bundled.
    expect(main).toMatch(/^import \w+ from "better-sqlite3";$/m);
    // react-pdf sits in the chunk shared by main and the PDF worker (out/main/pdf-worker.js).
    const chunks = readdirSync(join(out, 'main', 'chunks')).map((f) => read(join(out, 'main', 'chunks', f)));
    expect(chunks.some((c) => /^import \{[^}]*\} from "@react-pdf\/renderer";$/m.test(c))).toBe(true);
    expect(read(join(out, 'main', 'pdf-worker.js'))).toMatch(/from "node:worker_threads"/);
    expect(main).not.toMatch(/require\(/);
    // The shell does not carry the HTTP bridge of the browser mode (its CSP comes from core/platform/csp.ts).
    for (const code of [main, ...chunks]) expect(code).not.toMatch(/Misdirected request|penilai_token|text\/event-stream/);
    // The security settings are in the bundle as written.
    expect(main).toMatch(/sandbox: true/);
    expect(main).toMatch(/contextIsolation: true/);
    expect(main).toMatch(/nodeIntegration: false/);
  });

  it('writes the preload as a small CommonJS file without zod', () => {
    const preload = read(join(out, 'preload', 'index.cjs'));
    expect(readdirSync(join(out, 'preload'))).toEqual(['index.cjs']);
    expect(preload).toContain('require("electron")');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('contextBridge.exposeInMainWorld');
    // zod's code, not the word: channels.ts's doc comment (kept with CHANNELS in the bundle) says it is zod-free.
    expect(preload).not.toMatch(/require\("zod"\)|from "zod"|safeParse|ZodError|_zod/);
    expect(preload.length).toBeLessThan(10_000);
  });

  it('runs the preload under the sandbox’s rules: only `electron` can be required, and one frozen api is exposed', () => {
    const preload = read(join(out, 'preload', 'index.cjs'));
    const exposed: [string, Record<string, unknown>][] = [];
    const invoked: unknown[][] = [];
    const listening: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push([name, api]) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
        on: (...args: unknown[]) => listening.push(args),
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(preload, { require: sandboxRequire, module, exports: module.exports, console });
    expect(exposed).toHaveLength(1);
    const [name, api] = exposed[0]!;
    expect(name).toBe(BRIDGE_GLOBAL);
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    void (api['compile.ranking'] as (input: unknown) => Promise<unknown>)({ competition: 'DEMO' });
    expect(invoked).toEqual([['penilai:compile.ranking', { competition: 'DEMO' }]]);
    // Events: one listener on the one event name, and an event reaches the callback as its value alone.
    const received: unknown[] = [];
    (api.on as (type: string, callback: (event: unknown) => void) => () => void)('progress', (event) => received.push(event));
    expect(listening.map(([name]) => name)).toEqual(['penilai:event']);
    const deliver = listening[0]![1] as (event: unknown, value: unknown) => void;
    deliver({ sender: {} }, { type: 'progress', data: { task: 'pdf', done: 1, total: 2 } });
    deliver({ sender: {} }, { type: 'shell.exec', data: {} });
    expect(received).toEqual([{ type: 'progress', data: { task: 'pdf', done: 1, total: 2 } }]);
  });

  it('writes the renderer with relative asset paths and the bridge’s Content-Security-Policy', () => {
    const html = read(join(out, 'renderer', 'index.html'));
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/src="\//);
    // The page carries the policy in a <meta> too (the bridge and app://penilai/ also send it as a header): it
    // must say what the header says (frame-ancestors has no effect in <meta>).
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'renderer/index.html has a CSP <meta>').toBeDefined();
    const directives = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d !== '' && !d.startsWith('frame-ancestors'))
        .sort();
    expect(directives(meta!)).toEqual(directives(CONTENT_SECURITY_POLICY));
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation and says what the shell relies on', async () => {
    const config = await getConfig(ROOT, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.productName).toBe('Penilai');
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3')]));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // A misspelt option is an error, not silently ignored.
    await expect(
      validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } as never }, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('packages the built app in a dry run: app.asar, the unpacked addon, the resources and the fuses', async () => {
    const config = await getConfig(ROOT, 'electron-builder.yml', null);
    const fuses = config.electronFuses as Record<string, boolean>;

    // A stand-in Electron: a file carrying the fuse wire, every configured fuse set to the opposite value.
    const dist = join(tmp, 'electron-dist');
    mkdirSync(dist);
    const wire = FUSE_ORDER.map((name) => (name in fuses ? (fuses[name] ? '0' : '1') : '0')).join('');
    writeFileSync(
      join(dist, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\nexit 1\n'),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, FUSE_ORDER.length]),
        Buffer.from(wire),
      ]),
    );
    chmodSync(join(dist, 'electron'), 0o755);

    // The project's file patterns, with out/** taken from this test's build instead of the repository's out/.
    const patterns = (config.files as (string | { filter?: string[] })[]).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    );
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    const dryRun = {
      ...config,
      files: [...patterns.filter((pattern) => pattern !== 'out/**'), { from: out, to: 'out', filter: ['**/*'] }],
      npmRebuild: false,
      electronDist: dist,
      directories: { output: join(tmp, 'release') },
    };
    writeFileSync(join(tmp, 'electron-builder.json'), JSON.stringify(dryRun));

    const addonBefore = createHash('sha256').update(readFileSync(NODE_ADDON)).digest('hex');
    const run = spawnSync(
      process.execPath,
      [ELECTRON_BUILDER, '--linux', 'dir', '--projectDir', ROOT, '--config', join(tmp, 'electron-builder.json'), '--publish', 'never'],
      {
        cwd: ROOT,
        env: builderEnv(),
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    // The Node build in node_modules (tests, CLI, browser mode) is left alone.
    expect(createHash('sha256').update(readFileSync(NODE_ADDON)).digest('hex')).toBe(addonBefore);

    const app = join(tmp, 'release', 'linux-unpacked');
    const resources = join(app, 'resources');
    const asar = require('@electron/asar') as {
      listPackage(archive: string, options: object): string[];
      extractFile(archive: string, file: string): Buffer;
    };
    const files = new Set(asar.listPackage(join(resources, 'app.asar'), {}).map((file) => file.replaceAll('\\', '/')));
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/@react-pdf/renderer/package.json',
      '/node_modules/zod/package.json',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(asar.extractFile(join(resources, 'app.asar'), 'out/renderer/index.html').toString()).toBe(
      read(join(out, 'renderer', 'index.html')),
    );
    expect(JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString())).toMatchObject({
      main: 'out/main/index.js',
      type: 'module',
    });
    // Sources and build leftovers of the addon stay out of the package.
    expect([...files].filter((file) => /better-sqlite3\/(deps|src)\/|\/obj(\.target)?\/|test_extension/.test(file))).toEqual([]);
    // The addon is unpacked beside the archive, where Electron can load it.
    expect(
      existsSync(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
    ).toBe(true);
    // process.resourcesPath/resources, as electron/main/index.ts reads it.
    expect(existsSync(join(resources, 'resources', 'instruments', 'p2wkss-provinsi.json'))).toBe(true);
    expect(existsSync(join(resources, 'resources', 'fonts', 'NotoSans-Regular.ttf'))).toBe(true);

    const binary = readFileSync(join(app, 'penilai'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    const flipped = binary.subarray(at + 2, at + 2 + FUSE_ORDER.length).toString();
    const expected = FUSE_ORDER.map((name) => (name in fuses ? (fuses[name] ? '1' : '0') : '0')).join('');
    expect(flipped).toBe(expected);
  }, 300_000);
});
