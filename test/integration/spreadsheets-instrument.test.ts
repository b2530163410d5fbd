/**
 * The instrument as a file: `penilai.instrument/1` JSON and the .xlsx template (built with exceljs here), both
 * round-tripping the bundled instruments exactly (household blocks, options scales, evidence), every problem
 * named by sheet, row and column or by JSON path, in Indonesian and English; the Kampung KB default; and the
 * handlers through `openCore` returning error values without touching the database.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { DEFAULT_INSTRUMENTS } from '../../electron/core/platform/resources.js';
import { readInstrument } from '../../electron/core/instruments/instrument-file.js';
import {
  formatLevelMap,
  formatScale,
  parseBands,
  parseLevelMap,
  parseLevels,
  parseOptions,
  parseScale,
} from '../../shared/domain/instrument-notation.js';
import { TEMPLATE_EXAMPLE } from '../../electron/core/instruments/instrument-xlsx.js';
import { describeError } from '../../shared/domain/errors.js';
import { describeFileIssue } from '../../shared/domain/file-issues.js';
import { t as message } from '../../shared/i18n/messages.js';
import { isOptionsScale, parseInstrument, type Instrument } from '../../shared/domain/instrument.js';
import { fingerprint } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

type CellInput = string | number | Date | null;

async function xlsx(sheets: Record<string, CellInput[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

function bundled(file: string): Instrument {
  const parsed = parseInstrument(JSON.parse(readFileSync(new URL(`../../resources/instruments/${file}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

async function problemsOf(name: string, bytes: Uint8Array, lang: 'id' | 'en' = 'id'): Promise<string[]> {
  const read = await readInstrument({ name, bytes });
  if (read.ok) throw new Error(`${name} read without problems`);
  return read.problems.map((p) =>
    p.path === undefined
      ? describeFileIssue(p, lang)
      : `${p.file} @ ${p.path}: ${describeFileIssue(p, lang).split(': ').slice(1).join(': ')}`,
  );
}

const INSTRUMENT_SHEET: CellInput[][] = [
  ['Kode', 'Nama', 'Versi', 'Catatan', 'Skala bawaan', 'Label skala bawaan'],
  ['UJI', 'Instrumen Uji', 1, null, '1-5', '1=Kurang; 5=Baik'],
];
const PHASE_SHEET: CellInput[][] = [
  ['Kode', 'Nama'],
  ['ADM', 'Administrasi'],
  ['LAP', 'Lapangan'],
];
const INDICATOR_HEADER = [
  'Kode Aspek',
  'Nama Aspek',
  'Kode',
  'Indikator',
  'Deskripsi',
  'Bobot',
  'Tahap',
  'Skala',
  'Label',
  'Rubrik',
  'Catatan wajib pada',
  'Foto wajib pada',
  'Sampel KK',
  'Butir kunjungan rumah',
  'Pita',
];

/** An indicator row by column name. */
function row(values: Partial<Record<(typeof INDICATOR_HEADER)[number], CellInput>>): CellInput[] {
  return INDICATOR_HEADER.map((h) => values[h] ?? null);
}

describe('the Kampung KB default instrument', () => {
  it('parses, with input / process / output weighted 30 / 40 / 30 and summing to exactly 100', () => {
    expect(DEFAULT_INSTRUMENTS).toContain('kampung-kb.json');
    const kkb = bundled('kampung-kb.json');
    expect([kkb.code, kkb.version, kkb.phases.map((p) => p.code)]).toEqual(['KAMPUNG-KB', 1, ['ADM', 'PPR', 'LAP']]);
    const byAspect = kkb.aspects.map((a) => [a.name, a.indicators.reduce((s, i) => s + i.weight, 0)]);
    expect(byAspect).toEqual([
      ['Input', 30],
      ['Proses', 40],
      ['Output', 30],
    ]);
    expect(kkb.aspects.flatMap((a) => a.indicators).reduce((s, i) => s + i.weight, 0)).toBe(100);
    const options = kkb.aspects.flatMap((a) => a.indicators).find((i) => i.scale && isOptionsScale(i.scale));
    expect(options?.scale && isOptionsScale(options.scale) && options.scale.options.map((o) => `${o.key}=${o.value}`)).toEqual([
      'a=4',
      'b=3',
      'c=2',
      'd=1',
    ]);
    expect(kkb.aspects.flatMap((a) => a.indicators).filter((i) => i.rubric).length).toBe(9);
  });
});

describe('instrument cell notation', () => {
  it('reads and writes scales, level texts, levels and bands', () => {
    expect(parseScale('1-5')).toEqual({ ok: true, value: { min: 1, max: 5, step: 1 } });
    expect(parseScale('0 – 100 %')).toEqual({ ok: true, value: { min: 0, max: 100, step: 1, unit: '%' } });
    expect(parseScale('0-10 langkah 0,5 poin')).toEqual({ ok: true, value: { min: 0, max: 10, step: 0.5, unit: 'poin' } });
    expect(parseScale('a=95; b=85 (Baik); c=75')).toEqual({
      ok: true,
      value: {
        options: [
          { key: 'a', value: 95 },
          { key: 'b', value: 85, label: 'Baik' },
          { key: 'c', value: 75 },
        ],
      },
    });
    expect(parseScale('satu sampai lima')).toMatchObject({ ok: false, key: 'file.badScale' });
    expect(formatScale({ min: 0, max: 10, step: 0.5, unit: '%' })).toBe('0-10 langkah 0,5 %');
    // A text may hold a semicolon or a comma; a part that does not start with LEVEL= continues the text before.
    expect(parseLevelMap('1=tidak ada; 3=ada, umum; belum rinci; 3,5=hampir; 5=lengkap')).toEqual({
      ok: true,
      value: { '1': 'tidak ada', '3': 'ada, umum; belum rinci', '3.5': 'hampir', '5': 'lengkap' },
    });
    const tricky = { '1': 'a; b', '5': 'baris satu\nbaris dua' };
    expect(formatLevelMap(tricky)).toBe('1=a; b\n5=baris satu\nbaris dua');
    expect(parseLevelMap(formatLevelMap(tricky))).toEqual({ ok: true, value: tricky });
    expect(parseLevelMap('Sangat Kurang; 5=Baik')).toMatchObject({ ok: false, key: 'file.badLevelMap' });
    expect(parseLevels('1; 2,5, 5')).toEqual({ ok: true, value: ['1', '2.5', '5'] });
    expect(parseBands('<40=1; >=40=5')).toEqual({
      ok: true,
      value: [
        { below: 40, score: 1 },
        { atLeast: 40, score: 5 },
      ],
    });
    expect(parseBands('40-60=2')).toMatchObject({ ok: false, key: 'file.badBand', params: { part: '40-60=2' } });
  });
});

describe('instrument files through the handlers', () => {
  const temp = tempDir('penilai-instrument-files-');
  const database = join(temp.dir, 'i.db');
  let core: Core;
  beforeAll(() => {
    core = openTestCore(database);
  });
  afterAll(() => {
    core.close();
    temp.cleanup();
  });

  it('holds both default instruments in a new database', () => {
    expect(core.deps.repos.instruments.findInstrument('KAMPUNG-KB', 1)).toEqual(bundled('kampung-kb.json'));
    expect(core.deps.repos.instruments.findInstrument('P2WKSS-PROV', 1)).toEqual(bundled('p2wkss-provinsi.json'));
  });

  for (const [code, file] of [
    ['P2WKSS-PROV', 'p2wkss-provinsi.json'],
    ['KAMPUNG-KB', 'kampung-kb.json'],
  ] as const) {
    for (const format of ['json', 'xlsx'] as const) {
      it(`exports ${code} as ${format} and imports the same instrument back`, async () => {
        const exported = await core.call('instruments.export', { code, version: 1, format });
        if (!exported.ok) throw new Error(describeError(exported.error, 'en'));
        expect(exported.value.name).toBe(`${code.toLowerCase()}-v1.${format}`);
        const back = await core.call('instruments.import', { name: exported.value.name, bytes: exported.value.bytes });
        if (!back.ok) throw new Error(describeError(back.error, 'en'));
        expect(back.value).toEqual(bundled(file));
        if (format === 'json') {
          expect(new TextDecoder().decode(exported.value.bytes)).toMatch(/^\{\n {2}"format": "penilai\.instrument\/1",\n {2}"code": /);
        }
      });
    }
  }

  it('keeps household blocks, options scales and evidence through the .xlsx', async () => {
    const exported = await core.call('instruments.export', { code: 'P2WKSS-PROV', version: 1, format: 'xlsx' });
    if (!exported.ok) throw new Error('export failed');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.value.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instrumen', 'Tahap', 'Indikator', 'Petunjuk']);
    const indicators = wb.getWorksheet('Indikator')!;
    const byCode = (code: string) => indicators.getRow(indicators.getColumn(3).values.indexOf(code));
    const g1 = byCode('G1');
    expect([g1.getCell(3).value, g1.getCell(8).value, g1.getCell(13).value, g1.getCell(14).value, g1.getCell(15).value]).toEqual([
      'G1',
      '0-100 %',
      10,
      'Dokumen kependudukan lengkap (KTP-el, KK, akta kelahiran, buku nikah)',
      null,
    ]);
    expect(byCode('C2').getCell(15).value).toBe('<40=1; <60=2; <75=3; <90=4; >=90=5');
    expect(indicators.getColumn(8).numFmt).toBe('@');
  });

  it('gives a template with an example that imports, and a guide in Indonesian', async () => {
    const template = await core.call('instruments.template', {});
    if (!template.ok) throw new Error('template failed');
    expect(template.value.name).toBe('templat-instrumen.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.value.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instrumen', 'Tahap', 'Indikator', 'Petunjuk']);
    expect(wb.getWorksheet('Indikator')!.getRow(1).values).toEqual([undefined, ...INDICATOR_HEADER]);
    const guide = wb.getWorksheet('Petunjuk')!;
    expect(guide.getRow(1).values).toEqual([undefined, 'Lembar', 'Kolom', 'Wajib', 'Isi', 'Contoh']);
    expect(guide.getColumn(2).values).toContain('Butir kunjungan rumah');
    const back = await core.call('instruments.import', { name: template.value.name, bytes: template.value.bytes });
    expect(back.ok && back.value).toEqual(TEMPLATE_EXAMPLE);
  });

  it('reads a hand-made sheet: aspect code written once, numbers as text with a decimal comma, English sheet names', async () => {
    const bytes = await xlsx({
      Instrument: [
        ['Code', 'Name', 'Default scale'],
        ['MINI', 'Mini', '0-100 langkah 5'],
      ],
      Phases: [
        ['Code', 'Name'],
        ['LAP', 'Lapangan'],
      ],
      Indicators: [
        ['Aspect code', 'Aspect name', 'Code', 'Indicator', 'Weight', 'Phase', 'Note required at'],
        ['A', 'Aspek A', 'A1', 'Satu', '62,5', 'LAP', 0],
        [null, null, 'A2', 'Dua', 37.5, 'LAP', '0, 100'],
      ],
    });
    const read = await readInstrument({ name: 'mini.xlsx', bytes });
    expect(read.ok && read.value).toEqual({
      format: 'penilai.instrument/1',
      code: 'MINI',
      name: 'Mini',
      version: 1,
      defaultScale: { min: 0, max: 100, step: 5 },
      phases: [{ code: 'LAP', name: 'Lapangan' }],
      aspects: [
        {
          code: 'A',
          name: 'Aspek A',
          indicators: [
            { code: 'A1', name: 'Satu', weight: 62.5, phase: 'LAP', evidence: { noteAt: ['0'] } },
            { code: 'A2', name: 'Dua', weight: 37.5, phase: 'LAP', evidence: { noteAt: ['0', '100'] } },
          ],
        },
      ],
    });
  });

  it('reports every problem of the rows by sheet, row and column', async () => {
    const bytes = await xlsx({
      Instrumen: INSTRUMENT_SHEET,
      Tahap: [...PHASE_SHEET, ['ADM', 'Lagi']],
      Indikator: [
        INDICATOR_HEADER,
        row({ 'Kode Aspek': 'A', 'Nama Aspek': 'Aspek A', Kode: 'A1', Indikator: 'Satu', Bobot: 'abc', Tahap: 'ADM' }),
        row({ Kode: 'A2', Indikator: 'Dua', Bobot: 10, Tahap: 'ADM', Skala: '1 sampai 5' }),
        row({ Kode: 'A1', Indikator: 'Tiga', Bobot: 10, Tahap: 'ADM', Label: '1=Kurang' }),
        row({
          'Kode Aspek': 'A',
          'Nama Aspek': 'Aspek Lain',
          Kode: 'A4',
          Indikator: 'Empat',
          Bobot: 10,
          Tahap: 'LAP',
          Skala: new Date(Date.UTC(2026, 4, 1)),
        }),
        row({ 'Kode Aspek': 'B', Kode: 'B1', Indikator: 'Lima', Bobot: 0, Tahap: 'LAP', 'Butir kunjungan rumah': 'Punya jamban' }),
        row({ Kode: 'B2', Bobot: 10, Tahap: 'LAP', 'Sampel KK': 2.5, 'Butir kunjungan rumah': 'x', Pita: '40-60=2' }),
        row({ Kode: 'B3', Indikator: 'Tujuh', Bobot: 10, 'Catatan wajib pada': 'satu' }),
      ],
    });
    expect(await problemsOf('uji.xlsx', bytes)).toEqual([
      'uji.xlsx, lembar Tahap, baris 4, kolom Kode: kode ADM sudah dipakai di baris 2',
      'uji.xlsx, lembar Indikator, baris 2, kolom Bobot: "abc" bukan angka',
      'uji.xlsx, lembar Indikator, baris 3, kolom Skala: skala "1 sampai 5" tidak dapat dibaca; contoh: 1-5, 0-100 %, 0-100 langkah 5, a=4; b=3; c=2; d=1',
      'uji.xlsx, lembar Indikator, baris 4, kolom Label: label hanya berlaku untuk indikator yang punya Skala sendiri; isi kolom Skala atau kosongkan kolom ini',
      'uji.xlsx, lembar Indikator, baris 4, kolom Kode: kode A1 sudah dipakai di baris 2',
      'uji.xlsx, lembar Indikator, baris 5, kolom Nama Aspek: nama aspek A berbeda dengan baris 2 ("Aspek A")',
      'uji.xlsx, lembar Indikator, baris 5, kolom Skala: Excel mengubah isian ini menjadi tanggal; format kolom ini sebagai Teks lalu ketik ulang',
      'uji.xlsx, lembar Indikator, baris 6, kolom Nama Aspek: wajib diisi',
      'uji.xlsx, lembar Indikator, baris 6, kolom Bobot: harus angka lebih dari 0, tertulis 0',
      'uji.xlsx, lembar Indikator, baris 6, kolom Sampel KK: indikator kunjungan rumah perlu kolom Sampel KK juga diisi',
      'uji.xlsx, lembar Indikator, baris 7, kolom Indikator: wajib diisi',
      'uji.xlsx, lembar Indikator, baris 7, kolom Sampel KK: harus bilangan bulat minimal 1, tertulis 2.5',
      'uji.xlsx, lembar Indikator, baris 7, kolom Pita: pita "40-60=2" tidak dapat dibaca; contoh: <40=1; <60=2; <75=3; <90=4; >=90=5',
      'uji.xlsx, lembar Indikator, baris 8, kolom Tahap: wajib diisi',
      'uji.xlsx, lembar Indikator, baris 8, kolom Catatan wajib pada: "satu" bukan tingkat skala (angka); pisahkan beberapa tingkat dengan titik koma, misalnya 1; 5',
    ]);
    expect((await problemsOf('uji.xlsx', bytes, 'en')).slice(0, 2)).toEqual([
      'uji.xlsx, sheet Tahap, row 4, column Kode: code ADM is already used in row 2',
      'uji.xlsx, sheet Indikator, row 2, column Bobot: "abc" is not a number',
    ]);
    // Through the handler: one error value, the first problem and how many more.
    const result = await core.call('instruments.import', { name: 'uji.xlsx', bytes });
    expect(!result.ok && describeError(result.error, 'id')).toBe(
      'uji.xlsx, lembar Tahap, baris 4, kolom Kode: kode ADM sudah dipakai di baris 2 (dan 14 masalah lain)',
    );
    expect(!result.ok && describeError(result.error, 'en')).toBe(
      'uji.xlsx, sheet Tahap, row 4, column Kode: code ADM is already used in row 2 (and 14 more problems)',
    );
  });

  it("places the instrument's own checks (weights, phases, levels on the scale, bands) at their sheet, row and column", async () => {
    const bytes = await xlsx({
      Instrumen: [INSTRUMENT_SHEET[0]!, ['UJI', 'Instrumen Uji', 1, null, '1-5', '1=Kurang; 7=Istimewa']],
      Tahap: PHASE_SHEET,
      Indikator: [
        INDICATOR_HEADER,
        row({
          'Kode Aspek': 'A',
          'Nama Aspek': 'Aspek A',
          Kode: 'A1',
          Indikator: 'Satu',
          Bobot: 40,
          Tahap: 'ADM',
          Rubrik: '1=tidak ada; 9=lengkap',
        }),
        row({ Kode: 'A2', Indikator: 'Dua', Bobot: 30, Tahap: 'XYZ' }),
        row({
          'Kode Aspek': 'B',
          'Nama Aspek': 'Aspek B',
          Kode: 'B1',
          Indikator: 'Tiga',
          Bobot: 20,
          Tahap: 'LAP',
          'Sampel KK': 10,
          'Butir kunjungan rumah': 'a; b',
          Pita: '<50=1; >=50=6',
        }),
      ],
    });
    expect(await problemsOf('uji.xlsx', bytes)).toEqual([
      'uji.xlsx, lembar Instrumen, baris 2, kolom Label skala bawaan: Tingkat "7" tidak ada pada skala',
      'uji.xlsx, lembar Indikator, baris 2, kolom Rubrik: Tingkat "9" tidak ada pada skala',
      'uji.xlsx, lembar Indikator, baris 3, kolom Tahap: Tahap XYZ tidak ada di instrumen (tahap yang ada: ADM, LAP)',
      'uji.xlsx, lembar Indikator, baris 4, kolom Pita: Tingkat "6" tidak ada pada skala',
      'uji.xlsx, lembar Indikator, kolom Bobot: Jumlah bobot semua indikator harus 100, sekarang 90',
    ]);
    expect(await problemsOf('uji.xlsx', bytes, 'en')).toContain(
      'uji.xlsx, sheet Indikator, column Bobot: The weights of all indicators must add up to 100; they add up to 90',
    );
  });

  it('names a missing sheet and a missing column', async () => {
    const noPhases = await xlsx({ Instrumen: INSTRUMENT_SHEET, Indikator: [INDICATOR_HEADER] });
    expect(await problemsOf('uji.xlsx', noPhases)).toEqual(['uji.xlsx: lembar "Tahap" tidak ada (lembar yang ada: Instrumen, Indikator)']);
    const noWeight = await xlsx({
      Instrumen: INSTRUMENT_SHEET,
      Tahap: PHASE_SHEET,
      Indikator: [
        ['Kode Aspek', 'Nama Aspek', 'Kode', 'Indikator', 'Tahap'],
        ['A', 'A', 'A1', 'Satu', 'ADM'],
      ],
    });
    expect(await problemsOf('uji.xlsx', noWeight, 'en')).toEqual([
      'uji.xlsx, sheet Indikator, row 1: required column "Bobot" is not in the header row (other accepted names: Weight)',
    ]);
  });

  it('reports JSON problems by JSON path and syntax errors by line, in both languages', async () => {
    const good = JSON.parse(readFileSync(new URL('../../resources/instruments/kampung-kb.json', import.meta.url), 'utf8')) as Instrument;
    const bad = structuredClone(good);
    bad.aspects[1]!.indicators[2]!.weight = -1;
    const encode = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v, null, 2));
    const cases: [string, unknown, string, string][] = [
      [
        'kkb.json',
        bad,
        'kkb.json, di aspects[1].indicators[2].weight: Bobot harus lebih dari 0',
        'kkb.json, at aspects[1].indicators[2].weight: Weight must be more than 0',
      ],
      [
        'kkb.json',
        { ...good, format: 'penilai.instrument/2' },
        'kkb.json, di format: format "penilai.instrument/2" tidak didukung; yang didukung: penilai.instrument/1',
        'kkb.json, at format: format "penilai.instrument/2" is not supported; supported: penilai.instrument/1',
      ],
      [
        'kkb.json',
        '{\n  "format": "penilai.instrument/1",\n  "code": "X",,\n}',
        'kkb.json, baris 3, kolom 15: bukan JSON yang valid (periksa tanda koma, kurung, dan tanda kutip)',
        'kkb.json, line 3, column 15: not valid JSON (check the commas, brackets and quotation marks)',
      ],
      [
        'kkb.json',
        '{\n  "format": "penilai.instrument/1",\n',
        'kkb.json, baris 2: JSON terpotong: berkas berakhir sebelum semua kurung ditutup',
        'kkb.json, line 2: truncated JSON: the file ends before every bracket is closed',
      ],
      [
        'nilai.csv',
        'site,juror\n',
        'nilai.csv: jenis berkas tidak dikenali; gunakan .json (penilai.instrument/1), .xlsx',
        'nilai.csv: unrecognised file type; use .json (penilai.instrument/1), .xlsx',
      ],
    ];
    for (const [name, content, id, en] of cases) {
      const result = await core.call('instruments.import', { name, bytes: encode(content) });
      expect(result.ok, id).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid');
      expect(describeError(result.error, 'id')).toBe(id);
      expect(describeError(result.error, 'en')).toBe(en);
    }
  });

  it('refuses to export an unknown instrument version, and importing or exporting never writes', async () => {
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(database);
    const missing = await core.call('instruments.export', { code: 'KAMPUNG-KB', version: 9, format: 'json' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'not-found', key: 'file.instrumentNotFound' });
    expect(!missing.ok && describeError(missing.error, 'id')).toBe('Instrumen KAMPUNG-KB versi 9 tidak ada di basis data.');
    const exported = await core.call('instruments.export', { code: 'KAMPUNG-KB', version: 1, format: 'xlsx' });
    if (!exported.ok) throw new Error('export failed');
    // A different instrument under the same code and version: import only reads, it is not stored nor refused here.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.value.bytes) as unknown as ExcelJS.Buffer);
    wb.getWorksheet('Instrumen')!.getCell('B2').value = 'Nama Lain';
    const changed = new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const imported = await core.call('instruments.import', { name: 'kkb.xlsx', bytes: changed });
    expect(imported.ok && imported.value.name).toBe('Nama Lain');
    await core.call('instruments.import', { name: 'rusak.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) });
    await core.call('instruments.template', {});
    expect(core.deps.repos.instruments.findInstrument('KAMPUNG-KB', 1)?.name).toBe(bundled('kampung-kb.json').name);
    expect(fingerprint(database)).toBe(before);
  });
});

describe('the instrument editor and the .xlsx import read the notation alike', () => {
  // renderer/src/screens/lomba/InstrumentTab.tsx reads its options field with parseOptions and its bands field with
  // parseBands (shared/domain/instrument-notation.ts); the import reads the Skala and Pita columns. Each input goes
  // through both: the same value when it reads, the same message key and parameters when it does not.
  const optionsInputs = ['a=4; b=3; c=2; d=1', 'a=4 (Lengkap); b=2,5 (Sebagian)', 'a=4\nb=3', 'a=4; b=x', 'a=4; =3', 'a=4; b'];
  const bandsInputs = ['<40=1; <60=2; >=60=3', '<50=1; =>50=2', '<50=1; ≥50=2', '40-60=2', '<40=1; >60', '<4O=1'];

  async function importCell(column: 'Skala' | 'Pita', text: string) {
    const household = column === 'Pita' ? { 'Sampel KK': 5, 'Butir kunjungan rumah': 'Punya jamban', Skala: '1-3' } : {};
    const bytes = await xlsx({
      Instrumen: INSTRUMENT_SHEET,
      Tahap: PHASE_SHEET,
      Indikator: [
        INDICATOR_HEADER,
        row({
          'Kode Aspek': 'A',
          'Nama Aspek': 'Aspek A',
          Kode: 'A1',
          Indikator: 'Satu',
          Bobot: 100,
          Tahap: 'ADM',
          [column]: text,
          ...household,
        }),
      ],
    });
    const read = await readInstrument({ name: 'uji.xlsx', bytes });
    if (read.ok) {
      const indicator = read.value.aspects[0]!.indicators[0]!;
      return { ok: true as const, value: column === 'Skala' ? indicator.scale : indicator.household?.bands };
    }
    const cell = read.problems.filter((p) => p.column === column);
    return cell.length === 1 ? { ok: false as const, key: cell[0]!.key, params: cell[0]!.params } : { problems: read.problems };
  }

  it('options: the editor field and the Skala column', async () => {
    const editor = optionsInputs.map((text) => parseOptions(text));
    const imported = await Promise.all(optionsInputs.map((text) => importCell('Skala', text)));
    expect(imported).toEqual(editor);
    expect(editor.map((r) => (r.ok ? 'ok' : `${r.key} ${String(r.params.part)}`))).toEqual([
      'ok',
      'ok',
      'ok',
      'file.badOptions b=x',
      'file.badOptions =3',
      'file.badOptions b',
    ]);
    expect(message('en', 'file.badOptions', { part: 'b=x' })).toBe(
      'option "b=x" is not of the form KEY=value; example: a=4; b=3; c=2; d=1 (a label may follow in brackets: a=4 (Lengkap))',
    );
    expect(message('id', 'file.badOptions', { part: 'b=x' })).toBe(
      'pilihan "b=x" tidak berbentuk KUNCI=nilai; contoh: a=4; b=3; c=2; d=1 (keterangan boleh dalam kurung: a=4 (Lengkap))',
    );
  });

  it('bands: the editor field and the Pita column', async () => {
    const editor = bandsInputs.map((text) => parseBands(text));
    const imported = await Promise.all(bandsInputs.map((text) => importCell('Pita', text)));
    expect(imported).toEqual(editor);
    expect(editor.map((r) => (r.ok ? r.value.length : `${r.key} ${String(r.params.part)}`))).toEqual([
      3,
      2,
      2,
      'file.badBand 40-60=2',
      'file.badBand >60',
      'file.badBand <4O=1',
    ]);
  });
});
