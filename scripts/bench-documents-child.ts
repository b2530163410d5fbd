/**
 * The process that lays out a document for `npm run bench -- documents` (scripts/bench-documents.ts), alone in its
 * process so that its peak memory is its own: opens the database, lays out the bundle (or a stand-in of many
 * recap parts) as the app's worker does (`inlineRenderer`: chunks joined with pdf-lib), writes the PDF, and prints
 * one JSON line: the layout's milliseconds, pages, bytes, parts, and the process's peak RSS (resourceUsage's maxRSS,
 * and the highest RSS sampled every 50 ms).
 *
 * Usage: tsx scripts/bench-documents-child.ts DB CODE OUT.pdf [--chunk N] [--standin PARTS] [--naive] [--experimental]
 *  --standin: the recap repeated PARTS times (a long job of the documents this version has);
 *  --naive: one react-pdf <Document> with every part (what the app did before chunks);
 *  --experimental: every page with react-pdf's `experimentalPagination`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Children, cloneElement, createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { Document, renderToBuffer } from '@react-pdf/renderer';
import { openDatabase } from '../electron/core/platform/database.js';
import { openRepositories } from '../electron/core/app.js';
import { renderChunked } from '../electron/core/documents/bundle.js';
import { collectGarbage } from '../electron/core/documents/collect.js';
import { registerFonts } from '../electron/core/documents/fonts.js';
import { documentEntry } from '../electron/core/documents/registry.js';
import { buildRenderJob, countPages, inlineRenderer, jobElement, type RenderJob } from '../electron/core/documents/render.js';
import { repositoryResources } from '../electron/core/platform/resources.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { chunk: { type: 'string' }, standin: { type: 'string' }, naive: { type: 'boolean' }, experimental: { type: 'boolean' } },
});
const [dbFile, code, out] = positionals as [string, string, string];
const resources = repositoryResources();
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

/** Every page of the job with `experimentalPagination` (the entries' Pages are pure functions of their props). */
function experimentalElement(job: RenderJob) {
  const pages = job.parts.flatMap((part) => {
    const Pages = documentEntry(part.doc).Pages as unknown as ((props: object) => ReactElement) | undefined;
    if (!Pages) throw new Error(`${part.doc} is painted: --experimental is for react-pdf documents (the stand-in)`);
    const tree = Pages({ model: part.model, stamp: part.stamp, bookmark: part.bookmark });
    const list = (tree.type as unknown) === Fragment ? Children.toArray((tree.props as { children: ReactNode }).children) : [tree];
    return list
      .filter(isValidElement)
      .map((page) => cloneElement(page as ReactElement<{ experimentalPagination?: boolean }>, { experimentalPagination: true }));
  });
  return createElement(Document, { title: job.title, keywords: job.keywords }, ...pages);
}

const db = openDatabase({ file: dbFile, mustExist: true });
try {
  const repos = openRepositories(db, { id: 'b0000000-0000-4000-8000-000000000000', publicKey: null });
  const now = new Date('2026-09-21T08:00:00');
  const standin = values.standin ? Number(values.standin) : 0;
  let job = buildRenderJob(repos, code, standin ? 'rekap' : 'all', now);
  if (standin)
    job = { ...job, parts: Array.from({ length: standin }, (_, i) => ({ ...job.parts[0]!, bookmark: `Rekapitulasi Nilai ${i + 1}` })) };
  registerFonts(resources);
  const started = performance.now();
  let bytes: Uint8Array;
  if (values.naive) {
    // react-pdf's parts only (the painted ones have no component): the stand-in.
    bytes = await renderToBuffer(jobElement(job) as Parameters<typeof renderToBuffer>[0]);
  } else if (values.experimental) {
    const render = (chunk: RenderJob) => renderToBuffer(experimentalElement(chunk) as Parameters<typeof renderToBuffer>[0]);
    bytes =
      job.parts.length > 1
        ? await renderChunked(job, render, {
            documentTitle: (doc) => documentEntry(doc).title,
            betweenChunks: collectGarbage,
            ...(values.chunk ? { chunkParts: Number(values.chunk) } : {}),
          })
        : await render(job);
  } else {
    bytes = await inlineRenderer(resources, values.chunk ? { chunkParts: Number(values.chunk) } : {})(job);
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  writeFileSync(out, bytes);
  const maxRssMb = Math.max(process.resourceUsage().maxRSS / 1024, peak / 1024 / 1024);
  process.stdout.write(
    `${JSON.stringify({ ms, pages: countPages(bytes), bytes: bytes.length, parts: job.parts.length, docs: [...new Set(job.parts.map((p) => p.doc))], maxRssMb })}\n`,
  );
} finally {
  db.close();
}
