/**
 * The jurors' notes a secretariat releases to a site (Catatan untuk peserta): the SQL of `released_note` (schema 9).
 * Releasing and withdrawing go through the write gate, each cell one `documents.release` ledger entry (new text
 * "released" or "withdrawn"), in the same transaction as the rows. The text of a note stays in `note`: a released
 * note shows as it reads now.
 */
import type { ReleasableNote } from '../../../shared/contract/documents.js';
import { UserError } from '../../../shared/domain/errors.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';
import type { Repositories } from '../deps.js';

interface NoteRow {
  juror: string;
  jurorName: string;
  indicator: string;
  note: string;
  releasedAt: string | null;
}

export class ReleaseRepository {
  constructor(private readonly repos: Pick<Repositories, 'db' | 'gate'>) {}

  private ids(competition: string, site: string): { competitionId: number; siteId: number } {
    const c = this.repos.db.prepare('SELECT id FROM competition WHERE code = ?').get(competition) as { id: number } | undefined;
    if (!c) throw new UserError('competition.notFound', { code: competition }, 'not-found');
    const s = this.repos.db.prepare('SELECT id FROM site WHERE competition_id = ? AND code = ?').get(c.id, site) as
      { id: number } | undefined;
    if (!s) throw new UserError('site.notFound', { code: site }, 'not-found');
    return { competitionId: c.id, siteId: s.id };
  }

  /**
   * Every juror's note at a site, with whether it is released: jurors in the competition's order, indicators in the
   * order given (the instrument's); notes of indicators not in that order (an older instrument's) are left out.
   */
  notes(competition: string, site: string, order: readonly string[], indicatorNames: ReadonlyMap<string, string>): ReleasableNote[] {
    const { siteId } = this.ids(competition, site);
    const rows = this.repos.db
      .prepare(
        `SELECT j.code AS juror, j.name AS jurorName, n.indicator_code AS indicator, n.note, r.released_at AS releasedAt
         FROM note n JOIN juror j ON j.id = n.juror_id
         LEFT JOIN released_note r ON r.site_id = n.site_id AND r.juror_id = n.juror_id AND r.indicator_code = n.indicator_code
         WHERE n.site_id = ? AND trim(n.note) != '' ORDER BY j.ordinal, j.id`,
      )
      .all(siteId) as NoteRow[];
    const position = new Map(order.map((code, i) => [code, i]));
    const jurorOrder = new Map<string, number>();
    for (const r of rows) if (!jurorOrder.has(r.juror)) jurorOrder.set(r.juror, jurorOrder.size);
    return rows
      .filter((r) => position.has(r.indicator))
      .sort((a, b) => jurorOrder.get(a.juror)! - jurorOrder.get(b.juror)! || position.get(a.indicator)! - position.get(b.indicator)!)
      .map((r) => ({
        site,
        juror: r.juror,
        jurorName: r.jurorName,
        indicator: r.indicator,
        indicatorName: indicatorNames.get(r.indicator) ?? r.indicator,
        note: r.note,
        released: r.releasedAt !== null,
        releasedAt: r.releasedAt,
      }));
  }

  /**
   * Makes exactly `chosen` the released notes of a site: the newly chosen are released, the others withdrawn, each
   * with its ledger entry; a chosen cell without a note is refused and nothing is written.
   */
  setReleased(
    competition: string,
    site: string,
    chosen: readonly { juror: string; indicator: string }[],
    at: string,
  ): { released: number; withdrawn: number } {
    const { db, gate } = this.repos;
    return gate.run({ competition, ranking: false }, () => {
      const { siteId } = this.ids(competition, site);
      const current = db
        .prepare(
          `SELECT j.code AS juror, j.id AS jurorId, r.indicator_code AS indicator FROM released_note r JOIN juror j ON j.id = r.juror_id
           WHERE r.site_id = ?`,
        )
        .all(siteId) as { juror: string; jurorId: number; indicator: string }[];
      const key = (juror: string, indicator: string) => `${juror}\u0000${indicator}`;
      const wanted = new Set(chosen.map((c) => key(c.juror, c.indicator)));
      const have = new Set(current.map((c) => key(c.juror, c.indicator)));
      const noteOf = db.prepare(
        `SELECT j.id AS jurorId FROM note n JOIN juror j ON j.id = n.juror_id WHERE n.site_id = ? AND j.code = ? AND n.indicator_code = ? AND trim(n.note) != ''`,
      );
      const insert = db.prepare('INSERT INTO released_note (site_id, juror_id, indicator_code, released_at) VALUES (?, ?, ?, ?)');
      const remove = db.prepare('DELETE FROM released_note WHERE site_id = ? AND juror_id = ? AND indicator_code = ?');
      const entry = (juror: string, indicator: string, released: boolean) =>
        gate.append({
          competition,
          // A kind of the documents domain (schema 9), not one of the scoring kinds the ledger's type lists.
          kind: 'documents.release' as never,
          site,
          juror,
          indicator,
          oldText: released ? null : 'released',
          newText: released ? 'released' : 'withdrawn',
          actor: SECRETARIAT,
          at,
        });
      let released = 0;
      let withdrawn = 0;
      const seen = new Set<string>();
      for (const c of chosen) {
        const k = key(c.juror, c.indicator);
        if (seen.has(k)) continue;
        seen.add(k);
        const row = noteOf.get(siteId, c.juror, c.indicator) as { jurorId: number } | undefined;
        if (!row) throw new UserError('documents.noteNotFound', { site, juror: c.juror, indicator: c.indicator }, 'not-found');
        if (have.has(k)) continue;
        insert.run(siteId, row.jurorId, c.indicator, at);
        entry(c.juror, c.indicator, true);
        released += 1;
      }
      for (const c of current) {
        if (wanted.has(key(c.juror, c.indicator))) continue;
        remove.run(siteId, c.jurorId, c.indicator);
        entry(c.juror, c.indicator, false);
        withdrawn += 1;
      }
      return { released, withdrawn };
    });
  }
}
