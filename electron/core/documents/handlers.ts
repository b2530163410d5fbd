/** The documents channels: a PDF laid out from a view model (in a worker thread in the app), and the result's workbook. */
import type { HandlerGroup } from '../deps.js';
import { renderDocument } from './render.js';
import { renderWorkbook } from './workbook.js';

export const documentHandlers = {
  'documents.render': ({ competition, doc }, { repos, renderPdf, clock }) => renderDocument(repos, renderPdf, competition, doc, clock()),
  'documents.workbook': ({ competition }, { repos }) => renderWorkbook(repos, competition),
} satisfies HandlerGroup;
