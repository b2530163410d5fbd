/**
 * `verify --db FILE` (contract.md section 1): exit 0 on a sound database; a row changed behind the app's back, or an
 * evidence photo changed or lost in the `.bukti` folder, is reported in one line on stderr with a non-zero exit, and
 * the database is left exactly as it was.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, EvidenceInfo } from '../../shared/contract/schemas.js';
import { describeError } from '../../shared/domain/errors.js';
import { fingerprint, runCommand as cli } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-cli-verify-');
const demo = join(temp.dir, 'demo.db');

/** A copy of the demo database with `sql` run on it, triggers and all, as someone with a SQLite shell could. */
function tampered(name: string, sql: string): string {
  const file = join(temp.dir, `${name}.db`);
  copyFileSync(demo, file);
  const db = new Database(file);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

beforeAll(async () => {
  const made = await cli(['demo', '--db', demo, '--sites', '3', '--jurors', '3']);
  if (made.status !== 0) throw new Error(made.stderr);
}, 60_000);
afterAll(() => temp.cleanup());

describe('verify --db', () => {
  it('passes a demo database, in one line, and changes nothing', async () => {
    // no evidence rows and no .bukti folder: nothing to look for
    expect(existsSync(`${demo}.bukti`)).toBe(false);
    const before = fingerprint(demo);
    const run = await cli(['verify', '--db', demo]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/utuh: .*rantai riwayat \d+ entri tidak terputus/);
    expect(fingerprint(demo)).toBe(before);
  });

  it('reports a history entry rewritten with its triggers dropped, in one line', async () => {
    const file = tampered(
      'rewritten',
      `DROP TRIGGER history_no_update;
       UPDATE history SET new_value = new_value + 1 WHERE id = (SELECT min(id) + 5 FROM history WHERE kind = 'score');
       CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`,
    );
    const before = fingerprint(file);
    const run = await cli(['verify', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^penilai: Basis data .*rewritten\.db tidak lolos pemeriksaan: entri riwayat #\d+ \(.+\) diubah/);
    expect(fingerprint(file)).toBe(before);
  });

  it('reports a score changed without a history entry, naming the cell, in both languages', async () => {
    const file = tampered(
      'score',
      `UPDATE score SET value = CASE WHEN value >= 2 THEN value - 1 ELSE value + 1 END
       WHERE id = (SELECT min(id) FROM score);`,
    );
    const run = await cli(['verify', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nilai \S+ juri \S+ di lokus \S+ \(lomba DEMO\) adalah [\d.]+, padahal riwayat mencatat [\d.]+/);
    const en = await cli(['verify', '--db', file, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(
      /^penilai: Database .* failed verification: score of \S+ by juror \S+ at site \S+ \(competition DEMO\) is [\d.]+, but the history records [\d.]+\n$/,
    );
  });

  it('reports a deleted history entry and a reopened sheet, the first problem and how many more', async () => {
    const file = tampered(
      'deleted',
      `DROP TRIGGER history_no_delete;
       DELETE FROM history WHERE id = (SELECT max(id) FROM history);
       UPDATE sheet SET finalised_at = NULL WHERE rowid = (SELECT min(rowid) FROM sheet);`,
    );
    const run = await cli(['verify', '--db', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/pemicu history_no_delete .* hilang \(dan \d+ masalah lain\)/);
  });

  it('refuses a file that does not exist, creating nothing', async () => {
    const missing = join(temp.dir, 'nothing.db');
    const run = await cli(['verify', '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`penilai: Berkas basis data tidak ditemukan: ${missing}`);
    expect(fingerprint(missing)).toBe(fingerprint(join(temp.dir, 'also-nothing.db')));
  });
});

/** A real 1×1 PNG (the photo) and a real 2×2 JPEG (its thumbnail, made by poppler's pdftoppm). */
const PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
const THUMB = new Uint8Array(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEAAgACAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXz/2wBDARUXFx4aHjshITt8U0ZTfHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHz/wAARCAACAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDMooorkPoD/9k=',
    'base64',
  ),
);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The same PNG with a different tail after IEND: another valid photo with another SHA-256. */
const PNG2 = new Uint8Array([...PNG, 0x0a]);

const withEvidence = join(temp.dir, 'bukti.db');

/** A copy of the database with evidence and its `.bukti` folder, changed by `change` (files, SQL or both). */
function tamperedEvidence(name: string, change: (file: string, folder: string) => void): string {
  const file = join(temp.dir, `${name}.db`);
  copyFileSync(withEvidence, file);
  cpSync(`${withEvidence}.bukti`, `${file}.bukti`, { recursive: true });
  change(file, `${file}.bukti`);
  return file;
}

function sql(file: string, text: string): void {
  const db = new Database(file);
  db.exec(text);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Runs verify expecting one line of failure on stderr, the database untouched; returns that line. */
async function fails(file: string, lang: 'id' | 'en' = 'id'): Promise<string> {
  const before = fingerprint(file);
  const folder = existsSync(`${file}.bukti`) ? readdirSync(`${file}.bukti`).sort() : [];
  const run = await cli(['verify', '--db', file, ...(lang === 'en' ? ['--lang', 'en'] : [])]);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(fingerprint(file)).toBe(before);
  expect(existsSync(`${file}.bukti`) ? readdirSync(`${file}.bukti`).sort() : []).toEqual(folder);
  return lines[0]!;
}

describe('verify --db with evidence photos', () => {
  let kept: EvidenceInfo;

  beforeAll(async () => {
    const core = openTestCore(withEvidence, () => new Date('2026-09-08T09:00:00Z'));
    try {
      const competition = {
        format: 'penilai.competition/1',
        competition: { code: 'UJI', name: 'Lomba Uji Bukti', year: 2026 },
        instrument: JSON.parse(
          readFileSync(new URL('../../resources/instruments/p2wkss-provinsi.json', import.meta.url), 'utf8'),
        ) as unknown,
        sites: [{ code: 'S01', name: 'Desa Satu' }],
        jurors: [{ code: 'J1', name: 'Ketua', role: 'ketua' }],
      };
      const created = await core.call('setup.import', {
        name: 'uji.json',
        bytes: new TextEncoder().encode(JSON.stringify(competition)),
      });
      if (!created.ok) throw new Error(describeError(created.error, 'en'));
      const add = async (input: Partial<ChannelInput<'evidence.add'>>): Promise<EvidenceInfo> => {
        const result = await core.call('evidence.add', {
          competition: 'UJI',
          juror: 'J1',
          site: 'S01',
          indicator: 'A1',
          name: 'sk-pokja.png',
          mime: 'image/png',
          bytes: PNG,
          thumbnail: THUMB,
          ...input,
        });
        if (!result.ok) throw new Error(describeError(result.error, 'en'));
        return result.value;
      };
      kept = await add({});
      const removed = await add({ name: 'salah-foto.png', bytes: PNG2, indicator: 'A2', thumbnail: undefined });
      const result = await core.call('evidence.remove', { uuid: removed.uuid });
      if (!result.ok) throw new Error(describeError(result.error, 'en'));
    } finally {
      core.close();
    }
  }, 60_000);

  it('passes when rows, history and files agree (a removed photo included), changing nothing', async () => {
    const before = fingerprint(withEvidence);
    const run = await cli(['verify', '--db', withEvidence]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(fingerprint(withEvidence)).toBe(before);
  });

  it('names a photo file whose bytes were changed', async () => {
    const file = tamperedEvidence('photo-changed', (_, folder) => {
      writeFileSync(join(folder, `${kept.sha256}.png`), PNG2);
    });
    expect(await fails(file)).toMatch(
      new RegExp(
        `^penilai: Basis data .*photo-changed\\.db tidak lolos pemeriksaan: berkas ${kept.sha256}\\.png \\(foto bukti sk-pokja\\.png, indikator A1 juri J1 di lokus S01, lomba UJI\\) di folder .*photo-changed\\.db\\.bukti telah diubah`,
      ),
    );
    expect(await fails(file, 'en')).toMatch(
      new RegExp(
        `failed verification: file ${kept.sha256}\\.png \\(evidence photo sk-pokja\\.png, indicator A1, juror J1, site S01, competition UJI\\) .* was changed`,
      ),
    );
  });

  it('names a photo file that was deleted, a removed one too', async () => {
    const file = tamperedEvidence('photo-deleted', (_, folder) => rmSync(join(folder, `${sha256(PNG2)}.png`)));
    expect(await fails(file)).toMatch(
      new RegExp(
        `berkas ${sha256(PNG2)}\\.png \\(foto bukti salah-foto\\.png, indikator A2 juri J1 di lokus S01, lomba UJI\\) tidak ada di folder .*photo-deleted\\.db\\.bukti$`,
      ),
    );
  });

  it('reports a missing .bukti folder when there are evidence rows', async () => {
    const file = tamperedEvidence('no-folder', (_, folder) => rmSync(folder, { recursive: true }));
    expect(await fails(file)).toMatch(
      /berkas [0-9a-f]{64}\.png \(foto bukti sk-pokja\.png, .*\) tidak ada di folder .*no-folder\.db\.bukti \(dan 2 masalah lain\)$/,
    );
  });

  it('names a thumbnail that was altered', async () => {
    const thumb = `${sha256(THUMB)}.thumb.jpg`;
    const file = tamperedEvidence('thumb-changed', (_, folder) => {
      const bytes = Buffer.from(THUMB);
      bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0xff;
      writeFileSync(join(folder, thumb), bytes);
    });
    expect(await fails(file)).toMatch(
      new RegExp(
        `berkas ${thumb.replace(/\./g, '\\.')} \\(gambar kecil foto bukti sk-pokja\\.png, indikator A1 juri J1 di lokus S01, lomba UJI\\) .* telah diubah`,
      ),
    );
  });

  it('reports an evidence row inserted with SQL, without a history entry', async () => {
    const file = tamperedEvidence('row-inserted', (db) =>
      sql(
        db,
        `INSERT INTO evidence (uuid, site_id, juror_id, indicator_code, name, mime, size, sha256, thumb_sha256, created_at, device, removed_at)
         SELECT '00000000-0000-4000-8000-000000000001', site_id, juror_id, 'A3', 'sisipan.png', mime, size, sha256, NULL, created_at, device, NULL
         FROM evidence WHERE uuid = '${kept.uuid}';`,
      ),
    );
    expect(await fails(file)).toMatch(
      /tidak lolos pemeriksaan: foto bukti sisipan\.png \(00000000-0000-4000-8000-000000000001\) indikator A3 juri J1 di lokus S01 \(lomba UJI\) ada di tabel evidence tanpa entri riwayat yang menambahkannya$/,
    );
  });

  it('reports a history entry whose photo row was deleted, and a removal undone with SQL', async () => {
    const deleted = tamperedEvidence('row-deleted', (db) => sql(db, `DELETE FROM evidence WHERE uuid = '${kept.uuid}';`));
    expect(await fails(deleted)).toMatch(
      /entri riwayat #\d+ mencatat foto bukti sk-pokja\.png \(sha256 [0-9a-f]{12}…\) indikator A1 juri J1 di lokus S01 \(lomba UJI\), tetapi barisnya tidak ada di tabel evidence$/,
    );
    const restored = tamperedEvidence('row-restored', (db) => sql(db, `UPDATE evidence SET removed_at = NULL;`));
    expect(await fails(restored)).toMatch(
      /foto bukti salah-foto\.png \(.+\) indikator A2 .* dihapus menurut entri riwayat #\d+, tetapi barisnya tidak ditandai dihapus$/,
    );
    const hidden = tamperedEvidence('row-hidden', (db) =>
      sql(db, `UPDATE evidence SET removed_at = created_at WHERE uuid = '${kept.uuid}';`),
    );
    expect(await fails(hidden)).toMatch(/foto bukti sk-pokja\.png \(.+\) indikator A1 .* ditandai dihapus tanpa tercatat di riwayat$/);
  });
});
