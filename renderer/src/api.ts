/**
 * The renderer's only way to the core: one typed call per contract channel. Inside Electron it goes through
 * the preload's `window.penilai`; in the browser mode, through the local HTTP bridge (the token travels in an
 * HttpOnly cookie set on the first page load).
 */
import { BRIDGE_GLOBAL, type Channel } from '../../shared/contract/channels.js';
import { decodeJson, encodeJson } from '../../shared/contract/codec.js';
import type { ChannelInput, ChannelResults, PenilaiApi, Result } from '../../shared/contract/schemas.js';
import type { AppError } from '../../shared/domain/errors.js';

function desktopBridge(): PenilaiApi | undefined {
  return (window as unknown as Record<string, PenilaiApi | undefined>)[BRIDGE_GLOBAL];
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
  const bridge = desktopBridge();
  if (bridge) return bridge[channel](input);
  try {
    const body = encodeJson(input);
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body,
      keepalive: Boolean(options.keepalive) && body.length < 60_000,
    });
    return decodeJson(await response.text()) as Result<ChannelResults[C]>;
  } catch (error) {
    return { ok: false, error: { code: 'internal', key: 'error.internal', params: { detail: (error as Error).message } } };
  }
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
