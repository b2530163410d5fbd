/**
 * The security settings of the shell, applied to stand-ins for webContents and session (Electron cannot run
 * here): web preferences, navigation and window denial, external links, permissions and device pickers, the menu
 * without reload or developer tools, and the CSP header.
 */
import type { MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/platform/csp.js';
import {
  enforceContentSecurityPolicy,
  externalHttpsUrl,
  hardenWebContents,
  isPermissionAllowed,
  restrictPermissions,
  secureWebPreferences,
} from '../../electron/main/security.js';
import { DEVELOPER_ROLES, menuTemplate } from '../../electron/main/menu.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every source file reachable from `entry` through relative imports (static, dynamic, re-exports, types too). */
function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = resolve(dirname(file), fileName).replace(/\.js$/, '');
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (found) visit(found);
    }
  };
  visit(resolve(ROOT, entry));
  return [...seen].map((file) => relative(ROOT, file).replaceAll('\\', '/')).sort();
}

const APP_FOLDER = 'app://penilai/';
const APP_PAGE = `${APP_FOLDER}index.html`;

describe('secureWebPreferences', () => {
  it('says every isolation setting explicitly, and keeps the developer tools out of the packaged app', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', true)).toEqual({
      preload: '/app/out/preload/index.cjs',
      devTools: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webviewTag: false,
    });
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
    expect(secureWebPreferences(undefined, true)).not.toHaveProperty('preload');
  });
});

describe('menuTemplate', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
    ]);

  it('has no reload and no developer tools in the packaged app, on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const found = roles(menuTemplate(true, platform));
      expect(found.filter((role) => (DEVELOPER_ROLES as readonly string[]).includes(role) || /reload|devtools/i.test(role))).toEqual([]);
      // Only roles that carry no reload or tools of their own (Electron's viewMenu role would bring both back).
      expect(found.filter((role) => role === 'viewMenu' || role === 'help')).toEqual([]);
      expect(found).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'windowMenu']));
    }
    expect(roles(menuTemplate(true, 'win32'))).toEqual([
      'quit',
      'editMenu',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
      'windowMenu',
    ]);
  });

  it('adds them in development, in a menu of their own', () => {
    const template = menuTemplate(false, 'linux');
    expect(template.at(-1)).toEqual({
      label: 'Developer',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  });
});

describe('externalHttpsUrl', () => {
  it('lets only https through, normalised', () => {
    expect(externalHttpsUrl('https://www.kemendagri.go.id/page?x=1')).toBe('https://www.kemendagri.go.id/page?x=1');
    expect(externalHttpsUrl('HTTPS://Example.COM')).toBe('https://example.com/');
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'mailto:a@b.c',
      '//example.com',
      'example.com',
      '',
      'https://user:pw@example.com/',
    ]) {
      expect(externalHttpsUrl(url), url).toBeNull();
    }
  });
});

/** A stand-in webContents recording its handlers. */
function fakeContents() {
  const listeners = new Map<string, (event: { url: string; preventDefault: () => void }, ...rest: unknown[]) => void>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: typeof windowOpen) => {
      windowOpen = handler;
    },
    on: (name: string, listener: (event: { url: string; preventDefault: () => void }, ...rest: unknown[]) => void) => {
      listeners.set(name, listener);
      return contents;
    },
  };
  const fire = (name: string, url: string, ...rest: unknown[]) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)?.(event, ...rest);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, listeners, fire, open: (url: string) => windowOpen?.({ url }) };
}

describe('hardenWebContents', () => {
  it('denies every new window and opens only https links in the system browser', () => {
    const openExternal = vi.fn(async () => undefined);
    const fake = fakeContents();
    hardenWebContents(fake.contents, APP_FOLDER, openExternal);
    expect(fake.open('https://example.com/panduan')).toEqual({ action: 'deny' });
    expect(fake.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open(APP_PAGE)).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/panduan']]);
  });

  it('blocks navigation away from the app, and <webview>', () => {
    const openExternal = vi.fn(async () => undefined);
    const fake = fakeContents();
    hardenWebContents(fake.contents, APP_FOLDER, openExternal);
    expect(fake.fire('will-navigate', `${APP_PAGE}#/ranking`)).toBe(false);
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-navigate', 'file:///home/user/evil.html')).toBe(true);
    expect(fake.fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fake.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-navigate', 'app://penilai.evil.example/index.html')).toBe(true);
    expect(fake.fire('will-navigate', 'file:///opt/Penilai/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
  });

  it('answers a Bluetooth device picker with no device', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, APP_FOLDER, async () => undefined);
    const chosen: string[] = [];
    const prevented = fake.fire('select-bluetooth-device', '', [{ deviceId: 'AA:BB', deviceName: 'Headset' }], (id: string) =>
      chosen.push(id),
    );
    expect(prevented).toBe(true);
    expect(chosen).toEqual(['']);
  });
});

describe('permissions', () => {
  it('allow the camera to the app’s own pages and nothing else', () => {
    expect(isPermissionAllowed('media', APP_PAGE, ['video'], APP_FOLDER)).toBe(true);
    expect(isPermissionAllowed('media', APP_PAGE, ['audio'], APP_FOLDER)).toBe(false);
    expect(isPermissionAllowed('media', APP_PAGE, ['video', 'audio'], APP_FOLDER)).toBe(false);
    expect(isPermissionAllowed('media', APP_PAGE, [], APP_FOLDER)).toBe(false);
    expect(isPermissionAllowed('media', APP_PAGE, undefined, APP_FOLDER)).toBe(false);
    expect(isPermissionAllowed('media', 'https://evil.example/', ['video'], APP_FOLDER)).toBe(false);
    expect(isPermissionAllowed('media', undefined, ['video'], APP_FOLDER)).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'display-capture',
      'clipboard-read',
      'openExternal',
      'hid',
      'usb',
      'serial',
      'fileSystem',
      'unknown',
    ]) {
      expect(isPermissionAllowed(permission, APP_PAGE, ['video'], APP_FOLDER), permission).toBe(false);
    }
  });

  it('are answered by both session handlers', () => {
    let request: Parameters<Session['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<Session['setPermissionCheckHandler']>[0] = null;
    restrictPermissions(
      {
        setPermissionRequestHandler: (handler) => {
          request = handler;
        },
        setPermissionCheckHandler: (handler) => {
          check = handler;
        },
        setDevicePermissionHandler: () => undefined,
        on: (() => undefined) as never,
      },
      APP_FOLDER,
    );
    const answers: boolean[] = [];
    const contents = {} as WebContents;
    request!(contents, 'media', (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: APP_PAGE, mediaTypes: ['video'] });
    request!(contents, 'media', (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: APP_PAGE, mediaTypes: ['audio'] });
    request!(contents, 'geolocation', (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: APP_PAGE });
    request!(contents, 'media', (granted) => answers.push(granted), {
      isMainFrame: false,
      requestingUrl: 'https://evil.example/',
      mediaTypes: ['video'],
    });
    expect(answers).toEqual([true, false, false, false]);
    expect(check!(contents, 'media', 'app://penilai', { isMainFrame: true, requestingUrl: APP_PAGE, mediaType: 'video' })).toBe(true);
    expect(check!(contents, 'media', 'app://penilai', { isMainFrame: true, requestingUrl: APP_PAGE, mediaType: 'audio' })).toBe(false);
    expect(check!(null, 'notifications', 'app://penilai', { isMainFrame: true, requestingUrl: APP_PAGE })).toBe(false);
    expect(
      check!(contents, 'media', 'http://127.0.0.1:4817', {
        isMainFrame: false,
        requestingUrl: 'http://127.0.0.1:4817/',
        mediaType: 'video',
      }),
    ).toBe(false);
  });

  it('refuse every USB, HID and serial device, and answer their pickers with none', () => {
    let device: Parameters<Session['setDevicePermissionHandler']>[0] = null;
    const pickers = new Map<string, (...args: unknown[]) => void>();
    restrictPermissions(
      {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: (handler) => {
          device = handler;
        },
        on: ((name: string, listener: (...args: unknown[]) => void) => pickers.set(name, listener)) as never,
      },
      APP_FOLDER,
    );
    for (const deviceType of ['hid', 'usb', 'serial'] as const) {
      expect(device!({ deviceType, origin: 'app://penilai', device: {} as never }), deviceType).toBe(false);
    }
    expect([...pickers.keys()].sort()).toEqual(['select-hid-device', 'select-serial-port', 'select-usb-device']);
    const answers: unknown[][] = [];
    const prevented: string[] = [];
    for (const [name, picker] of pickers) {
      const event = { preventDefault: () => prevented.push(name) };
      const callback = (...args: unknown[]) => answers.push([name, ...args]);
      if (name === 'select-serial-port') picker(event, [{ portId: 'COM3' }], {}, callback);
      else picker(event, { deviceList: [{ deviceId: 'd1' }] }, callback);
    }
    expect(prevented.sort()).toEqual(['select-hid-device', 'select-serial-port', 'select-usb-device']);
    expect(answers.sort()).toEqual([['select-hid-device'], ['select-serial-port', ''], ['select-usb-device']]);
  });
});

describe('the shell’s imports', () => {
  it('never reach the HTTP bridge: the main process loads only what it runs (the CSP lives in core/platform/csp.ts)', () => {
    const files = importGraph('electron/main/index.ts');
    // The walk itself works: it reaches the shell's own modules, the core and the CSP module.
    expect(files).toEqual(
      expect.arrayContaining([
        'electron/main/security.ts',
        'electron/main/ipc.ts',
        'electron/core/app.ts',
        'electron/core/platform/csp.ts',
        'electron/main/protocol.ts',
        'electron/main/menu.ts',
        'electron/core/platform/static-file.ts',
      ]),
    );
    expect(files.filter((file) => file.startsWith('electron/core/bridge/'))).toEqual([]);
  });
});

describe('enforceContentSecurityPolicy', () => {
  it('adds the app’s policy to every response, keeping the other headers', () => {
    let listener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined;
    const session = { webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } } as unknown as Session;
    enforceContentSecurityPolicy(session);
    const callback = vi.fn();
    listener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
