/**
 * One document laid out as a task: progress from the core's `progress` events of this task id, a cancel, and the
 * result. The desktop app has main write the PDF straight to the file picked in its save dialog (or hand it to
 * Electron's print): the bytes never come to the renderer. The browser mode gets the bytes once and downloads
 * them, or opens them in a new tab to print.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract/schemas.js';
import type { AppError } from '../../../../shared/domain/errors.js';
import { call, isDesktop, onEvent, saveBytes } from '../../api.js';

export type DocumentRequest = Omit<ChannelInput<'documents.render'>, 'task'>;

export type TaskOutcome =
  | { kind: 'saved'; name: string; path: string | null; pages: number; dataHash: string }
  | { kind: 'printed'; name: string; pages: number; dataHash: string; inTab: boolean }
  | { kind: 'dialogClosed' }
  | { kind: 'printBlocked' }
  | { kind: 'cancelled'; error: AppError }
  | { kind: 'failed'; error: AppError };

export interface TaskState {
  running: boolean;
  cancelling: boolean;
  /** Parts laid out of all parts, once the core has said how many there are. */
  progress: { done: number; total: number } | null;
  outcome: TaskOutcome | null;
}

function newTaskId(): string {
  return `laporan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function failed(error: AppError): TaskOutcome {
  return error.key === 'documents.cancelled' ? { kind: 'cancelled', error } : { kind: 'failed', error };
}

export function useDocumentTask(): TaskState & {
  save(request: DocumentRequest): Promise<void>;
  print(request: DocumentRequest): Promise<void>;
  cancel(): Promise<void>;
} {
  const [state, setState] = useState<TaskState>({ running: false, cancelling: false, progress: null, outcome: null });
  const task = useRef<string | null>(null);

  // Listening from the moment the screen shows, not from the click: in the browser mode the event stream takes a
  // moment to connect, and the first events of a task must not be lost to it.
  useEffect(
    () =>
      onEvent('progress', (event) => {
        if (event.data.task !== task.current) return;
        const { done, total } = event.data;
        setState((s) => (s.running ? { ...s, progress: { done, total } } : s));
      }),
    [],
  );

  const start = useCallback((): string => {
    const id = newTaskId();
    task.current = id;
    setState({ running: true, cancelling: false, progress: null, outcome: null });
    return id;
  }, []);

  const finish = useCallback((outcome: TaskOutcome) => {
    task.current = null;
    setState({ running: false, cancelling: false, progress: null, outcome });
  }, []);

  const save = useCallback(
    async (request: DocumentRequest) => {
      const id = start();
      if (isDesktop()) {
        const saved = await call('documents.save', { ...request, task: id });
        if (!saved.ok) return finish(failed(saved.error));
        if (!saved.value.saved) return finish({ kind: 'dialogClosed' });
        const { name, path, pages, dataHash } = saved.value;
        return finish({ kind: 'saved', name, path, pages, dataHash });
      }
      const rendered = await call('documents.render', { ...request, task: id });
      if (!rendered.ok) return finish(failed(rendered.error));
      const { name, mime, bytes, pages, dataHash } = rendered.value;
      const downloaded = await saveBytes(name, bytes, mime);
      if (!downloaded.ok) return finish(failed(downloaded.error));
      finish({ kind: 'saved', name, path: null, pages, dataHash });
    },
    [start, finish],
  );

  const print = useCallback(
    async (request: DocumentRequest) => {
      // The new tab is opened now, while the click still counts as the person's own (a tab opened after a wait
      // is blocked as a pop-up), and shows the PDF once it is made.
      const tab = isDesktop() ? null : window.open('', '_blank');
      if (!isDesktop() && !tab) return finish({ kind: 'printBlocked' });
      const id = start();
      if (isDesktop()) {
        const printed = await call('documents.print', { ...request, task: id });
        if (!printed.ok) return finish(failed(printed.error));
        const { name, pages, dataHash } = printed.value;
        return finish(printed.value.printed ? { kind: 'printed', name, pages, dataHash, inTab: false } : { kind: 'dialogClosed' });
      }
      const rendered = await call('documents.render', { ...request, task: id });
      if (!rendered.ok) {
        tab?.close();
        return finish(failed(rendered.error));
      }
      const { name, bytes, pages, dataHash } = rendered.value;
      const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pdf' }));
      tab!.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      finish({ kind: 'printed', name, pages, dataHash, inTab: true });
    },
    [start, finish],
  );

  const cancel = useCallback(async () => {
    const id = task.current;
    if (!id) return;
    setState((s) => ({ ...s, cancelling: true }));
    await call('documents.cancel', { task: id });
  }, []);

  return { ...state, save, print, cancel };
}
