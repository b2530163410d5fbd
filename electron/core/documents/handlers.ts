/** The documents channels: a PDF laid out from the registry (in a worker thread in the app), a printed code looked up, and the result's workbook. */
import type { HandlerGroup } from '../deps.js';
import { lookupDocument } from './lookup.js';
import { releaseNotes, siteNotes } from './release.js';
import { renderTask } from './tasks.js';
import { renderWorkbook } from './workbook.js';

export const documentHandlers = {
  'documents.render': (choice, deps) => renderTask(deps, choice),
  'documents.lookup': ({ text }, { repos, clock }) => lookupDocument(repos, text, clock()),
  'documents.workbook': ({ competition }, { repos }) => renderWorkbook(repos, competition),
  'documents.notes': ({ competition, site }, { repos }) => siteNotes(repos, competition, site),
  // Which of the jurors' notes a site may read is the secretariat's decision, in its session.
  'documents.releaseNotes': ({ competition, site, notes }, deps) => {
    deps.secretariat(competition, 'notes');
    return releaseNotes(deps.repos, competition, site, notes, deps.clock());
  },
} satisfies HandlerGroup;
