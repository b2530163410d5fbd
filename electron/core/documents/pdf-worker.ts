/**
 * The worker thread that lays out PDFs, so that a long document never freezes the window (Electron) or the
 * bridge (browser mode). One long-lived worker keeps its fonts loaded between documents; a long job is laid out in
 * chunks of parts (bundle.ts), one after another, each chunk's layout freed before the next.
 * Messages in: { id, job, resourcesDir }; out: { id, progress: { done, total } } after each chunk, then
 * { id, ok: true, bytes } | { id, ok: false, message }. Cancelling is the client's: it terminates the worker.
 */
import { parentPort } from 'node:worker_threads';
import { inlineRenderer, type PdfRenderer, type RenderJob } from './render.js';

interface Request {
  id: number;
  job: RenderJob;
  resourcesDir: string;
}

const renderers = new Map<string, PdfRenderer>();

parentPort?.on('message', (request: Request) => {
  let render = renderers.get(request.resourcesDir);
  if (!render) {
    render = inlineRenderer({ dir: request.resourcesDir });
    renderers.set(request.resourcesDir, render);
  }
  render(request.job, (done, total) => parentPort?.postMessage({ id: request.id, progress: { done, total } })).then(
    (bytes) => {
      // Transfer, not copy; a view into a shared pool buffer is copied first (a pool cannot be transferred).
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      parentPort?.postMessage({ id: request.id, ok: true, bytes: owned }, [owned.buffer as ArrayBuffer]);
    },
    (error: unknown) => parentPort?.postMessage({ id: request.id, ok: false, message: (error as Error).message ?? String(error) }),
  );
});
