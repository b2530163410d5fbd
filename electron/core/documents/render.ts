/**
 * Documents to PDF bytes, in two steps: the main thread builds a job (the document's view model, plain data,
 * from the repos), and react-pdf lays it out. The layout blocks for a while (≈0.2 s a page), so the app runs it in
 * a worker thread (`pdf-worker.ts`, `PdfWorker`); the command line, which has nothing else to do, runs it inline.
 */
import { createElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { RenderedFile } from '../../../shared/contract/schemas.js';
import type { Repositories } from '../deps.js';
import type { Resources } from '../platform/resources.js';
import { registerFonts } from './fonts.js';
import { RekapDocument } from './rekap.js';
import type { DocumentKind, PdfRenderer, RenderJob } from './job.js';
import { buildRekapModel } from './rekap-model.js';

export type { DocumentKind, PdfRenderer, RenderJob } from './job.js';

/** Pages in a PDF made by react-pdf (its page objects are written uncompressed). */
export function countPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export function buildRenderJob(repos: Repositories, competition: string, doc: DocumentKind, now: Date): RenderJob {
  const detail = repos.setup.loadCompetition(competition);
  const ranking = repos.pleno.official(competition);
  return { doc, name: `Rekapitulasi-${competition}.pdf`, model: buildRekapModel(detail, ranking, now) };
}

/** react-pdf on the calling thread. */
export function inlineRenderer(resources: Resources): PdfRenderer {
  return async (job) => {
    registerFonts(resources);
    const buffer = await renderToBuffer(createElement(RekapDocument, { model: job.model }) as Parameters<typeof renderToBuffer>[0]);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
}

export async function renderDocument(
  repos: Repositories,
  render: PdfRenderer,
  competition: string,
  doc: DocumentKind,
  now: Date,
): Promise<RenderedFile> {
  const job = buildRenderJob(repos, competition, doc, now);
  const bytes = await render(job);
  return { name: job.name, mime: 'application/pdf', bytes, pages: countPages(bytes) };
}
