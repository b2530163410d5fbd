/**
 * The handler table: one plain function per contract channel, grouped by domain, taking validated arguments
 * and their dependencies. `dispatch` is the single entry used by both transports (Electron IPC and the HTTP
 * bridge): it validates the payload against the contract, runs the handler and returns a result value.
 */
import type { Channel } from '../../../shared/contract/channels.js';
import { isChannel } from '../../../shared/contract/channels.js';
import { inputSchemas, type ChannelArgs, type ChannelResults, type Result } from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import { fromZodIssues, ValidationError } from '../../../shared/domain/validation.js';
import type { Store } from '../db/store.js';
import type { PdfRenderer } from '../reports/render.js';
import type { Resources } from '../resources.js';
import { competitionHandlers } from './competitions.js';
import { evidenceHandlers } from './evidence.js';
import { fileHandlers } from './files.js';
import { sessionHandlers, type SessionState } from './session.js';
import { setupHandlers } from './setup.js';
import { reportHandlers } from './reports.js';
import { scoringHandlers } from './scoring.js';

/** Saving bytes to a file the user picks. Electron's shell provides it with its own save dialog; the browser downloads instead. */
export interface FileDialogs {
  saveFile(name: string, bytes: Uint8Array): Promise<string | null>;
}

export interface Deps {
  store: Store;
  resources: Resources;
  clock: () => Date;
  /** The database file, as shown to the user. */
  database: string;
  version: string;
  desktop: boolean;
  dialogs: FileDialogs | null;
  /** Lays out PDFs: in a worker thread in the app, inline in the command line. */
  renderPdf: PdfRenderer;
  /** Who is scoring on this laptop, and the wrong-PIN counts (one per core, never in the renderer). */
  session: SessionState;
}

export type Handler<C extends Channel> = (args: ChannelArgs<C>, deps: Deps) => ChannelResults[C] | Promise<ChannelResults[C]>;
export type Handlers = { [C in Channel]: Handler<C> };

export const handlers: Handlers = {
  ...competitionHandlers,
  ...scoringHandlers,
  ...reportHandlers,
  ...setupHandlers,
  ...fileHandlers,
  ...sessionHandlers,
  ...evidenceHandlers,
};

/** Something unexpected (a bug, a disk error): logged in full for developers, shown to the user as one line. */
export type ErrorLog = (channel: string, error: unknown) => void;

export async function dispatch(channel: string, payload: unknown, deps: Deps, log: ErrorLog = defaultLog): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'not-found', key: 'error.unknownChannel', params: { channel } } };
  const parsed = inputSchemas[channel].safeParse(payload ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, error: new ValidationError(fromZodIssues(parsed.error.issues)).toValue() };
  try {
    const handler = handlers[channel] as (args: unknown, deps: Deps) => unknown;
    return { ok: true, value: await handler(parsed.data, deps) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.toValue() };
    log(channel, error);
    return { ok: false, error: { code: 'internal', key: 'error.internal', params: { detail: (error as Error).message ?? String(error) } } };
  }
}

function defaultLog(channel: string, error: unknown): void {
  console.error(`[penilai] ${channel} failed:`, error);
}
