/**
 * The events the main process sends to the renderer, unasked: a closed union, like the channels. In Electron they
 * arrive through the preload's `on(type, callback)` (one IPC name, `EVENT_IPC`); in the browser mode as server-sent
 * events on `GET /api/events` (`event: <type>`, `data: <json of data>`), behind the same token as every API call.
 *
 * Events carry no bytes: a file opened with the app is announced by name and kind; its bytes are fetched with a
 * channel call. Kept free of zod (and of any value import) so that the sandboxed preload can import it cheaply.
 */
import type { MessageKey } from '../i18n/messages.js';

export const EVENTS = ['progress', 'file.opened', 'backup.done'] as const;

export type EventType = (typeof EVENTS)[number];

/** What kind of file the app was asked to open (double-click, "Open with", a file given on the command line). */
export const OPENED_FILE_KINDS = ['competition', 'package', 'backup', 'unknown'] as const;
export type OpenedFileKind = (typeof OPENED_FILE_KINDS)[number];

/**
 * Why a backup was made (shared/contract/backup.ts re-exports it): by hand, before a migration, after finalising a
 * sheet, importing a package, locking or signing the result, once a day, before a restore.
 */
export const BACKUP_TRIGGERS = ['manual', 'migration', 'finalise', 'import', 'lock', 'sign', 'daily', 'restore'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

export interface EventData {
  /** Long work going on in main: `done` of `total` steps of the task `task` (an id the caller chose). */
  progress: { task: string; done: number; total: number; label?: MessageKey };
  /** A file was opened with the app; its bytes are asked for separately. */
  'file.opened': { name: string; kind: OpenedFileKind };
  /** A backup was written: its name (the backup's folder name, never a path), when (ISO 8601), and why. */
  'backup.done': { file: string; at: string; trigger: BackupTrigger };
}

/** One event of type N (distributes over a union of types). */
export type EventOf<N extends EventType> = N extends EventType ? { type: N; data: EventData[N] } : never;

export type PenilaiEvent = EventOf<EventType>;

export type EventListener<N extends EventType> = (event: EventOf<N>) => void;

/** The preload's `on` and the renderer's `onEvent`: subscribe to one event type; returns the unsubscribe function. */
export type OnEvent = <N extends EventType>(type: N, callback: EventListener<N>) => () => void;

/** The one IPC name every event travels on, main → renderer. Channels are `penilai:<domain>.<name>`, never this. */
export const EVENT_IPC = 'penilai:event';

export function isEventType(name: unknown): name is EventType {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const oneOf = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);

const DATA_CHECKS: { [N in EventType]: (data: Record<string, unknown>) => boolean } = {
  progress: (d) => isText(d.task) && isCount(d.done) && isCount(d.total) && d.done <= d.total && (d.label === undefined || isText(d.label)),
  'file.opened': (d) => isText(d.name) && oneOf(OPENED_FILE_KINDS, d.kind),
  'backup.done': (d) => isText(d.file) && isText(d.at) && oneOf(BACKUP_TRIGGERS, d.trigger),
};

/** Whether `value` is one of the known events with data of its shape (anything else is dropped, never delivered). */
export function isPenilaiEvent(value: unknown): value is PenilaiEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, data } = value as { type?: unknown; data?: unknown };
  return isEventType(type) && typeof data === 'object' && data !== null && DATA_CHECKS[type](data as Record<string, unknown>);
}
