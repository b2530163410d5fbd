/**
 * The one wrapper around `ipcMain.handle`: a handler per contract channel and nothing else, calls refused unless
 * they come from the app's own top frame, the payload handed to the core's `dispatch` (which validates it against
 * the contract), and the answer returned as a result value. Electron is only a type here, so tests drive this
 * module with stand-ins under plain Node.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { CHANNELS, ipcName, type Channel } from '../../shared/contract/channels.js';
import { EVENT_IPC } from '../../shared/contract/events.js';
import type { Result } from '../../shared/contract/schemas.js';
import type { EventBus } from '../core/platform/events.js';
import { APP_SCHEME } from './protocol.js';

export type Dispatch = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden', key: 'error.forbiddenSender', params: {} } };

/** Registers exactly one handler per contract channel; returns the IPC names it registered. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedSender: SenderCheck): string[] {
  return CHANNELS.map((channel) => {
    const name = ipcName(channel);
    // The preload sends one argument per call; anything beyond it is ignored rather than trusted.
    ipcMain.handle(name, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      try {
        return await dispatch(channel, payload);
      } catch (error) {
        // dispatch returns failures as values; this only catches a bug in the core itself, so that IPC never
        // rejects with an Error the renderer would have to parse.
        return {
          ok: false,
          error: { code: 'internal', key: 'error.internal', params: { detail: (error as Error).message ?? String(error) } },
        };
      }
    });
    return name;
  });
}

/**
 * Sends every core event to the window's webContents on the one event IPC name (the preload's `on` listens there),
 * while there is a live window; an event with no window to see it is dropped. Returns the unsubscribe.
 */
export function forwardEvents(
  events: Pick<EventBus, 'subscribe'>,
  target: () => Pick<WebContents, 'send' | 'isDestroyed'> | null | undefined,
): () => void {
  return events.subscribe((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_IPC, event);
  });
}

/**
 * Whether `url` belongs to the app. `appOrigin` is either the app's own scheme, `app://penilai/` (protocol.ts; every
 * address there is served from the build folder only), or an http(s) origin (the electron-vite dev server, e.g.
 * `http://localhost:5173`). Both are parsed with `new URL`, never compared as strings, so `https://app.evil.com`,
 * `app://penilai.evil/`, `http://localhost:5173@evil.com` or a `file:` page do not pass.
 */
export function isTrustedUrl(url: string, appOrigin: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appOrigin);
  } catch {
    return false;
  }
  if (target.username !== '' || target.password !== '') return false;
  if (app.protocol !== `${APP_SCHEME}:` && app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return target.protocol === app.protocol && target.host === app.host && target.host !== '';
}

/** The sender check used by the shell: the app's own top frame (not an iframe), showing one of the app's pages. */
export function isAppTopFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null, appOrigin: string): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url, appOrigin);
}
