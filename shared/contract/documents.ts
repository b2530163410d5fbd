/** The documents channels: PDFs laid out from view models. */
import { z } from 'zod';
import { type FileBytes, code } from './common.js';

export const documentsInputs = {
  'documents.render': z.strictObject({ competition: code, doc: z.enum(['rekap']) }),
};

export interface RenderedFile extends FileBytes {
  pages: number;
}

export interface DocumentsResults {
  'documents.render': RenderedFile;
}
