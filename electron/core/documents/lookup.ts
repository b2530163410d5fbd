/**
 * Verifikasi dokumen's lookup: what a printed page's short code, full hash or scanned QR text is. Every document part
 * of every competition in the database is planned (hashed, never laid out) and the ones whose hash starts with the
 * digits given are returned: a page printed from the current data is found; one printed from other data is not.
 */
import type { DocumentLookup, DocumentMatch } from '../../../shared/contract/schemas.js';
import { normaliseShortCode, parseQrPayload } from '../../../shared/domain/doc-stamp.js';
import type { Repositories } from '../deps.js';
import { BUNDLE_ORDER, DOCUMENTS } from './registry.js';
import { documentContext, planDocument } from './render.js';

export function lookupDocument(repos: Repositories, text: string, now: Date): DocumentLookup {
  const claimed = parseQrPayload(text);
  const hex = claimed ? claimed.sha256 : normaliseShortCode(text);
  if (!hex) return { claimed: null, hex: null, matches: [] };
  const matches: DocumentMatch[] = [];
  for (const { code } of repos.setup.listCompetitions()) {
    const ctx = documentContext(repos, code, now);
    for (const kind of BUNDLE_ORDER) {
      if (!DOCUMENTS[kind]) continue;
      const plan = planDocument(ctx, kind, { juror: null, site: null });
      for (const { part, sha256 } of plan.parts) {
        if (!sha256.startsWith(hex)) continue;
        matches.push({
          competition: code,
          competitionName: ctx.detail.info.name,
          revision: ctx.ranking.revision,
          state: ctx.ranking.state,
          doc: kind,
          title: part.title,
          juror: part.juror,
          site: part.site,
          sha256,
        });
      }
    }
  }
  return { claimed, hex, matches };
}
