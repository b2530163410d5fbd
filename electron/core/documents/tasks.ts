/**
 * Documents laid out as tasks: progress as the platform's `progress` events under the caller's task id (parts
 * laid out of all parts), cancellable by `documents.cancel`, and in the desktop app written straight to the file
 * the user picks (asked before the layout starts) or handed to Electron's print: the bytes never cross to the
 * renderer. A cancelled task writes nothing; a failed write leaves no partial file.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedFile } from '../../../shared/contract/schemas.js';
import type { DocumentChoice } from '../../../shared/domain/doc-stamp.js';
import { UserError } from '../../../shared/domain/errors.js';
import type { Deps, HandlerGroup } from '../deps.js';
import { documentContext, planDocument, renderDocument } from './render.js';

interface Choice {
  competition: string;
  doc: DocumentChoice;
  juror?: string | undefined;
  site?: string | undefined;
  task?: string | undefined;
}

/** The running tasks of each core (tests open several cores in one process). */
const running = new WeakMap<object, Map<string, AbortController>>();

function tasksOf(deps: Deps): Map<string, AbortController> {
  let tasks = running.get(deps.repos);
  if (!tasks) {
    tasks = new Map();
    running.set(deps.repos, tasks);
  }
  return tasks;
}

/** Lays the chosen document out, emitting progress under `task` and stopping when the task is cancelled. */
export async function renderTask(deps: Deps, choice: Choice): Promise<RenderedFile> {
  const { task } = choice;
  const tasks = tasksOf(deps);
  if (task && tasks.has(task)) throw new UserError('documents.taskBusy', { task }, 'conflict');
  const controller = new AbortController();
  if (task) tasks.set(task, controller);
  try {
    return await renderDocument(
      deps.repos,
      deps.renderPdf,
      choice.competition,
      choice.doc,
      deps.clock(),
      { juror: choice.juror ?? null, site: choice.site ?? null },
      {
        signal: controller.signal,
        ...(task
          ? { onProgress: (done: number, total: number) => deps.events.emit({ type: 'progress', data: { task, done, total } }) }
          : {}),
      },
    );
  } finally {
    if (task && tasks.get(task) === controller) tasks.delete(task);
  }
}

export function cancelTask(deps: Deps, task: string): boolean {
  const controller = tasksOf(deps).get(task);
  if (!controller) return false;
  controller.abort();
  return true;
}

/** Writes the bytes beside the target first and renames them into place: the file is whole or absent. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const partial = `${path}.penilai-part`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export const documentTaskHandlers = {
  'documents.save': async (choice, deps) => {
    if (!deps.dialogs) throw new UserError('documents.desktopOnly', {}, 'invalid');
    const plan = planDocument(documentContext(deps.repos, choice.competition, deps.clock()), choice.doc, {
      juror: choice.juror ?? null,
      site: choice.site ?? null,
    });
    const path = await deps.dialogs.choosePath(plan.name);
    if (path === null) return { saved: false, path: null, name: plan.name, pages: 0, dataHash: plan.stamp.sha256 };
    const rendered = await renderTask(deps, choice);
    await writeWhole(path, rendered.bytes);
    return { saved: true, path, name: rendered.name, pages: rendered.pages, dataHash: rendered.dataHash };
  },

  'documents.print': async (choice, deps) => {
    if (!deps.dialogs) throw new UserError('documents.desktopOnly', {}, 'invalid');
    const rendered = await renderTask(deps, choice);
    const dir = await mkdtemp(join(tmpdir(), 'penilai-print-'));
    const file = join(dir, rendered.name);
    await writeFile(file, rendered.bytes);
    const printed = await deps.dialogs.printFile(file);
    return { printed, name: rendered.name, pages: rendered.pages, dataHash: rendered.dataHash };
  },

  'documents.cancel': ({ task }, deps) => ({ cancelled: cancelTask(deps, task) }),
} satisfies HandlerGroup;
