/**
 * The Electron main process: the thin shell around the Node core. It opens the core on the user's database,
 * registers one IPC handler per contract channel, forwards the core's events to the window, applies the security
 * settings and shows one window. Everything it calls is plain Node code tested without Electron; this file is the
 * only main-process file importing electron's values (see docs/electron.md).
 *
 * Usage: `npm start -- [--db FILE]`, or the packaged app `Penilai [--db FILE]`.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { UserError } from '../../shared/domain/errors.js';
import { DATABASE_FILE, defaultDataDir } from '../core/app.js';
import { openAppHost, type AppHost } from '../core/backup/host.js';
import type { FileDialogs } from '../core/deps.js';
import { moveRoamingData } from './data-folder.js';
import { forwardEvents, isAppTopFrame, registerIpcHandlers } from './ipc.js';
import { menuTemplate } from './menu.js';
import { safeStorageProtector } from './key-store.js';
import { openedPaths } from './open-files.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appProtocolHandler } from './protocol.js';
import { askBeforeUnload } from './unload.js';
import { enforceContentSecurityPolicy, hardenWebContents, restrictPermissions, secureWebPreferences } from './security.js';

// Built layout (electron-vite): out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const PDF_WORKER = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
/** Set by `electron-vite dev` for hot reload; ignored in a packaged app. */
const DEV_SERVER = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
/** Where the app's own pages live: the dev server's origin, or app://penilai/ (the built renderer, protocol.ts). */
const APP_ORIGIN = DEV_SERVER ? new URL(DEV_SERVER).origin : APP_URL;
/** better-sqlite3 built for Electron's ABI by scripts/build-electron-native.mjs (same path there). */
const DEV_NATIVE_BINDING = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node');

// Before the app is ready: the app's scheme, and the data in the local app data folder (on Windows %LOCALAPPDATA%,
// never the roaming profile, which would copy the database and this laptop's device key to other machines; data an
// earlier version left there is moved once, and used where it is if it cannot be). The single-instance lock lives
// there too, so this comes first.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
const dataMove = moveRoamingData();
app.setPath('userData', 'failed' in dataMove ? dataMove.from : defaultDataDir());

let core: AppHost | null = null;
let mainWindow: BrowserWindow | null = null;
/** Files asked to be opened before the core was ready (the command line, macOS's early `open-file`). */
const waitingFiles: string[] = openedPaths(process.argv.slice(1));

/** Hands files opened with the app to the core, which keeps them for the renderer and announces them. */
function openFiles(paths: readonly string[]): void {
  if (!core) return void waitingFiles.push(...paths);
  for (const path of paths) {
    try {
      core.openFile(path);
    } catch (error) {
      dialog.showErrorBox('Penilai', `${path}: ${(error as Error).message}`);
    }
  }
}

function databasePath(): string {
  // strict: false because Chromium's own switches may be on the command line too.
  const { values } = parseArgs({ args: process.argv.slice(1), options: { db: { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values.db === 'string' ? resolve(values.db) : join(app.getPath('userData'), DATABASE_FILE);
}

function nativeBinding(): string | undefined {
  // Packaged: electron-builder rebuilt node_modules/better-sqlite3 for Electron (npmRebuild), so the default load works.
  if (app.isPackaged) return undefined;
  if (!existsSync(DEV_NATIVE_BINDING)) throw new Error(`${DEV_NATIVE_BINDING} is missing: run \`npm run build:native\` first.`);
  return DEV_NATIVE_BINDING;
}

/** Files leave the app only through the user's own save dialog; the renderer gives a name, never a path. */
const dialogs: FileDialogs = {
  async saveFile(name, bytes) {
    const path = await dialogs.choosePath(name);
    if (path) await writeFile(path, bytes);
    return path;
  },
  async choosePath(name) {
    const options = { defaultPath: join(app.getPath('documents'), basename(name)) };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  // The PDF in a window of its own (Chromium's PDF viewer), then Electron's print dialog for it.
  async printFile(path) {
    const viewer = new BrowserWindow({
      width: 900,
      height: 1000,
      title: basename(path),
      // No preload: the viewer shows a file, it never talks to the core.
      webPreferences: { ...secureWebPreferences(undefined, app.isPackaged), plugins: true },
    });
    await viewer.loadURL(pathToFileURL(path).href);
    return new Promise<boolean>((done) => viewer.webContents.print({}, (printed) => done(printed)));
  },
};

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Penilai',
    webPreferences: secureWebPreferences(PRELOAD, app.isPackaged),
  });
  window.once('ready-to-show', () => window.show());
  askBeforeUnload(window.webContents, (q) =>
    dialog.showMessageBoxSync(window, {
      type: 'question',
      title: q.title,
      message: q.message,
      detail: q.detail,
      buttons: q.buttons,
      defaultId: 1,
      cancelId: 1,
    }),
  );
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(DEV_SERVER ?? `${APP_URL}index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  // GET only, files of the build folder only.
  session.defaultSession.protocol.handle(APP_SCHEME, appProtocolHandler(RENDERER_DIR));
  // No reload and no developer tools in the packaged app.
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(app.isPackaged, process.platform)));
  restrictPermissions(session.defaultSession, APP_ORIGIN);
  enforceContentSecurityPolicy(session.defaultSession);
  const resources = { dir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources') };
  const binding = nativeBinding();
  core = openAppHost({
    autoBackup: true,
    database: databasePath(),
    resources,
    version: app.getVersion(),
    desktop: true,
    dialogs,
    pdfWorker: PDF_WORKER,
    // The installation's device identity and key live beside the app's data, never in the database file.
    home: app.getPath('userData'),
    // Its private key sealed by the OS keychain where there is one (else the scrypt secret, as the command line).
    keyProtector: safeStorageProtector(safeStorage),
    ...(binding ? { nativeBinding: binding } : {}),
  });
  registerIpcHandlers(ipcMain, core.dispatch, (event) => isAppTopFrame(event.senderFrame, APP_ORIGIN));
  forwardEvents(core.events, () => mainWindow?.webContents);
  mainWindow = createWindow();
  openFiles(waitingFiles.splice(0));
}

// One instance per user: two would open the same database and fight over its writes.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    openFiles(openedPaths(argv.slice(1)));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS: a file double-clicked in the Finder (may arrive before the app is ready).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  // Every webContents the app ever creates gets the navigation rules, not only the main window's.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN, (url) => shell.openExternal(url)));
  app.on('activate', () => {
    if (core && !mainWindow) mainWindow = createWindow();
  });
  // The app is its one window, on macOS too: closing it ends the session and closes the database.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
  start().catch((error: unknown) => {
    const message =
      error instanceof UserError ? `${error.describe('id')}\n\n${error.describe('en')}` : String((error as Error).stack ?? error);
    dialog.showErrorBox('Penilai', message);
    app.exit(1);
  });
}
