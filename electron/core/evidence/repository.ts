/**
 * Evidence photos as files beside the database, never inside it: the folder `<database file>.bukti/` holds each
 * photo once, named by the SHA-256 of its bytes (`<sha>.jpg`, `.png`, `.webp`), and the JPEG thumbnail the
 * renderer made, named by its own SHA-256 (`<sha>.thumb.jpg`). The `evidence` table keeps the name, type, size
 * and both hashes. Files are written atomically (a temporary file, fsync, rename) before the row is committed, so a
 * row never points at a half-written file; a removed photo keeps its row (with `removed_at`) and its file, for the
 * audit. Copying the database means copying its `.bukti` folder too.
 */
import { randomUUID } from 'node:crypto';
import { sha256 } from '../platform/hash.js';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidenceInfo, FileBytes } from '../../../shared/contract/schemas.js';
import { UserError } from '../../../shared/domain/errors.js';
import { listIndicators } from '../../../shared/domain/instrument.js';
import type { Db } from '../platform/database.js';
import type { Repositories } from '../deps.js';

import { evidenceFolder, evidenceText, originalFile, putFile, thumbnailFile, type EvidenceRow, type ImageMime } from '../platform/files.js';

export { evidenceFolder, evidenceText, type ImageMime };

/** The largest photo accepted: a phone camera's full-size JPEG is 3–12 MB. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** The largest thumbnail accepted (the renderer makes ~400 px JPEGs of a few tens of KB). */
export const MAX_THUMBNAIL_BYTES = 1024 * 1024;

const TYPE_NAMES: Record<ImageMime, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP' };

export function sniffImage(bytes: Uint8Array): ImageMime | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
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
