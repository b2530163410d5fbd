/**
 * The exchange domain's tables (schema 7): where a competition came from (`competition_source`), the laptops pinned
 * for each juror (`juror_device`), the score packages received (`package_receipt`) and the conflicts left for the
 * secretariat (`exchange_conflict`); and the device table's keys. The only SQL of the domain: the cells, sheets and
 * photos themselves are written through the scoring repository, the ledger through the write gate.
 */
import type { CellSide, Conflict } from '../../../shared/contract/exchange.js';
import type { PackageAccess } from '../../../shared/domain/package.js';
import type { Db } from '../platform/database.js';
import type { HistoryRow } from '../platform/ledger.js';

export interface SourceRow {
  device: string;
  publicKey: string;
  created: string;
  packageSha256: string;
  access: PackageAccess;
  receivedAt: string;
}

/** One side of a conflict as stored: what the board shows, plus the household answers (JSON text) to restore. */
export interface StoredSide extends CellSide {
  answers: string | null;
}

export class ExchangeRepository {
  constructor(readonly db: Db) {}

  private competitionId(code: string): number {
    const row = this.db.prepare<[string], { id: number }>('SELECT id FROM competition WHERE code = ?').get(code);
    if (!row) throw new Error(`competition ${code} missing`);
    return row.id;
  }

  /** The competition with this uuid, or the one that holds this code. */
  competitionByUuid(uuid: string): { code: string; name: string } | null {
    return this.db.prepare<[string], { code: string; name: string }>('SELECT code, name FROM competition WHERE uuid = ?').get(uuid) ?? null;
  }

  competitionByCode(code: string): { uuid: string; name: string } | null {
    return this.db.prepare<[string], { uuid: string; name: string }>('SELECT uuid, name FROM competition WHERE code = ?').get(code) ?? null;
  }

  // ------------------------------------------------------------- devices and trust

  /** The public key the database knows for a device, or null (never seen, or seen before keys were kept). */
  deviceKey(device: string): string | null {
    return (
      this.db.prepare<[string], { public_key: string | null }>('SELECT public_key FROM device WHERE id = ?').get(device)?.public_key ?? null
    );
  }

  /** Records another device and its key (the first time its entries arrive). */
  registerDevice(device: string, publicKey: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO device (id, public_key, first_seen) VALUES (?, ?, ?)').run(device, publicKey, at);
    this.db.prepare('UPDATE device SET public_key = ? WHERE id = ? AND public_key IS NULL').run(publicKey, device);
  }

  /** The laptops pinned for a juror. */
  jurorDevices(competition: string, juror: string): { device: string; publicKey: string; pinnedAt: string }[] {
    return this.db
      .prepare<[number, string], { device: string; publicKey: string; pinnedAt: string }>(
        'SELECT device, public_key AS publicKey, pinned_at AS pinnedAt FROM juror_device WHERE competition_id = ? AND juror = ? ORDER BY pinned_at, device',
      )
      .all(this.competitionId(competition), juror);
  }

  pinDevice(competition: string, juror: string, device: string, publicKey: string, at: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO juror_device (competition_id, juror, device, public_key, pinned_at) VALUES (?, ?, ?, ?, ?)')
      .run(this.competitionId(competition), juror, device, publicKey, at);
  }

  // ------------------------------------------------------------- where a competition came from (a juror's laptop)

  source(competition: string): SourceRow | null {
    const row = this.db
      .prepare<
        [number],
        { device: string; public_key: string; created: string; package_sha256: string; access: string; received_at: string }
      >('SELECT * FROM competition_source WHERE competition_id = ?')
      .get(this.competitionId(competition));
    return row
      ? {
          device: row.device,
          publicKey: row.public_key,
          created: row.created,
          packageSha256: row.package_sha256,
          access: JSON.parse(row.access) as PackageAccess,
          receivedAt: row.received_at,
        }
      : null;
  }

  setSource(competition: string, source: SourceRow): void {
    this.db
      .prepare(
        `INSERT INTO competition_source (competition_id, device, public_key, created, package_sha256, access, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (competition_id) DO UPDATE SET device = excluded.device, public_key = excluded.public_key, created = excluded.created,
           package_sha256 = excluded.package_sha256, access = excluded.access, received_at = excluded.received_at`,
      )
      .run(
        this.competitionId(competition),
        source.device,
        source.publicKey,
        source.created,
        source.packageSha256,
        JSON.stringify(source.access),
        source.receivedAt,
      );
  }

  /** The device whose chain holds the competition's first entry: the secretariat that created it, on its own database. */
  creator(competition: string): string | null {
    return (
      this.db
        .prepare<[string], { chain: string }>(
          `SELECT chain FROM history WHERE competition = ? AND kind = 'setup.competition' ORDER BY id LIMIT 1`,
        )
        .get(competition)?.chain ?? null
    );
  }

  // ------------------------------------------------------------- packages received

  addReceipt(r: {
    competition: string;
    juror: string;
    device: string;
    seqTo: number;
    head: string;
    sha256: string;
    created: string;
    at: string;
  }): void {
    this.db
      .prepare(
        'INSERT INTO package_receipt (competition_id, juror, device, seq_to, head, sha256, created, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(this.competitionId(r.competition), r.juror, r.device, r.seqTo, r.head, r.sha256, r.created, r.at);
  }

  /** The last package received from each juror. */
  lastReceipts(competition: string): Map<string, { device: string; created: string; receivedAt: string; entries: number }> {
    const rows = this.db
      .prepare<[number], { juror: string; device: string; created: string; received_at: string; seq_to: number }>(
        `SELECT juror, device, created, received_at, seq_to FROM package_receipt r
         WHERE competition_id = ? AND id = (SELECT max(id) FROM package_receipt x WHERE x.competition_id = r.competition_id AND x.juror = r.juror)`,
      )
      .all(this.competitionId(competition));
    return new Map(rows.map((r) => [r.juror, { device: r.device, created: r.created, receivedAt: r.received_at, entries: r.seq_to }]));
  }

  // ------------------------------------------------------------- conflicts

  openConflict(competition: string, juror: string, site: string, indicator: string): { id: number; local: StoredSide } | null {
    const row = this.db
      .prepare<[number, string, string, string], { id: number; local: string }>(
        'SELECT id, local FROM exchange_conflict WHERE competition_id = ? AND juror = ? AND site = ? AND indicator = ? AND resolved_at IS NULL',
      )
      .get(this.competitionId(competition), juror, site, indicator);
    return row ? { id: row.id, local: JSON.parse(row.local) as StoredSide } : null;
  }

  /**
   * What a juror's cells hold here, by cell (site and indicator joined by a NUL character), as the scoring
   * repository's `cellState` reads one cell: the score given on the competition's current instrument version, the
   * note, the household answers (JSON text). One read for a whole package instead of one per cell.
   */
  cellStates(competition: string, juror: string): Map<string, { value: number | null; note: string | null; answers: string | null }> {
    const out = new Map<string, { value: number | null; note: string | null; answers: string | null }>();
    const cell = (site: string, indicator: string) => {
      const k = `${site}\u0000${indicator}`;
      let found = out.get(k);
      if (!found) out.set(k, (found = { value: null, note: null, answers: null }));
      return found;
    };
    const from = (table: string) =>
      `FROM ${table} t JOIN site s ON s.id = t.site_id JOIN juror j ON j.id = t.juror_id JOIN competition c ON c.id = s.competition_id
       WHERE c.code = ? AND j.code = ? AND j.competition_id = c.id`;
    type Row<K extends string, V> = { site: string; indicator: string } & Record<K, V>;
    for (const r of this.db
      .prepare<[string, string], Row<'value', number>>(
        `SELECT s.code AS site, t.indicator_code AS indicator, t.value ${from('score')} AND t.instrument_id = c.instrument_id`,
      )
      .iterate(competition, juror))
      cell(r.site, r.indicator).value = r.value;
    for (const r of this.db
      .prepare<[string, string], Row<'note', string>>(`SELECT s.code AS site, t.indicator_code AS indicator, t.note ${from('note')}`)
      .iterate(competition, juror))
      cell(r.site, r.indicator).note = r.note;
    for (const r of this.db
      .prepare<[string, string], Row<'answers', string>>(
        `SELECT s.code AS site, t.indicator_code AS indicator, t.answers ${from('household')}`,
      )
      .iterate(competition, juror))
      cell(r.site, r.indicator).answers = r.answers;
    return out;
  }

  /** The open conflicts of one juror, by cell (site and indicator joined by a NUL character). */
  openConflicts(competition: string, juror: string): Map<string, { id: number; local: StoredSide }> {
    const rows = this.db
      .prepare<[number, string], { id: number; site: string; indicator: string; local: string }>(
        'SELECT id, site, indicator, local FROM exchange_conflict WHERE competition_id = ? AND juror = ? AND resolved_at IS NULL',
      )
      .all(this.competitionId(competition), juror);
    return new Map(rows.map((r) => [`${r.site}\u0000${r.indicator}`, { id: r.id, local: JSON.parse(r.local) as StoredSide }]));
  }

  /**
   * The last entry behind each facet of each of a juror's cells (by site and indicator joined by a NUL character):
   * `value` the last score or household entry, `note` the last note, `answers` the last household entry. One read
   * for a whole package instead of one per cell and facet.
   */
  lastCellEntries(competition: string, juror: string): Map<string, { value?: HistoryRow; note?: HistoryRow; answers?: HistoryRow }> {
    const out = new Map<string, { value?: HistoryRow; note?: HistoryRow; answers?: HistoryRow }>();
    for (const row of this.db
      .prepare<[string, string], HistoryRow>(
        `SELECT * FROM history WHERE competition = ? AND juror = ? AND kind IN ('score', 'household', 'note') AND indicator IS NOT NULL ORDER BY id`,
      )
      .iterate(competition, juror)) {
      const k = `${row.site}\u0000${row.indicator}`;
      let cell = out.get(k);
      if (!cell) out.set(k, (cell = {}));
      if (row.kind === 'note') cell.note = row;
      else {
        cell.value = row;
        if (row.kind === 'household') cell.answers = row;
      }
    }
    return out;
  }

  /** Opens a conflict, or brings an open one's incoming side up to date (a newer package for the same cell). */
  putConflict(c: {
    competition: string;
    juror: string;
    site: string;
    indicator: string;
    device: string;
    local: StoredSide;
    incoming: StoredSide;
    at: string;
  }): void {
    const open = this.openConflict(c.competition, c.juror, c.site, c.indicator);
    if (open) {
      this.db
        .prepare('UPDATE exchange_conflict SET incoming = ?, device = ? WHERE id = ?')
        .run(JSON.stringify(c.incoming), c.device, open.id);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO exchange_conflict (competition_id, juror, site, indicator, device, local, incoming, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.competitionId(c.competition),
        c.juror,
        c.site,
        c.indicator,
        c.device,
        JSON.stringify(c.local),
        JSON.stringify(c.incoming),
        c.at,
      );
  }

  conflicts(competition: string, all: boolean): (Conflict & { localAnswers: string | null; incomingAnswers: string | null })[] {
    return this.db
      .prepare<
        [number],
        {
          id: number;
          juror: string;
          site: string;
          indicator: string;
          local: string;
          incoming: string;
          opened_at: string;
          resolution: 'local' | 'incoming' | null;
          resolved_at: string | null;
        }
      >(
        `SELECT c.* FROM exchange_conflict c
         LEFT JOIN juror j ON j.competition_id = c.competition_id AND j.code = c.juror
         LEFT JOIN site s ON s.competition_id = c.competition_id AND s.code = c.site
         WHERE c.competition_id = ? ${all ? '' : 'AND c.resolved_at IS NULL'}
         ORDER BY j.ordinal, s.ordinal, c.indicator, c.id`,
      )
      .all(this.competitionId(competition))
      .map((r) => {
        const { answers: localAnswers, ...local } = JSON.parse(r.local) as StoredSide;
        const { answers: incomingAnswers, ...incoming } = JSON.parse(r.incoming) as StoredSide;
        return {
          id: r.id,
          juror: r.juror,
          site: r.site,
          indicator: r.indicator,
          local,
          incoming,
          localAnswers,
          incomingAnswers,
          openedAt: r.opened_at,
          resolution: r.resolution,
          resolvedAt: r.resolved_at,
        };
      });
  }

  resolveConflict(id: number, resolution: 'local' | 'incoming', at: string): void {
    this.db
      .prepare('UPDATE exchange_conflict SET resolution = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL')
      .run(resolution, at, id);
  }

  countOpenConflicts(competition: string): number {
    return this.db
      .prepare<[number], { n: number }>('SELECT count(*) AS n FROM exchange_conflict WHERE competition_id = ? AND resolved_at IS NULL')
      .get(this.competitionId(competition))!.n;
  }

  // ------------------------------------------------------------- the ledger, read for a package

  /** Every entry of a chain, in order (for a score package). */
  chainRows(chain: string): HistoryRow[] {
    return this.db.prepare<[string], HistoryRow>('SELECT * FROM history WHERE chain = ? ORDER BY seq').all(chain);
  }

  /** Whether this database holds the entry of a chain at `seq` whole (not only its link). */
  holdsWhole(chain: string): Set<number> {
    return new Set(
      this.db
        .prepare<[string], { seq: number }>('SELECT seq FROM history WHERE chain = ?')
        .all(chain)
        .map((r) => r.seq),
    );
  }

  /** The last sheet entry (finalise or reopen) of each of a juror's sheets. */
  lastSheetKinds(competition: string, juror: string): Map<string, 'finalise' | 'reopen'> {
    const rows = this.db
      .prepare<[string, string], { site: string; kind: 'finalise' | 'reopen' }>(
        `SELECT site, kind FROM history h WHERE competition = ? AND juror = ? AND kind IN ('finalise', 'reopen')
         AND id = (SELECT max(id) FROM history x WHERE x.competition = h.competition AND x.juror = h.juror AND x.site = h.site AND x.kind IN ('finalise', 'reopen'))`,
      )
      .all(competition, juror);
    return new Map(rows.map((r) => [r.site, r.kind]));
  }
}
