/**
 * The plenary's result as a workbook (contract.md section 6, `export-xlsx`): the CLI runs in-process, the workbook
 * is opened by real LibreOffice (headless Calc) and converted to CSV sheet by sheet, and read back with exceljs for
 * what CSV cannot show (cell types, number formats, fonts, page setup). Ranks and totals are compared with
 * `rank --json` at the competition's precision, on the demo competition and on one with a pleno decision.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/domain/numbers.js';
import type { OfficialRanking } from '../../shared/domain/pleno.js';
import { aCompetition } from '../support/builders.js';
import { fingerprint, runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { asSecretariat } from '../support/jury.js';
import { sheetsAsCsv, workbookAsPdf } from '../support/libreoffice.js';
import { qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-xlsx-');
afterAll(() => temp.cleanup());

const SHEETS = ['Peringkat', 'Per juri', 'Nilai', 'Keputusan pleno'];
/** Row 1 is the title, row 2 the header; the table runs to the first empty row. */
const TITLE = 0;
const HEADER = 1;

function table(rows: string[][]): { header: string[]; body: string[][] } {
  const header = rows[HEADER]!;
  const body: string[][] = [];
  for (const row of rows.slice(HEADER + 1)) {
    if (row.every((c) => c === '')) break;
    body.push(row);
  }
  return { header, body };
}

async function rankJson(db: string): Promise<OfficialRanking> {
  const run = await runCommand(['rank', '--db', db, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as OfficialRanking;
}

async function exportXlsx(db: string, out: string, ...extra: string[]): Promise<void> {
  const run = await runCommand(['export-xlsx', '--db', db, '--out', out, ...extra]);
  expect(run.stderr).toContain(out);
  expect(run.status, run.stderr).toBe(0);
}

async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The Peringkat sheet's rank, code, each aspect and phase, total and label, as LibreOffice shows them. */
function expectPeringkatMatches(rows: string[][], ranking: OfficialRanking, aspects: string[], phases: string[]): void {
  const { header, body } = table(rows);
  const p = ranking.precision;
  const col = (title: string) => {
    const i = header.indexOf(title);
    expect(i, `column ${title}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  expect(body.map((r) => r[col('Peringkat')])).toEqual(ranking.ranking.map((r) => String(r.rank)));
  expect(body.map((r) => r[col('Kode')])).toEqual(ranking.ranking.map((r) => r.site));
  expect(body.map((r) => r[col('Total')])).toEqual(ranking.ranking.map((r) => formatNumber(r.total, p, 'en')));
  expect(body.map((r) => r[col('Predikat')])).toEqual(ranking.ranking.map((r) => r.label ?? ''));
  for (const a of aspects)
    expect(body.map((r) => r[col(`Aspek ${a}`)])).toEqual(ranking.ranking.map((r) => formatNumber(r.aspects[a]!, p, 'en')));
  for (const ph of phases)
    expect(body.map((r) => r[col(`Tahap ${ph}`)])).toEqual(ranking.ranking.map((r) => formatNumber(r.phases[ph]!, p, 'en')));
}

// LibreOffice starts in 10–20 s: more room than the default 60 s for a loaded machine (a limit, not an assertion).
const SLOW = { timeout: 180_000 };

describe('export-xlsx on the demo competition', SLOW, () => {
  const dir = join(temp.dir, 'demo');
  mkdirSync(dir);
  const db = join(dir, 'demo.db');
  const out = join(dir, 'demo.xlsx');
  beforeAll(async () => {
    expect((await runCommand(['demo', '--db', db])).status).toBe(0);
    await exportXlsx(db, out);
  });

  it('gives, through LibreOffice, the ranks, totals, aspects and phases of rank --json at precision 2, sheets in order', async () => {
    const ranking = await rankJson(db);
    expect(ranking.precision).toBe(2);

    const workbook = await loadXlsx(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);

    const sheets = sheetsAsCsv(out, dir, SHEETS);
    const peringkat = sheets.get('Peringkat')!;
    expect(peringkat[TITLE]![0]).toBe('Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo) (DEMO) — Peringkat — SEMENTARA');
    expectPeringkatMatches(peringkat, ranking, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], ['ADM', 'PPR', 'LAP', 'KRT']);
    expect(table(peringkat).body).toHaveLength(12);

    // Per juri: one row per site in the competition's order, one column per juror.
    const perJuri = table(sheets.get('Per juri')!);
    expect(perJuri.header.slice(0, 2)).toEqual(['Kode', 'Desa/Kelurahan']);
    expect(perJuri.header.slice(2).map((h) => h.split(' ')[0])).toEqual(['J1', 'J2', 'J3', 'J4', 'J5']);
    expect(perJuri.body.map((r) => r[0])).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'S10', 'S11', 'S12']);
    for (const row of perJuri.body) for (const cell of row.slice(2)) expect(cell).toMatch(/^\d+\.\d\d$/);

    // Nilai: every score of the demo (12 sites × 5 jurors' eligible cells = 1008 scores), each counted.
    const nilai = table(sheets.get('Nilai')!);
    expect(nilai.header).toEqual([
      'Kode lokus',
      'Desa/Kelurahan',
      'Kode juri',
      'Nama juri',
      'NIP',
      'Kode indikator',
      'Indikator',
      'Aspek',
      'Tahap',
      'Bobot',
      'Skor',
      'Dihitung',
      'Catatan',
    ]);
    expect(nilai.body).toHaveLength(1008);
    expect(new Set(nilai.body.map((r) => r[11]))).toEqual(new Set(['ya']));

    // No decision yet: the sheet says so under its header.
    const keputusan = sheets.get('Keputusan pleno')!;
    expect(table(keputusan).body).toEqual([]);
    expect(keputusan.some((r) => r[0] === 'Belum ada keputusan rapat pleno.')).toBe(true);
  });

  it('stores numbers as numbers at the precision (0.00), codes as text, in Arial, A4 landscape fitted to the page width', async () => {
    const workbook = await loadXlsx(out);
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe('2:2');
      const head = ws.getRow(2).getCell(1);
      expect(head.font).toMatchObject({ name: 'Arial', bold: true });
    }
    const peringkat = workbook.getWorksheet('Peringkat')!;
    const total = peringkat.getRow(3).getCell(headerIndex(peringkat, 'Total'));
    expect(total.type).toBe(ExcelJS.ValueType.Number);
    expect(total.numFmt).toBe('0.00');
    expect(total.font).toMatchObject({ name: 'Arial' });
    const rank = peringkat.getRow(3).getCell(1);
    expect(rank.type).toBe(ExcelJS.ValueType.Number);
    expect(rank.value).toBe(1);
    const nilai = workbook.getWorksheet('Nilai')!;
    const nip = nilai.getRow(3).getCell(headerIndex(nilai, 'NIP'));
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toBe('196501011990011001');
    // A wrapped long text row is made tall enough for it.
    const indicator = nilai.getRow(3).getCell(headerIndex(nilai, 'Indikator'));
    expect(indicator.alignment).toMatchObject({ wrapText: true });
    expect(nilai.getRow(3).height).toBeGreaterThan(20);
  });

  it('is printed by LibreOffice with the whole ranking on one A4 landscape page width', async () => {
    const ranking = await rankJson(db);
    const pdf = workbookAsPdf(out, dir);
    expect(qpdfCheck(pdf).ok).toBe(true);
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))!;
    // A4 landscape: 297 × 210 mm = 841.89 × 595.28 pt.
    expect(Number(size[1])).toBeCloseTo(841.89, 0);
    expect(Number(size[2])).toBeCloseTo(595.28, 0);
    const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const first = page(1);
    expect(first).toContain('— Peringkat — SEMENTARA');
    // Every site on its own line, from its rank to its label: no column pushed to another page.
    const lines = first.split('\n');
    for (const r of ranking.ranking) {
      const line = lines.find((l) => new RegExp(`^\\s*${r.rank}\\s+${r.site}\\s`).test(l));
      expect(line, r.site).toBeDefined();
      expect(line).toContain(formatNumber(r.total, 2, 'en'));
      if (r.label) expect(line).toContain(r.label);
    }
    expect(first).toContain('Penentu peringkat');
    // The next page is already the next sheet: the ranking took one page.
    expect(page(2)).toContain('— Nilai per juri —');
  });

  it('after pleno lock, the workbook is the locked snapshot and says "Dikunci — revisi 0"', async () => {
    const lockDir = join(temp.dir, 'locked');
    mkdirSync(lockDir);
    const db = join(lockDir, 'locked.db');
    expect((await runCommand(['demo', '--db', db])).status).toBe(0);
    const core = openTestCore(db);
    try {
      expect((await core.call('pleno.open', { competition: 'DEMO' })).ok).toBe(true);
      await asSecretariat(core, 'DEMO');
      const locked = await core.call('pleno.lock', { competition: 'DEMO' });
      expect(locked.ok && locked.value.state).toBe('locked');
    } finally {
      core.close();
    }
    const locked = join(lockDir, 'locked.xlsx');
    await exportXlsx(db, locked, '--competition', 'DEMO');
    const ranking = await rankJson(db);
    expect(ranking.state).toBe('locked');
    const sheets = sheetsAsCsv(locked, lockDir, SHEETS);
    for (const name of SHEETS) expect(sheets.get(name)![TITLE]![0]).toMatch(/ — Dikunci — revisi 0$/);
    expectPeringkatMatches(sheets.get('Peringkat')!, ranking, ['A', 'H'], ['LAP']);
  });
});

function headerIndex(ws: ExcelJS.Worksheet, title: string): number {
  let found = -1;
  ws.getRow(2).eachCell((cell, col) => {
    if (cell.value === title) found = col;
  });
  expect(found, `column ${title}`).toBeGreaterThan(0);
  return found;
}

describe('export-xlsx with a pleno decision', SLOW, () => {
  const dir = join(temp.dir, 'tie');
  mkdirSync(dir);
  const db = join(dir, 'tie.db');
  const reason = 'Kunjungan lapangan S02 menunjukkan kegiatan yang lebih berkelanjutan.';

  const out = join(dir, 'seri.xlsx');
  beforeAll(async () => {
    const competition = aCompetition({
      competition: { code: 'SERI', name: 'Lomba Seri', rules: { precision: 3 } as never },
      sites: [
        { code: '007', name: 'Desa Tujuh', regency: 'Kabupaten Lebak' },
        { code: 'S02', name: 'Desa Dua', regency: 'Kota Serang' },
        { code: 'S03', name: 'Desa Tiga', regency: 'Kabupaten Pandeglang' },
      ],
      jurors: [
        { code: 'J1', name: 'Juri Satu', role: 'ketua', nip: '198001012005011001' },
        { code: 'J2', name: 'Juri Dua', role: 'anggota' },
      ],
    });
    const file = join(dir, 'seri.json');
    writeFileSync(file, JSON.stringify(competition));
    expect((await runCommand(['init', '--db', db, '--competition', file])).status).toBe(0);
    // 007 and S02 get identical scores (a tie the rules cannot break); S03 less. Notes that look like formulas.
    const scores = [
      'site,juror,indicator,score,note',
      '007,J1,A1,4,"=1+1"',
      '007,J1,A2,3,"+62 812 catatan"',
      '007,J1,B1,5,',
      '007,J2,A1,5,"-5 poin: dokumen kurang"',
      '007,J2,A2,4,"@kader"',
      '007,J2,B1,3,',
      'S02,J1,A1,4,',
      'S02,J1,A2,3,',
      'S02,J1,B1,5,',
      'S02,J2,A1,5,',
      'S02,J2,A2,4,',
      'S02,J2,B1,3,',
      'S03,J1,A1,2,',
      'S03,J1,A2,2,',
      'S03,J1,B1,2,',
      'S03,J2,A1,3,',
      'S03,J2,A2,2,',
      'S03,J2,B1,1,',
    ].join('\n');
    const csv = join(dir, 'nilai.csv');
    writeFileSync(csv, scores + '\n');
    const imported = await runCommand(['import-scores', '--db', db, '--file', csv]);
    expect(imported.status, imported.stderr).toBe(0);

    const core = openTestCore(db);
    try {
      expect((await core.call('pleno.open', { competition: 'SERI' })).ok).toBe(true);
      await asSecretariat(core, 'SERI');
      const decided = await core.call('pleno.decide', { competition: 'SERI', order: ['S02', '007'], reason });
      expect(decided.ok && decided.value.decisions.map((d) => d.status)).toEqual(['applied']);
    } finally {
      core.close();
    }
    await exportXlsx(db, out);
  });

  it('places the tied sites in the jury order, with the reason, as rank --json does (precision 3)', async () => {
    const ranking = await rankJson(db);
    // By hand: J1 at 007 and S02 gives 40×4/5 + 30×3/5 + 30×5/5 = 80, J2 40×5/5 + 30×4/5 + 30×3/5 = 82: mean 81.
    expect(ranking.ranking.map((r) => [r.rank, r.site, r.total, r.decidedBy, r.label])).toEqual([
      [1, 'S02', 81, null, 'Juara I'],
      [2, '007', 81, 'pleno', 'Juara II'],
      [3, 'S03', expect.closeTo(41, 9), 'total', 'Juara III'],
    ]);

    const sheets = sheetsAsCsv(out, dir, SHEETS);
    const peringkat = sheets.get('Peringkat')!;
    expect(peringkat[TITLE]![0]).toBe('Lomba Seri (SERI) — Peringkat — SEMENTARA — rapat pleno berlangsung');
    expectPeringkatMatches(peringkat, ranking, ['A', 'B'], ['LAP']);
    const body = table(peringkat).body;
    expect(body.map((r) => r.slice(0, 4))).toEqual([
      ['1', 'S02', 'Desa Dua', 'Kota Serang'],
      ['2', '007', 'Desa Tujuh', 'Kabupaten Lebak'],
      ['3', 'S03', 'Desa Tiga', 'Kabupaten Pandeglang'],
    ]);
    expect(body.map((r) => r.at(-1))).toEqual(['', `Keputusan rapat pleno: ${reason}`, '']);
    expect(body.map((r) => r[table(peringkat).header.indexOf('Total')])).toEqual(['81.000', '81.000', '41.000']);

    // Per juri, by hand: J1 80 and J2 82 at 007 and S02; at S03 J1 40×2/5+30×2/5+30×2/5 = 40, J2 24+12+6 = 42.
    expect(table(sheets.get('Per juri')!).body).toEqual([
      ['007', 'Desa Tujuh', '80.000', '82.000'],
      ['S02', 'Desa Dua', '80.000', '82.000'],
      ['S03', 'Desa Tiga', '40.000', '42.000'],
    ]);
    expect(table(sheets.get('Per juri')!).header).toEqual(['Kode', 'Desa/Kelurahan', 'J1 Juri Satu', 'J2 Juri Dua']);

    // Nilai: codes, NIP and notes exactly as written; a note starting with = is text, not a formula's result.
    const nilai = table(sheets.get('Nilai')!).body;
    expect(nilai).toHaveLength(18);
    expect(nilai[0]).toEqual([
      '007',
      'Desa Tujuh',
      'J1',
      'Juri Satu',
      '198001012005011001',
      'A1',
      'Indikator A1',
      'A',
      'Lapangan',
      '40',
      '4',
      'ya',
      '=1+1',
    ]);
    expect(nilai.filter((r) => r[12] !== '').map((r) => [r[0], r[2], r[5], r[12]])).toEqual([
      ['007', 'J1', 'A1', '=1+1'],
      ['007', 'J1', 'A2', '+62 812 catatan'],
      ['007', 'J2', 'A1', '-5 poin: dokumen kurang'],
      ['007', 'J2', 'A2', '@kader'],
    ]);

    // Keputusan pleno: the decision, its order, reason, revision and status.
    const keputusan = table(sheets.get('Keputusan pleno')!);
    expect(keputusan.header).toEqual(['No', 'Urutan lokus', 'Peringkat bersama', 'Alasan', 'Waktu', 'Revisi', 'Status']);
    expect(keputusan.body).toHaveLength(1);
    expect(keputusan.body[0]!.filter((_, i) => i !== 4)).toEqual(['1', 'S02, 007', '1', reason, '0', 'berlaku']);
    expect(keputusan.body[0]![4]).toMatch(/^\d{1,2} \w+ \d{4} pukul \d\d\.\d\d$/);
  });

  it('keeps 007, the NIP and the formula-like notes as text cells, and the precision 3 as 0.000', async () => {
    const workbook = await loadXlsx(out);
    const peringkat = workbook.getWorksheet('Peringkat')!;
    const code007 = peringkat.getRow(4).getCell(2);
    expect(code007.type).toBe(ExcelJS.ValueType.String);
    expect(code007.value).toBe('007');
    const total = peringkat.getRow(4).getCell(headerIndex(peringkat, 'Total'));
    expect(total.type).toBe(ExcelJS.ValueType.Number);
    expect(total.value).toBe(81);
    expect(total.numFmt).toBe('0.000');
    expect(peringkat.getRow(4).getCell(headerIndex(peringkat, 'Aspek A')).numFmt).toBe('0.000');
    expect(workbook.getWorksheet('Per juri')!.getRow(3).getCell(3).numFmt).toBe('0.000');
    const nilai = workbook.getWorksheet('Nilai')!;
    const row = nilai.getRow(3);
    for (const [title, expected] of [
      ['Kode lokus', '007'],
      ['NIP', '198001012005011001'],
      ['Catatan', '=1+1'],
    ] as const) {
      const cell = row.getCell(headerIndex(nilai, title));
      expect(cell.type, title).toBe(ExcelJS.ValueType.String);
      expect(cell.value, title).toBe(expected);
      expect(cell.numFmt, title).toBe('@');
    }
    // No cell of the workbook is a formula.
    for (const ws of workbook.worksheets)
      ws.eachRow((r) => r.eachCell((cell) => expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('export-xlsx refusals', () => {
  const dir = join(temp.dir, 'refuse');
  mkdirSync(dir);
  const db = join(dir, 'demo.db');

  it('refuses an unknown competition, a missing output folder and a folder as output, leaving the database as it was', async () => {
    expect((await runCommand(['demo', '--db', db, '--sites', '3', '--jurors', '2'])).status).toBe(0);
    const before = fingerprint(db);

    const unknown = await runCommand(['export-xlsx', '--db', db, '--competition', 'NOPE', '--out', join(dir, 'x.xlsx')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^penilai: .*NOPE/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);

    const missing = join(dir, 'tidak-ada', 'x.xlsx');
    const noFolder = await runCommand(['export-xlsx', '--db', db, '--out', missing]);
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toBe(`penilai: Folder tujuan tidak ada: ${join(dir, 'tidak-ada')}\n`);

    const folder = await runCommand(['export-xlsx', '--db', db, '--out', dir, '--lang', 'en']);
    expect(folder.status).toBe(1);
    expect(folder.stderr).toBe(`penilai: ${dir} is a folder, not a file: name a file, for example rekap.xlsx.\n`);

    expect(fingerprint(db)).toBe(before);
  });
});
