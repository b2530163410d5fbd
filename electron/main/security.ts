/**
 * The Electron security checklist as small functions the main entry applies (docs/electron.md explains each).
 * Electron is only a type here: the functions take the objects they harden as arguments.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/platform/csp.js';
import { isTrustedUrl } from './ipc.js';

/**
 * Said explicitly even where they are Electron's defaults, so that a reviewer sees them and a default change cannot
 * loosen them. `devTools` only in development (`packaged` false): the packaged app has no way to open them.
 */
export function secureWebPreferences(preload: string | undefined, packaged: boolean): WebPreferences {
  return {
    ...(preload === undefined ? {} : { preload }),
    devTools: !packaged,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webviewTag: false,
    // A file dropped on the window would otherwise navigate to it.
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The normalised address of an https link, or null: only https leaves the app, and only through the system browser. */
export function externalHttpsUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * No new windows, no navigation away from the app, no <webview>. A link to an https page opens in the system
 * browser instead; anything else (file:, javascript:, http:, custom schemes) is dropped.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string, openExternal: (url: string) => Promise<void>): void {
  const openOutside = (url: string) => {
    const external = externalHttpsUrl(url);
    if (external) openExternal(external).catch(() => undefined);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, appOrigin)) return;
    event.preventDefault();
    openOutside(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // navigator.bluetooth.requestDevice: the picker is answered "none" at once.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/**
 * Whether a permission may be granted: only the camera ('media' with video only, for photo evidence) and only to
 * the app's own pages. Microphone, screen capture, notifications, geolocation, devices and the rest are refused.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  mediaTypes: readonly string[] | undefined,
  appOrigin: string,
): boolean {
  if (permission !== 'media' || requestingUrl === undefined || !isTrustedUrl(requestingUrl, appOrigin)) return false;
  return mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/**
 * Both permission handlers (the request handler answers prompts, the check handler synchronous queries), and
 * devices: no USB, HID or serial device is ever granted, and their pickers are answered "none" at once.
 */
export function restrictPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>,
  appOrigin: string,
): void {
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed(permission, details.requestingUrl, mediaTypes, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl, details.mediaType === undefined ? undefined : [details.mediaType], appOrigin),
  );
}

/**
 * The app's Content-Security-Policy (the same the browser mode's HTTP bridge sends), as a response header. It covers pages served
 * over http (the electron-vite dev server); app://penilai/ sends it itself (protocol.ts), and renderer/index.html
 * says the same in its <meta> tag (checked by test/integration/electron-build.test.ts).
 */
export function enforceContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // Added, never replacing a policy the response already has: when several apply, the browser enforces all.
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
