/**
 * What a PDF renderer is given and returns, apart from the rendering itself, so that the core's `Deps` can name the
 * renderer without importing the documents that read the repositories (which import `Deps`): no cycle.
 */
import type { DocumentKind } from '../../../shared/domain/doc-stamp.js';
import type { PageStamp } from './stamp.js';

export type { DocumentKind } from '../../../shared/domain/doc-stamp.js';

/** One part of a job: one document's pages (a Lembar for one juror and site, the recap, …), laid out by its registry entry. */
export interface RenderPart {
  doc: DocumentKind;
  /** The view model of the registry entry `doc`: plain, structured-clonable data, every string formatted. */
  model: unknown;
  /** The bookmark (outline entry) of the part's first page. */
  bookmark: string;
  stamp: PageStamp;
}

/** Everything a renderer needs, as structured-clonable data. */
export interface RenderJob {
  name: string;
  /** The PDF's Info: Title and Keywords (the document stamp, `formatStamp`). */
  title: string;
  keywords: string;
  parts: RenderPart[];
}

/**
 * Lays out a job and returns its PDF bytes; `onProgress` hears of the parts laid out (`done` of `total` parts);
 * an aborted `signal` stops the layout with `documents.cancelled`.
 */
export type PdfRenderer = (job: RenderJob, onProgress?: (done: number, total: number) => void, signal?: AbortSignal) => Promise<Uint8Array>;
