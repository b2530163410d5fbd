/**
 * What every handler receives: the repositories of the domains (each the only SQL of its domain), the platform's
 * services and the outside world (clock, file dialogs, PDF layout). Lives apart from the dispatcher and from the
 * handler table, so that nothing in the tree imports in a circle.
 */
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelArgs, ChannelResults } from '../../shared/contract/schemas.js';
import type { PdfRenderer } from './documents/job.js';
import type { EventBus } from './platform/events.js';
import type { ExchangeRepository } from './exchange/repository.js';
import type { InstrumentRepository } from './instruments/repository.js';
import type { Db } from './platform/database.js';
import type { WriteGate } from './platform/gate.js';
import type { OpenedFiles } from './app/opened.js';
import type { PlenoRepository } from './pleno/repository.js';
import type { DeviceIdentity } from './platform/identity.js';
import type { Resources } from './platform/resources.js';
import type { ScoreRepository } from './scoring/repository.js';
import type { PinLockouts } from './session/repository.js';
import type { SessionState } from './session/state.js';
import type { SetupRepository } from './setup/repository.js';
import type { SigningLinks } from './signatures/links.js';
import type { BackupLinks } from './backup/links.js';

/** Saving bytes to a file the user picks. Electron's shell provides it with its own save dialog; the browser downloads instead. */
export interface FileDialogs {
  saveFile(name: string, bytes: Uint8Array): Promise<string | null>;
  /** Asks where to save a file about to be made (`name` suggested); null when the user cancels. Writes nothing. */
  choosePath(name: string): Promise<string | null>;
  /** Hands a PDF file to the system's print (Electron's print dialog); false when the user cancels. */
  printFile(path: string): Promise<boolean>;
}

/** The repositories over one connection. */
export interface Repositories {
  db: Db;
  /** The one write gate: every change of every domain, with its ledger entries, in one unit of work. */
  gate: WriteGate;
  setup: SetupRepository;
  instruments: InstrumentRepository;
  scoring: ScoreRepository;
  exchange: ExchangeRepository;
  /** The result's state, the jury's decisions, the locked snapshot; `official(code)` is the ranking everyone reads. */
  pleno: PlenoRepository;
  /** Wrong-PIN counts and lock-outs (table pin_lockout), kept across restarts. */
  pinLockouts: PinLockouts;
}

export interface Deps {
  repos: Repositories;
  resources: Resources;
  clock: () => Date;
  /** The database file, as shown to the user. */
  database: string;
  version: string;
  desktop: boolean;
  dialogs: FileDialogs | null;
  /** Main → renderer events (progress of long work): the shell forwards them over IPC, the bridge as SSE. */
  events: EventBus;
  /** Lays out PDFs: in a worker thread in the app, inline in the command line. */
  renderPdf: PdfRenderer;
  /** Who is scoring on this laptop and the PIN checks (one per core, never in the renderer). */
  session: SessionState;
  /**
   * Who writes to a juror's sheet (the session's rule, session/rules.ts `writerFor`): the actor to record, or a
   * refusal. Scoring and evidence ask the session through this, never by importing it.
   */
  writer(competition: string, juror: string, entry: boolean | undefined): string;
  /**
   * Refuses a secretariat's task unless the secretariat's session for the competition is open on this laptop
   * (session/rules.ts `requireSecretariat`); other domains ask through this, never by importing the session.
   */
  secretariat(competition: string, task: 'import' | 'reopen' | 'conflicts' | 'laptop' | 'notes' | 'setup' | 'pleno'): void;
  /** This installation's device: its id names the ledger chain it writes; its key signs packages. */
  identity: DeviceIdentity;
  /** Files opened with the app, waiting for the renderer to take them (`app.openedFiles`). */
  opened: OpenedFiles;
  /** What signing asks of the documents and pleno domains, and the home holding the trusted certificates (signatures/links.ts). */
  signing: SigningLinks;
  /** Where this database's backups are, and restoring one in place (backup/links.ts). */
  backups: BackupLinks;
}

export type Handler<C extends Channel> = (args: ChannelArgs<C>, deps: Deps) => ChannelResults[C] | Promise<ChannelResults[C]>;
/** A domain's handlers: some channels, each with its handler. */
export type HandlerGroup = { [C in Channel]?: Handler<C> };
export type Handlers = { [C in Channel]: Handler<C> };
