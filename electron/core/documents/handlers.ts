/** The documents channels: a PDF laid out from a view model (in a worker thread in the app). */
import type { HandlerGroup } from '../deps.js';
import { renderDocument } from './render.js';

export const documentHandlers = {
  'documents.render': ({ competition, doc }, { repos, renderPdf, clock }) => renderDocument(repos, renderPdf, competition, doc, clock()),
} satisfies HandlerGroup;
