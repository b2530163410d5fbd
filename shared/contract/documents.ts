/** The documents channels: PDFs laid out from view models, their stamps looked up, and the result as a workbook. */
import { z } from 'zod';
import { type FileBytes, code } from './common.js';
import { DOCUMENT_KINDS, type DocumentChoice, type DocumentKind } from '../domain/doc-stamp.js';
import { taskId } from './documents-tasks.js';

export { DOCUMENT_KINDS, type DocumentChoice, type DocumentKind } from '../domain/doc-stamp.js';

export const documentsInputs = {
  /**
   * One document (or `all`, the bundle) as PDF. `juror` / `site` limit the documents made per juror or per site
   * (lembar, formulir, catatan) to that juror or site.
   */
  'documents.render': z.strictObject({
    competition: code,
    doc: z.enum([...DOCUMENT_KINDS, 'all']),
    juror: code.optional(),
    site: code.optional(),
    /** Progress events of the layout carry this task id; `documents.cancel` stops it (documents-tasks.ts). */
    task: taskId.optional(),
  }),
  /**
   * What a printed page's short code (12 hex digits, dashes and case ignored), full hash or scanned QR text is:
   * every document of this database whose current data has that hash.
   */
  'documents.lookup': z.strictObject({ text: z.string().max(400) }),
  /** The ranking and every score as an .xlsx workbook (contract section 6): Peringkat, Per juri, Nilai, Keputusan pleno. */
  'documents.workbook': z.strictObject({ competition: code }),
  /** The jurors' notes at a site, each with whether the secretariat has released it to the site (Catatan untuk peserta). */
  'documents.notes': z.strictObject({ competition: code, site: code }),
  /**
   * Makes exactly these notes the released ones of a site (the others are withdrawn), each change a
   * `documents.release` ledger entry. Not a ranking change: allowed while the result is locked.
   */
  'documents.releaseNotes': z.strictObject({
    competition: code,
    site: code,
    notes: z.array(z.strictObject({ juror: code, indicator: code })).max(5000),
  }),
};

export interface RenderedFile extends FileBytes {
  pages: number;
  /** The SHA-256 of the data the document shows (the locked snapshot's once locked), as printed on its pages. */
  dataHash: string;
}

/** One document part whose current data has the hash looked up. */
export interface DocumentMatch {
  competition: string;
  competitionName: string;
  revision: number;
  state: string;
  doc: DocumentKind;
  /** The part's title as printed (e.g. "Lembar Penilaian — J1 · S03"). */
  title: string;
  juror: string | null;
  site: string | null;
  sha256: string;
}

export interface DocumentLookup {
  /** What the text said about itself, when it was a QR payload: the document it claims to be. */
  claimed: { doc: DocumentChoice; competition: string; revision: number; sha256: string } | null;
  /** The 12 to 64 hex digits looked up, or null when the text held none. */
  hex: string | null;
  matches: DocumentMatch[];
}

/** A juror's note at a site, as the secretariat chooses what to release. */
export interface ReleasableNote {
  site: string;
  juror: string;
  jurorName: string;
  indicator: string;
  indicatorName: string;
  note: string;
  released: boolean;
  releasedAt: string | null;
}

export interface DocumentsResults {
  'documents.render': RenderedFile;
  'documents.lookup': DocumentLookup;
  'documents.workbook': FileBytes;
  'documents.notes': ReleasableNote[];
  'documents.releaseNotes': { released: number; withdrawn: number; notes: ReleasableNote[] };
}
