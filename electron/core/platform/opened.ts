/**
 * Files opened with the app (double-click on a `.penilai` package, "Open with", a file on the command line): the
 * shell hands their paths to the core, which keeps them here under a name and announces each with the `file.opened`
 * event. The renderer never sees a path: it asks for the bytes by that name (`app.openedFile`), once.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { OpenedFileKind } from '../../../shared/contract/events.js';
import { UserError } from '../../../shared/domain/errors.js';

/** The kind of a file by its name: a package, a competition file, or something the app does not open. */
export function openedKind(name: string): OpenedFileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.penilai')) return 'package';
  if (lower.endsWith('.json')) return 'competition';
  return 'unknown';
}

/** The files among a process's arguments (Windows and Linux pass a double-clicked file this way), options left out. */
export function filesInArguments(argv: readonly string[]): string[] {
  return argv.filter((a) => !a.startsWith('-') && openedKind(a) !== 'unknown');
}

export class OpenedFiles {
  private readonly files = new Map<string, string>();

  /** Keeps a path under a name not yet used (`paket.penilai`, `paket (2).penilai`, …) and returns the name. */
  add(path: string): { name: string; kind: OpenedFileKind } {
    const base = basename(path);
    let name = base;
    for (let n = 2; this.files.has(name) && this.files.get(name) !== path; n += 1) name = base.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    this.files.set(name, path);
    return { name, kind: openedKind(name) };
  }

  /** The bytes of an opened file, once: read now, then forgotten. */
  take(name: string): { name: string; mime: string; bytes: Uint8Array } {
    const path = this.files.get(name);
    if (path === undefined) throw new UserError('app.openedGone', { name }, 'not-found');
    this.files.delete(name);
    try {
      return { name, mime: 'application/octet-stream', bytes: new Uint8Array(readFileSync(path)) };
    } catch (error) {
      throw new UserError('file.unreadable', { file: name, detail: (error as Error).message });
    }
  }
}
