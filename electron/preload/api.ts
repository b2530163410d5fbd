/**
 * What the preload exposes: one function per contract channel, each forwarding its one argument to the main
 * process, plus `on(type, callback)` for the main → renderer events. Never `ipcRenderer` itself, never a generic
 * `send(channel, ...)`. The functions are built from `CHANNELS`, so a channel added to the contract needs nothing
 * here; a unit test checks that the keys are exactly the channels and `on`.
 *
 * Only zod-free contract files are imported as values: the sandboxed preload is a small CommonJS bundle.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { CHANNELS, ipcName, type Channel } from '../../shared/contract/channels.js';
import { EVENT_IPC, isEventType, isPenilaiEvent, type EventType, type OnEvent, type PenilaiEvent } from '../../shared/contract/events.js';
import type { ChannelInput, ChannelResults, PenilaiApi, Result } from '../../shared/contract/schemas.js';

export type PreloadApi = PenilaiApi & { on: OnEvent };

type Invoke<C extends Channel> = (input: ChannelInput<C>) => Promise<Result<ChannelResults[C]>>;

export function buildPreloadApi(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Readonly<PreloadApi> {
  // Object.fromEntries loses the key-to-type link; this mapped type restores it, and it is PenilaiApi itself.
  const channels = Object.fromEntries(
    CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcName(channel), input)]),
  ) as { [C in Channel]: Invoke<C> } satisfies PenilaiApi;

  // One IPC listener for every subscription, attached while at least one is subscribed.
  const callbacks = new Map<EventType, Set<(event: PenilaiEvent) => void>>();
  let subscribed = 0;
  const deliver = (_event: IpcRendererEvent, value: unknown) => {
    // Only known events of the right shape; the callback gets the event value, never Electron's event object.
    if (!isPenilaiEvent(value)) return;
    for (const callback of [...(callbacks.get(value.type) ?? [])]) {
      try {
        callback(value);
      } catch (error) {
        // One failing subscriber does not keep the event from the others.
        console.error(error);
      }
    }
  };

  const on: OnEvent = (type, callback) => {
    if (!isEventType(type)) throw new TypeError(`unknown event: ${String(type)}`);
    if (typeof callback !== 'function') throw new TypeError('callback must be a function');
    // Wrapped: the same function subscribed twice is two subscriptions, each removed by its own unsubscribe.
    const entry = (event: PenilaiEvent) => (callback as (event: PenilaiEvent) => void)(event);
    const set = callbacks.get(type) ?? new Set();
    callbacks.set(type, set.add(entry));
    if (subscribed++ === 0) ipcRenderer.on(EVENT_IPC, deliver);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(entry);
      if (--subscribed === 0) ipcRenderer.removeListener(EVENT_IPC, deliver);
    };
  };

  return Object.freeze({ ...channels, on }) satisfies PreloadApi;
}
