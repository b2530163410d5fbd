/**
 * Evidence photos: kept as files beside the database (`<database>.bukti/`) by SHA-256, with the renderer's JPEG
 * thumbnail; the database keeps only their names, types, sizes and hashes. Files: electron/core/evidence/repository.ts.
 */
import { addEvidence, getEvidence, removeEvidence, type EvidenceWriter } from './repository.js';
import type { Deps, HandlerGroup } from '../deps.js';

/**
 * A juror's photos follow the rules of their scores: a juror with a PIN changes them only while signed in on this
 * laptop, and another juror's open session may not. Additions and removals are history entries of that juror.
 */
function writer(deps: Deps): EvidenceWriter {
  return {
    actor: (competition, juror) => deps.writer(competition, juror, false),
    device: () => deps.repos.scoring.device(),
    record: (entry) => {
      deps.repos.scoring.appendHistory({ kind: 'evidence', ...entry });
    },
  };
}

export const evidenceHandlers = {
  'evidence.add': (args, deps) => addEvidence(deps.repos, deps.database, deps.clock, writer(deps), args),

  'evidence.get': ({ uuid, thumbnail }, { repos, database }) => getEvidence(repos.db, database, uuid, thumbnail),

  'evidence.remove': ({ uuid }, deps) => removeEvidence(deps.repos, deps.clock, writer(deps), uuid),
} satisfies HandlerGroup;
