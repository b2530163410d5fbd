/**
 * Long documents (the bundle of `--doc all`, a juror's 27 Lembar) laid out in chunks: each chunk of parts is its own
 * react-pdf document, laid out one after another so that the memory of one is freed before the next (react-pdf
 * holds the whole layout tree of a document: 1.3 GB for the large competition's bundle in one <Document>), then
 * the chunks' pages are joined into one PDF with pdf-lib. The join keeps what the parts carry: every page's
 * content, footer, stamp and fonts (copied with the page), the Link annotations of the signing spaces (copied with
 * the page: their /A << /S /GoTo /D (ttd-J1) >> and /Rect are unchanged), and rebuilds what belongs to the
 * document rather than to a page: the named destinations `ttd-<juror>` (the last occurrence wins, as in one react-pdf
 * document), the outline (one entry per part, grouped by document: "Lembar Penilaian" › "J1 · S01"), the Info
 * (title, the stamp in Keywords) and the language. The file is written with a classic xref table and no object
 * streams, so that signing can append incremental updates to it.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { UserError } from '../../../shared/domain/errors.js';
import type { DocumentKind, RenderJob, RenderPart } from './job.js';

/**
 * Parts per chunk. Measured on the large competition (docs/benchmarks.md, `npm run bench -- documents`): small
 * chunks keep the peak memory low at the price of a fixed cost per react-pdf document (fonts subset and embedded
 * again in each chunk); 8 parts keep the worker well under 400 MB and the fixed cost a few per cent.
 */
export const CHUNK_PARTS = 8;

/**
 * Lays one job out as one PDF, each part's first page bookmarked (react-pdf: one <Document> of the job's parts; or
 * painted on pdfkit, paint.ts). A renderer that lays out part by part tells `onPart` of the parts done so far and
 * stops at an aborted `signal` (painted runs are never split, so their progress and cancel are per part).
 */
export type ChunkRenderer = (job: RenderJob, onPart?: (done: number) => void, signal?: AbortSignal) => Promise<Uint8Array>;

export interface ChunkedOptions {
  chunkParts?: number;
  /** Hears of the parts laid out so far: `done` of `total` (total = the job's parts), after each chunk. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks: an aborted render stops with `documents.cancelled` and returns nothing. */
  signal?: AbortSignal;
  /** Called after each chunk is joined, before the next is laid out (a full garbage collection: collect.ts). */
  betweenChunks?: () => void;
  /**
   * Whether a part is painted (paint.ts): a chunk is painted or react-pdf, never both, and a run of painted parts is
   * one chunk (pdfkit holds one part's pages at a time, so a painted chunk needs no bound; joining costs per chunk).
   */
  painted?: (part: RenderPart) => boolean;
  /** The name of the part's document, for the outline's group entries ("Lembar Penilaian"). */
  documentTitle: (doc: DocumentKind) => string;
}

export function cancelledError(): UserError {
  return new UserError('documents.cancelled', {}, 'conflict');
}

/**
 * Splits the job's parts into chunks, in order: each run of painted parts one chunk, the react-pdf parts in chunks of
 * at most `size`.
 */
export function chunkJob(job: RenderJob, size: number, painted: (part: RenderPart) => boolean = () => false): RenderJob[] {
  const chunks: RenderJob[] = [];
  let parts: RenderPart[] = [];
  for (const part of job.parts) {
    const full = parts.length >= size && !painted(parts[0]!);
    if (parts.length > 0 && (full || painted(parts[0]!) !== painted(part))) {
      chunks.push({ ...job, parts });
      parts = [];
    }
    parts.push(part);
  }
  if (parts.length > 0) chunks.push({ ...job, parts });
  return chunks;
}

/** The job laid out chunk by chunk and joined into one PDF. */
export async function renderChunked(job: RenderJob, render: ChunkRenderer, options: ChunkedOptions): Promise<Uint8Array> {
  const total = job.parts.length;
  const chunks = chunkJob(job, Math.max(1, options.chunkParts ?? CHUNK_PARTS), options.painted);
  const joiner = await PdfJoiner.start(job, options.documentTitle);
  let done = 0;
  options.onProgress?.(0, total);
  for (const chunk of chunks) {
    // A turn of the event loop between chunks: laid out on the calling thread (the command line, a core without a
    // worker), the progress events are written out and a cancel request is heard here, not after the last chunk.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw cancelledError();
    const before = done;
    const bytes = await render(chunk, (n) => options.onProgress?.(before + n, total), options.signal);
    if (options.signal?.aborted) throw cancelledError();
    await joiner.add(bytes, chunk.parts);
    done += chunk.parts.length;
    options.onProgress?.(done, total);
    options.betweenChunks?.();
  }
  return joiner.finish();
}

interface PartStart {
  part: RenderPart;
  page: PDFRef;
}

/** Joins react-pdf documents (each with one top-level outline entry per part, in order) into one. */
export class PdfJoiner {
  private readonly starts: PartStart[] = [];
  private readonly destinations = new Map<string, PDFObject[]>();

  private constructor(
    private readonly out: PDFDocument,
    private readonly job: RenderJob,
    private readonly documentTitle: (doc: DocumentKind) => string,
  ) {}

  static async start(job: RenderJob, documentTitle: (doc: DocumentKind) => string): Promise<PdfJoiner> {
    return new PdfJoiner(await PDFDocument.create({ updateMetadata: false }), job, documentTitle);
  }

  /** Appends a chunk's pages; `parts` are the chunk's parts, in order (one outline entry each in the chunk). */
  async add(bytes: Uint8Array, parts: readonly RenderPart[]): Promise<void> {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    const sourcePages = source.getPages().map((page) => page.ref);
    const firstPages = outlinePages(source).map((ref) => sourcePages.findIndex((p) => p === ref));
    if (firstPages.length !== parts.length || firstPages.some((i) => i < 0)) {
      throw new Error(`chunk outline has ${firstPages.length} entries for ${parts.length} parts`);
    }
    const copied = await this.out.copyPages(
      source,
      sourcePages.map((_, i) => i),
    );
    for (const page of copied) this.out.addPage(page);
    parts.forEach((part, i) => this.starts.push({ part, page: copied[firstPages[i]!]!.ref }));
    // A later space of the same juror replaces an earlier one, as pdfkit does within one document.
    for (const [name, destination] of namedDestinations(source)) {
      const index = sourcePages.findIndex((ref) => ref === destination[0]);
      if (index < 0) continue;
      this.destinations.set(name, [copied[index]!.ref, ...destination.slice(1)]);
    }
  }

  async finish(): Promise<Uint8Array> {
    const { out, job } = this;
    const context = out.context;
    out.setTitle(job.title);
    out.setAuthor('Penilai');
    out.setCreator('Penilai');
    out.setProducer('Penilai');
    out.setLanguage('id-ID');
    out.setCreationDate(new Date());
    // ASCII, as a literal string: the stamp stays readable in the raw file, as react-pdf writes it.
    context.lookup(context.trailerInfo.Info, PDFDict).set(PDFName.of('Keywords'), PDFString.of(job.keywords));

    const names = [...this.destinations.keys()].sort();
    if (names.length > 0) {
      const pairs = context.obj([]);
      for (const name of names) {
        pairs.push(PDFString.of(name));
        pairs.push(context.obj(this.destinations.get(name)!));
      }
      const tree = context.obj({ Names: pairs, Limits: [PDFString.of(names[0]!), PDFString.of(names[names.length - 1]!)] });
      out.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.register(tree) }));
    }
    this.writeOutline();
    return out.save({ useObjectStreams: false });
  }

  /** One entry per part; consecutive parts of a document with several parts under one entry named after it. */
  private writeOutline(): void {
    const { out } = this;
    const context = out.context;
    type Item = { title: string; page: PDFRef; children: Item[] };
    const top: Item[] = [];
    for (let i = 0; i < this.starts.length;) {
      const doc = this.starts[i]!.part.doc;
      let j = i;
      while (j < this.starts.length && this.starts[j]!.part.doc === doc) j++;
      const group = this.starts.slice(i, j);
      if (group.length === 1) top.push({ title: group[0]!.part.bookmark, page: group[0]!.page, children: [] });
      else {
        const title = this.documentTitle(doc);
        top.push({
          title,
          page: group[0]!.page,
          children: group.map((s) => ({ title: shortTitle(s.part.bookmark, title), page: s.page, children: [] })),
        });
      }
      i = j;
    }
    if (top.length === 0) return;
    const rootRef = context.nextRef();
    const writeLevel = (items: Item[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
      const refs = items.map(() => context.nextRef());
      items.forEach((item, k) => {
        const dict: Record<string, PDFObject> = {
          Title: PDFHexString.fromText(item.title),
          Parent: parent,
          Dest: context.obj([item.page, PDFName.of('Fit')]),
        };
        if (k > 0) dict.Prev = refs[k - 1]!;
        if (k < items.length - 1) dict.Next = refs[k + 1]!;
        if (item.children.length > 0) {
          const { first, last } = writeLevel(item.children, refs[k]!);
          dict.First = first;
          dict.Last = last;
          // Negative: closed; the 243 Lembar stay folded under their document until opened.
          dict.Count = PDFNumber.of(-item.children.length);
        }
        context.assign(refs[k]!, context.obj(dict));
      });
      return { first: refs[0]!, last: refs[refs.length - 1]! };
    };
    const { first, last } = writeLevel(top, rootRef);
    context.assign(rootRef, context.obj({ Type: 'Outlines', First: first, Last: last, Count: PDFNumber.of(top.length) }));
    out.catalog.set(PDFName.of('Outlines'), rootRef);
    out.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
}

/** "Lembar Penilaian J1 · S03" under "Lembar Penilaian" reads "J1 · S03". */
export function shortTitle(bookmark: string, documentTitle: string): string {
  if (!bookmark.startsWith(documentTitle)) return bookmark;
  const rest = bookmark
    .slice(documentTitle.length)
    .replace(/^[\s—–\-·:]+/, '')
    .trim();
  return rest || bookmark;
}

/** The pages of a PDF's top-level outline entries, in order. */
function outlinePages(doc: PDFDocument): PDFRef[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const pages: PDFRef[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  const seen = new Set<PDFDict>();
  while (item && !seen.has(item)) {
    seen.add(item);
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const page = dest?.get(0);
    if (page instanceof PDFRef) pages.push(page);
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return pages;
}

/** The named destinations of a PDF's /Names /Dests tree (with /Kids, when it has them). */
function namedDestinations(doc: PDFDocument): [string, PDFObject[]][] {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const found: [string, PDFObject[]][] = [];
  const walk = (node: PDFDict | undefined): void => {
    if (!node) return;
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (pairs) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const key = pairs.lookup(i);
        const value = pairs.lookup(i + 1);
        const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : null;
        const array =
          value instanceof PDFArray ? value : value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : undefined;
        if (name !== null && array) found.push([name, array.asArray()]);
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict));
  };
  walk(root);
  return found;
}

/** The documents' names as people say them, also of those this version cannot make yet (for its refusal). */
const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  rekap: 'Rekapitulasi Nilai',
  'berita-acara': 'Berita Acara Penilaian',
  lembar: 'Lembar Penilaian',
  formulir: 'Formulir Penilaian',
  catatan: 'Catatan untuk Peserta',
};

/** A document's name: its registry entry's title (passed by the caller) or, without an entry, the usual name. */
export function documentTitle(doc: DocumentKind, entryTitle?: string): string {
  return entryTitle ?? DOCUMENT_TITLES[doc];
}
