/**
 * The main → renderer events over the HTTP bridge of the browser mode: `GET /api/events` as server-sent events,
 * behind the same token as every API call, over real HTTP from a real core's event bus. The heartbeat is driven by
 * hand (an injected schedule), so nothing here waits on the clock.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { startBridge, TOKEN_COOKIE, type Bridge, type BridgeOptions } from '../../electron/core/bridge/server.js';
import type { EventBus } from '../../electron/core/platform/events.js';
import type { EventOf, PenilaiEvent } from '../../shared/contract/events.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const temp = tempDir('penilai-bridge-events-');
let core: Core;
const bridges: Bridge[] = [];

beforeAll(() => {
  core = openTestCore(join(temp.dir, 'events.db'));
});
afterEach(async () => {
  await Promise.all(bridges.splice(0).map((b) => b.close()));
  expect(core.events.listenerCount).toBe(0);
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

/**
 * The core's bus as the bridge sees it, counting unsubscriptions: `unsubscribed(n)` resolves once n streams have
 * let go, so a test can wait for the server to notice a disconnect without polling or sleeping.
 */
function observedBus(bus: EventBus) {
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  return {
    subscribe(listener: (event: PenilaiEvent) => void) {
      const unsubscribe = bus.subscribe(listener);
      return () => {
        unsubscribe();
        count += 1;
        for (const w of waiting.filter((w) => count >= w.n)) w.resolve();
      };
    },
    unsubscribed: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : waiting.push({ n, resolve }))),
  };
}

async function bridgeWith(options: Partial<BridgeOptions> = {}): Promise<Bridge> {
  const bridge = await startBridge({
    dispatch: core.dispatch,
    events: core.events,
    staticDir: join(REPO_ROOT, 'out', 'renderer'),
    ...options,
  });
  bridges.push(bridge);
  return bridge;
}

interface Stream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the received text contains `needle` (at or after `from`), with the text up to its end. */
  until(needle: string, from?: number): Promise<string>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  destroy(): void;
}

/** A GET on /api/events read as it arrives (node:http, no EventSource polyfill). */
function openStream(bridge: Bridge, headers: Record<string, string>, method = 'GET'): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/events', method, headers }, (res) => {
      let received = '';
      let over = false;
      const waiters = new Set<() => void>();
      const wake = () => [...waiters].forEach((w) => w());
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        received += chunk;
        wake();
      });
      const ended = new Promise<void>((done) => {
        const finish = () => {
          over = true;
          wake();
          done();
        };
        res.on('end', finish).on('close', finish);
      });
      const until = (needle: string, from = 0): Promise<string> =>
        new Promise((found, fail) => {
          const check = () => {
            const at = received.indexOf(needle, from);
            if (at < 0 && !over) return;
            waiters.delete(check);
            if (at >= 0) found(received.slice(0, at + needle.length));
            else fail(new Error(`stream ended without ${JSON.stringify(needle)}: ${JSON.stringify(received)}`));
          };
          waiters.add(check);
          check();
        });
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text: () => received, until, ended, destroy: () => req.destroy() });
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
    req.end();
  });
}

const cookie = (bridge: Bridge) => ({ Cookie: `${TOKEN_COOKIE}=${bridge.token}` });

const PROGRESS: EventOf<'progress'> = { type: 'progress', data: { task: 'import', done: 3, total: 10 } };
const OPENED: EventOf<'file.opened'> = { type: 'file.opened', data: { name: 'Lomba P2WKSS 2026.json', kind: 'competition' } };
const BACKUP: EventOf<'backup.done'> = {
  type: 'backup.done',
  data: { file: 'penilai-2026-08-17.sqlite', at: '2026-08-17T10:00:00.000Z', trigger: 'daily' },
};

describe('GET /api/events', () => {
  it('streams an emitted event with its exact type and data, as text/event-stream without CORS headers', async () => {
    const bridge = await bridgeWith();
    const stream = await openStream(bridge, cookie(bridge));
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    expect(Object.keys(stream.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    // The opening comment: the stream is open and subscribed.
    const opened = await stream.until('\n\n');
    expect(opened).toBe(': penilai\n\n');
    expect(core.events.listenerCount).toBe(1);

    core.events.emit(PROGRESS);
    core.events.emit(OPENED);
    core.events.emit(BACKUP);
    const text = await stream.until('event: backup.done\n', opened.length);
    const all = await stream.until('\n\n', text.length);
    expect(all.slice(opened.length)).toBe(
      'event: progress\ndata: {"task":"import","done":3,"total":10}\n\n' +
        'event: file.opened\ndata: {"name":"Lomba P2WKSS 2026.json","kind":"competition"}\n\n' +
        'event: backup.done\ndata: {"file":"penilai-2026-08-17.sqlite","at":"2026-08-17T10:00:00.000Z","trigger":"daily"}\n\n',
    );
    // Read back as an EventSource would: the event name and the data line's JSON.
    const parsed = all
      .slice(opened.length)
      .split('\n\n')
      .filter(Boolean)
      .map((block) => {
        const [event, data] = block.split('\n');
        return { type: event!.slice('event: '.length), data: JSON.parse(data!.slice('data: '.length)) as unknown };
      });
    expect(parsed).toEqual([PROGRESS, OPENED, BACKUP]);
    stream.destroy();
  });

  it('accepts the token in the X-Penilai-Token header too', async () => {
    const bridge = await bridgeWith();
    const stream = await openStream(bridge, { 'X-Penilai-Token': bridge.token });
    expect(stream.status).toBe(200);
    await stream.until(': penilai\n\n');
    core.events.emit(PROGRESS);
    await expect(stream.until('event: progress\ndata: {"task":"import","done":3,"total":10}\n\n')).resolves.toBeDefined();
    stream.destroy();
  });

  it('refuses a request without the token, or with a wrong one, with 401 and no stream', async () => {
    const bridge = await bridgeWith();
    for (const headers of [
      {},
      { Cookie: `${TOKEN_COOKIE}=${'x'.repeat(bridge.token.length)}` },
      { 'X-Penilai-Token': bridge.token.slice(1) },
      { Cookie: `other=${bridge.token}` },
    ]) {
      const refused = await openStream(bridge, headers);
      await refused.ended;
      expect(refused.status).toBe(401);
      expect(refused.headers['content-type']).toBe('application/json');
      expect(JSON.parse(refused.text())).toEqual({ ok: false, error: { code: 'forbidden', key: 'error.forbidden', params: {} } });
      expect(core.events.listenerCount).toBe(0);
    }
    // Still refused while a legitimate stream is open, and the refused one never sees its events.
    const stream = await openStream(bridge, cookie(bridge));
    await stream.until(': penilai\n\n');
    const refused = await openStream(bridge, {});
    expect(refused.status).toBe(401);
    core.events.emit(PROGRESS);
    await stream.until('event: progress\n');
    await refused.ended;
    expect(refused.text()).not.toContain('event:');
    expect(core.events.listenerCount).toBe(1);
    stream.destroy();
  });

  it('answers only GET', async () => {
    const bridge = await bridgeWith();
    const posted = await openStream(bridge, cookie(bridge), 'POST');
    await posted.ended;
    expect(posted.status).toBe(405);
    expect(core.events.listenerCount).toBe(0);
  });

  it('delivers each event to every subscriber', async () => {
    const bridge = await bridgeWith();
    const first = await openStream(bridge, cookie(bridge));
    const second = await openStream(bridge, { 'X-Penilai-Token': bridge.token });
    await Promise.all([first.until(': penilai\n\n'), second.until(': penilai\n\n')]);
    expect(core.events.listenerCount).toBe(2);
    core.events.emit(OPENED);
    const expected = ': penilai\n\nevent: file.opened\ndata: {"name":"Lomba P2WKSS 2026.json","kind":"competition"}\n\n';
    await expect(first.until(expected)).resolves.toBe(expected);
    await expect(second.until(expected)).resolves.toBe(expected);
    first.destroy();
    second.destroy();
  });

  it('unsubscribes a client that disconnects: the bus is back to no listener, the other stream goes on', async () => {
    const bus = observedBus(core.events);
    const bridge = await bridgeWith({ events: bus });
    const leaving = await openStream(bridge, cookie(bridge));
    const staying = await openStream(bridge, cookie(bridge));
    await Promise.all([leaving.until(': penilai\n\n'), staying.until(': penilai\n\n')]);
    expect(core.events.listenerCount).toBe(2);
    leaving.destroy();
    // An event while the server has not yet noticed: written to a closing socket, harmlessly.
    core.events.emit(BACKUP);
    await bus.unsubscribed(1);
    expect(core.events.listenerCount).toBe(1);
    core.events.emit(PROGRESS);
    await staying.until('event: backup.done\n');
    await staying.until('event: progress\n');
    staying.destroy();
    await bus.unsubscribed(2);
    expect(core.events.listenerCount).toBe(0);
  });

  it('sends a heartbeat comment on each beat of its schedule and stops the schedule with the stream', async () => {
    const beats: (() => void)[] = [];
    let stopped = 0;
    const bus = observedBus(core.events);
    const bridge = await bridgeWith({
      events: bus,
      heartbeat: (beat) => {
        beats.push(beat);
        return () => (stopped += 1);
      },
    });
    const stream = await openStream(bridge, cookie(bridge));
    const opened = await stream.until(': penilai\n\n');
    expect(beats).toHaveLength(1);
    beats[0]!();
    beats[0]!();
    const text = await stream.until(':\n\n:\n\n', opened.length);
    expect(text).toBe(': penilai\n\n:\n\n:\n\n');
    expect(stopped).toBe(0);
    stream.destroy();
    await bus.unsubscribed(1);
    expect(stopped).toBe(1);
  });

  it('ends every open stream when the bridge closes, and close() returns', async () => {
    const bridge = await startBridge({ dispatch: core.dispatch, events: core.events, staticDir: join(REPO_ROOT, 'out', 'renderer') });
    const first = await openStream(bridge, cookie(bridge));
    const second = await openStream(bridge, cookie(bridge));
    await Promise.all([first.until(': penilai\n\n'), second.until(': penilai\n\n')]);
    expect(core.events.listenerCount).toBe(2);
    await bridge.close();
    await Promise.all([first.ended, second.ended]);
    expect(core.events.listenerCount).toBe(0);
    core.events.emit(PROGRESS);
    expect(first.text()).toBe(': penilai\n\n');
  });

  it('answers 404 on a bridge started without an event bus', async () => {
    const bridge = await startBridge({ dispatch: core.dispatch, staticDir: join(REPO_ROOT, 'out', 'renderer') });
    bridges.push(bridge);
    const stream = await openStream(bridge, cookie(bridge));
    await stream.ended;
    expect(stream.status).toBe(404);
  });
});
