/**
 * The Node core as one object: the database opened and migrated, the default instruments present, and
 * `call` dispatching contract channels to their handlers. Electron's shell, the HTTP bridge and the tests
 * all build it the same way.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults, Result } from '../../shared/contract/schemas.js';
import type { Deps, FileDialogs, Repositories } from './deps.js';
import { handlers } from './handlers.js';
import { ExchangeRepository } from './exchange/repository.js';
import { InstrumentRepository } from './instruments/repository.js';
import { openDatabase, type Db } from './platform/database.js';
import { dispatch, type ErrorLog } from './platform/dispatch.js';
import { ScoreRepository } from './scoring/repository.js';
import { requireSecretariat, writerFor } from './session/rules.js';
import { PlenoRepository } from './pleno/repository.js';
import { SessionState } from './session/state.js';
import { PinLockouts } from './session/repository.js';
import { SetupRepository } from './setup/repository.js';
import { documentContext, inlineRenderer, planDocument } from './documents/render.js';
import { markSigned } from './pleno/workflow.js';
import { startPdfWorker, type PdfWorker } from './documents/worker-client.js';
import type { Resources } from './platform/resources.js';
import { ensureDefaultInstruments } from './setup/services.js';
import { createEventBus, type EventBus } from './platform/events.js';
import { WriteGate } from './platform/gate.js';
import { openIdentity, type DeviceIdentity } from './platform/identity.js';
import type { SecretProtector } from './platform/secrets.js';
import { Ledger, type LedgerDevice } from './platform/ledger.js';
import { OpenedFiles } from './app/opened.js';

export const APP_NAME = 'Penilai';
export const DATABASE_FILE = 'penilai.sqlite';

export interface CoreOptions {
  database: string;
  resources: Resources;
  version: string;
  desktop: boolean;
  dialogs?: FileDialogs | null;
  nativeBinding?: string;
  /** How long to wait for another process's write lock (default 5000 ms; tests ask for less). */
  busyTimeoutMs?: number;
  clock?: () => Date;
  log?: ErrorLog;
  /**
   * Where PDFs are laid out: `false` (default) on the calling thread; `true` in a worker thread run from the
   * TypeScript source (browser mode, tests); a path: in the built worker (`out/main/pdf-worker.js`, Electron).
   */
  pdfWorker?: boolean | string;
  /**
   * The installation's home: where its device identity and Ed25519 key live (Electron's userData; `--home` or
   * PENILAI_HOME for the command line and the browser mode). Left out: `homeDir()`.
   */
  home?: string;
  /**
   * What seals the device's private key at rest: the desktop shell's OS keychain (electron/main/key-store.ts), or
   * null/left out for the installation's scrypt secret (platform/secrets.ts).
   */
  keyProtector?: SecretProtector | null;
  /** The device identity itself, when the caller opens it (the command line opens it only when a command writes). */
  identity?: DeviceIdentity;
  /** Refuse a database file that does not exist (every CLI command but `demo` and `init`). */
  mustExist?: boolean;
}

export interface Core {
  deps: Deps;
  db: Db;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResults[C]>>;
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Main → renderer events (shared/contract/events.ts): the shell forwards them over IPC, the bridge as SSE. */
  events: EventBus;
  /** A file opened with the app (its path, from the shell): kept for the renderer and announced by `file.opened`. */
  openFile(path: string): void;
  close(): void;
}

export function openCore(options: CoreOptions): Core {
  mkdirSync(dirname(options.database), { recursive: true });
  const db = openDatabase({
    file: options.database,
    mustExist: options.mustExist ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
  const clock = options.clock ?? (() => new Date());
  const home = options.home ?? homeDir();
  const identity = options.identity ?? openIdentity(home, { protector: options.keyProtector ?? null });
  const repos = openRepositories(db, identity, clock);
  ensureDefaultInstruments(repos, options.resources);
  const worker: PdfWorker | null = options.pdfWorker
    ? startPdfWorker(options.resources, ...(typeof options.pdfWorker === 'string' ? [options.pdfWorker] : []))
    : null;
  const events = createEventBus();
  const deps: Deps = {
    repos,
    resources: options.resources,
    clock,
    database: options.database,
    version: options.version,
    desktop: options.desktop,
    dialogs: options.dialogs ?? null,
    events,
    renderPdf: worker ? worker.render : inlineRenderer(options.resources),
    session: new SessionState(repos.pinLockouts),
    writer: (competition, juror, entry) => writerFor(deps, competition, juror, entry),
    secretariat: (competition, task) => requireSecretariat(deps, competition, task),
    identity,
    opened: new OpenedFiles(),
    signing: {
      home,
      currentDocument: (stamp, now) => {
        const plan = planDocument(documentContext(repos, stamp.competition, now), stamp.doc, { juror: stamp.juror, site: stamp.site });
        return { revision: plan.stamp.revision, sha256: plan.stamp.sha256 };
      },
      markSigned: (competition, revision, snapshot, signers) => markSigned(deps, competition, revision, snapshot, signers),
    },
  };
  const run = (channel: string, payload: unknown) => dispatch(handlers, channel, payload, deps, options.log);
  return {
    deps,
    db,
    dispatch: run,
    call: (channel, input) => run(channel, input) as never,
    events,
    openFile: (path) => events.emit({ type: 'file.opened', data: deps.opened.add(path) }),
    close: () => {
      void worker?.close();
      db.close();
    },
  };
}

/** The repositories of every domain over one connection, writing through one gate into this device's chain. */
export function openRepositories(db: Db, device: LedgerDevice, clock: () => Date = () => new Date()): Repositories {
  const gate = new WriteGate(db, new Ledger(db, device, clock));
  const instruments = new InstrumentRepository(db, clock);
  const scoring = new ScoreRepository(db, gate, clock);
  const setup = new SetupRepository(db, gate, instruments, scoring, clock);
  return {
    db,
    gate,
    instruments,
    scoring,
    setup,
    exchange: new ExchangeRepository(db),
    pleno: new PlenoRepository(db, gate, (code) => setup.rankingGrid(code)),
    pinLockouts: new PinLockouts(db, gate),
  };
}

/** The installation's home: PENILAI_HOME when set, else the app data folder (the one Electron calls userData). */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PENILAI_HOME ? env.PENILAI_HOME : defaultDataDir(env);
}

/**
 * Where the app keeps its database when no --db is given, and the folder the desktop app sets as Electron's
 * `userData` (Windows %LOCALAPPDATA%\Penilai, macOS ~/Library/Application Support/Penilai, Linux
 * $XDG_CONFIG_HOME/Penilai), so the desktop app, the browser mode and the CLI open the same file. On Windows the
 * local folder, not the roaming one: a roaming profile is copied to every machine the user logs on to, and with it
 * the database and this laptop's device key.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
