/**
 * The preload: one function per contract channel forwarding to ipcRenderer.invoke, nothing else, frozen; and the
 * real preload module exposing exactly that object under `window.penilai` (electron replaced by stand-ins, as
 * the real module cannot load under plain Node).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, CHANNELS, ipcName } from '../../shared/contract/channels.js';
import { buildPreloadApi } from '../../electron/preload/api.js';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })) },
}));
vi.mock('electron', () => electron);

afterEach(() => {
  vi.clearAllMocks();
});

describe('buildPreloadApi', () => {
  it('has exactly the contract channels as keys, each a function', () => {
    const api = buildPreloadApi({ invoke: vi.fn() });
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
  });

  it('forwards each call to invoke with the channel’s IPC name and the one input, returning its promise', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = buildPreloadApi({ invoke });
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
    const api = buildPreloadApi({ invoke });
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await api['app.saveFile']({ name: 'rekap.pdf', bytes });
    expect(invoke).toHaveBeenCalledWith('penilai:app.saveFile', { name: 'rekap.pdf', bytes });
  });

  it('is frozen: the renderer cannot add, replace or remove a function', () => {
    const api = buildPreloadApi({ invoke: vi.fn() });
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
    const ipcRenderer = { invoke: vi.fn() };
    const api = buildPreloadApi(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('invoke');
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
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api['setup.list']?.({});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('penilai:setup.list', {});
  });
});
