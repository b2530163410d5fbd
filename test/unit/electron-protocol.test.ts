/**
 * The shell's `app://penilai/` protocol, called as Electron's `protocol.handle` would call it, with plain Requests
 * (Electron cannot run here), over a real folder of files: GET only, files of the build folder only, the exact
 * CSP on pages; and the data folder the shell sets as userData (the local app data folder on Windows).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/core/app.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/platform/csp.js';
import { moveRoamingData } from '../../electron/main/data-folder.js';
import { APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from '../../electron/main/protocol.js';

let dir: string;
let handler: ReturnType<typeof appProtocolHandler>;
const get = (url: string, method = 'GET') => handler({ method, url });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'penilai-protocol-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  writeFileSync(join(dir, 'package.json'), '{"name":"penilai"}');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'));
  handler = appProtocolHandler(root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app://penilai/', () => {
  it('is a standard, secure scheme with fetch and nothing more', () => {
    expect(APP_URL).toBe('app://penilai/');
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });

  it('serves the page with the exact CSP, and its files with their types', async () => {
    for (const url of ['app://penilai/index.html', 'app://penilai/', 'app://penilai/index.html?lang=en#/rekap/S01']) {
      const page = await get(url);
      expect([url, page.status]).toEqual([url, 200]);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await page.text()).toBe('<!doctype html><div id="root"></div>');
    }
    const script = await get('app://penilai/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1);');
    const font = await get('app://penilai/assets/font.woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers GET only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      expect([method, (await get('app://penilai/index.html', method)).status]).toEqual([method, 405]);
    }
  });

  it('never leaves the build folder, however the path is written', async () => {
    const refused = [
      ['app://penilai/../secret.txt', 400],
      ['app://penilai/assets/../../package.json', 400],
      ['app://penilai/%2e%2e/secret.txt', 400],
      ['app://penilai/%2E%2E/%2E%2E/package.json', 400],
      ['app://penilai/%252e%252e/secret.txt', 400],
      ['app://penilai/..%2fsecret.txt', 400],
      ['app://penilai/..%5csecret.txt', 400],
      ['app://penilai/%E0%A4%A', 400],
      ['app://penilai/index.html%00', 400],
      ['app://penilai/assets/link.js', 404],
      ['app://penilai/assets/missing.js', 404],
      ['app://penilai/assets', 404],
      ['app://evil/index.html', 404],
      ['app://penilai.evil/index.html', 404],
      ['file:///etc/passwd', 404],
    ] as const;
    for (const [url, status] of refused) {
      const reply = await get(url);
      expect([url, reply.status]).toEqual([url, status]);
      const text = await reply.text();
      expect(text).not.toContain('secret');
      expect(text).not.toContain('"name":"penilai"');
    }
  });
});

describe('the data folder (Electron userData)', () => {
  it('is the local app data folder on Windows, never the roaming one', () => {
    const env = { APPDATA: 'C:\\Users\\siti\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\siti\\AppData\\Local' };
    expect(defaultDataDir(env, 'win32')).toBe(join('C:\\Users\\siti\\AppData\\Local', 'Penilai'));
    expect(defaultDataDir({ APPDATA: env.APPDATA }, 'win32')).toBe(join(homedir(), 'AppData', 'Local', 'Penilai'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/siti/.config' }, 'linux')).toBe(join('/home/siti/.config', 'Penilai'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Penilai'));
  });

  it('moves the data an earlier version kept in the roaming folder, once, never over existing local data', () => {
    const base = join(dir, 'win');
    const env = { APPDATA: join(base, 'Roaming'), LOCALAPPDATA: join(base, 'Local') };
    const roaming = join(env.APPDATA, 'Penilai');
    const local = join(env.LOCALAPPDATA, 'Penilai');
    expect(moveRoamingData(env, 'win32')).toEqual({ moved: false }); // nothing there
    mkdirSync(roaming, { recursive: true });
    writeFileSync(join(roaming, 'penilai.sqlite'), 'db');
    writeFileSync(join(roaming, 'device.key'), 'key');
    expect(moveRoamingData(env, 'linux')).toEqual({ moved: false });
    expect(existsSync(roaming)).toBe(true);
    expect(moveRoamingData(env, 'win32')).toEqual({ moved: true, from: roaming, to: local });
    expect(existsSync(roaming)).toBe(false);
    expect(readFileSync(join(local, 'penilai.sqlite'), 'utf8')).toBe('db');
    expect(readFileSync(join(local, 'device.key'), 'utf8')).toBe('key');
    // Roaming data again (an old version ran since): the local folder wins and nothing moves.
    mkdirSync(roaming, { recursive: true });
    writeFileSync(join(roaming, 'penilai.sqlite'), 'older');
    expect(moveRoamingData(env, 'win32')).toEqual({ moved: false });
    expect(readFileSync(join(local, 'penilai.sqlite'), 'utf8')).toBe('db');
    expect(readFileSync(join(roaming, 'penilai.sqlite'), 'utf8')).toBe('older');
  });

  it('says when the move fails, and leaves the roaming data where it is (the shell then uses it there)', () => {
    const base = join(dir, 'win-blocked');
    mkdirSync(base, { recursive: true });
    const env = { APPDATA: join(base, 'Roaming'), LOCALAPPDATA: join(base, 'Local') };
    writeFileSync(env.LOCALAPPDATA, 'a file where the local folder should be');
    const roaming = join(env.APPDATA, 'Penilai');
    mkdirSync(roaming, { recursive: true });
    writeFileSync(join(roaming, 'penilai.sqlite'), 'db');
    const move = moveRoamingData(env, 'win32');
    expect(move).toMatchObject({ moved: false, from: roaming });
    expect('failed' in move && move.failed.length > 0).toBe(true);
    expect(readFileSync(join(roaming, 'penilai.sqlite'), 'utf8')).toBe('db');
  });
});
