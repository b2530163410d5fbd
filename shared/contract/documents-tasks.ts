/**
 * Long documents as tasks (issue 11, points 6 and 7): the bundle and the other long documents are laid out off the
 * main thread, reporting progress as `progress` events ({ task, done, total }: parts laid out of all parts) under
 * the task id the caller chose, and can be cancelled. In the desktop app the PDF is written straight to the file
 * the user picks in main's save dialog (asked before the layout starts), or handed to Electron's print, so the bytes
 * never travel through the renderer; the browser mode has no dialog and uses `documents.render` (one download).
 */
import { z } from 'zod';
import { code } from './common.js';
import { DOCUMENT_KINDS } from '../domain/doc-stamp.js';

/** A task id: chosen by the caller, echoed in every `progress` event of the task. */
export const taskId = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/);

const documentChoice = {
  competition: code,
  doc: z.enum([...DOCUMENT_KINDS, 'all']),
  juror: code.optional(),
  site: code.optional(),
  task: taskId.optional(),
};

export const documentsTaskInputs = {
  /** Desktop: asks main's save dialog for the file first, then lays the document out and writes it there. */
  'documents.save': z.strictObject(documentChoice),
  /** Desktop: lays the document out into a temporary file and hands it to Electron's print. */
  'documents.print': z.strictObject(documentChoice),
  /** Stops the task's layout; nothing is written. `cancelled` is false when no such task was running. */
  'documents.cancel': z.strictObject({ task: taskId }),
};

export interface SavedDocument {
  /** false when the user closed the save dialog: nothing was laid out nor written. */
  saved: boolean;
  path: string | null;
  name: string;
  pages: number;
  /** The SHA-256 of the data the document shows, as printed on its pages (its short code is what people type). */
  dataHash: string;
}

export interface DocumentsTaskResults {
  'documents.save': SavedDocument;
  'documents.print': { printed: boolean; name: string; pages: number; dataHash: string };
  'documents.cancel': { cancelled: boolean };
}
