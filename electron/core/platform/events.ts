/**
 * The core's event bus: main → renderer events (shared/contract/events.ts) emitted by the core and delivered by
 * whoever listens: the Electron shell forwards them to the window over IPC, the HTTP bridge to each server-sent
 * events stream. Synchronous and in-process; a listener that throws is dropped from that delivery only, so one
 * broken stream never stops the others or the work that emitted.
 */
import type { PenilaiEvent } from '../../../shared/contract/events.js';

export type EventBusListener = (event: PenilaiEvent) => void;

export interface EventBus {
  emit(event: PenilaiEvent): void;
  /** Returns the unsubscribe function (calling it twice is harmless). */
  subscribe(listener: EventBusListener): () => void;
  /** How many listeners are subscribed (a closed stream must bring it back down). */
  readonly listenerCount: number;
}

export function createEventBus(onListenerError: (error: unknown) => void = () => undefined): EventBus {
  const listeners = new Set<EventBusListener>();
  return {
    emit(event) {
      // A snapshot: a listener may unsubscribe itself (or another) while being called.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      // Wrapped, so the same function subscribed twice is two subscriptions, each with its own unsubscribe.
      const entry: EventBusListener = (event) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
