/**
 * The board of jurors × sites (issue 9): who still owes what. Each sheet's state (not started, scoring, finalised,
 * reopened), what keeps it from done (indicators without a score, not finalised), and per juror the last package
 * received (from which laptop, when) and the laptops pinned.
 */
import type { Board, BoardCell } from '../../../shared/contract/exchange.js';
import type { Deps } from '../deps.js';
import { fingerprint } from '../platform/identity.js';
import type { ExchangeRepository } from './repository.js';

export function board(deps: Deps, exchange: ExchangeRepository, competition: string): Board {
  const detail = deps.repos.setup.loadCompetition(competition);
  const receipts = exchange.lastReceipts(competition);
  const keyOf = (device: string): string => {
    const key = exchange.deviceKey(device);
    return key === null ? '—' : fingerprint(key);
  };
  return {
    competition,
    sites: detail.sites.map((s) => ({ code: s.code, name: s.name })),
    jurors: detail.jurors.map((j) => {
      const grid = deps.repos.scoring.grid(competition, j.code);
      const sheets = exchange.lastSheetKinds(competition, j.code);
      const cells: BoardCell[] = grid.rows.map((r) => {
        const missing = r.eligible.filter((code) => !(code in r.values));
        const scored = r.eligible.length - missing.length;
        const state = r.finalised ? 'finalised' : sheets.get(r.site) === 'reopen' ? 'reopened' : scored > 0 ? 'scoring' : 'none';
        return { site: r.site, state, scored, total: r.eligible.length, missing };
      });
      const last = receipts.get(j.code);
      return {
        juror: j.code,
        name: j.name,
        cells,
        lastPackage: last ? { ...last, fingerprint: keyOf(last.device) } : null,
        devices: exchange
          .jurorDevices(competition, j.code)
          .map((d) => ({ id: d.device, fingerprint: fingerprint(d.publicKey), pinnedAt: d.pinnedAt })),
      };
    }),
    openConflicts: exchange.countOpenConflicts(competition),
  };
}
