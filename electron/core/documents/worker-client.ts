/**
 * The main thread's side of the PDF worker: one worker, started on first use, requests matched by id. A worker
 * that dies fails the requests it held and is started again on the next one.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Resources } from '../platform/resources.js';
import { cancelledError } from './bundle.js';
import type { PdfRenderer, RenderJob } from './render.js';

type Reply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; message: string }
  | { id: number; ok?: undefined; progress: { done: number; total: number } };

interface Waiting {
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
  onProgress: ((done: number, total: number) => void) | undefined;
}

export interface PdfWorker {
  render: PdfRenderer;
  close(): Promise<void>;
}

/**
 * `workerFile`: the built `pdf-worker.js` (Electron), or the TypeScript source when running from source under
 * tsx (the browser mode, the tests), which the worker then loads through tsx with the electron tsconfig (JSX).
 */
export function startPdfWorker(resources: Resources, workerFile: string = sourceWorkerFile()): PdfWorker {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Waiting>();

  function failAll(error: Error): void {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker = null;
  }

  function ensure(): Worker {
    if (worker) return worker;
    const started = /\.tsx?$/.test(workerFile) ? new Worker(tsxBootstrap(workerFile), { eval: true }) : new Worker(workerFile);
    started.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      if (reply.ok === undefined) return waiting.onProgress?.(reply.progress.done, reply.progress.total);
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) waiting.resolve(reply.bytes);
      else waiting.reject(new Error(reply.message));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) failAll(new Error(`PDF worker stopped (exit code ${code})`));
    });
    worker = started;
    return started;
  }

  return {
    render: (job: RenderJob, onProgress?: (done: number, total: number) => void, signal?: AbortSignal) =>
      new Promise<Uint8Array>((resolve, reject) => {
        if (signal?.aborted) return reject(cancelledError());
        const id = nextId++;
        pending.set(id, { resolve, reject, onProgress });
        const target = ensure();
        // Busy, the worker keeps the process alive until it answers; idle, it does not (see the reply handler).
        target.ref();
        target.postMessage({ id, job, resourcesDir: resources.dir });
        // Cancelled: the worker is stopped at once (its memory with it) and started afresh by the next render;
        // this request fails as cancelled, any other it held as stopped.
        signal?.addEventListener(
          'abort',
          () => {
            const waiting = pending.get(id);
            if (!waiting || worker !== target) return;
            pending.delete(id);
            waiting.reject(cancelledError());
            failAll(new Error('PDF worker stopped: another document was cancelled'));
            void target.terminate();
          },
          { once: true },
        );
      }),
    close: async () => {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}

/**
 * A worker cannot start from a .ts file by itself: this bootstrap loads it through tsx's API with the electron
 * tsconfig (automatic JSX), as `npm run web` and `npm run cli` run the core.
 */
function tsxBootstrap(workerFile: string): string {
  // The ESM build of tsx's API (its CommonJS build cannot be import()ed from an eval'd worker).
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
  const entry = pathToFileURL(workerFile).href;
  return `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, { parentURL: ${JSON.stringify(entry)}, tsconfig: ${JSON.stringify(tsconfig)} }));`;
}

export function sourceWorkerFile(): string {
  return fileURLToPath(new URL('./pdf-worker.ts', import.meta.url));
}
