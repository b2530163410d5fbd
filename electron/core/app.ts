/**
 * The Node core as one object: the database opened and migrated, the default instruments present, and
 * `call` dispatching contract channels to their handlers. Electron's shell, the HTTP bridge and the tests
 * all build it the same way.
 */
import { existsSync, mkdirSync } from 'node:fs';
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
import { backupAfter } from './backup/auto.js';
import { localDay } from '../../shared/domain/backup.js';
import { backupFolder } from './backup/folder.js';
import { createAt, dailyDue, requireBackup, type BackupPlace } from './backup/service.js';
import { DatabaseDamaged, startCheck } from './backup/start.js';
import { createBackupSync, restoreBackup, useNativeBinding } from './backup/store.js';

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
  /**
   * The app's automatic backups (issue 12): once a day of use (at the first call) and after finalising a sheet,
   * importing a package, locking or signing the result. `'events'` (the command line): only after those four, not
   * daily. The backup before a migration is always taken.
   */
  autoBackup?: boolean | 'events';
  /** The event bus to use (a host that reopens the core keeps one bus across openings); left out: a new one. */
  events?: EventBus;
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
  const clock = options.clock ?? (() => new Date());
  const home = options.home ?? homeDir();
  const events = options.events ?? createEventBus();
  const place: BackupPlace = {
    database: options.database,
    home,
    clock,
    announce: (made) => events.emit({ type: 'backup.done', data: { file: made.name, at: made.createdAt, trigger: made.trigger } }),
  };
  if (options.nativeBinding) useNativeBinding(options.nativeBinding);
  // The start check: a damaged or unreadable database is not opened (backup/start.ts).
  const folder = () => backupFolder(options.database, home).folder;
  if (existsSync(options.database)) {
    const damage = startCheck(options.database, folder());
    if (damage) throw new DatabaseDamaged(damage, folder());
  }
  const open = () =>
    openDatabase({
      file: options.database,
      mustExist: options.mustExist ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
      beforeMigrate: (db) => createBackupSync(db, options.database, folder(), 'migration', clock()),
    });
  let db = open();
  const identity = options.identity ?? openIdentity(home, { protector: options.keyProtector ?? null });
  const repos = openRepositories(db, identity, clock);
  ensureDefaultInstruments(repos, options.resources);
  const worker: PdfWorker | null = options.pdfWorker
    ? startPdfWorker(options.resources, ...(typeof options.pdfWorker === 'string' ? [options.pdfWorker] : []))
    : null;
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
        const plan = planDocument(documentContext(deps.repos, stamp.competition, now), stamp.doc, { juror: stamp.juror, site: stamp.site });
        return { revision: plan.stamp.revision, sha256: plan.stamp.sha256 };
      },
      markSigned: (competition, revision, snapshot, signers) => markSigned(deps, competition, revision, snapshot, signers),
    },
    backups: {
      place,
      restore: async (name) => {
        const dir = requireBackup(place, name);
        db.close();
        try {
          const outcome = await restoreBackup(options.database, dir, folder(), clock());
          if (outcome.before) place.announce?.(outcome.before);
          return outcome;
        } finally {
          // The restored database (or, after a refusal, the unchanged one) is opened again as at start.
          db = open();
          deps.repos = openRepositories(db, identity, clock);
          ensureDefaultInstruments(deps.repos, options.resources);
          const operator = deps.session.operator;
          deps.session = new SessionState(deps.repos.pinLockouts);
          deps.session.operator = operator;
        }
      },
    },
  };
  // The daily backup: checked at the first call of each local day the app is used (a backup taken that day by any
  // trigger counts).
  let dayChecked = '';
  const autoBackup = async (channel: string, result: Result<unknown>) => {
    if (!options.autoBackup) return;
    const now = clock();
    const today = localDay(now, -now.getTimezoneOffset());
    if (options.autoBackup === true && dayChecked !== today) {
      dayChecked = today;
      if (dailyDue(place)) await backupQuietly('daily');
    }
    const trigger = backupAfter(channel, result);
    if (trigger) await backupQuietly(trigger);
  };
  const backupQuietly = async (trigger: Parameters<typeof createAt>[2]) => {
    try {
      await createAt(db, place, trigger);
    } catch (error) {
      // An automatic backup that fails (a full flash drive) never fails the work it follows; it is logged.
      (options.log ?? ((c, e) => console.error(`[penilai] ${c}:`, e)))(`backup.${trigger}`, error);
    }
  };
  const run = async (channel: string, payload: unknown) => {
    const result = await dispatch(handlers, channel, payload, deps, options.log);
    await autoBackup(channel, result);
    return result;
  };
  return {
    deps,
    get db() {
      return db;
    },
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
