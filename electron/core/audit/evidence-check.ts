/**
 * The photos checked for `verify --db` and `audit.verify`: the `evidence` rows against the ledger, and the files in
 * the evidence folder against the SHA-256 they are named by.
 */
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import type { Db } from '../platform/database.js';
import { evidenceFolder, evidenceText, originalFile, thumbnailFile, type EvidenceRow } from '../platform/files.js';
import { sha256File } from '../platform/hash.js';
import { join } from 'node:path';

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
