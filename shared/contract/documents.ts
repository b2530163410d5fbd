/** The documents channels: PDFs laid out from view models, and the plenary's result as a workbook. */
import { z } from 'zod';
import { type FileBytes, code } from './common.js';

export const documentsInputs = {
  'documents.render': z.strictObject({ competition: code, doc: z.enum(['rekap']) }),
  /** The ranking and every score as an .xlsx workbook (contract section 6): Peringkat, Per juri, Nilai, Keputusan pleno. */
  'documents.workbook': z.strictObject({ competition: code }),
};

export interface RenderedFile extends FileBytes {
  pages: number;
}

export interface DocumentsResults {
  'documents.render': RenderedFile;
  'documents.workbook': FileBytes;
}
