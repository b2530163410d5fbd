/**
 * `verify --db FILE` (contract.md section 1): checks a database without changing it:
 * SQLite's integrity and foreign keys, the triggers that keep the history append-only, the hash chain of the
 * history (each entry's hash over its content and the previous hash, the first after 64 zeros), and that the
 * tables hold what the history says they hold: every score and note, household answers, finalised sheets and
 * their signatures, juror PINs, evidence photos (each row added, and removed, by a history entry; each photo and
 * thumbnail file in the `.bukti` folder with the SHA-256 it is named by). A row changed behind the app's back (an
 * UPDATE with the triggers dropped, a score changed without a history entry) or a photo file changed or lost is
 * reported in one line; exit 0 only if everything holds.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pinFingerprint, sha256 } from '../platform/hash.js';
import Database from 'better-sqlite3';
import { UserError } from '../../../shared/domain/errors.js';
import { t, type Lang, type MessageKey, type Params } from '../../../shared/i18n/messages.js';
import { verifyChains, type ChainReport, type HistoryRow } from '../platform/ledger.js';
import type { VerifyResult } from '../../../shared/contract/schemas.js';
import { SCHEMA_VERSION } from '../platform/migrations/index.js';
import { checkEvidence } from './evidence-check.js';
import { checkSetup } from './setup-check.js';
import { checkPleno } from './pleno-check.js';
import { checkSeals, type KnownKey } from './seal-check.js';
import { readIdentity } from '../platform/identity.js';
import { checkAnchors, type AnchorFile } from './anchors.js';
import { EPSILON } from '../../../shared/domain/numbers.js';

export interface VerifyProblem {
  key: MessageKey;
  params: Params;
}

export interface VerifyReport {
  problems: VerifyProblem[];
  /** How many problems were found (only the first ones are kept). */
  count: number;
  entries: number;
  scores: number;
  /** Every device's chain: its device, number of entries and head hash. */
  chains: ChainReport[];
  /** The competitions whose setup the ledger cannot speak for (made before schema 6): not checked, not failed. */
  unchecked: string[];
  /** The chains with no signed head (written before schema 10, or received from another laptop): said, not failed. */
  unsigned: string[];
}

const KEEP = 100;
const TRIGGERS = ['history_no_update', 'history_no_delete'];

/** The database failed verification: told in one line, the first problem and how many more. */
export class VerifyFailure extends UserError {
  constructor(
    private readonly file: string,
    readonly report: VerifyReport,
  ) {
    const first = report.problems[0]!;
    super('verify.failed', { file, problem: t('en', first.key, first.params), more: report.count - 1 });
  }

  override describe(lang: Lang): string {
    const first = this.report.problems[0]!;
    return t(lang, 'verify.failed', { file: this.file, problem: t(lang, first.key, first.params), more: this.report.count - 1 });
  }
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < EPSILON;
}

const key = (...parts: (string | null)[]): string => parts.map((p) => p ?? '').join('\u0000');

/**
 * Runs every check on an open connection (read-only is enough). The evidence photos (rows against the history, and
 * the files in the `.bukti` folder) are checked when `database`, the file whose folder that is, is given, as
 * `verifyFile` does; without it only the tables and the history are.
 */
export function verifyDatabase(
  db: Database.Database,
  database?: string,
  anchors: readonly AnchorFile[] = [],
  known: readonly KnownKey[] = [],
): VerifyReport {
  const problems: VerifyProblem[] = [];
  let count = 0;
  const problem = (k: MessageKey, params: Params): void => {
    count += 1;
    if (problems.length < KEEP) problems.push({ key: k, params });
  };

  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  const bad = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (bad.length > 0) problem('verify.integrity', { detail: bad.slice(0, 3).join('; ') });
  for (const fk of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    problem('verify.foreignKey', { table: fk.table, rowid: fk.rowid, parent: fk.parent });
  }
  const triggers = new Set(
    db
      .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
      .all()
      .map((r) => r.name),
  );
  for (const name of TRIGGERS) if (!triggers.has(name)) problem('verify.trigger', { name });

  // The chain, and what the history says each cell, sheet and PIN holds now.
  const values = new Map<string, number | null>();
  const notes = new Map<string, string | null>();
  const answers = new Map<string, string | null>();
  const sheets = new Map<string, { kind: 'finalise' | 'reopen'; signature: string | null }>();
  const pins = new Map<string, string | null>();
  const chains = verifyChains(db, problem);
  // Each chain's signed heads (schema 10), and the heads kept outside the database (anchors).
  const unsigned = checkSeals(db, problem, known);
  checkAnchors(db, anchors, problem);
  let entries = 0;
  for (const row of db.prepare<[], HistoryRow>('SELECT * FROM history ORDER BY id').iterate()) {
    entries += 1;
    const cell = key(row.competition, row.juror, row.site, row.indicator);
    switch (row.kind) {
      case 'score':
        values.set(cell, row.new_value);
        break;
      case 'household':
        values.set(cell, row.new_value);
        answers.set(cell, row.new_text);
        break;
      case 'note':
        notes.set(cell, row.new_text);
        break;
      case 'finalise':
      case 'reopen':
        sheets.set(key(row.competition, row.juror, row.site), { kind: row.kind, signature: row.kind === 'finalise' ? row.new_text : null });
        break;
      case 'pin':
        pins.set(key(row.competition, row.juror), row.new_text);
        break;
      default:
        break;
    }
  }

  const existingSites = new Set(
    db
      .prepare<[], { c: string; s: string }>('SELECT c.code AS c, s.code AS s FROM site s JOIN competition c ON c.id = s.competition_id')
      .all()
      .map((r) => key(r.c, r.s)),
  );
  const existingJurors = new Set(
    db
      .prepare<[], { c: string; j: string }>('SELECT c.code AS c, j.code AS j FROM juror j JOIN competition c ON c.id = j.competition_id')
      .all()
      .map((r) => key(r.c, r.j)),
  );
  const cellParams = (c: string, j: string, s: string, i: string) => ({ competition: c, juror: j, site: s, indicator: i });
  const none = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

  const seen = new Set<string>();
  let scores = 0;
  for (const r of db
    .prepare<[], { c: string; s: string; j: string; i: string; value: number }>(
      `SELECT c.code AS c, s.code AS s, j.code AS j, sc.indicator_code AS i, sc.value
       FROM score sc JOIN site s ON s.id = sc.site_id JOIN juror j ON j.id = sc.juror_id JOIN competition c ON c.id = s.competition_id`,
    )
    .iterate()) {
    scores += 1;
    const cell = key(r.c, r.j, r.s, r.i);
    seen.add(cell);
    const expected = values.get(cell);
    if (expected === undefined || !sameNumber(expected, r.value))
      problem('verify.score', { ...cellParams(r.c, r.j, r.s, r.i), found: r.value, expected: none(expected) });
  }
  for (const [cell, value] of values) {
    if (value === null || seen.has(cell)) continue;
    const [c, j, s, i] = cell.split('\u0000') as [string, string, string, string];
    // A site or juror removed in the setup takes its rows with it (only when it had no score left).
    if (!existingSites.has(key(c, s)) || !existingJurors.has(key(c, j))) continue;
    problem('verify.score', { ...cellParams(c, j, s, i), found: none(null), expected: value });
  }

  /**
   * Rows of a per-cell table against what the history last wrote for each cell: a row that differs, and a value the
   * history holds with no row left (unless its site or juror was removed in the setup), are named.
   */
  const compareCells = (
    rows: Iterable<{ c: string; s: string; j: string; i: string; v: string }>,
    expected: Map<string, string | null>,
    code: 'verify.note' | 'verify.household',
  ) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const cell = key(r.c, r.j, r.s, r.i);
      seen.add(cell);
      if ((expected.get(cell) ?? null) !== r.v) problem(code, cellParams(r.c, r.j, r.s, r.i));
    }
    for (const [cell, value] of expected) {
      if (value === null || seen.has(cell)) continue;
      const [c, j, s, i] = cell.split('\u0000') as [string, string, string, string];
      if (!existingSites.has(key(c, s)) || !existingJurors.has(key(c, j))) continue;
      problem(code, cellParams(c, j, s, i));
    }
  };

  // Notes (their own table since schema 5) and household answers: each as the history last wrote it.
  compareCells(
    db
      .prepare<[], { c: string; s: string; j: string; i: string; v: string }>(
        `SELECT c.code AS c, s.code AS s, j.code AS j, n.indicator_code AS i, n.note AS v
         FROM note n JOIN site s ON s.id = n.site_id JOIN juror j ON j.id = n.juror_id JOIN competition c ON c.id = s.competition_id`,
      )
      .iterate(),
    notes,
    'verify.note',
  );
  compareCells(
    db
      .prepare<[], { c: string; s: string; j: string; i: string; v: string }>(
        `SELECT c.code AS c, s.code AS s, j.code AS j, h.indicator_code AS i, h.answers AS v
         FROM household h JOIN site s ON s.id = h.site_id JOIN juror j ON j.id = h.juror_id JOIN competition c ON c.id = s.competition_id`,
      )
      .iterate(),
    answers,
    'verify.household',
  );

  for (const r of db
    .prepare<[], { c: string; s: string; j: string; finalised_at: string | null; signature: Buffer | null }>(
      `SELECT c.code AS c, s.code AS s, j.code AS j, sh.finalised_at, sh.signature
       FROM sheet sh JOIN site s ON s.id = sh.site_id JOIN juror j ON j.id = sh.juror_id JOIN competition c ON c.id = s.competition_id`,
    )
    .iterate()) {
    const last = sheets.get(key(r.c, r.j, r.s));
    const params = { competition: r.c, juror: r.j, site: r.s };
    if ((r.finalised_at !== null) !== (last?.kind === 'finalise')) {
      problem('verify.sheet', params);
      continue;
    }
    const signature = r.signature ? `sha256:${sha256(r.signature)}` : null;
    if (r.finalised_at !== null && signature !== (last?.signature ?? null)) problem('verify.signature', params);
  }

  for (const r of db
    .prepare<[], { c: string; j: string; pin_hash: string | null }>(
      'SELECT c.code AS c, j.code AS j, j.pin_hash FROM juror j JOIN competition c ON c.id = j.competition_id',
    )
    .iterate()) {
    if (pinFingerprint(r.pin_hash) !== (pins.get(key(r.c, r.j)) ?? null)) problem('verify.pin', { competition: r.c, juror: r.j });
  }

  // The secretariat's PIN (schema 4): recorded like a juror's, in an entry without a juror.
  const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('competition')`).all();
  if (columns.some((c) => c.name === 'secretariat_pin_hash')) {
    for (const r of db
      .prepare<[], { c: string; pin_hash: string | null }>('SELECT code AS c, secretariat_pin_hash AS pin_hash FROM competition')
      .iterate()) {
      if (pinFingerprint(r.pin_hash) !== (pins.get(key(r.c, null)) ?? null)) problem('verify.secretariatPin', { competition: r.c });
    }
  }

  // The setup tables (competition, rules, instrument, sites, jurors, aspects, recusals) and released notes.
  const unchecked = checkSetup(db, problem);
  // The plenary: result state, locked snapshot, the jury's orders for tied sites.
  checkPleno(db, problem);

  if (database !== undefined) checkEvidence(db, database, problem);

  return { problems, count, entries, scores, chains, unchecked, unsigned };
}

/**
 * Opens the file without changing it (no migration, no pragma that writes, `query_only` on), checks it and closes
 * it. Not SQLite's read-only mode: a read-only connection to a WAL database leaves its -wal and -shm files behind,
 * while a normal one, the last to close, removes them, so the folder is left byte-for-byte as it was.
 */
export function verifyFile(file: string, anchors: readonly AnchorFile[] = [], known: readonly KnownKey[] = []): VerifyReport {
  if (!existsSync(file)) throw new UserError('db.notFound', { file }, 'not-found');
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('query_only = ON');
  } catch (error) {
    throw new UserError('db.notPenilai', { file, detail: (error as Error).message });
  }
  try {
    let version: number;
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new UserError('db.notPenilai', { file, detail: (error as Error).message });
    }
    if (version > SCHEMA_VERSION) throw new UserError('db.newer', { file, found: version, known: SCHEMA_VERSION }, 'conflict');
    if (version < 2)
      throw new VerifyFailure(file, {
        problems: [{ key: 'verify.schema', params: { found: version, needed: 2 } }],
        count: 1,
        entries: 0,
        scores: 0,
        chains: [],
        unchecked: [],
        unsigned: [],
      });
    return verifyDatabase(db, file, anchors, known);
  } finally {
    db.close();
  }
}

/** A report as the contract's value: `ok`, every chain, and each problem with a short stable code. */
export function verifyResult(report: VerifyReport): VerifyResult {
  return {
    ok: report.count === 0,
    chains: report.chains,
    problems: report.problems.map((p) => ({ code: p.key.replace(/^[a-z]+\./, ''), key: p.key, params: p.params })),
    count: report.count,
    entries: report.entries,
    scores: report.scores,
  };
}

/**
 * The command: one line on stdout when the database holds, a `VerifyFailure` (one line) when it does not. With
 * `json`: `{ ok, chains: [{ device, entries, head }], problems: [{ code, message }] }` on stdout (contract.md
 * section 1), and the exit code says whether it holds.
 */
export function commandVerifyDb(
  dbOption: string,
  out: (text: string) => void,
  lang: Lang,
  json = false,
  anchors: readonly AnchorFile[] = [],
  home?: string,
): void {
  const file = resolve(dbOption);
  // With --home: this installation's own key, kept outside the database, must be the one its chain is checked with.
  const own = home === undefined ? null : readIdentity(resolve(home));
  const report = verifyFile(file, anchors, own ? [{ device: own.id, publicKey: own.publicKey, source: resolve(home!) }] : []);
  if (json) {
    const result = verifyResult(report);
    const problems = result.problems.map((p) => ({ code: p.code, message: t(lang, p.key, p.params), ...p.params }));
    // Each chain says whether its heads are signed (schema 10); competitions made before the ledger held setups are named.
    const chains = result.chains.map((c) => ({ ...c, signed: !report.unsigned.includes(c.device) }));
    out(JSON.stringify({ ok: result.ok, chains, problems, count: result.count, unchecked: report.unchecked }, null, 2));
    if (!result.ok) throw new VerifyFailure(file, report);
    return;
  }
  if (report.count > 0) throw new VerifyFailure(file, report);
  out(t(lang, 'verify.ok', { file, entries: report.entries, scores: report.scores }));
}
