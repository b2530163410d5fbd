/**
 * Files opened with the app (a double-click on a .penilai file, "Open with", a path on the command line): the shell
 * hands the path to the core, which reads the file once, keeps its bytes until the renderer takes them through
 * `app.openedFiles`, and announces it with the `file.opened` event (events carry no bytes).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { OpenedFileKind } from '../../../shared/contract/events.js';

export function openedFileKind(name: string): OpenedFileKind {
  const ext = extname(name).toLowerCase();
  if (ext === '.penilai') return 'package';
  if (ext === '.json') return 'competition';
  return 'unknown';
}

export class OpenedFiles {
  private readonly waiting: { name: string; kind: OpenedFileKind; bytes: Uint8Array }[] = [];

  /** Reads the file at `path` and keeps it for the renderer; returns what the `file.opened` event says. */
  add(path: string): { name: string; kind: OpenedFileKind } {
    const name = basename(path);
    const kind = openedFileKind(name);
    this.waiting.push({ name, kind, bytes: new Uint8Array(readFileSync(path)) });
    return { name, kind };
  }

  /** The files of one kind not taken yet, oldest first; each is handed over once. */
  take(kind: OpenedFileKind): { name: string; bytes: Uint8Array }[] {
    const taken = this.waiting.filter((f) => f.kind === kind);
    for (const f of taken) this.waiting.splice(this.waiting.indexOf(f), 1);
    return taken.map(({ name, bytes }) => ({ name, bytes }));
  }
}
