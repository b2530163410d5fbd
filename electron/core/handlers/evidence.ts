/**
 * Evidence photos: kept as files beside the database (`<database>.bukti/`) by SHA-256, with the renderer's JPEG
 * thumbnail; the database keeps only their names, types, sizes and hashes. Files: electron/core/evidence/store.ts.
 */
import { addEvidence, getEvidence, removeEvidence, type EvidenceWriter } from '../evidence/store.js';
import type { Deps, Handler } from './index.js';
import { writerFor } from './session.js';

/**
 * A juror's photos follow the rules of their scores: a juror with a PIN changes them only while signed in on this
 * laptop, and another juror's open session may not. Additions and removals are history entries of that juror.
 */
function writer(deps: Deps): EvidenceWriter {
  return {
    actor: (competition, juror) => writerFor(deps, competition, juror, false),
    device: () => deps.store.scores.device(),
    record: (entry) => {
      deps.store.scores.appendHistory({ kind: 'evidence', ...entry });
    },
  };
}

export const evidenceHandlers: {
  'evidence.add': Handler<'evidence.add'>;
  'evidence.get': Handler<'evidence.get'>;
  'evidence.remove': Handler<'evidence.remove'>;
} = {
  'evidence.add': (args, deps) => addEvidence(deps.store, deps.database, deps.clock, writer(deps), args),

  'evidence.get': ({ uuid, thumbnail }, { store, database }) => getEvidence(store.db, database, uuid, thumbnail),

  'evidence.remove': ({ uuid }, deps) => removeEvidence(deps.store, deps.clock, writer(deps), uuid),
};
