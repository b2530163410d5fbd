/**
 * Writing packages (contract.md section 5):
 * - the setup package, secretariat → jurors' laptops: the competition file (with its uuid) and the PIN hashes;
 * - the score package, a juror's laptop → secretariat: one juror's work on this laptop (`work.json`), this laptop's
 *   ledger chain up to its head (`ledger.json`: the juror's entries whole, every other entry as its link only),
 *   the drawn signatures of finalised sheets and every photo with its thumbnail, by SHA-256.
 * Both signed by this installation's device key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportSummary } from '../../../shared/contract/exchange.js';
import type { CompetitionDetail } from '../../../shared/contract/setup.js';
import type { FileBytes } from '../../../shared/contract/common.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { UserError } from '../../../shared/domain/errors.js';
import {
  SCORES_LEDGER_FILE,
  SCORES_WORK_FILE,
  SETUP_ACCESS_FILE,
  SETUP_COMPETITION_FILE,
  WORK_KINDS,
  type PackageAccess,
  type PackageLedger,
  type PackageWork,
} from '../../../shared/domain/package.js';
import type { Deps } from '../deps.js';
import { evidenceFolder, originalFile, thumbnailFile } from '../platform/files.js';
import { sha256 } from '../platform/hash.js';
import { fingerprint } from '../platform/identity.js';
import { rowFields } from '../platform/ledger.js';
import { writePackage, type PackageMember } from './package-file.js';
import type { ExchangeRepository } from './repository.js';

const json = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));
const safeName = (code: string): string => code.replace(/[^A-Za-z0-9._-]+/g, '_');
const stamp = (at: string): string => at.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/** What every manifest of this laptop says of a competition: its identity, its instrument, the signing device. */
function manifestBase(deps: Deps, detail: CompetitionDetail) {
  return {
    competition: { uuid: detail.info.uuid!, code: detail.info.code },
    instrument: { code: detail.instrument.code, version: detail.instrument.version, sha256: detail.instrumentSha256 },
    device: { id: deps.identity.id, publicKey: deps.identity.publicKey },
  };
}

/** The PIN hashes of a competition: the secretariat's and each juror's (null: none). */
export function competitionAccess(deps: Deps, code: string): PackageAccess {
  const detail = deps.repos.setup.loadCompetition(code);
  return {
    secretariat: deps.repos.setup.secretariatPinHash(code),
    jurors: Object.fromEntries(detail.jurors.map((j) => [j.code, deps.repos.scoring.juror(code, j.code).pinHash])),
  };
}

export async function setupPackage(deps: Deps, code: string): Promise<FileBytes> {
  const file = deps.repos.setup.competitionFile(code);
  const detail = deps.repos.setup.loadCompetition(code);
  const created = deps.clock().toISOString();
  const bytes = await writePackage({
    manifest: { kind: 'setup', ...manifestBase(deps, detail), created },
    members: [
      { path: SETUP_COMPETITION_FILE, bytes: json(file) },
      { path: SETUP_ACCESS_FILE, bytes: json(competitionAccess(deps, code)) },
    ],
    sign: deps.identity.sign,
  });
  return { name: `${safeName(code)}-persiapan-${stamp(created)}.penilai`, mime: 'application/octet-stream', bytes };
}

export async function scoresPackage(deps: Deps, exchange: ExchangeRepository, code: string, juror: string): Promise<ExportSummary> {
  const detail = deps.repos.setup.loadCompetition(code);
  if (!detail.jurors.some((j) => j.code === juror)) throw new UserError('juror.notFound', { code: juror }, 'not-found');
  const chain = deps.identity.id;
  const rows = exchange.chainRows(chain);
  const kinds = new Set<string>(WORK_KINDS);
  const mine = (r: (typeof rows)[number]) => r.competition === code && r.juror === juror && kinds.has(r.kind);
  if (!rows.some(mine)) throw new UserError('exchange.nothingToSend', { juror, competition: code }, 'conflict');
  const ledger: PackageLedger = {
    chain,
    entries: rows.map((r) => {
      if (!mine(r)) return { seq: r.seq, prevHash: r.prev_hash, hash: r.hash };
      const { chain: _chain, ...fields } = rowFields(r);
      return { ...fields, seq: r.seq, format: r.format, prevHash: r.prev_hash, hash: r.hash };
    }),
  };
  const work = deps.repos.scoring.jurorWork(code, juror);
  const members: PackageMember[] = [];
  const folder = evidenceFolder(deps.database);
  const files = new Map<string, Uint8Array>();
  const readPhoto = (name: string, site: string): Uint8Array => {
    try {
      return new Uint8Array(readFileSync(join(folder, name)));
    } catch {
      throw new UserError('exchange.photoMissingHere', { file: name, site, folder }, 'conflict');
    }
  };
  for (const p of work.photos) {
    const original = `photos/${originalFile(p.sha256, p.mime)}`;
    if (!files.has(original)) {
      const bytes = readPhoto(originalFile(p.sha256, p.mime), p.site);
      if (sha256(bytes) !== p.sha256)
        throw new UserError('exchange.photoChangedHere', { file: originalFile(p.sha256, p.mime), site: p.site, folder }, 'conflict');
      files.set(original, bytes);
    }
    if (p.thumb_sha256 !== null) {
      const thumb = `thumbs/${thumbnailFile(p.thumb_sha256)}`;
      if (!files.has(thumb)) files.set(thumb, readPhoto(thumbnailFile(p.thumb_sha256), p.site));
    }
  }
  const signatures = new Map<string, Uint8Array>();
  const body: PackageWork = {
    juror,
    cells: work.cells.map((c) => ({
      site: c.site,
      indicator: c.indicator,
      value: c.value,
      note: c.note,
      answers: c.answers === null ? null : (JSON.parse(c.answers) as (boolean | null)[][]),
    })),
    sheets: work.sheets.map((s) => {
      let member: string | null = null;
      if (s.finalisedAt !== null && s.signature) {
        member = `signatures/${safeName(s.site)}-${sha256(s.signature).slice(0, 12)}.png`;
        signatures.set(member, s.signature);
      }
      return { site: s.site, finalisedAt: s.finalisedAt, signature: member };
    }),
    photos: work.photos.map((p) => ({
      uuid: p.uuid,
      site: p.site,
      indicator: p.indicator_code,
      name: p.name,
      mime: p.mime as 'image/jpeg' | 'image/png' | 'image/webp',
      size: p.size,
      sha256: p.sha256,
      thumbSha256: p.thumb_sha256,
      createdAt: p.created_at,
      removedAt: p.removed_at,
      device: p.device,
    })),
  };
  members.push({ path: SCORES_WORK_FILE, bytes: json(body) }, { path: SCORES_LEDGER_FILE, bytes: json(ledger) });
  for (const [path, bytes] of signatures) members.push({ path, bytes });
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) members.push({ path, bytes });
  const last = rows[rows.length - 1]!;
  const created = deps.clock().toISOString();
  const bytes = await writePackage({
    manifest: {
      kind: 'scores',
      ...manifestBase(deps, detail),
      juror,
      entries: { chain, from: 1, to: last.seq, head: last.hash },
      created,
    },
    members,
    sign: deps.identity.sign,
  });
  return {
    file: { name: `${safeName(code)}-${safeName(juror)}-nilai-${stamp(created)}.penilai`, mime: 'application/octet-stream', bytes },
    juror,
    sites: new Set(work.cells.map((c) => c.site)).size,
    scores: work.cells.filter((c) => c.value !== null).length,
    notes: work.cells.filter((c) => c.note !== null).length,
    photos: work.photos.filter((p) => p.removed_at === null).length,
    finalised: work.sheets.filter((s) => s.finalisedAt !== null).length,
    entries: { from: 1, to: last.seq },
    fingerprint: fingerprint(deps.identity.publicKey),
  };
}
