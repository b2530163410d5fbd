/** The documents channels: a PDF laid out from the registry (in a worker thread in the app), a printed code looked up, and the result's workbook. */
import type { HandlerGroup } from '../deps.js';
import { lookupDocument } from './lookup.js';
import { renderTask } from './tasks.js';
import { renderWorkbook } from './workbook.js';

export const documentHandlers = {
  'documents.render': (choice, deps) => renderTask(deps, choice),
  'documents.lookup': ({ text }, { repos, clock }) => lookupDocument(repos, text, clock()),
  'documents.workbook': ({ competition }, { repos }) => renderWorkbook(repos, competition),
} satisfies HandlerGroup;
