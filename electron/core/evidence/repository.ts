/**
 * Evidence photos as files beside the database, never inside it: the folder `<database file>.bukti/` holds each
 * photo once, named by the SHA-256 of its bytes (`<sha>.jpg`, `.png`, `.webp`), and the JPEG thumbnail the
 * renderer made, named by its own SHA-256 (`<sha>.thumb.jpg`). The `evidence` table keeps the name, type, size
 * and both hashes. Files are written atomically (a temporary file, fsync, rename) before the row is committed, so a
 * row never points at a half-written file; a removed photo keeps its row (with `removed_at`) and its file, for the
 * audit. Copying the database means copying its `.bukti` folder too.
 */
import { randomUUID } from 'node:crypto';
import { sha256, sha256File } from '../platform/hash.js';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidenceInfo, FileBytes } from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import { listIndicators } from '../../../shared/domain/instrument.js';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import type { Db } from '../platform/database.js';
import type { Repositories } from '../deps.js';

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** The largest photo accepted: a phone camera's full-size JPEG is 3–12 MB. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** The largest thumbnail accepted (the renderer makes ~400 px JPEGs of a few tens of KB). */
export const MAX_THUMBNAIL_BYTES = 1024 * 1024;

const EXTENSIONS: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const TYPE_NAMES: Record<ImageMime, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

/** The folder of a database's evidence files. */
export function evidenceFolder(database: string): string {
  return `${database}.bukti`;
}

/** The image type the bytes really are, by their magic numbers; null when none of the accepted ones. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function originalFile(sha: string, mime: string): string {
  return `${sha}.${EXTENSIONS[mime as ImageMime] ?? 'bin'}`;
}

function thumbnailFile(sha: string): string {
  return `${sha}.thumb.jpg`;
}

/** fsync of a folder, so that a rename survives a power cut; not possible on every platform (Windows), hence best effort. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // A folder cannot be opened for fsync on Windows; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Puts bytes under their content name in the folder, atomically: a temporary file in the same folder, written and
 * fsynced, then renamed. A file already there with the same content is kept (stored once). Returns whether the
 * file is new (so that a failed commit can take it back).
 */
function putFile(folder: string, name: string, bytes: Uint8Array, sha: string): boolean {
  const target = join(folder, name);
  const existed = existsSync(target);
  if (existed && sha256(readFileSync(target)) === sha) return false;
  const temp = join(folder, `.${name}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UserError('evidence.notWritable', { folder, detail: (error as Error).message });
  }
  syncFolder(folder);
  // A damaged file that was replaced is not "new": taking it back would lose the repair, not undo the add.
  return !existed;
}

interface EvidenceRow {
  uuid: string;
  site_id: number;
  juror_id: number;
  indicator_code: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  thumb_sha256: string | null;
  created_at: string;
  removed_at: string | null;
}

function info(row: EvidenceRow): EvidenceInfo {
  return {
    uuid: row.uuid,
    indicator: row.indicator_code,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
    hasThumbnail: row.thumb_sha256 !== null,
  };
}

/** The photos of one sheet (juror, site) that are not removed, oldest first, for `ScoreSheet.evidence`. */
export function listEvidence(db: Db, competition: string, juror: string, site: string): EvidenceInfo[] {
  return db
    .prepare<[string, string, string], EvidenceRow>(
      `SELECT e.* FROM evidence e
       JOIN site s ON s.id = e.site_id JOIN juror j ON j.id = e.juror_id JOIN competition c ON c.id = s.competition_id
       WHERE c.code = ? AND j.code = ? AND s.code = ? AND j.competition_id = c.id AND e.removed_at IS NULL
       ORDER BY e.created_at, e.id`,
    )
    .all(competition, juror, site)
    .map(info);
}

/** The row of a photo with its sheet's codes, or a not-found error. */
function findEvidence(db: Db, uuid: string): EvidenceRow & { competition: string; juror: string; site: string } {
  const row = db
    .prepare<[string], EvidenceRow & { competition: string; juror: string; site: string }>(
      `SELECT e.*, c.code AS competition, j.code AS juror, s.code AS site FROM evidence e
       JOIN site s ON s.id = e.site_id JOIN juror j ON j.id = e.juror_id JOIN competition c ON c.id = s.competition_id
       WHERE e.uuid = ?`,
    )
    .get(uuid);
  if (!row) throw new UserError('evidence.notFound', { uuid }, 'not-found');
  return row;
}

/** The row ids of a sheet's juror and site (both known to exist). */
function sheetIds(db: Db, competition: string, juror: string, site: string): { jurorId: number; siteId: number } {
  const row = db
    .prepare<[string, string, string], { juror_id: number; site_id: number }>(
      `SELECT j.id AS juror_id, s.id AS site_id FROM competition c
       JOIN juror j ON j.competition_id = c.id AND j.code = ?
       JOIN site s ON s.competition_id = c.id AND s.code = ?
       WHERE c.code = ?`,
    )
    .get(juror, site, competition);
  if (!row) throw new Error(`sheet ${competition}/${juror}/${site} missing`);
  return { jurorId: row.juror_id, siteId: row.site_id };
}

/** Refuses what a juror may not touch: unknown codes, a cell the juror is not eligible for, a finalised sheet. */
function checkCell(
  repos: Repositories,
  competition: string,
  juror: string,
  site: string,
  indicator: string,
): { jurorId: number; siteId: number } {
  const detail = repos.setup.loadCompetition(competition);
  if (!detail.jurors.some((j) => j.code === juror)) throw new UserError('juror.notFound', { code: juror }, 'not-found');
  if (!detail.sites.some((s) => s.code === site)) throw new UserError('site.notFound', { code: site }, 'not-found');
  if (!listIndicators(detail.instrument).some((r) => r.indicator.code === indicator)) {
    throw new UserError('indicator.notFound', { code: indicator }, 'not-found');
  }
  if (!repos.setup.eligibleIndicators(detail, juror, site).includes(indicator))
    throw new UserError('score.notEligible', { juror, site, indicator });
  repos.scoring.assertOpen({ competition, juror, site });
  return sheetIds(repos.db, competition, juror, site);
}

function checkImage(name: string, mime: ImageMime, bytes: Uint8Array, thumbnail: Uint8Array | undefined): void {
  if (bytes.length === 0) throw new UserError('evidence.empty', { name });
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    const mb = Math.round((bytes.length / (1024 * 1024)) * 10) / 10;
    throw new UserError('evidence.tooBig', { name, size: mb, max: MAX_EVIDENCE_BYTES / (1024 * 1024) });
  }
  const found = sniffImage(bytes);
  if (found === null) throw new UserError('evidence.notImage', { name });
  if (found !== mime) throw new UserError('evidence.wrongType', { name, expected: TYPE_NAMES[mime], found: TYPE_NAMES[found] });
  if (thumbnail !== undefined) {
    if (thumbnail.length > MAX_THUMBNAIL_BYTES) throw new UserError('evidence.thumbnailTooBig', { name, max: MAX_THUMBNAIL_BYTES / 1024 });
    if (sniffImage(thumbnail) !== 'image/jpeg') throw new UserError('evidence.thumbnailType', { name });
  }
}

/** What the history records of a photo: its content hash and name, so the hash chain covers the file too. */
export function evidenceText(sha: string, name: string): string {
  return `sha256:${sha} ${name}`;
}

export interface AddEvidence {
  competition: string;
  juror: string;
  site: string;
  indicator: string;
  name: string;
  mime: ImageMime;
  bytes: Uint8Array;
  thumbnail?: Uint8Array | undefined;
}

/** Who may change a juror's photos, and how a change goes into the history (inside the transaction that writes the row). */
export interface EvidenceWriter {
  /** The actor of a change to this juror's sheet; throws when it may not be made here (the session rules). */
  actor(competition: string, juror: string): string;
  /** This laptop's device id, written into the row. */
  device(): string;
  record(entry: {
    competition: string;
    juror: string;
    site: string;
    indicator: string;
    oldText: string | null;
    newText: string | null;
    actor: string;
  }): void;
}

/**
 * Adds a photo to a cell. Everything is checked before any file is written; the files are on disk before the row is
 * committed, and files this call created are taken back if the commit fails. The same content added again to the
 * same cell (a double drop) returns the photo already there.
 */
export function addEvidence(
  repos: Repositories,
  database: string,
  clock: () => Date,
  writer: EvidenceWriter,
  args: AddEvidence,
): EvidenceInfo {
  const name = basename(args.name.replace(/\\/g, '/')) || args.name;
  // The session rules first: a juror with a PIN adds photos only while signed in on this laptop.
  const actor = writer.actor(args.competition, args.juror);
  const { jurorId, siteId } = checkCell(repos, args.competition, args.juror, args.site, args.indicator);
  checkImage(name, args.mime, args.bytes, args.thumbnail);
  const sha = sha256(args.bytes);
  const thumbSha = args.thumbnail === undefined ? null : sha256(args.thumbnail);

  const same = repos.db
    .prepare<[number, number, string, string], EvidenceRow>(
      'SELECT * FROM evidence WHERE site_id = ? AND juror_id = ? AND indicator_code = ? AND sha256 = ? AND removed_at IS NULL',
    )
    .get(siteId, jurorId, args.indicator, sha);
  if (same) return info(same);

  const folder = evidenceFolder(database);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UserError('evidence.notWritable', { folder, detail: (error as Error).message });
  }
  const created: string[] = [];
  try {
    if (putFile(folder, originalFile(sha, args.mime), args.bytes, sha)) created.push(originalFile(sha, args.mime));
    if (args.thumbnail !== undefined && thumbSha !== null && putFile(folder, thumbnailFile(thumbSha), args.thumbnail, thumbSha)) {
      created.push(thumbnailFile(thumbSha));
    }
    const row: EvidenceRow = {
      uuid: randomUUID(),
      site_id: siteId,
      juror_id: jurorId,
      indicator_code: args.indicator,
      name,
      mime: args.mime,
      size: args.bytes.length,
      sha256: sha,
      thumb_sha256: thumbSha,
      created_at: clock().toISOString(),
      removed_at: null,
    };
    // The write lock is taken at once, as the scoring repository does, so that the history chain cannot fork.
    repos.gate.run({ competition: args.competition }, () => {
      // Checked again inside the write: the sheet may have been finalised since.
      repos.scoring.assertOpen({ competition: args.competition, juror: args.juror, site: args.site });
      repos.db
        .prepare(
          `INSERT INTO evidence (uuid, site_id, juror_id, indicator_code, name, mime, size, sha256, thumb_sha256, created_at, device, removed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        )
        .run(row.uuid, siteId, jurorId, args.indicator, name, args.mime, row.size, sha, thumbSha, row.created_at, writer.device());
      writer.record({
        actor,
        competition: args.competition,
        juror: args.juror,
        site: args.site,
        indicator: args.indicator,
        oldText: null,
        newText: evidenceText(sha, name),
      });
    });
    return info(row);
  } catch (error) {
    // Only files no row refers to: the same content may already be evidence elsewhere.
    for (const file of created) {
      const sha = file.slice(0, 64);
      const used = repos.db
        .prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM evidence WHERE sha256 = ? OR thumb_sha256 = ?')
        .get(sha, sha)!.n;
      if (used === 0) rmSync(join(folder, file), { force: true });
    }
    throw error;
  }
}

/** A photo's bytes (or its thumbnail's; the photo itself when it has none), checked against the stored SHA-256. */
export function getEvidence(db: Db, database: string, uuid: string, thumbnail: boolean): FileBytes {
  const row = findEvidence(db, uuid);
  const folder = evidenceFolder(database);
  const useThumb = thumbnail && row.thumb_sha256 !== null;
  const sha = useThumb ? row.thumb_sha256! : row.sha256;
  const file = useThumb ? thumbnailFile(sha) : originalFile(sha, row.mime);
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, file));
  } catch {
    throw new UserError('evidence.fileMissing', { name: row.name, folder }, 'not-found');
  }
  if (sha256(bytes) !== sha) throw new UserError('evidence.damaged', { name: row.name, folder });
  const dot = row.name.lastIndexOf('.');
  const stem = dot > 0 ? row.name.slice(0, dot) : row.name;
  return useThumb
    ? { name: `${stem}.thumb.jpg`, mime: 'image/jpeg', bytes: new Uint8Array(bytes) }
    : { name: row.name, mime: row.mime, bytes: new Uint8Array(bytes) };
}

/**
 * Removes a photo from its cell: the row is marked removed and the file stays, for the audit. A finalised sheet
 * refuses. `removed` is false when it was already removed.
 */
export function removeEvidence(repos: Repositories, clock: () => Date, writer: EvidenceWriter, uuid: string): { removed: boolean } {
  const row = findEvidence(repos.db, uuid);
  const actor = writer.actor(row.competition, row.juror);
  if (row.removed_at !== null) return { removed: false };
  return repos.gate.run({ competition: row.competition }, () => {
    repos.scoring.assertOpen({ competition: row.competition, juror: row.juror, site: row.site });
    const changed = repos.db
      .prepare('UPDATE evidence SET removed_at = ? WHERE uuid = ? AND removed_at IS NULL')
      .run(clock().toISOString(), uuid).changes;
    if (changed === 0) return { removed: false };
    writer.record({
      actor,
      competition: row.competition,
      juror: row.juror,
      site: row.site,
      indicator: row.indicator_code,
      oldText: evidenceText(row.sha256, row.name),
      newText: null,
    });
    return { removed: true };
  });
}

/**
 * For `verify --db` (reads only, writes nothing): that the `evidence` rows and the history agree, and that the
 * files are there as recorded. Every row has a history entry adding it (same cell, SHA-256 and name) and a removed
 * row one removing it; no entry adds or removes a photo that has no such row (unless its site or juror was
 * removed from the setup since); every photo and thumbnail, removed ones too, is in the `.bukti` folder with the
 * SHA-256 of its name. Each problem is handed to `problem`.
 */
export function checkEvidence(db: Db, database: string, problem: (key: MessageKey, params: Params) => void): void {
  const cellKey = (...parts: string[]): string => parts.join('\u0000');
  interface Tally {
    adds: number[];
    removes: number[];
  }
  const history = new Map<string, Tally>();
  const tally = (k: string): Tally => {
    let found = history.get(k);
    if (!found) history.set(k, (found = { adds: [], removes: [] }));
    return found;
  };
  for (const h of db
    .prepare<
      [],
      {
        id: number;
        competition: string;
        site: string | null;
        juror: string | null;
        indicator: string | null;
        old_text: string | null;
        new_text: string | null;
      }
    >(`SELECT id, competition, site, juror, indicator, old_text, new_text FROM history WHERE kind = 'evidence' ORDER BY id`)
    .iterate()) {
    const cell = [h.competition, h.juror ?? '', h.site ?? '', h.indicator ?? ''];
    if (h.old_text === null && h.new_text !== null) tally(cellKey(...cell, h.new_text)).adds.push(h.id);
    else if (h.old_text !== null && h.new_text === null) tally(cellKey(...cell, h.old_text)).removes.push(h.id);
  }

  type Row = EvidenceRow & { competition: string; juror: string; site: string };
  const rows = db
    .prepare<[], Row>(
      `SELECT e.*, c.code AS competition, j.code AS juror, s.code AS site FROM evidence e
       JOIN site s ON s.id = e.site_id JOIN juror j ON j.id = e.juror_id JOIN competition c ON c.id = s.competition_id
       ORDER BY e.id`,
    )
    .all();
  const rowParams = (r: Row) => ({
    name: r.name,
    uuid: r.uuid,
    competition: r.competition,
    juror: r.juror,
    site: r.site,
    indicator: r.indicator_code,
  });

  // History against rows: per cell and content, as many adds as rows and as many removes as removed rows.
  const byKey = new Map<string, Row[]>();
  for (const r of rows) {
    const k = cellKey(r.competition, r.juror, r.site, r.indicator_code, evidenceText(r.sha256, r.name));
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  for (const [k, list] of byKey) {
    const { adds, removes } = history.get(k) ?? { adds: [], removes: [] };
    for (const r of list.slice(adds.length)) problem('verify.evidenceUnrecorded', rowParams(r));
    const removed = list.filter((r) => r.removed_at !== null);
    for (const r of removed.slice(removes.length)) problem('verify.evidenceRemoveUnrecorded', rowParams(r));
    if (removes.length > removed.length) {
      const active = list.find((r) => r.removed_at === null);
      if (active) problem('verify.evidenceNotRemoved', { ...rowParams(active), id: removes[removed.length]! });
    }
  }
  const sites = new Set(
    db
      .prepare<[], { c: string; s: string }>('SELECT c.code AS c, s.code AS s FROM site s JOIN competition c ON c.id = s.competition_id')
      .all()
      .map((r) => cellKey(r.c, r.s)),
  );
  const jurors = new Set(
    db
      .prepare<[], { c: string; j: string }>('SELECT c.code AS c, j.code AS j FROM juror j JOIN competition c ON c.id = j.competition_id')
      .all()
      .map((r) => cellKey(r.c, r.j)),
  );
  for (const [k, { adds, removes }] of history) {
    const count = byKey.get(k)?.length ?? 0;
    const extra = [...adds.slice(count), ...(adds.length === 0 && count === 0 ? removes.slice(0, 1) : [])];
    if (extra.length === 0) continue;
    const [competition, juror, site, indicator, text] = k.split('\u0000') as [string, string, string, string, string];
    // A site or juror removed from the setup takes its rows with it.
    if (!sites.has(cellKey(competition, site)) || !jurors.has(cellKey(competition, juror))) continue;
    const match = /^sha256:([0-9a-f]+) (.*)$/s.exec(text);
    for (const id of extra) {
      problem('verify.evidenceNoRow', {
        id,
        name: match?.[2] ?? text,
        sha: (match?.[1] ?? '').slice(0, 12),
        competition,
        juror,
        site,
        indicator,
      });
    }
  }

  // The files: each one hashed once, however many rows share it.
  if (rows.length === 0) return;
  const folder = evidenceFolder(database);
  const hashes = new Map<string, string | null>();
  const check = (r: Row, file: string, sha: string, thumbnail: boolean): void => {
    if (!hashes.has(file)) hashes.set(file, sha256File(join(folder, file)));
    const found = hashes.get(file);
    const params = { ...rowParams(r), file, folder, thumbnail: thumbnail ? 1 : 0 };
    if (found === null || found === undefined) problem('verify.evidenceFileMissing', params);
    else if (found !== sha) problem('verify.evidenceFileChanged', params);
  };
  for (const r of rows) {
    check(r, originalFile(r.sha256, r.mime), r.sha256, false);
    if (r.thumb_sha256 !== null) check(r, thumbnailFile(r.thumb_sha256), r.thumb_sha256, true);
  }
}
