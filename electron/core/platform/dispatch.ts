/**
 * The one entry used by both transports (Electron IPC and the HTTP bridge), the CLI and the tests: it validates
 * the payload against the contract, runs the channel's handler and returns a result value. Errors cross as values:
 * a `UserError` as its message key and parameters, a full disk as `disk.full` (platform/disk.ts), anything else
 * logged in full and shown as one line.
 */
import { isChannel } from '../../../shared/contract/channels.js';
import { inputSchemas, type Result } from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import { fromZodIssues, ValidationError } from '../../../shared/domain/validation.js';
import { diskFullError, isDiskFull } from './disk.js';
import { isBusy } from './database.js';

/** Something unexpected (a bug, a disk error): logged in full for developers, shown to the user as one line. */
export type ErrorLog = (channel: string, error: unknown) => void;

/** The domains' handler maps merged into one table; a channel defined by two domains is a programming error. */
export function mergeHandlers<const T extends readonly object[]>(...groups: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (channel in merged) throw new Error(`channel ${channel} is defined twice`);
      merged[channel] = handler;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export async function dispatch<D>(
  handlers: Readonly<Record<string, unknown>>,
  channel: string,
  payload: unknown,
  deps: D,
  log: ErrorLog = defaultLog,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'not-found', key: 'error.unknownChannel', params: { channel } } };
  const parsed = inputSchemas[channel].safeParse(payload ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, error: new ValidationError(fromZodIssues(parsed.error.issues)).toValue() };
  try {
    const handler = handlers[channel] as (args: unknown, deps: D) => unknown;
    return { ok: true, value: await handler(parsed.data, deps) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.toValue() };
    // Another process held the write lock for longer than the connection's busy_timeout: said in words, not a bug.
    if (isBusy(error)) return { ok: false, error: new UserError('db.busy', {}, 'conflict').toValue() };
    log(channel, error);
    // A full disk is no bug: the user is told what to do (the change was rolled back whole).
    if (isDiskFull(error)) return { ok: false, error: diskFullError().toValue() };
    return { ok: false, error: { code: 'internal', key: 'error.internal', params: { detail: (error as Error).message ?? String(error) } } };
  }
}

function defaultLog(channel: string, error: unknown): void {
  console.error(`[penilai] ${channel} failed:`, error);
}
