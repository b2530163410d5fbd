/**
 * Issue 11, "Done when": `report --doc all` on a 27 × 9 competition writes one PDF that `qpdf --check` accepts, whose
 * text holds every site, every juror's name and NIP, the Berita Acara's date in words, and one Lembar per sheet. The
 * bundle is laid out in chunks (electron/core/documents/bundle.ts); every font is embedded.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.js';
import { tempDir } from '../support/core.js';
import { qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-all-large-');
const db = join(temp.dir, 'large.db');
const out = join(temp.dir, 'Dokumen-Penilaian-DEMO.pdf');
let text = '';

beforeAll(async () => {
  const demo = await runCommand(['demo', '--db', db, '--sites', '27', '--jurors', '9']);
  expect(demo.status, demo.stderr).toBe(0);
  const report = await runCommand(['report', '--db', db, '--doc', 'all', '--out', out]);
  expect(report.status, report.stderr).toBe(0);
  // A 550-page text: larger than execFileSync's default buffer.
  text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}, 600_000);
afterAll(() => temp.cleanup());

function rows<T>(sql: string): T[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

describe('report --doc all on 27 sites × 9 jurors', () => {
  it('is one PDF that qpdf accepts, every font embedded', () => {
    const check = qpdfCheck(out);
    expect(check.ok, check.output).toBe(true);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.filter((line) => /NotoSans/.test(line)).length).toBeGreaterThanOrEqual(2);
    // pdffonts columns end with: emb sub uni object-number generation
    expect(fonts.filter((line) => line.trim().split(/\s+/).at(-5) !== 'yes')).toEqual([]);
    expect(fonts.filter((line) => /Helvetica|Times|Courier/.test(line))).toEqual([]);
  });

  it('names every site and every juror with NIP', () => {
    const sites = rows<{ code: string; name: string }>('SELECT code, name FROM site ORDER BY code');
    const jurors = rows<{ name: string; nip: string | null }>('SELECT name, nip FROM juror ORDER BY code');
    expect(sites).toHaveLength(27);
    expect(jurors).toHaveLength(9);
    // The demo's members from outside the civil service (TP-PKK, a university) have no NIP.
    expect(jurors.filter((j) => j.nip).map((j) => j.nip)).toHaveLength(7);
    for (const site of sites) expect(text, site.code).toContain(`${site.code} — ${site.name}`);
    for (const juror of jurors) {
      expect(text, juror.name).toContain(juror.name);
      if (juror.nip) expect(text, juror.name).toContain(juror.nip);
    }
  });

  it("holds the Berita Acara with the plenary's date in words", () => {
    expect(text).toContain('BERITA ACARA PENILAIAN');
    expect(text.replace(/\s+/g, ' ')).toContain('Pada hari ini Senin tanggal dua puluh satu bulan September tahun dua ribu dua puluh enam');
  });

  it('holds one Lembar Penilaian per sheet (juror × site scored), each once', () => {
    const sheets = rows<{ pair: string }>(
      `SELECT DISTINCT j.code || ' ' || s.code AS pair FROM score sc JOIN juror j ON j.id = sc.juror_id JOIN site s ON s.id = sc.site_id`,
    ).map((r) => r.pair);
    expect(sheets).toHaveLength(243);
    const titles = text.split('\n').filter((line) => line.trim() === 'LEMBAR PENILAIAN');
    expect(titles).toHaveLength(sheets.length);
    const seen = [...text.matchAll(/Lokus\s+:\s+(S\d+) — .*?Juri\s+:\s+(J\d+) —/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(seen).toHaveLength(sheets.length);
    expect(new Set(seen)).toEqual(new Set(sheets));
  });
});
