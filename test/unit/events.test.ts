/**
 * The main → renderer events: the closed union's guard (shared/contract/events.ts), the core's event bus
 * (electron/core/platform/events.ts), and the renderer's `onEvent` (renderer/src/api.ts) in both transports, with
 * stand-ins for the preload and for the browser's EventSource.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../electron/core/platform/events.js';
import { EVENTS, isEventType, isPenilaiEvent, type EventOf, type OnEvent, type PenilaiEvent } from '../../shared/contract/events.js';

// The renderer is its own TypeScript project (DOM types): imported by a path the compiler does not follow, typed by
// the contract's own signature for it.
const RENDERER_API = '../../renderer/src/api.js';
const { onEvent } = (await import(RENDERER_API)) as { onEvent: OnEvent };

const PROGRESS: EventOf<'progress'> = { type: 'progress', data: { task: 'report', done: 0, total: 3 } };
const OPENED: EventOf<'file.opened'> = { type: 'file.opened', data: { name: 'paket-J2.penilai', kind: 'package' } };
const BACKUP: EventOf<'backup.done'> = {
  type: 'backup.done',
  data: { file: 'penilai-cadangan.sqlite', at: '2026-08-17T10:00:00.000Z', trigger: 'daily' },
};

describe('isPenilaiEvent', () => {
  it('knows exactly the three events', () => {
    expect([...EVENTS]).toEqual(['progress', 'file.opened', 'backup.done']);
    expect(['progress', 'file.opened', 'backup.done', 'Progress', 'file', ''].map(isEventType)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('accepts each event of the right shape, a progress label included', () => {
    for (const event of [PROGRESS, OPENED, BACKUP, { type: 'progress', data: { task: 't', done: 2, total: 2, label: 'x.y' } }]) {
      expect(isPenilaiEvent(event), JSON.stringify(event)).toBe(true);
    }
  });

  it('refuses unknown types and data of the wrong shape', () => {
    for (const value of [
      null,
      'progress',
      { type: 'toString', data: {} },
      { type: 'progress', data: null },
      { type: 'progress', data: { task: 't', done: 1.5, total: 2 } },
      { type: 'progress', data: { task: 't', done: -1, total: 2 } },
      { type: 'progress', data: { task: 't', done: 3, total: 2 } },
      { type: 'progress', data: { task: 't', done: 1, total: 2, label: 7 } },
      { type: 'file.opened', data: { name: 'a.json', kind: 'executable' } },
      { type: 'file.opened', data: { kind: 'competition' } },
      { type: 'backup.done', data: { file: 'b.sqlite', at: '2026-08-17', trigger: 'cron' } },
      { type: 'backup.done', data: { file: 'b.sqlite', trigger: 'manual' } },
    ]) {
      expect(isPenilaiEvent(value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('createEventBus', () => {
  it('delivers each event to every listener, in order, until each unsubscribes', () => {
    const bus = createEventBus();
    const a: PenilaiEvent[] = [];
    const b: PenilaiEvent[] = [];
    const offA = bus.subscribe((e) => a.push(e));
    const offB = bus.subscribe((e) => b.push(e));
    expect(bus.listenerCount).toBe(2);
    bus.emit(PROGRESS);
    offA();
    offA();
    expect(bus.listenerCount).toBe(1);
    bus.emit(OPENED);
    offB();
    bus.emit(BACKUP);
    expect(a).toEqual([PROGRESS]);
    expect(b).toEqual([PROGRESS, OPENED]);
    expect(bus.listenerCount).toBe(0);
  });

  it('keeps delivering to the others when one listener throws, and reports the error', () => {
    const errors: unknown[] = [];
    const bus = createEventBus((error) => errors.push(error));
    const got: PenilaiEvent[] = [];
    bus.subscribe(() => {
      throw new Error('stream closed');
    });
    bus.subscribe((e) => got.push(e));
    expect(() => bus.emit(PROGRESS)).not.toThrow();
    expect(got).toEqual([PROGRESS]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['stream closed']);
  });
});

/** A stand-in for the browser's EventSource, recording what the renderer does with it. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  closed = false;
  readonly listeners = new Map<string, Set<(message: { data: string }) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (message: { data: string }) => void) {
    this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(listener));
  }
  removeEventListener(type: string, listener: (message: { data: string }) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.closed = true;
  }
  /** What the browser does on `event: <type>\ndata: <data>`. */
  receive(type: string, data: string) {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener({ data });
  }
  count() {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

describe('onEvent (renderer/src/api.ts)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeEventSource.opened = [];
  });

  it('in the browser: one EventSource on /api/events, events of the type parsed and checked, closed with the last listener', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('EventSource', FakeEventSource);
    const progress: PenilaiEvent[] = [];
    const opened: PenilaiEvent[] = [];
    const offProgress = onEvent('progress', (e) => progress.push(e));
    const offOpened = onEvent('file.opened', (e) => opened.push(e));
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(['/api/events']);
    const source = FakeEventSource.opened[0]!;

    source.receive('progress', JSON.stringify(PROGRESS.data));
    source.receive('progress', '{"task":"report","done":"1","total":3}'); // wrong shape: dropped
    source.receive('progress', 'not json'); // dropped
    source.receive('file.opened', JSON.stringify(OPENED.data));
    source.receive('backup.done', JSON.stringify(BACKUP.data)); // nobody listens
    expect(progress).toEqual([PROGRESS]);
    expect(opened).toEqual([OPENED]);

    offProgress();
    offProgress();
    expect(source.closed).toBe(false);
    source.receive('progress', JSON.stringify(PROGRESS.data));
    expect(progress).toEqual([PROGRESS]);
    offOpened();
    expect(source.closed).toBe(true);
    expect(source.count()).toBe(0);

    // A later listener opens a new stream.
    const off = onEvent('backup.done', () => undefined);
    expect(FakeEventSource.opened).toHaveLength(2);
    off();
    expect(FakeEventSource.opened[1]!.closed).toBe(true);
  });

  it('in Electron: the preload’s `on`, and no EventSource', () => {
    const unsubscribe = vi.fn();
    const on = vi.fn(() => unsubscribe);
    vi.stubGlobal('window', { penilai: { on: on as unknown as OnEvent } });
    vi.stubGlobal('EventSource', FakeEventSource);
    const callback = vi.fn();
    const off = onEvent('backup.done', callback);
    expect(on).toHaveBeenCalledWith('backup.done', callback);
    expect(FakeEventSource.opened).toEqual([]);
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
