/**
 * What a PDF renderer is given and returns, apart from the rendering itself, so that the core's `Deps` can name the
 * renderer without importing the documents that read the repositories (which import `Deps`): no cycle.
 */
import type { RekapModel } from './rekap-model.js';

export type DocumentKind = 'rekap';

/** Everything a renderer needs, as structured-clonable data. */
export type RenderJob = { doc: 'rekap'; name: string; model: RekapModel };

/** Lays out a job and returns its PDF bytes. */
export type PdfRenderer = (job: RenderJob) => Promise<Uint8Array>;
