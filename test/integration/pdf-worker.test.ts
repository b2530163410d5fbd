/**
 * The app lays PDFs out in a worker thread (long documents take seconds and ~1 GB, toolchain.md): the worker run
 * from source (browser mode) and the built worker (Electron's out/main/pdf-worker.js) give the same document as
 * the inline renderer of the command line, and a failed render is an error value, not a dead worker.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { buildRenderJob, countPages, inlineRenderer } from '../../electron/core/documents/render.js';
import { startPdfWorker } from '../../electron/core/documents/worker-client.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { createDemo } from '../../electron/core/setup/services.js';
import { openCore } from '../../electron/core/app.js';
import { REPO_ROOT, tempDir } from '../support/core.js';
import { pdfText } from '../support/pdf.js';

const temp = tempDir('penilai-worker-');
let core: Core;

beforeAll(() => {
  core = openCore({ database: join(temp.dir, 'w.db'), resources: repositoryResources(), version: 'test', desktop: false, pdfWorker: true });
  createDemo(core.deps.repos, repositoryResources());
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

function textOf(bytes: Uint8Array, name: string): string {
  const file = join(temp.dir, name);
  writeFileSync(file, bytes);
  return pdfText(file);
}

describe('the PDF worker', () => {
  it('renders through the app core the same text as the inline renderer of the command line', async () => {
    const viaCore = await core.call('documents.render', { competition: 'DEMO', doc: 'rekap' });
    expect(viaCore.ok && viaCore.value.pages).toBe(2);
    const job = buildRenderJob(core.deps.repos, 'DEMO', 'rekap', new Date('2026-09-21T08:00:00'));
    const viaWorker = await core.deps.renderPdf(job);
    const inline = await inlineRenderer(repositoryResources())(job);
    expect(countPages(viaWorker)).toBe(countPages(inline));
    expect(textOf(viaWorker, 'worker.pdf')).toBe(textOf(inline, 'inline.pdf'));
  });

  it('runs from the electron-vite build as Electron runs it', async () => {
    const built = join(REPO_ROOT, 'out', 'main', 'pdf-worker.js');
    expect(existsSync(built), 'run `npm run build` first').toBe(true);
    const worker = startPdfWorker(repositoryResources(), built);
    try {
      const job = buildRenderJob(core.deps.repos, 'DEMO', 'rekap', new Date('2026-09-21T08:00:00'));
      const text = textOf(await worker.render(job), 'built.pdf');
      expect(text).toContain('REKAPITULASI NILAI');
      expect(text).toContain('Halaman 2 dari 2');
    } finally {
      await worker.close();
    }
  });

  it('reports a failed render as an error and keeps working', async () => {
    const worker = startPdfWorker(repositoryResources());
    try {
      const broken = { doc: 'rekap', name: 'x.pdf', model: { nonsense: true } } as never;
      await expect(worker.render(broken)).rejects.toThrow();
      const job = buildRenderJob(core.deps.repos, 'DEMO', 'rekap', new Date());
      expect(countPages(await worker.render(job))).toBe(2);
    } finally {
      await worker.close();
    }
  });
});
