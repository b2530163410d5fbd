/**
 * The instruments domain's repository: the only SQL of the `instrument` table. Versions are stored as canonical
 * JSON with their SHA-256 (the instrument hash that laptops compare); a stored version's content never changes
 * once a score was given on it.
 */
import type { InstrumentSummary } from '../../../shared/contract/schemas.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { UserError } from '../../../shared/domain/errors.js';
import { instrumentSchema, listIndicators, type Instrument } from '../../../shared/domain/instrument.js';
import type { Db } from '../platform/database.js';
import { sha256 } from '../platform/hash.js';

/** The SHA-256 of an instrument version's canonical JSON: two laptops holding the same version agree on it. */
export function instrumentHash(instrument: Instrument): string {
  return sha256(canonicalJson(instrument));
}

export class InstrumentRepository {
  constructor(
    readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** Stores an instrument version, or finds the same one already stored; a different content under the same code and version is refused. */
  putInstrument(instrument: Instrument): number {
    const content = canonicalJson(instrument);
    const hash = sha256(content);
    const existing = this.db
      .prepare<[string, number], { id: number; content_hash: string }>(
        'SELECT id, content_hash FROM instrument WHERE code = ? AND version = ?',
      )
      .get(instrument.code, instrument.version);
    if (existing) {
      if (existing.content_hash !== hash) {
        throw new UserError(
          'instrument.conflict',
          { code: instrument.code, version: instrument.version },
          'conflict',
          'instrument.version',
        );
      }
      return existing.id;
    }
    return Number(
      this.db
        .prepare('INSERT INTO instrument (code, version, name, content, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(instrument.code, instrument.version, instrument.name, content, hash, this.now()).lastInsertRowid,
    );
  }

  listInstruments(): { code: string; version: number; name: string }[] {
    return this.db
      .prepare<[], { code: string; version: number; name: string }>('SELECT code, version, name FROM instrument ORDER BY code, version')
      .all();
  }

  getInstrumentByCode(code: string): Instrument | null {
    const row = this.db
      .prepare<[string], { content: string }>('SELECT content FROM instrument WHERE code = ? ORDER BY version DESC LIMIT 1')
      .get(code);
    return row ? instrumentSchema.parse(JSON.parse(row.content)) : null;
  }

  /** A stored instrument version, or null. */
  findInstrument(code: string, version: number): Instrument | null {
    const row = this.db
      .prepare<[string, number], { content: string }>('SELECT content FROM instrument WHERE code = ? AND version = ?')
      .get(code, version);
    return row ? instrumentSchema.parse(JSON.parse(row.content)) : null;
  }

  /** The version a new version of this instrument code gets: one past the highest stored (1 for a new code). */
  nextInstrumentVersion(code: string): number {
    const row = this.db.prepare<[string], { v: number | null }>('SELECT max(version) AS v FROM instrument WHERE code = ?').get(code);
    return (row?.v ?? 0) + 1;
  }

  /** Every stored instrument version, with whether any score was given on it and the competitions using it. */
  instrumentSummaries(): InstrumentSummary[] {
    const rows = this.db
      .prepare<[], { id: number; code: string; version: number; name: string; content: string; content_hash: string; locked: number }>(
        `SELECT i.id, i.code, i.version, i.name, i.content, i.content_hash, EXISTS (SELECT 1 FROM score sc WHERE sc.instrument_id = i.id) AS locked
         FROM instrument i ORDER BY i.code, i.version`,
      )
      .all();
    const users = this.db
      .prepare<[], { instrument_id: number; code: string }>('SELECT instrument_id, code FROM competition ORDER BY id')
      .all();
    return rows.map((r) => ({
      code: r.code,
      version: r.version,
      name: r.name,
      sha256: r.content_hash,
      indicators: listIndicators(instrumentSchema.parse(JSON.parse(r.content))).length,
      locked: r.locked === 1,
      usedBy: users.filter((u) => u.instrument_id === r.id).map((u) => u.code),
    }));
  }

  instrumentById(id: number): Instrument {
    const row = this.db.prepare<[number], { content: string }>('SELECT content FROM instrument WHERE id = ?').get(id);
    if (!row) throw new Error(`instrument ${id} missing`);
    return instrumentSchema.parse(JSON.parse(row.content));
  }

  /** Whether any score (of any competition) was given on this instrument version, and the competitions using it. */
  instrumentUse(code: string, version: number): { locked: boolean; usedBy: string[] } {
    const found = this.instrumentSummaries().find((i) => i.code === code && i.version === version);
    if (!found) throw new UserError('instrument.notFound', { code, version }, 'not-found');
    return { locked: found.locked, usedBy: found.usedBy };
  }

  /** A stored version's content hash. */
  hashOf(id: number): string {
    const row = this.db.prepare<[number], { content_hash: string }>('SELECT content_hash FROM instrument WHERE id = ?').get(id);
    if (!row) throw new Error(`instrument ${id} missing`);
    return row.content_hash;
  }

  /** Rewrites a stored version's content in place (the caller has checked that no score was given on it). */
  replaceContent(id: number, instrument: Instrument): void {
    const content = canonicalJson(instrument);
    this.db
      .prepare('UPDATE instrument SET name = ?, content = ?, content_hash = ? WHERE id = ? AND code = ? AND version = ?')
      .run(instrument.name, content, sha256(content), id, instrument.code, instrument.version);
  }
}
