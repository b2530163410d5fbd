/**
 * Documents to PDF bytes, in two steps: the main thread builds a job from the registry (each part's view model,
 * plain data, and its stamp), and react-pdf lays it out. The layout blocks for a while (≈0.2 s a page), so the app
 * runs it in a worker thread (`pdf-worker.ts`, `PdfWorker`); the command line, which has nothing else to do, runs
 * it inline. Every part is hashed (`stamp.ts`); the document's hash is the locked snapshot's once locked (for the
 * documents that show the result), else the part's own, or for several parts the hash of their hashes in order.
 */
import { createElement, Fragment } from 'react';
import { Document, renderToBuffer } from '@react-pdf/renderer';
import type { RenderedFile } from '../../../shared/contract/schemas.js';
import { formatStamp, type DocumentChoice, type DocumentKind, type DocumentStamp } from '../../../shared/domain/doc-stamp.js';
import { isFrozen } from '../../../shared/domain/pleno.js';
import { UserError } from '../../../shared/domain/errors.js';
import type { Repositories } from '../deps.js';
import type { Resources } from '../platform/resources.js';
import { cancelledError, documentTitle, renderChunked, type ChunkRenderer } from './bundle.js';
import { collectGarbage } from './collect.js';
import { registerFonts } from './fonts.js';
import { paintJob, type Painter } from './paint.js';
import type { PdfRenderer, RenderJob, RenderPart } from './job.js';
import { BUNDLE_ORDER, DOCUMENTS, documentEntry, type DocumentContext, type DocumentOptions, type DocumentPart } from './registry.js';
import { dataHash, pageStamp } from './stamp.js';

export type { DocumentKind, PdfRenderer, RenderJob } from './job.js';

/** Pages in a PDF made by react-pdf (its page objects are written uncompressed). */
export function countPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export interface HashedPart {
  doc: DocumentKind;
  part: DocumentPart<unknown>;
  sha256: string;
}

export interface DocumentPlan {
  stamp: DocumentStamp;
  title: string;
  name: string;
  parts: HashedPart[];
}

export function documentContext(repos: Repositories, competition: string, now: Date): DocumentContext {
  return { repos, detail: repos.setup.loadCompetition(competition), ranking: repos.pleno.official(competition), now };
}

/**
 * Which parts a document has and what it hashes to, without laying anything out: what `render`, `verify --pdf --db`
 * and Verifikasi dokumen all use, so that the hash printed and the hash checked come from one place.
 */
export function planDocument(ctx: DocumentContext, doc: DocumentChoice, options: DocumentOptions): DocumentPlan {
  const code = ctx.detail.info.code;
  if (options.juror && !ctx.detail.jurors.some((j) => j.code === options.juror)) {
    throw new UserError('documents.unknownJuror', { juror: options.juror, code }, 'not-found');
  }
  if (options.site && !ctx.detail.sites.some((s) => s.code === options.site)) {
    throw new UserError('documents.unknownSite', { site: options.site, code }, 'not-found');
  }
  const kinds = doc === 'all' ? BUNDLE_ORDER.filter((k) => DOCUMENTS[k]) : [doc];
  const frozen = isFrozen(ctx.ranking.state) && ctx.ranking.snapshot !== null;
  const parts: HashedPart[] = [];
  for (const kind of kinds) {
    if (!DOCUMENTS[kind]) throw new UserError('documents.notAvailable', { doc: titleOf(kind) });
    const entry = documentEntry(kind);
    for (const part of entry.parts(ctx, options)) {
      const own = dataHash(part.data);
      parts.push({ doc: kind, part, sha256: entry.snapshotHash && frozen ? ctx.ranking.snapshot! : own });
    }
  }
  const wholeFromSnapshot = frozen && (doc === 'all' || documentEntry(doc).snapshotHash);
  const sha256 = wholeFromSnapshot ? ctx.ranking.snapshot! : parts.length === 1 ? parts[0]!.sha256 : dataHash(parts.map((p) => p.sha256));
  const stamp: DocumentStamp = { doc, competition: code, revision: ctx.ranking.revision, juror: options.juror, site: options.site, sha256 };
  const title = doc === 'all' ? 'Dokumen Penilaian' : documentEntry(doc).title;
  const stem = doc === 'all' ? 'Dokumen-Penilaian' : documentEntry(doc).fileStem;
  const limits = [options.juror, options.site].filter(Boolean).join('-');
  return { stamp, title, name: `${stem}-${code}${limits ? `-${limits}` : ''}.pdf`, parts };
}

export function buildRenderJob(
  repos: Repositories,
  competition: string,
  doc: DocumentChoice,
  now: Date,
  options: DocumentOptions = { juror: null, site: null },
): RenderJob & { stamp: DocumentStamp } {
  const plan = planDocument(documentContext(repos, competition, now), doc, options);
  const parts: RenderPart[] = plan.parts.map(({ doc: kind, part, sha256 }) => ({
    doc: kind,
    model: part.model(),
    bookmark: part.title,
    stamp: pageStamp({ doc: kind, competition, revision: plan.stamp.revision, sha256 }),
  }));
  return {
    name: plan.name,
    title: `${plan.title} — ${plan.stamp.competition}`,
    keywords: formatStamp(plan.stamp),
    parts,
    stamp: plan.stamp,
  };
}

/** Whether a part is painted on pdfkit (paint.ts) rather than laid out by react-pdf. */
export function isPainted(part: RenderPart): boolean {
  return Boolean(documentEntry(part.doc).painter);
}

function painterOf(part: RenderPart): Painter<unknown> {
  const painter = documentEntry(part.doc).painter;
  if (!painter) throw new Error(`document ${part.doc} is not painted`);
  return painter;
}

function pagesOf(part: RenderPart) {
  const Pages = documentEntry(part.doc).Pages;
  if (!Pages) throw new Error(`document ${part.doc} is painted, not a react-pdf component`);
  return Pages;
}

/** The job as one react-pdf document: each part's pages, in order (parts laid out by react-pdf only). */
export function jobElement(job: RenderJob) {
  return createElement(
    Document,
    { title: job.title, keywords: job.keywords, author: 'Penilai', creator: 'Penilai', producer: 'Penilai', language: 'id-ID' },
    ...job.parts.map((part, i) =>
      createElement(Fragment, { key: i }, createElement(pagesOf(part), { model: part.model, stamp: part.stamp, bookmark: part.bookmark })),
    ),
  );
}

/** A document's name: its entry's title, or the usual name of one this version cannot make yet. */
export function titleOf(kind: DocumentKind): string {
  return documentTitle(kind, DOCUMENTS[kind]?.title);
}

/** One react-pdf document of all the job's parts (a chunk of a long job; fonts registered by the caller). */
export async function renderWhole(job: RenderJob): Promise<Uint8Array> {
  const buffer = await renderToBuffer(jobElement(job) as Parameters<typeof renderToBuffer>[0]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A job whose parts are all laid out the same way, as one PDF: painted on pdfkit, or one react-pdf document. */
export function layOutChunk(resources: Resources): ChunkRenderer {
  return (job, onPart, signal) =>
    job.parts.length > 0 && job.parts.every(isPainted) ? paintJob(resources, job, painterOf, onPart, signal) : renderWhole(job);
}

/**
 * The layout on the calling thread. A job of one part is one PDF; a longer one is laid out in chunks of parts laid
 * out the same way (painted, or react-pdf) and joined (bundle.ts), so that memory stays bounded whatever the number
 * of parts.
 */
export function inlineRenderer(resources: Resources, options: { chunkParts?: number } = {}): PdfRenderer {
  const layOut = layOutChunk(resources);
  return async (job, onProgress, signal) => {
    registerFonts(resources);
    if (signal?.aborted) throw cancelledError();
    if (job.parts.length <= 1) {
      onProgress?.(0, job.parts.length);
      const bytes = await layOut(job);
      if (signal?.aborted) throw cancelledError();
      onProgress?.(job.parts.length, job.parts.length);
      return bytes;
    }
    return renderChunked(job, layOut, {
      painted: isPainted,
      ...(options.chunkParts ? { chunkParts: options.chunkParts } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(signal ? { signal } : {}),
      documentTitle: titleOf,
      betweenChunks: collectGarbage,
    });
  };
}

export async function renderDocument(
  repos: Repositories,
  render: PdfRenderer,
  competition: string,
  doc: DocumentChoice,
  now: Date,
  options: DocumentOptions = { juror: null, site: null },
  progress: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<RenderedFile> {
  const job = buildRenderJob(repos, competition, doc, now, options);
  const bytes = await render(job, progress.onProgress, progress.signal);
  return { name: job.name, mime: 'application/pdf', bytes, pages: countPages(bytes), dataHash: job.stamp.sha256 };
}
