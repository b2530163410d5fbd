/**
 * Sites and jurors from real .xlsx files (built with exceljs here) and CSV as Excel saves it in an Indonesian
 * locale: every row that reads, every problem with its row and column in both languages, NIPs that a
 * spreadsheet has already turned into numbers, round trips of the exports, and the handlers through `openCore`
 * returning error values and never touching the database.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { decodeText, detectDelimiter, readCsv, writeCsv } from '../../electron/core/platform/sheets/csv.js';
import { parseJurorsFile } from '../../electron/core/setup/jurors-file.js';
import { parseSitesFile } from '../../electron/core/setup/sites-file.js';
import { parseDateText, readAspects, readNipText } from '../../electron/core/platform/sheets/values.js';
import type { FileIssue, JurorWithRecusals, ParsedRows } from '../../shared/contract/schemas.js';
import { COMPETITION_FORMAT, DEFAULT_RULES, parseCompetitionFile, type Site } from '../../shared/domain/competition.js';
import { describeError } from '../../shared/domain/errors.js';
import { describeFileIssue } from '../../shared/domain/file-issues.js';
import { fingerprint } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { loadDefaultInstrument, repositoryResources } from '../../electron/core/platform/resources.js';

// ------------------------------------------------------------------------------------------------ builders

type CellInput = string | number | Date | null | { formula: string; result: number } | { error: '#N/A' };

/** An .xlsx with the given sheets; each row an array of cell values (null: empty). */
async function xlsx(sheets: Record<string, CellInput[][]>, tune?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
  }
  tune?.(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

/** CSV text as Excel's "CSV UTF-8" writes it in an Indonesian locale: BOM, `;`, CRLF. */
function excelCsv(lines: string[]): Uint8Array {
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}

const file = (name: string, bytes: Uint8Array) => ({ name, bytes });

function messages(parsed: ParsedRows<unknown>, lang: 'id' | 'en' = 'id'): string[] {
  return parsed.issues.map((i) => describeFileIssue(i, lang));
}

const SITE_HEADER = ['Kode', 'Desa/Kelurahan', 'Kabupaten/Kota', 'Kecamatan', 'Kategori', 'Kontak', 'Tanggal Kunjungan'];
const JUROR_HEADER = ['Kode', 'Nama', 'NIP', 'Jabatan', 'Instansi', 'Peran', 'Aspek', 'Tidak Menilai Lokus'];
const NIP = '197003151995032001';

// ------------------------------------------------------------------------------------------------ sites

describe('sites from .xlsx', () => {
  it('reads a good sheet: a title above the header, an unknown column, dates as a date cell, ISO text and d/m/yyyy', async () => {
    const bytes = await xlsx({
      Petunjuk: [['Isi lembar Lokus']],
      Lokus: [
        ['DAFTAR LOKUS LOMBA P2WKSS PROVINSI BANTEN 2026'],
        [],
        ['No', 'KODE', 'desa / kelurahan', 'Kabupaten/Kota', 'Kecamatan', 'Kategori', 'Kontak', 'Tanggal Kunjungan (hari/bulan/tahun)'],
        [1, 'S01', 'Desa Bugel', 'Kabupaten Serang', 'Padarincang', 'desa', 'Ibu Ani 0812 3456 7890', new Date(Date.UTC(2026, 8, 8))],
        [2, 'S02', '  Kelurahan Cipare ', 'Kota Serang', 'Serang', 'kelurahan', null, '2026-09-09'],
        [3, 'S03', 'Desa Sukamaju', 'Kabupaten Lebak', null, null, null, '10/9/2026'],
        [4, null, null, null, null, null, null, null],
      ],
    });
    const parsed = await parseSitesFile(file('lokus.xlsx', bytes));
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toEqual<Site[]>([
      {
        code: 'S01',
        name: 'Desa Bugel',
        regency: 'Kabupaten Serang',
        district: 'Padarincang',
        category: 'desa',
        contact: 'Ibu Ani 0812 3456 7890',
        visitDate: '2026-09-08',
      },
      { code: 'S02', name: 'Kelurahan Cipare', regency: 'Kota Serang', district: 'Serang', category: 'kelurahan', visitDate: '2026-09-09' },
      { code: 'S03', name: 'Desa Sukamaju', regency: 'Kabupaten Lebak', visitDate: '2026-09-10' },
    ]);
  });

  it('accepts English headers and takes the first sheet when none is called Lokus', async () => {
    const bytes = await xlsx({
      Sheet1: [
        ['Code', 'Name', 'Regency', 'District', 'Visit date'],
        ['A', 'Desa A', 'Kab X', 'Kec Y', '8 September 2026'],
      ],
    });
    const parsed = await parseSitesFile(file('sites.xlsx', bytes));
    expect(parsed).toEqual({
      rows: [{ code: 'A', name: 'Desa A', regency: 'Kab X', district: 'Kec Y', visitDate: '2026-09-08' }],
      issues: [],
    });
  });

  it('reports every bad row with its row and column, and keeps the good rows', async () => {
    const bytes = await xlsx({
      Lokus: [
        SITE_HEADER,
        ['S01', 'Desa Satu', null, null, null, null, null],
        [null, 'Desa Tanpa Kode', null, null, null, null, null],
        ['S03', null, 'Kabupaten A', null, null, null, null],
        ['S01', 'Desa Kembar', null, null, null, null, null],
        ['S05', 'Desa Lima', null, null, null, null, '31/02/2026'],
        ['S06', 'Desa Enam', null, null, null, 81234567890, null],
        ['S07', 'Desa Tujuh', null, null, null, null, 46000],
        ['S08', 'Desa Delapan', null, null, null, null, '9/8/26'],
        ['S09', { error: '#N/A' }, null, null, null, null, null],
      ],
    });
    const parsed = await parseSitesFile(file('lokus.xlsx', bytes));
    expect(parsed.rows.map((r) => r.code)).toEqual(['S01']);
    expect(messages(parsed)).toEqual([
      'lokus.xlsx, lembar Lokus, baris 3, kolom Kode: wajib diisi',
      'lokus.xlsx, lembar Lokus, baris 4, kolom Desa/Kelurahan: wajib diisi',
      'lokus.xlsx, lembar Lokus, baris 5, kolom Kode: kode S01 sudah dipakai di baris 2',
      'lokus.xlsx, lembar Lokus, baris 6, kolom Tanggal Kunjungan: tanggal "31/02/2026" tidak dapat dibaca; tulis sebagai 2026-09-08 atau 8/9/2026 (hari/bulan/tahun)',
      'lokus.xlsx, lembar Lokus, baris 7, kolom Kontak: isian tersimpan sebagai angka (81234567890), sehingga angka 0 di depan bisa hilang; format kolom Kontak sebagai Teks lalu ketik ulang',
      'lokus.xlsx, lembar Lokus, baris 8, kolom Tanggal Kunjungan: tanggal "46000" tidak dapat dibaca; tulis sebagai 2026-09-08 atau 8/9/2026 (hari/bulan/tahun)',
      'lokus.xlsx, lembar Lokus, baris 9, kolom Tanggal Kunjungan: tanggal "9/8/26" tidak dapat dibaca; tulis sebagai 2026-09-08 atau 8/9/2026 (hari/bulan/tahun)',
      'lokus.xlsx, lembar Lokus, baris 10, kolom Desa/Kelurahan: sel berisi galat rumus (#N/A)',
    ]);
    expect(messages(parsed, 'en')).toEqual([
      'lokus.xlsx, sheet Lokus, row 3, column Kode: is required',
      'lokus.xlsx, sheet Lokus, row 4, column Desa/Kelurahan: is required',
      'lokus.xlsx, sheet Lokus, row 5, column Kode: code S01 is already used in row 2',
      'lokus.xlsx, sheet Lokus, row 6, column Tanggal Kunjungan: cannot read the date "31/02/2026"; write it as 2026-09-08 or 8/9/2026 (day/month/year)',
      'lokus.xlsx, sheet Lokus, row 7, column Kontak: stored as a number (81234567890), so a leading 0 may be lost; format the Kontak column as Text and type it again',
      'lokus.xlsx, sheet Lokus, row 8, column Tanggal Kunjungan: cannot read the date "46000"; write it as 2026-09-08 or 8/9/2026 (day/month/year)',
      'lokus.xlsx, sheet Lokus, row 9, column Tanggal Kunjungan: cannot read the date "9/8/26"; write it as 2026-09-08 or 8/9/2026 (day/month/year)',
      'lokus.xlsx, sheet Lokus, row 10, column Desa/Kelurahan: the cell holds a formula error (#N/A)',
    ]);
    // The structured form: row as the spreadsheet numbers it, the column as the file writes its header.
    expect(parsed.issues[2]).toEqual<FileIssue>({
      file: 'lokus.xlsx',
      sheet: 'Lokus',
      row: 5,
      column: 'Kode',
      key: 'file.duplicateCode',
      params: { code: 'S01', other: 2 },
    });
  });

  it('names a missing required column, ignores unknown ones, and says when there are no rows', async () => {
    const missing = await parseSitesFile(
      file(
        'a.xlsx',
        await xlsx({
          Lokus: [
            ['Kode', 'Nomor Urut', 'Kecamatan'],
            ['S01', 1, 'X'],
          ],
        }),
      ),
    );
    expect(missing.rows).toEqual([]);
    expect(messages(missing)).toEqual([
      'a.xlsx, lembar Lokus, baris 1: kolom wajib "Desa/Kelurahan" tidak ada di baris judul (nama lain yang dikenali: Nama, Nama Lokus, Lokus, Desa, Kelurahan, Nama Desa/Kelurahan, Name, Site, Village)',
    ]);
    expect(messages(missing, 'en')[0]).toMatch(/^a\.xlsx, sheet Lokus, row 1: required column "Desa\/Kelurahan" is not in the header row/);
    const empty = await parseSitesFile(file('b.xlsx', await xlsx({ Lokus: [SITE_HEADER] })));
    expect(messages(empty)).toEqual(['b.xlsx, lembar Lokus: tidak ada baris data di bawah baris judul kolom']);
    const twice = await parseSitesFile(
      file(
        'c.xlsx',
        await xlsx({
          Lokus: [
            ['Kode', 'Nama', 'Desa'],
            ['S01', 'Desa Satu', 'x'],
          ],
        }),
      ),
    );
    expect(twice.rows).toEqual([{ code: 'S01', name: 'Desa Satu' }]);
    expect(messages(twice, 'en')).toEqual([
      'c.xlsx, sheet Lokus, row 1: column "Desa" appears again (already present as "Nama"); it is ignored',
    ]);
  });
});

describe('sites from CSV', () => {
  it('reads CSV as Excel saves it in an Indonesian locale: BOM, semicolons, quoted fields with ; and line breaks', async () => {
    const bytes = excelCsv([
      'Kode;Desa/Kelurahan;Kabupaten/Kota;Kecamatan;Kategori;Kontak;Tanggal Kunjungan',
      'S01;"Desa ""Maju""; Jaya";Kabupaten Serang;Padarincang;desa;"Ibu Ani',
      'RT 02/RW 03";08/09/2026',
      'S02;Kelurahan Cipare;Kota Serang;Serang;kelurahan;="081234567890";2026-09-09',
      ';;;;;;',
      'S03;Desa Tiga;;;;;',
    ]);
    const parsed = await parseSitesFile(file('lokus.csv', bytes));
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toEqual<Site[]>([
      {
        code: 'S01',
        name: 'Desa "Maju"; Jaya',
        regency: 'Kabupaten Serang',
        district: 'Padarincang',
        category: 'desa',
        contact: 'Ibu Ani\nRT 02/RW 03', // a line break kept, as \n (text-hygiene's cleanNote)
        visitDate: '2026-09-08',
      },
      {
        code: 'S02',
        name: 'Kelurahan Cipare',
        regency: 'Kota Serang',
        district: 'Serang',
        category: 'kelurahan',
        contact: '081234567890',
        visitDate: '2026-09-09',
      },
      { code: 'S03', name: 'Desa Tiga' },
    ]);
  });

  it('numbers problems by the physical line where the record starts, counting line breaks inside quotes', async () => {
    const bytes = excelCsv(['kode,nama,tanggal kunjungan', 'S01,"Desa', 'Satu",2026-13-01', 'S02,Desa Dua,"8/9/2026', '']);
    const parsed = await parseSitesFile(file('lokus.csv', bytes));
    expect(messages(parsed)).toEqual([
      'lokus.csv, baris 2, kolom tanggal kunjungan: tanggal "2026-13-01" tidak dapat dibaca; tulis sebagai 2026-09-08 atau 8/9/2026 (hari/bulan/tahun)',
      'lokus.csv, baris 4: tanda kutip (") dibuka tetapi tidak ditutup; periksa isian yang memuat tanda kutip',
    ]);
    expect(messages(parsed, 'en')[0]).toBe(
      'lokus.csv, line 2, column tanggal kunjungan: cannot read the date "2026-13-01"; write it as 2026-09-08 or 8/9/2026 (day/month/year)',
    );
  });

  it('reads the CSV reader edge cases', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1,2')).toBe(';');
    expect(detectDelimiter('a,b\n')).toBe(',');
    expect(readCsv('a;b\r\n"x""y";"1\n2"\r\n\r\nz;\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x"y', '1\n2'] },
      { line: 5, fields: ['z', ''] },
    ]);
    expect(readCsv('a;b\n"x"y;2\n3;4').problems).toEqual([{ line: 2, key: 'file.csvAfterQuote' }]);
    // Not UTF-8: read as Windows-1252, what Excel's plain CSV writes on Windows.
    const cp1252 = decodeText(
      new Uint8Array([0x4b, 0x6f, 0x64, 0x65, 0x3b, 0x4e, 0x61, 0x6d, 0x61, 0x0a, 0x41, 0x3b, 0x43, 0x61, 0x66, 0xe9]),
    );
    expect(cp1252).toEqual({ ok: true, text: 'Kode;Nama\nA;Café' });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, key: 'file.utf16' });
    const written = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      writeCsv([
        ['NIP', 'Nama', 'Kontak'],
        [NIP, 'A; "B"', '0812'],
      ]),
    );
    expect(written).toBe(`\uFEFFNIP;Nama;Kontak\r\n="${NIP}";"A; ""B""";="0812"\r\n`);
  });
});

// ------------------------------------------------------------------------------------------------ jurors

describe('jurors', () => {
  it('reads a good sheet: NIP as text (spaces allowed), roles in any capitalisation, all aspects / none / a list', async () => {
    const bytes = await xlsx({
      Juri: [
        JUROR_HEADER,
        ['J1', 'Dr. Hj. Siti Aminah, M.Si.', NIP, 'Kepala Bidang', 'Dinas Kesehatan', 'Ketua', null, null],
        ['J2', 'Budi Santoso', '19800101 200501 1 002', null, 'Dinas Pendidikan', 'SEKRETARIS', 'semua', '-'],
        ['J3', 'Rina', null, null, 'TP-PKK', 'anggota', 'D, F;G', 'S03; S04,S03'],
        ['J4', 'Dewi', null, null, null, 'Member', '-', null],
      ],
    });
    const parsed = await parseJurorsFile(file('juri.xlsx', bytes));
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toEqual<JurorWithRecusals[]>([
      {
        code: 'J1',
        name: 'Dr. Hj. Siti Aminah, M.Si.',
        nip: NIP,
        position: 'Kepala Bidang',
        agency: 'Dinas Kesehatan',
        role: 'ketua',
        recusedSites: [],
      },
      { code: 'J2', name: 'Budi Santoso', nip: '198001012005011002', agency: 'Dinas Pendidikan', role: 'sekretaris', recusedSites: [] },
      { code: 'J3', name: 'Rina', agency: 'TP-PKK', role: 'anggota', aspects: ['D', 'F', 'G'], recusedSites: ['S03', 'S04'] },
      { code: 'J4', name: 'Dewi', role: 'anggota', aspects: [], recusedSites: [] },
    ]);
  });

  it('refuses a NIP typed as a number, even with 18 digits, with the hint to format the column as Text', async () => {
    const bytes = await xlsx({
      Juri: [
        JUROR_HEADER,
        ['J1', 'Ketua', Number(NIP), null, null, 'ketua', null, null],
        ['J2', 'Anggota', 123456789, null, null, 'anggota', null, null],
        ['J3', 'Rumus', { formula: 'A1*1', result: 197003151995032000 }, null, null, 'anggota', null, null],
      ],
    });
    const parsed = await parseJurorsFile(file('juri.xlsx', bytes));
    expect(parsed.rows).toEqual([]);
    expect(messages(parsed)).toEqual([
      'juri.xlsx, lembar Juri, baris 2, kolom NIP: NIP tersimpan sebagai angka (1.97003E+17), sehingga sebagian angkanya sudah hilang atau dibulatkan; format kolom NIP sebagai Teks lalu ketik ulang',
      'juri.xlsx, lembar Juri, baris 3, kolom NIP: NIP tersimpan sebagai angka (123456789), sehingga sebagian angkanya sudah hilang atau dibulatkan; format kolom NIP sebagai Teks lalu ketik ulang',
      'juri.xlsx, lembar Juri, baris 4, kolom NIP: NIP tersimpan sebagai angka (1.97003E+17), sehingga sebagian angkanya sudah hilang atau dibulatkan; format kolom NIP sebagai Teks lalu ketik ulang',
    ]);
    expect(messages(parsed, 'en')[0]).toBe(
      'juri.xlsx, sheet Juri, row 2, column NIP: the NIP is stored as a number (1.97003E+17), so its digits are already lost or rounded; format the NIP column as Text and type it again',
    );
  });

  it('reports every bad row of a CSV with its line and column, in Indonesian and English', async () => {
    const bytes = excelCsv([
      'Kode;Nama;NIP;Jabatan;Instansi;Peran;Aspek;Tidak Menilai Lokus',
      `J1;Ketua Tim;${NIP};;;ketua;;`,
      'J2;;19700315199503200;;;anggota;;',
      ';Tanpa Kode;;;;anggota;;',
      'J4;Peran Salah;;;;wakil ketua;;',
      'J5;Ilmiah;1,97003E+17;;;anggota;;',
      'J6;Dibulatkan;197003151995032000;;;anggota;;',
      `J1;Kembar;;;;anggota;;`,
      'J8;Tanpa Peran;;;;;;',
    ]);
    const parsed = await parseJurorsFile(file('juri.csv', bytes));
    expect(parsed.rows.map((r) => r.code)).toEqual(['J1']);
    expect(messages(parsed)).toEqual([
      'juri.csv, baris 3, kolom Nama: wajib diisi',
      'juri.csv, baris 3, kolom NIP: NIP harus tepat 18 angka, tertulis "19700315199503200" (17 angka)',
      'juri.csv, baris 4, kolom Kode: wajib diisi',
      'juri.csv, baris 5, kolom Peran: peran "wakil ketua" tidak dikenal; gunakan ketua, sekretaris, atau anggota',
      'juri.csv, baris 6, kolom NIP: NIP tersimpan sebagai angka (1,97003E+17), sehingga sebagian angkanya sudah hilang atau dibulatkan; format kolom NIP sebagai Teks lalu ketik ulang',
      'juri.csv, baris 7, kolom NIP: NIP "197003151995032000" berakhir 000: angkanya sudah dibulatkan oleh spreadsheet (nomor urut NIP dimulai dari 001); format kolom NIP sebagai Teks lalu ketik ulang',
      'juri.csv, baris 8, kolom Kode: kode J1 sudah dipakai di baris 2',
      'juri.csv, baris 9, kolom Peran: wajib diisi',
    ]);
    expect(messages(parsed, 'en')).toEqual([
      'juri.csv, line 3, column Nama: is required',
      'juri.csv, line 3, column NIP: a NIP must be exactly 18 digits, found "19700315199503200" (17 digits)',
      'juri.csv, line 4, column Kode: is required',
      'juri.csv, line 5, column Peran: unknown role "wakil ketua"; use ketua, sekretaris or anggota (chair, secretary, member)',
      'juri.csv, line 6, column NIP: the NIP is stored as a number (1,97003E+17), so its digits are already lost or rounded; format the NIP column as Text and type it again',
      'juri.csv, line 7, column NIP: NIP "197003151995032000" ends in 000: a spreadsheet has rounded it (NIP sequence numbers start at 001); format the NIP column as Text and type it again',
      'juri.csv, line 8, column Kode: code J1 is already used in row 2',
      'juri.csv, line 9, column Peran: is required',
    ]);
  });

  it('needs the Peran column', async () => {
    const parsed = await parseJurorsFile(file('juri.csv', excelCsv(['Kode;Nama', 'J1;A'])));
    expect(messages(parsed)).toEqual([
      'juri.csv, baris 1: kolom wajib "Peran" tidak ada di baris judul (nama lain yang dikenali: Peran dalam Tim, Kedudukan, Kedudukan dalam Tim, Role)',
    ]);
  });
});

describe('cell values', () => {
  it('reads dates day/month/year only, NIPs, and the Aspek cell', () => {
    expect(
      ['2026-09-08', '8/9/2026', '08-09-2026', '8.9.2026', '8 September 2026', 'Selasa, 8 Sep 2026', '8 Agustus 2026'].map(parseDateText),
    ).toEqual(['2026-09-08', '2026-09-08', '2026-09-08', '2026-09-08', '2026-09-08', '2026-09-08', '2026-08-08']);
    expect(['9/31/2026', '8/9/26', '2026-02-30', 'besok'].map(parseDateText)).toEqual([null, null, null, null]);
    expect(readNipText(`'${NIP}`)).toEqual({ ok: true, nip: NIP });
    expect(readNipText('197.003.151.995.032.000')).toMatchObject({ ok: false, key: 'file.nipNumber' });
    expect([readAspects(''), readAspects('Semua'), readAspects('-'), readAspects('Tidak ada'), readAspects('A B,C;A')]).toEqual([
      undefined,
      undefined,
      [],
      [],
      ['A', 'B', 'C'],
    ]);
  });
});

// ------------------------------------------------------------------------------------------------ handlers

describe('through the handlers', () => {
  const temp = tempDir('penilai-sheets-');
  const database = join(temp.dir, 's.db');
  let core: Core;

  const sites: Site[] = [
    {
      code: 'S01',
      name: 'Desa "Bugel"; Padarincang',
      regency: 'Kabupaten Serang',
      district: 'Padarincang',
      category: 'desa',
      contact: '081234567890',
      visitDate: '2026-09-08',
    },
    {
      code: '007',
      name: 'Kelurahan Cipare',
      regency: 'Kota Serang',
      category: 'kelurahan',
      contact: 'Pak Joko\nRT 01',
      visitDate: '2026-09-10',
    },
    { code: 'S03', name: 'Desa Tiga' },
  ];
  const jurors: JurorWithRecusals[] = [
    {
      code: 'J1',
      name: 'Dr. Hj. Siti Aminah, M.Si.',
      nip: NIP,
      position: 'Kepala Bidang',
      agency: 'Dinas Kesehatan',
      role: 'ketua',
      recusedSites: [],
    },
    {
      code: 'J2',
      name: 'Anggota Kesehatan',
      nip: '198001012005011002',
      role: 'anggota',
      aspects: ['D', 'F'],
      recusedSites: ['S03', '007'],
    },
    { code: 'J3', name: 'Sekretaris Tanpa Aspek', role: 'sekretaris', aspects: [], recusedSites: [] },
  ];

  beforeAll(() => {
    core = openTestCore(database, () => new Date('2026-09-08T09:00:00Z'));
    const parsed = parseCompetitionFile({
      format: COMPETITION_FORMAT,
      competition: { code: 'UJI', name: 'Lomba Uji', year: 2026, rules: DEFAULT_RULES },
      instrument: loadDefaultInstrument(repositoryResources()),
      sites,
      jurors,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    core.deps.repos.setup.createCompetition(parsed.value);
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`exports sites and jurors as ${format} that parse back to the same rows`, async () => {
      const stored = core.deps.repos.setup.loadCompetition('UJI');
      const siteFile = await core.call('setup.exportSites', { competition: 'UJI', format });
      if (!siteFile.ok) throw new Error(describeError(siteFile.error, 'en'));
      expect(siteFile.value.name).toBe(`lokus-UJI.${format}`);
      const siteBack = await core.call('setup.parseSites', { name: siteFile.value.name, bytes: siteFile.value.bytes });
      expect(siteBack.ok && siteBack.value).toEqual({ rows: stored.sites, issues: [] });
      expect(stored.sites).toEqual(sites);

      const jurorFile = await core.call('setup.exportJurors', { competition: 'UJI', format });
      if (!jurorFile.ok) throw new Error(describeError(jurorFile.error, 'en'));
      const jurorBack = await core.call('setup.parseJurors', { name: jurorFile.value.name, bytes: jurorFile.value.bytes });
      expect(jurorBack.ok && jurorBack.value).toEqual({ rows: stored.jurors, issues: [] });
      expect(stored.jurors.map((j) => j.aspects ?? 'all')).toEqual(['all', ['D', 'F'], []]);
    });
  }

  it('writes the xlsx export with a Text-formatted NIP column and a guide sheet', async () => {
    const exported = await core.call('setup.exportJurors', { competition: 'UJI', format: 'xlsx' });
    if (!exported.ok) throw new Error('export failed');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.value.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Juri', 'Petunjuk']);
    const nip = wb.getWorksheet('Juri')!.getCell('C2');
    expect([nip.value, nip.numFmt]).toEqual([NIP, '@']);
    expect(wb.getWorksheet('Juri')!.getRow(1).values).toEqual([undefined, ...JUROR_HEADER]);
  });

  it('returns error values for files it cannot read and for an unknown competition, and never writes', async () => {
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(database);
    const oldXls = await core.call('setup.parseSites', {
      name: 'lokus.xls',
      bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    });
    expect(!oldXls.ok && describeError(oldXls.error, 'id')).toBe(
      'lokus.xls: berkas Excel lama (.xls) tidak didukung; buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)',
    );
    const broken = await core.call('setup.parseJurors', { name: 'juri.xlsx', bytes: new TextEncoder().encode('bukan zip') });
    expect(!broken.ok && describeError(broken.error, 'en')).toBe('juri.xlsx: not a readable Excel .xlsx file (damaged, or not .xlsx)');
    const utf16 = await core.call('setup.parseJurors', { name: 'juri.csv', bytes: new Uint8Array([0xff, 0xfe, 0x4b, 0x00]) });
    expect(!utf16.ok && utf16.error.code).toBe('invalid');
    const binary = await core.call('setup.parseSites', { name: 'foto.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
    expect(!binary.ok && describeError(binary.error, 'id')).toBe('foto.png: jenis berkas tidak dikenali; gunakan .xlsx, .csv');
    const unknown = await core.call('setup.exportSites', { competition: 'TIDAK-ADA', format: 'csv' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'not-found', key: 'competition.notFound' });
    const notAFile = await core.dispatch('setup.parseSites', { name: 'x.csv', bytes: 'Kode;Nama' });
    expect(!notAFile.ok && notAFile.error.code).toBe('invalid');

    // Bad content is a preview with issues, not an error; still nothing is stored.
    const bad = await core.call('setup.parseJurors', {
      name: 'juri.csv',
      bytes: excelCsv(['Kode;Nama;NIP;Peran', `J1;A;${NIP};ketua`, 'J2;B;123;anggota']),
    });
    expect(bad.ok && bad.value.rows.map((r) => r.code)).toEqual(['J1']);
    expect(bad.ok && bad.value.issues.map((i) => [i.row, i.column, i.key])).toEqual([[3, 'NIP', 'file.nipLength']]);
    for (const format of ['xlsx', 'csv'] as const) await core.call('setup.exportSites', { competition: 'UJI', format });
    expect(fingerprint(database)).toBe(before);
  });
});
