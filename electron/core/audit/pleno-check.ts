/**
 * The plenary tables (schema 8) against the ledger's `pleno.*` entries, for `verify --db`: each competition's result
 * state and revision, the locked snapshot (its text against its hash, its hash against the `pleno.lock` entry) and
 * the jury's orders in force (`pleno_decision`) against the `pleno.decide` entries. The ranking and every document
 * read these, so an order or a snapshot edited with a SQLite tool is named.
 */
import type Database from 'better-sqlite3';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import { sha256 } from '../platform/hash.js';

type Problem = (key: MessageKey, params: Params) => void;

interface Expected {
  state: string;
  revision: number;
  snapshot: string | null;
  /** Sorted sites (JSON) → the order in force (JSON). */
  decisions: Map<string, string>;
}

export function checkPleno(db: Database.Database, problem: Problem): void {
  if (db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'pleno'`).get() === undefined) return;
  const expected = new Map<string, Expected>();
  for (const r of db
    .prepare<[], { competition: string; kind: string; payload: string | null }>(
      `SELECT competition, kind, payload FROM history WHERE kind LIKE 'pleno.%' AND juror IS NULL ORDER BY id`,
    )
    .iterate()) {
    const p = r.payload ? (JSON.parse(r.payload) as { revision?: number; detail?: string | null }) : {};
    const e = expected.get(r.competition) ?? { state: 'draft', revision: 0, snapshot: null, decisions: new Map<string, string>() };
    expected.set(r.competition, e);
    const revision = p.revision ?? 0;
    if (r.kind === 'pleno.open' || r.kind === 'pleno.reopen') Object.assign(e, { state: 'pleno', revision, snapshot: null });
    else if (r.kind === 'pleno.lock') Object.assign(e, { state: 'locked', revision, snapshot: p.detail ?? null });
    else if (r.kind === 'pleno.sign') Object.assign(e, { state: 'signed', revision });
    else if (r.kind === 'pleno.decide' && p.detail) {
      const order = p.detail.split(' > ');
      e.decisions.set(JSON.stringify([...order].sort()), JSON.stringify(order));
    }
  }
  const none: Expected = { state: 'draft', revision: 0, snapshot: null, decisions: new Map() };
  const rows = db
    .prepare<
      [],
      { id: number; code: string; state: string | null; revision: number | null; snapshot: string | null; snapshot_sha256: string | null }
    >(
      `SELECT c.id, c.code, p.state, p.revision, p.snapshot, p.snapshot_sha256 FROM competition c LEFT JOIN pleno p ON p.competition_id = c.id ORDER BY c.id`,
    )
    .all();
  const decisions = db.prepare<[number], { sites: string; order_codes: string }>(
    'SELECT sites, order_codes FROM pleno_decision WHERE competition_id = ? AND replaced_at IS NULL',
  );
  for (const c of rows) {
    const e = expected.get(c.code) ?? none;
    const competition = c.code;
    const state = c.state ?? 'draft';
    const revision = c.revision ?? 0;
    if (state !== e.state || revision !== e.revision)
      problem('verify.plenoState', { competition, found: `${state} (${revision})`, expected: `${e.state} (${e.revision})` });
    else if (
      (c.snapshot === null ? null : sha256(c.snapshot)) !== c.snapshot_sha256 ||
      (e.state === 'locked' || e.state === 'signed' ? c.snapshot_sha256 !== e.snapshot : false)
    )
      problem('verify.plenoSnapshot', { competition, revision });
    const seen = new Set<string>();
    for (const d of decisions.all(c.id)) {
      seen.add(d.sites);
      if (e.decisions.get(d.sites) !== d.order_codes) problem('verify.plenoDecision', { competition, sites: sitesText(d.sites) });
    }
    for (const sites of e.decisions.keys()) if (!seen.has(sites)) problem('verify.plenoDecision', { competition, sites: sitesText(sites) });
  }
}

function sitesText(json: string): string {
  try {
    return (JSON.parse(json) as string[]).join(', ');
  } catch {
    return json;
  }
}
