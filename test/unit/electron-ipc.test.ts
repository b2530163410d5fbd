/**
 * The main process's IPC wrapper, driven with a stand-in ipcMain under plain Node and the real core (a temp
 * SQLite file): one handler per contract channel, calls from anything but the app's top frame refused, payloads
 * validated by the core's dispatch, results returned as values.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, ipcName } from '../../shared/contract/channels.js';
import type { Result } from '../../shared/contract/schemas.js';
import { openCore, type Core } from '../../electron/core/app.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { createEventBus } from '../../electron/core/platform/events.js';
import { forwardEvents, isAppTopFrame, isTrustedUrl, registerIpcHandlers } from '../../electron/main/ipc.js';
import type { PenilaiEvent } from '../../shared/contract/events.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;

const APP_FOLDER = 'app://penilai/';
const APP_PAGE = `${APP_FOLDER}index.html`;

/** A stand-in for ipcMain that records what is registered, refusing a second handler for a name as Electron does. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
}

/** An invoke event as Electron builds it, reduced to what the sender check reads. */
function eventFrom(url: string, options: { subframe?: boolean; destroyed?: boolean } = {}): IpcMainInvokeEvent {
  const top = { url: APP_PAGE, parent: null };
  const senderFrame = options.destroyed ? null : { url, parent: options.subframe ? top : null };
  return { senderFrame } as unknown as IpcMainInvokeEvent;
}

let dir: string;
let core: Core;
let ipc: ReturnType<typeof fakeIpcMain>;
let registered: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'penilai-ipc-'));
  core = openCore({
    database: join(dir, 'penilai.sqlite'),
    resources: repositoryResources(),
    version: 'test',
    desktop: true,
    log: () => {},
  });
  ipc = fakeIpcMain();
  registered = registerIpcHandlers(ipc, core.dispatch, (event) => isAppTopFrame(event.senderFrame, APP_FOLDER));
});

afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function invoke(channel: (typeof CHANNELS)[number], payload: unknown, event = eventFrom(APP_PAGE)) {
  const listener = ipc.handlers.get(ipcName(channel));
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(event, payload);
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel, and nothing else', () => {
    const expected = CHANNELS.map(ipcName);
    expect([...ipc.handlers.keys()].sort()).toEqual([...expected].sort());
    expect(registered).toEqual(expected);
    expect(ipc.handlers.size).toBe(CHANNELS.length);
  });

  it('answers a valid call from the app with an ok value', async () => {
    const info = await invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { version: 'test', desktop: true } });
    const list = await invoke('setup.list', {});
    expect(list).toEqual({ ok: true, value: [] });
  });

  it('returns a bad payload as an invalid value from the core, never as a thrown error', async () => {
    for (const payload of [{ code: 42 }, { code: '' }, { code: 'A', extra: true }, 'not an object', [1, 2]]) {
      const result = await invoke('setup.get', payload);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid');
    }
    const score = await invoke('scoring.setScore', { competition: 'X', juror: 'J', site: 'S', indicator: 'I', value: 'tinggi' });
    expect(score).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('passes the core failures through as values', async () => {
    const missing = await invoke('setup.get', { code: 'TIDAK-ADA' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', key: 'competition.notFound' } });
  });

  it('refuses calls that do not come from the app’s own top frame, before dispatch sees them', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden', key: 'error.forbiddenSender', params: {} } };
    const untrusted = [
      eventFrom('https://evil.example/index.html'),
      eventFrom('file:///home/user/Downloads/evil.html'),
      eventFrom(APP_PAGE, { subframe: true }),
      eventFrom(APP_PAGE, { destroyed: true }),
    ];
    for (const event of untrusted) {
      // createDemo would write to the database if it got through.
      expect(await invoke('setup.createDemo', {}, event)).toEqual(forbidden);
    }
    expect(await invoke('setup.list', {})).toEqual({ ok: true, value: [] });
  });

  it('turns a dispatch that throws (a bug in the core) into an internal error value', async () => {
    const local = fakeIpcMain();
    registerIpcHandlers(
      local,
      async () => {
        throw new Error('boom');
      },
      () => true,
    );
    const listener = local.handlers.get(ipcName('app.info'));
    expect(await listener?.(eventFrom(APP_PAGE), {})).toEqual({
      ok: false,
      error: { code: 'internal', key: 'error.internal', params: { detail: 'boom' } },
    });
  });
});

describe('isTrustedUrl', () => {
  it('trusts the built renderer’s pages and the dev server’s origin', () => {
    expect(isTrustedUrl(APP_PAGE, APP_FOLDER)).toBe(true);
    expect(isTrustedUrl(`${APP_FOLDER}assets/index-abc.js`, APP_FOLDER)).toBe(true);
    expect(isTrustedUrl(`${APP_PAGE}#/penilaian`, APP_FOLDER)).toBe(true);
    expect(isTrustedUrl(`${APP_PAGE}?lang=en`, APP_FOLDER)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    // Any path of app://penilai is the build folder's or nothing (protocol.ts answers it).
    expect(isTrustedUrl('app://penilai/assets/../index.html', APP_FOLDER)).toBe(true);
  });

  it.each([
    ['another host spelled like ours', 'https://localhost:5173.evil.com/', 'http://localhost:5173'],
    ['a subdomain of an attacker', 'http://localhost.evil.com:5173/', 'http://localhost:5173'],
    ['credentials in front of another host', 'http://localhost:5173@evil.com/', 'http://localhost:5173'],
    ['credentials in front of our host', 'http://user:pass@localhost:5173/', 'http://localhost:5173'],
    ['another port', 'http://localhost:5174/', 'http://localhost:5173'],
    ['https for http', 'https://localhost:5173/', 'http://localhost:5173'],
    ['a look-alike of an https app', 'https://app.evil.com/', 'https://app'],
    ['the built renderer as a file', 'file:///opt/Penilai/resources/app.asar/out/renderer/index.html', APP_FOLDER],
    ['file://evil', 'file://evil', APP_FOLDER],
    ['another local file', 'file:///home/user/Downloads/index.html', APP_FOLDER],
    ['another host of our scheme', 'app://evil/index.html', APP_FOLDER],
    ['a host that starts like ours', 'app://penilai.evil.example/index.html', APP_FOLDER],
    ['our host with a port', 'app://penilai:8080/index.html', APP_FOLDER],
    ['credentials in front of our host', 'app://user@penilai/index.html', APP_FOLDER],
    ['credentials in front of another host', 'app://penilai@evil/index.html', APP_FOLDER],
    ['our host under http', 'http://penilai/index.html', APP_FOLDER],
    ['our scheme without a host', 'app:index.html', APP_FOLDER],
    ['our scheme with an empty host', 'app:///index.html', 'app:///'],
    ['javascript:', 'javascript:alert(1)', APP_FOLDER],
    ['javascript: against the dev server', 'javascript:fetch("http://localhost:5173")', 'http://localhost:5173'],
    ['data:', 'data:text/html,<script>alert(1)</script>', APP_FOLDER],
    ['blob: of another origin', 'blob:https://evil.com/1234', 'http://localhost:5173'],
    ['a relative path', 'index.html', APP_FOLDER],
    ['an absolute path', '/index.html', APP_FOLDER],
    ['a protocol-relative URL', '//localhost:5173/', 'http://localhost:5173'],
    ['an empty string', '', APP_FOLDER],
    ['garbage', 'http://[::1', 'http://localhost:5173'],
    ['a broken app origin', APP_PAGE, 'not a url'],
    ['an app origin that is neither app nor http', 'chrome://settings/', 'chrome://settings/'],
    ['an app origin of file:', 'file:///opt/Penilai/index.html', 'file:///opt/Penilai/'],
  ])('refuses %s', (_name, url, appOrigin) => {
    expect(isTrustedUrl(url, appOrigin)).toBe(false);
  });
});

describe('isAppTopFrame', () => {
  it('accepts only a top frame showing one of the app’s pages', () => {
    const top = { url: APP_PAGE, parent: null };
    expect(isAppTopFrame(top, APP_FOLDER)).toBe(true);
    expect(isAppTopFrame(null, APP_FOLDER)).toBe(false);
    expect(isAppTopFrame({ url: APP_PAGE, parent: top } as unknown as typeof top, APP_FOLDER)).toBe(false);
    expect(isAppTopFrame({ url: 'https://evil.example/', parent: null }, APP_FOLDER)).toBe(false);
  });
});

describe('forwardEvents', () => {
  it('sends each core event to the live window on penilai:event, drops it with no window, and stops on unsubscribe', () => {
    const bus = createEventBus();
    const sent: unknown[][] = [];
    let destroyed = false;
    const contents = { send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => destroyed };
    let window: typeof contents | null = null;
    const stop = forwardEvents(bus, () => window);
    const progress: PenilaiEvent = { type: 'progress', data: { task: 'pdf', done: 1, total: 4 } };
    bus.emit(progress); // no window yet
    window = contents;
    bus.emit(progress);
    destroyed = true;
    bus.emit({ type: 'file.opened', data: { name: 'paket-J1.penilai', kind: 'package' } });
    expect(sent).toEqual([['penilai:event', progress]]);
    expect(bus.listenerCount).toBe(1);
    stop();
    expect(bus.listenerCount).toBe(0);
  });
});
