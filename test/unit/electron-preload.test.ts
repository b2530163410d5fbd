/**
 * The preload: one function per contract channel forwarding to ipcRenderer.invoke, plus `on` for the main →
 * renderer events, nothing else, frozen; and the real preload module exposing exactly that object under
 * `window.penilai` (electron replaced by stand-ins, as the real module cannot load under plain Node).
 */
import { EventEmitter } from 'node:events';
import type { IpcRendererEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, CHANNELS, ipcName } from '../../shared/contract/channels.js';
import { EVENT_IPC, type EventOf, type PenilaiEvent } from '../../shared/contract/events.js';
import { buildPreloadApi } from '../../electron/preload/api.js';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

/** A stand-in ipcRenderer: invoke recorded, on/removeListener on a real EventEmitter, so `emit` is what main's send does. */
function fakeIpc(invoke = vi.fn()) {
  const emitter = new EventEmitter();
  const sender = { sender: 'the IpcRendererEvent' } as unknown as IpcRendererEvent;
  return {
    invoke,
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => (emitter.on(name, listener), undefined as never)),
    removeListener: vi.fn(
      (name: string, listener: (...args: unknown[]) => void) => (emitter.removeListener(name, listener), undefined as never),
    ),
    /** What `webContents.send(EVENT_IPC, value)` in main makes the renderer's ipcRenderer do. */
    send: (value: unknown) => emitter.emit(EVENT_IPC, sender, value),
    listeners: () => emitter.listenerCount(EVENT_IPC),
  };
}

const PROGRESS: EventOf<'progress'> = { type: 'progress', data: { task: 'import', done: 3, total: 10, label: 'progress.import' as never } };
const OPENED: EventOf<'file.opened'> = { type: 'file.opened', data: { name: 'lomba-2026.penilai.json', kind: 'competition' } };

afterEach(() => {
  vi.clearAllMocks();
});

describe('buildPreloadApi', () => {
  it('has exactly the contract channels and `on` as keys, each a function', () => {
    const api = buildPreloadApi(fakeIpc());
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('forwards each call to invoke with the channel’s IPC name and the one input, returning its promise', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = buildPreloadApi(fakeIpc(invoke));
    for (const channel of CHANNELS) {
      const input = { probe: channel };
      const call = api[channel] as (input: unknown) => Promise<unknown>;
      await expect(call(input)).resolves.toEqual({ ok: true, value: { channel: ipcName(channel), input } });
      expect(invoke).toHaveBeenLastCalledWith(ipcName(channel), input);
    }
    expect(invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('passes bytes through untouched (app.saveFile)', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { saved: true, path: '/x.pdf' } }));
    const api = buildPreloadApi(fakeIpc(invoke));
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await api['app.saveFile']({ name: 'rekap.pdf', bytes });
    expect(invoke).toHaveBeenCalledWith('penilai:app.saveFile', { name: 'rekap.pdf', bytes });
  });

  it('is frozen: the renderer cannot add, replace or remove a function', () => {
    const api = buildPreloadApi(fakeIpc());
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as Record<string, unknown>)['send'] = () => undefined;
    }).toThrow(TypeError);
    expect(() => {
      (api as Record<string, unknown>)['app.info'] = () => undefined;
    }).toThrow(TypeError);
    expect(() => delete (api as Record<string, unknown>)['app.info']).toThrow(TypeError);
  });

  it('does not expose ipcRenderer or a generic sender', () => {
    const ipcRenderer = fakeIpc();
    const api = buildPreloadApi(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
    expect(Object.values(api)).not.toContain(ipcRenderer.on);
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('invoke');
  });
});

describe('on(event, callback)', () => {
  it('delivers an event of that type with only the event value, never the IpcRendererEvent', () => {
    const ipc = fakeIpc();
    const api = buildPreloadApi(ipc);
    const progress = vi.fn();
    const opened = vi.fn();
    api.on('progress', progress);
    api.on('file.opened', opened);
    ipc.send(PROGRESS);
    ipc.send(OPENED);
    expect(progress.mock.calls).toEqual([[PROGRESS]]);
    expect(opened.mock.calls).toEqual([[OPENED]]);
    // One IPC listener for all subscriptions, on the one event name.
    expect(ipc.on).toHaveBeenCalledTimes(1);
    expect(ipc.on).toHaveBeenCalledWith('penilai:event', expect.any(Function));
  });

  it('drops unknown event types and malformed data, and refuses to subscribe to an unknown type', () => {
    const ipc = fakeIpc();
    const api = buildPreloadApi(ipc);
    const all: PenilaiEvent[] = [];
    for (const type of ['progress', 'file.opened', 'backup.done'] as const) api.on(type, (event) => all.push(event));
    for (const value of [
      { type: 'shell.exec', data: { command: 'rm -rf /' } },
      { type: 'progress' },
      { type: 'progress', data: { task: 'import', done: 11, total: 10 } },
      { type: 'progress', data: { task: 'import', done: '3', total: 10 } },
      { type: 'file.opened', data: { name: 'x.json', kind: 'script' } },
      { type: 'backup.done', data: { file: 'b.sqlite', at: '2026-08-17T10:00:00Z', trigger: 'whenever' } },
      'progress',
      null,
      undefined,
    ]) {
      ipc.send(value);
    }
    expect(all).toEqual([]);
    const backup: EventOf<'backup.done'> = {
      type: 'backup.done',
      data: { file: 'penilai-2026-08-17.sqlite', at: '2026-08-17T10:00:00Z', trigger: 'daily' },
    };
    ipc.send(backup);
    expect(all).toEqual([backup]);
    expect(() => api.on('shell.exec' as never, () => undefined)).toThrow(TypeError);
  });

  it('still delivers to the others when one callback throws', () => {
    const ipc = fakeIpc();
    const api = buildPreloadApi(ipc);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    api.on('progress', () => {
      throw new Error('broken screen');
    });
    api.on('progress', after);
    expect(() => ipc.send(PROGRESS)).not.toThrow();
    expect(after).toHaveBeenCalledWith(PROGRESS);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('unsubscribes: the callback is no longer called, and the IPC listener goes once the last one leaves', () => {
    const ipc = fakeIpc();
    const api = buildPreloadApi(ipc);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on('progress', first);
    const offSecond = api.on('progress', second);
    expect(ipc.listeners()).toBe(1);
    offFirst();
    offFirst(); // twice is harmless and does not remove the other subscription
    ipc.send(PROGRESS);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(ipc.listeners()).toBe(1);
    offSecond();
    expect(ipc.listeners()).toBe(0);
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    ipc.send(PROGRESS);
    expect(second).toHaveBeenCalledTimes(1);
    // And a new subscription listens again.
    const third = vi.fn();
    api.on('progress', third);
    ipc.send(PROGRESS);
    expect(third).toHaveBeenCalledTimes(1);
    expect(ipc.listeners()).toBe(1);
  });
});

describe('electron/preload/index.ts', () => {
  it('exposes exactly one object, under "penilai", built on the real ipcRenderer', async () => {
    vi.resetModules();
    await import('../../electron/preload/index.js');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
      string,
      Record<string, (input: unknown) => Promise<unknown>>,
    ];
    expect(name).toBe(BRIDGE_GLOBAL);
    expect(name).toBe('penilai');
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api['setup.list']?.({});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('penilai:setup.list', {});
  });
});
