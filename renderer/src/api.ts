/**
 * The renderer's only way to the core: one typed call per contract channel, and the main → renderer events.
 * Inside Electron it goes through the preload's `window.penilai`; in the browser mode, through the local HTTP
 * bridge: each call carries the per-run token in `X-Penilai-Token`, read from the page's
 * `<meta name="penilai-token">` (the bridge writes it there; the HttpOnly cookie set on the first page load only
 * lets the page, its files and the event stream load). Events come as server-sent events.
 */
import { BRIDGE_GLOBAL, type Channel } from '../../shared/contract/channels.js';
import { decodeJson, encodeJson } from '../../shared/contract/codec.js';
import { isPenilaiEvent, type EventListener, type EventType, type OnEvent } from '../../shared/contract/events.js';
import type { ChannelInput, ChannelResults, PenilaiApi, Result } from '../../shared/contract/schemas.js';
import type { AppError } from '../../shared/domain/errors.js';

/** What the preload exposes (electron/preload/api.ts). */
type DesktopBridge = PenilaiApi & { on: OnEvent };

function desktopBridge(): DesktopBridge | undefined {
  return (window as unknown as Record<string, DesktopBridge | undefined>)[BRIDGE_GLOBAL];
}

/** The bridge's token, from the page the bridge served (empty outside the browser mode: the bridge then refuses). */
function bridgeToken(): string {
  return document.querySelector('meta[name="penilai-token"]')?.getAttribute('content') ?? '';
}

export function isDesktop(): boolean {
  return desktopBridge() !== undefined;
}

/**
 * `keepalive`: the request outlives the page (a write made while the page is being closed or reloaded); only for
 * small bodies (the browser allows 64 KB in flight). In Electron the preload's IPC message is sent at once anyway.
 */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: { keepalive?: boolean } = {},
): Promise<Result<ChannelResults[C]>> {
  const bridge: PenilaiApi | undefined = desktopBridge();
  if (bridge) return bridge[channel](input);
  try {
    const body = encodeJson(input);
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Penilai-Token': bridgeToken() },
      credentials: 'same-origin',
      body,
      keepalive: Boolean(options.keepalive) && body.length < 60_000,
    });
    return decodeJson(await response.text()) as Result<ChannelResults[C]>;
  } catch (error) {
    return { ok: false, error: { code: 'internal', key: 'error.internal', params: { detail: (error as Error).message } } };
  }
}

/** The browser mode's one event stream, open while anything listens (the cookie goes along: same origin). */
let stream: { source: EventSource; listeners: number } | null = null;

/**
 * Calls `callback` with every event of `type` main sends until the returned function is called. Events of an
 * unknown type or shape are dropped. In the browser mode the stream reconnects by itself after a network hiccup.
 */
export function onEvent<N extends EventType>(type: N, callback: EventListener<N>): () => void {
  const bridge = desktopBridge();
  if (bridge) return bridge.on(type, callback);
  stream ??= { source: new EventSource('/api/events'), listeners: 0 };
  const current = stream;
  const listener = (message: MessageEvent<string>) => {
    let event: unknown;
    try {
      event = { type, data: JSON.parse(message.data) };
    } catch {
      return;
    }
    if (isPenilaiEvent(event) && event.type === type) callback(event as Parameters<EventListener<N>>[0]);
  };
  current.source.addEventListener(type, listener);
  current.listeners += 1;
  let active = true;
  return () => {
    if (!active) return;
    active = false;
    current.source.removeEventListener(type, listener);
    current.listeners -= 1;
    if (current.listeners === 0) {
      current.source.close();
      if (stream === current) stream = null;
    }
  };
}

/** Saves bytes as a file: the desktop app asks main to show its save dialog; the browser downloads. */
export async function saveBytes(name: string, bytes: Uint8Array, mime: string): Promise<Result<{ saved: boolean; path: string | null }>> {
  if (isDesktop()) return call('app.saveFile', { name, bytes });
  const blob = new Blob([bytes.slice().buffer], { type: mime });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: { saved: true, path: null } };
}

/** Saves a file the core made (an export, a template), or shows why it could not be made. */
export async function download(
  made: Promise<Result<{ name: string; mime: string; bytes: Uint8Array }>>,
  onError: (error: AppError) => void,
): Promise<void> {
  const result = await made;
  if (!result.ok) return onError(result.error);
  const saved = await saveBytes(result.value.name, result.value.bytes, result.value.mime);
  if (!saved.ok) onError(saved.error);
}
