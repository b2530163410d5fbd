/**
 * The instrument as an .xlsx workbook: a sheet "Instrumen" (one row: code, name, version, note, default scale),
 * a sheet "Tahap" (one row per phase), a sheet "Indikator" (one row per indicator, with its aspect), and a
 * "Petunjuk" sheet explaining the columns. Reading reports every problem by sheet, row and column, then checks
 * the whole instrument with `parseInstrument` and reports its problems (weights not summing to 100, levels off
 * the scale …) at the sheet, row and column they come from. Writing then reading gives the same instrument.
 */
import ExcelJS from 'exceljs';
import { INSTRUMENT_FORMAT, parseInstrument, type Indicator, type Instrument, type Scale } from '../../../shared/domain/instrument.js';
import { parseDecimal } from '../../../shared/domain/numbers.js';
import type { ValidationIssue } from '../../../shared/domain/validation.js';
import {
  formatBands,
  formatItems,
  formatLevelMap,
  formatLevels,
  formatScale,
  parseBands,
  parseItems,
  parseLevelMap,
  parseLevels,
  parseScale,
  type Read,
} from '../../../shared/domain/instrument-notation.js';
import { problem, type Problem, type Where } from '../platform/sheets/issues.js';
import { cellText, isEmpty, mapHeader, RowReader, type HeaderMap, type Sheet } from '../platform/sheets/table.js';
import { addTableSheet, findWorksheet, worksheetToSheet, type ColumnLayout, type XlsxValue } from '../platform/sheets/xlsx.js';
import type { ColumnDef } from '../platform/sheets/rows.js';

type InstrumentField = 'code' | 'name' | 'version' | 'note' | 'defaultScale' | 'defaultLabels';
type PhaseField = 'code' | 'name';
type IndicatorField =
  | 'aspectCode'
  | 'aspectName'
  | 'code'
  | 'name'
  | 'description'
  | 'weight'
  | 'phase'
  | 'scale'
  | 'labels'
  | 'rubric'
  | 'noteAt'
  | 'photoAt'
  | 'sampleSize'
  | 'items'
  | 'bands';

export const SHEETS = {
  instrument: { title: 'Instrumen', names: ['Instrumen', 'Instrument'] },
  phases: { title: 'Tahap', names: ['Tahap', 'Tahapan', 'Phases'] },
  indicators: { title: 'Indikator', names: ['Indikator', 'Indikator Penilaian', 'Indicators'] },
} as const;

const INSTRUMENT_COLUMNS: readonly ColumnDef<InstrumentField>[] = [
  {
    field: 'code',
    title: 'Kode',
    aliases: ['Kode Instrumen', 'Code'],
    required: true,
    width: 16,
    text: true,
    guide: 'Kode instrumen, tanpa spasi.',
    example: 'KAMPUNG-KB',
  },
  {
    field: 'name',
    title: 'Nama',
    aliases: ['Nama Instrumen', 'Name'],
    required: true,
    width: 48,
    guide: 'Nama lengkap instrumen.',
    example: 'Instrumen Penilaian Lomba …',
  },
  { field: 'version', title: 'Versi', aliases: ['Version'], width: 8, guide: 'Nomor versi (1, 2, …). Kosong: 1.', example: '1' },
  {
    field: 'note',
    title: 'Catatan',
    aliases: ['Keterangan', 'Note'],
    width: 48,
    guide: 'Catatan bebas tentang instrumen (sumber, juknis).',
    example: 'Disusun dari juknis 2026.',
  },
  {
    field: 'defaultScale',
    title: 'Skala bawaan',
    aliases: ['Skala', 'Default Scale', 'Scale'],
    required: true,
    width: 18,
    text: true,
    guide: 'Skala untuk indikator yang kolom Skala-nya kosong.',
    example: '1-5',
  },
  {
    field: 'defaultLabels',
    title: 'Label skala bawaan',
    aliases: ['Label', 'Labels', 'Default Labels'],
    width: 48,
    text: true,
    guide: 'Label tiap tingkat skala bawaan.',
    example: '1=Sangat Kurang; 2=Kurang; 3=Cukup; 4=Baik; 5=Sangat Baik',
  },
];

const PHASE_COLUMNS: readonly ColumnDef<PhaseField>[] = [
  {
    field: 'code',
    title: 'Kode',
    aliases: ['Kode Tahap', 'Code'],
    required: true,
    width: 10,
    text: true,
    guide: 'Kode tahap penilaian.',
    example: 'LAP',
  },
  {
    field: 'name',
    title: 'Nama',
    aliases: ['Nama Tahap', 'Name'],
    required: true,
    width: 40,
    guide: 'Nama tahap.',
    example: 'Verifikasi lapangan',
  },
];

const INDICATOR_COLUMNS: readonly ColumnDef<IndicatorField>[] = [
  {
    field: 'aspectCode',
    title: 'Kode Aspek',
    aliases: ['Aspect Code', 'Aspek'],
    required: true,
    width: 10,
    text: true,
    guide: 'Kode aspek indikator ini. Boleh dikosongkan untuk meneruskan aspek baris di atasnya.',
    example: 'A',
  },
  {
    field: 'aspectName',
    title: 'Nama Aspek',
    aliases: ['Aspect Name', 'Aspect'],
    required: true,
    width: 28,
    guide: 'Nama aspek; cukup diisi pada baris pertama aspek itu.',
    example: 'Kelembagaan',
  },
  {
    field: 'code',
    title: 'Kode',
    aliases: ['Kode Indikator', 'Code', 'Indicator Code'],
    required: true,
    width: 8,
    text: true,
    guide: 'Kode indikator, unik dalam seluruh instrumen.',
    example: 'A1',
  },
  {
    field: 'name',
    title: 'Indikator',
    aliases: ['Nama Indikator', 'Nama', 'Indicator', 'Name'],
    required: true,
    width: 48,
    guide: 'Rumusan indikator.',
    example: 'SK Tim Pelaksana …',
  },
  {
    field: 'description',
    title: 'Deskripsi',
    aliases: ['Keterangan', 'Description'],
    width: 32,
    guide: 'Penjelasan tambahan. Boleh kosong.',
    example: '',
  },
  {
    field: 'weight',
    title: 'Bobot',
    aliases: ['Weight'],
    required: true,
    width: 8,
    guide: 'Bobot (poin, lebih dari 0). Jumlah seluruh bobot harus tepat 100.',
    example: '3',
  },
  {
    field: 'phase',
    title: 'Tahap',
    aliases: ['Kode Tahap', 'Phase'],
    required: true,
    width: 8,
    text: true,
    guide: 'Kode tahap dari lembar Tahap.',
    example: 'ADM',
  },
  {
    field: 'scale',
    title: 'Skala',
    aliases: ['Scale'],
    width: 18,
    text: true,
    guide:
      'Kosong: skala bawaan. Rentang "1-5", "0-100 %", "0-100 langkah 5", atau pilihan "a=4; b=3; c=2; d=1" (label pilihan dalam kurung: "a=4 (Lengkap)"). Kolom berformat Teks agar Excel tidak mengubah 1-5 menjadi tanggal.',
    example: '1-5',
  },
  {
    field: 'labels',
    title: 'Label',
    aliases: ['Labels'],
    width: 32,
    text: true,
    guide: 'Label tingkat untuk Skala indikator ini: "1=Sangat Kurang; 2=Kurang; …". Hanya bila kolom Skala diisi.',
    example: '1=Sangat Kurang; 5=Sangat Baik',
  },
  {
    field: 'rubric',
    title: 'Rubrik',
    aliases: ['Rubric'],
    width: 40,
    text: true,
    guide:
      'Petunjuk penilaian per tingkat: "1=tidak ada; 3=ada, umum; 5=lengkap". Teks boleh memuat koma; untuk teks panjang tulis satu tingkat per baris dalam sel.',
    example: '1=tidak ada; 3=ada, umum; 5=ada di semua tingkat',
  },
  {
    field: 'noteAt',
    title: 'Catatan wajib pada',
    aliases: ['Catatan wajib', 'Note required at'],
    width: 12,
    text: true,
    guide: 'Tingkat yang mewajibkan catatan penilai, dipisahkan titik koma: "1; 5".',
    example: '1; 5',
  },
  {
    field: 'photoAt',
    title: 'Foto wajib pada',
    aliases: ['Foto wajib', 'Photo required at'],
    width: 12,
    text: true,
    guide: 'Tingkat yang mewajibkan foto: "5".',
    example: '5',
  },
  {
    field: 'sampleSize',
    title: 'Sampel KK',
    aliases: ['Sampel', 'Household sample', 'Sample size'],
    width: 10,
    guide: 'Untuk indikator kunjungan rumah: jumlah KK sampel. Diisi bersama Butir kunjungan rumah.',
    example: '10',
  },
  {
    field: 'items',
    title: 'Butir kunjungan rumah',
    aliases: ['Butir', 'Household items', 'Items'],
    width: 40,
    text: true,
    guide: 'Pertanyaan ya/tidak per KK, dipisahkan titik koma atau satu per baris dalam sel.',
    example: 'Memiliki jamban sehat; Memiliki akses air bersih',
  },
  {
    field: 'bands',
    title: 'Pita',
    aliases: ['Pita nilai', 'Bands'],
    width: 32,
    text: true,
    guide:
      'Pengubah persentase "ya" menjadi skor: "<40=1; <60=2; <75=3; <90=4; >=90=5". Kosong: persentase itu sendiri (skala harus 0-100).',
    example: '<40=1; <60=2; <75=3; <90=4; >=90=5',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Reading

type InstrumentRead = { ok: true; value: Instrument } | { ok: false; problems: Problem[] };

/** Where each JSON path of the instrument being built came from, to place `parseInstrument`'s issues. */
class Locations {
  private readonly map = new Map<string, Where>();
  set(path: string, where: Where): void {
    this.map.set(path, where);
  }
  /** The location of a path or of its nearest registered parent. */
  find(path: string): Where | undefined {
    let p = path;
    for (;;) {
      const found = this.map.get(p);
      if (found) return found;
      const parent = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '');
      if (parent === p) return undefined;
      p = parent;
    }
  }
}

function sheetOf(workbook: ExcelJS.Workbook, file: string, which: keyof typeof SHEETS, problems: Problem[]): Sheet | null {
  const worksheet = findWorksheet(workbook, SHEETS[which].names);
  if (!worksheet) {
    problems.push(
      problem({ file }, 'file.noSheet', { sheet: SHEETS[which].title, sheets: workbook.worksheets.map((w) => w.name).join(', ') }),
    );
    return null;
  }
  return worksheetToSheet(file, worksheet);
}

function readWith<T>(r: RowReader<string>, field: string, text: string | undefined, parse: (t: string) => Read<T>): T | undefined {
  if (text === undefined) return undefined;
  const read = parse(text);
  if (read.ok) return read.value;
  r.report(field, read.key, read.params);
  return undefined;
}

/** A number cell or a number written as text ("2,5"). */
function readNumber(r: RowReader<string>, field: string): number | undefined {
  const cell = r.cell(field);
  if (cell.kind === 'number') return cell.value;
  const text = r.text(field);
  if (text === undefined) return undefined;
  const value = parseDecimal(text);
  if (value === null) r.report(field, 'file.notNumber', { value: text });
  return value ?? undefined;
}

function readWhole(r: RowReader<string>, field: string, min: number): number | undefined {
  const value = readNumber(r, field);
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    r.report(field, 'file.notWholeNumber', { value: String(value), min });
    return undefined;
  }
  return value;
}

/** Text that Excel must not have turned into a date (a scale "1-5" typed into a General cell). */
function notationText(r: RowReader<string>, field: string): string | undefined {
  if (r.cell(field).kind === 'date') {
    r.report(field, 'file.dateNotText');
    return undefined;
  }
  return r.text(field);
}

function mapped<F extends string>(sheet: Sheet, columns: readonly ColumnDef<F>[], problems: Problem[]): HeaderMap<F> | null {
  const map = mapHeader(sheet, columns);
  problems.push(...map.problems);
  if (map.problems.some((p) => p.key === 'file.missingColumn' || p.key === 'file.empty')) return null;
  if (map.rows.length === 0) {
    problems.push(problem({ file: sheet.file, sheet: sheet.sheet }, 'file.noRows'));
    return null;
  }
  return map;
}

/** Reads the instrument template workbook. */
export function readInstrumentWorkbook(workbook: ExcelJS.Workbook, file: string): InstrumentRead {
  const problems: Problem[] = [];
  const locations = new Locations();
  const instrumentSheet = sheetOf(workbook, file, 'instrument', problems);
  const phaseSheet = sheetOf(workbook, file, 'phases', problems);
  const indicatorSheet = sheetOf(workbook, file, 'indicators', problems);
  if (!instrumentSheet || !phaseSheet || !indicatorSheet) return { ok: false, problems };

  // Instrumen: the first row below the header.
  const head: Record<string, unknown> = { format: INSTRUMENT_FORMAT };
  const headMap = mapped(instrumentSheet, INSTRUMENT_COLUMNS, problems);
  if (headMap) {
    const r = new RowReader(instrumentSheet, headMap, INSTRUMENT_COLUMNS, headMap.rows[0]!);
    const at = (field: InstrumentField): Where => ({ file, sheet: instrumentSheet.sheet, row: r.row.row, column: r.header(field) });
    locations.set('instrument', { file, sheet: instrumentSheet.sheet, row: r.row.row });
    for (const field of ['code', 'name', 'version', 'note'] as const) locations.set(`instrument.${field}`, at(field));
    locations.set('instrument.defaultScale', at('defaultScale'));
    locations.set('instrument.defaultScale.labels', at('defaultLabels'));
    head.code = r.code('code');
    head.name = r.required('name');
    head.version = r.text('version') === undefined ? 1 : readWhole(r, 'version', 1);
    const note = r.text('note');
    if (note !== undefined) head.note = note;
    const scaleText = notationText(r, 'defaultScale');
    if (scaleText === undefined && r.cell('defaultScale').kind !== 'date') r.report('defaultScale', 'file.required');
    const scale = readWith(r, 'defaultScale', scaleText, parseScale);
    const labels = readWith(r, 'defaultLabels', r.text('defaultLabels'), parseLevelMap);
    if (scale) head.defaultScale = labels ? { ...scale, labels } : scale;
    problems.push(...r.problems);
  }

  // Tahap.
  const phases: { code: string; name: string }[] = [];
  const phaseMap = mapped(phaseSheet, PHASE_COLUMNS, problems);
  if (phaseMap) {
    locations.set('instrument.phases', { file, sheet: phaseSheet.sheet });
    const seen = new Map<string, number>();
    for (const row of phaseMap.rows) {
      const r = new RowReader(phaseSheet, phaseMap, PHASE_COLUMNS, row);
      const code = r.code('code');
      const name = r.required('name');
      if (code !== undefined) {
        const other = seen.get(code);
        if (other !== undefined) r.report('code', 'file.duplicateCode', { code, other });
        else seen.set(code, row.row);
      }
      if (code !== undefined && name !== undefined) {
        const path = `instrument.phases[${phases.length}]`;
        locations.set(path, { file, sheet: phaseSheet.sheet, row: row.row });
        locations.set(`${path}.code`, { file, sheet: phaseSheet.sheet, row: row.row, column: r.header('code') });
        locations.set(`${path}.name`, { file, sheet: phaseSheet.sheet, row: row.row, column: r.header('name') });
        phases.push({ code, name });
      }
      problems.push(...r.problems);
    }
  }

  // Indikator.
  interface AspectDraft {
    code: string;
    name: string | undefined;
    nameRow: number;
    firstRow: number;
    indicators: { indicator: Indicator; r: RowReader<IndicatorField> }[];
  }
  const aspects = new Map<string, AspectDraft>();
  const indicatorMap = mapped(indicatorSheet, INDICATOR_COLUMNS, problems);
  if (indicatorMap) {
    const seen = new Map<string, number>();
    let current: AspectDraft | undefined;
    for (const row of indicatorMap.rows) {
      const r = new RowReader(indicatorSheet, indicatorMap, INDICATOR_COLUMNS, row);
      const aspectCode = r.code('aspectCode', false);
      const aspectName = r.text('aspectName');
      if (aspectCode !== undefined) {
        current = aspects.get(aspectCode);
        if (!current) {
          current = { code: aspectCode, name: undefined, nameRow: row.row, firstRow: row.row, indicators: [] };
          aspects.set(aspectCode, current);
        }
      } else if (!current) {
        r.report('aspectCode', 'file.required');
      }
      if (current && aspectName !== undefined) {
        if (current.name === undefined) {
          current.name = aspectName;
          current.nameRow = row.row;
        } else if (current.name !== aspectName) {
          r.report('aspectName', 'file.aspectName', { code: current.code, other: current.nameRow, name: current.name });
        }
      } else if (current && current.name === undefined && current.firstRow === row.row) {
        r.report('aspectName', 'file.required');
      }

      const indicator = readIndicator(r);
      const code = cellText(r.cell('code'));
      if (code !== '') {
        const other = seen.get(code);
        if (other !== undefined) r.report('code', 'file.duplicateCode', { code, other });
        else seen.set(code, row.row);
      }
      if (indicator && current) current.indicators.push({ indicator, r });
      problems.push(...r.problems);
    }
  }

  if (problems.length > 0) return { ok: false, problems };

  const sheetName = indicatorSheet.sheet;
  locations.set('instrument.aspects', { file, sheet: sheetName, column: indicatorMap!.columns.get('weight')!.header });
  const raw = {
    ...head,
    phases,
    aspects: [...aspects.values()].map((aspect, a) => {
      const base = `instrument.aspects[${a}]`;
      const first = aspect.indicators[0]?.r;
      const at = (column: IndicatorField): Where => ({
        file,
        sheet: sheetName,
        row: aspect.firstRow,
        column: first?.header(column) ?? null,
      });
      locations.set(base, at('aspectCode'));
      locations.set(`${base}.code`, at('aspectCode'));
      locations.set(`${base}.name`, { ...at('aspectName'), row: aspect.nameRow });
      return {
        code: aspect.code,
        name: aspect.name,
        indicators: aspect.indicators.map(({ indicator, r }, i) => {
          registerIndicator(locations, `${base}.indicators[${i}]`, file, sheetName, r);
          return indicator;
        }),
      };
    }),
  };
  const parsed = parseInstrument(raw, 'instrument');
  if (parsed.ok) return parsed;
  return { ok: false, problems: parsed.issues.map((issue) => placeIssue(issue, locations, file)) };
}

const INDICATOR_PATHS: [string, IndicatorField][] = [
  ['code', 'code'],
  ['name', 'name'],
  ['description', 'description'],
  ['weight', 'weight'],
  ['phase', 'phase'],
  ['scale', 'scale'],
  ['scale.labels', 'labels'],
  ['rubric', 'rubric'],
  ['evidence.noteAt', 'noteAt'],
  ['evidence.photoAt', 'photoAt'],
  ['household', 'items'],
  ['household.sampleSize', 'sampleSize'],
  ['household.items', 'items'],
  ['household.bands', 'bands'],
];

function registerIndicator(locations: Locations, base: string, file: string, sheet: string | null, r: RowReader<IndicatorField>): void {
  locations.set(base, { file, sheet, row: r.row.row });
  for (const [suffix, field] of INDICATOR_PATHS)
    locations.set(`${base}.${suffix}`, { file, sheet, row: r.row.row, column: r.header(field) });
}

function placeIssue(issue: ValidationIssue, locations: Locations, file: string): Problem {
  const where = locations.find(issue.path) ?? { file };
  return problem(where, issue.key, issue.params);
}

function readIndicator(r: RowReader<IndicatorField>): Indicator | null {
  const code = r.code('code');
  const name = r.required('name');
  const description = r.text('description');
  const weight = readNumber(r, 'weight');
  if (weight === undefined && r.problems.every((p) => p.column !== r.header('weight'))) r.report('weight', 'file.required');
  else if (weight !== undefined && !(weight > 0)) r.report('weight', 'file.notPositive', { value: String(weight) });
  const phase = r.code('phase');

  const scaleText = notationText(r, 'scale');
  const scaleRead = readWith(r, 'scale', scaleText, parseScale);
  const labels = readWith(r, 'labels', r.text('labels'), parseLevelMap);
  if (labels && isEmpty(r.cell('scale'))) r.report('labels', 'file.labelsNeedScale');
  const scale: Scale | undefined = scaleRead && labels ? { ...scaleRead, labels } : scaleRead;
  const rubric = readWith(r, 'rubric', r.text('rubric'), parseLevelMap);
  const noteAt = readWith(r, 'noteAt', r.text('noteAt'), parseLevels);
  const photoAt = readWith(r, 'photoAt', r.text('photoAt'), parseLevels);

  const sampleText = r.text('sampleSize');
  const sampleSize = sampleText === undefined ? undefined : readWhole(r, 'sampleSize', 1);
  const itemsText = r.text('items');
  const items = itemsText === undefined ? undefined : parseItems(itemsText);
  const bands = readWith(r, 'bands', r.text('bands'), parseBands);
  const householdAsked = sampleText !== undefined || itemsText !== undefined || r.text('bands') !== undefined;
  if (householdAsked && sampleText === undefined) r.report('sampleSize', 'file.householdIncomplete', { missing: r.header('sampleSize') });
  if (householdAsked && itemsText === undefined) r.report('items', 'file.householdIncomplete', { missing: r.header('items') });

  if (r.problems.length > 0 || code === undefined || name === undefined || weight === undefined || phase === undefined) return null;
  const evidence = {
    ...(noteAt && noteAt.length > 0 ? { noteAt } : {}),
    ...(photoAt && photoAt.length > 0 ? { photoAt } : {}),
  };
  return {
    code,
    name,
    ...(description === undefined ? {} : { description }),
    weight,
    phase,
    ...(scale === undefined ? {} : { scale }),
    ...(rubric === undefined ? {} : { rubric }),
    ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
    ...(sampleSize !== undefined && items !== undefined
      ? { household: { sampleSize, items, ...(bands === undefined ? {} : { bands }) } }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const layout = (columns: readonly ColumnDef<string>[]): ColumnLayout[] =>
  columns.map((c) => ({ title: c.title, width: c.width, ...(c.text ? { text: true } : {}) }));

function indicatorRow(aspect: Instrument['aspects'][number], indicator: Indicator): XlsxValue[] {
  const v = (text: string | undefined): XlsxValue => (text === undefined || text === '' ? null : text);
  const values: Record<IndicatorField, XlsxValue> = {
    aspectCode: aspect.code,
    aspectName: aspect.name,
    code: indicator.code,
    name: indicator.name,
    description: v(indicator.description),
    weight: indicator.weight,
    phase: indicator.phase,
    scale: indicator.scale ? formatScale(indicator.scale) : null,
    labels: indicator.scale?.labels ? v(formatLevelMap(indicator.scale.labels)) : null,
    rubric: indicator.rubric ? v(formatLevelMap(indicator.rubric)) : null,
    noteAt: indicator.evidence?.noteAt ? v(formatLevels(indicator.evidence.noteAt)) : null,
    photoAt: indicator.evidence?.photoAt ? v(formatLevels(indicator.evidence.photoAt)) : null,
    sampleSize: indicator.household?.sampleSize ?? null,
    items: indicator.household ? formatItems(indicator.household.items) : null,
    bands: indicator.household?.bands ? formatBands(indicator.household.bands) : null,
  };
  return INDICATOR_COLUMNS.map((c) => values[c.field]);
}

const GUIDE_INTRO = [
  'Lembar Instrumen: satu baris (kode, nama, versi, catatan, skala bawaan). Lembar Tahap: satu baris per tahap penilaian. Lembar Indikator: satu baris per indikator.',
  'Jumlah seluruh Bobot harus tepat 100. Tingkat pada Label, Rubrik, Catatan wajib pada, Foto wajib pada, dan skor Pita harus ada pada skala indikator.',
  'Angka desimal boleh ditulis dengan koma (2,5) atau titik (2.5). Kolom bernama dalam bahasa Inggris juga dikenali; kolom lain diabaikan.',
  'Penilai membaca berkas ini tanpa menyimpan apa pun; kesalahan disebut per lembar, baris dan kolom.',
];

/** Adds the three instrument sheets and the guide to a workbook. */
export function writeInstrumentWorkbook(instrument: Instrument): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const { defaultScale } = instrument;
  addTableSheet(workbook, SHEETS.instrument.title, layout(INSTRUMENT_COLUMNS), [
    [
      instrument.code,
      instrument.name,
      instrument.version,
      instrument.note ?? null,
      formatScale(defaultScale),
      defaultScale.labels ? formatLevelMap(defaultScale.labels) : null,
    ],
  ]);
  addTableSheet(
    workbook,
    SHEETS.phases.title,
    layout(PHASE_COLUMNS),
    instrument.phases.map((p) => [p.code, p.name]),
  );
  addTableSheet(
    workbook,
    SHEETS.indicators.title,
    layout(INDICATOR_COLUMNS),
    instrument.aspects.flatMap((aspect) => aspect.indicators.map((indicator) => indicatorRow(aspect, indicator))),
  );
  const guide = workbook.addWorksheet('Petunjuk');
  guide.columns = [
    { header: 'Lembar', width: 12 },
    { header: 'Kolom', width: 22 },
    { header: 'Wajib', width: 8 },
    { header: 'Isi', width: 80 },
    { header: 'Contoh', width: 40 },
  ];
  guide.getRow(1).font = { bold: true };
  const rows: [string, readonly ColumnDef<string>[]][] = [
    [SHEETS.instrument.title, INSTRUMENT_COLUMNS],
    [SHEETS.phases.title, PHASE_COLUMNS],
    [SHEETS.indicators.title, INDICATOR_COLUMNS],
  ];
  for (const [sheet, columns] of rows) {
    for (const c of columns)
      guide.addRow([sheet, c.title, c.required ? 'ya' : '', c.guide, c.example]).alignment = { vertical: 'top', wrapText: true };
  }
  guide.addRow([]);
  for (const line of GUIDE_INTRO) guide.addRow([line]);
  return workbook;
}

/** The example in the empty template: every column used once, weights summing to 100. */
export const TEMPLATE_EXAMPLE: Instrument = {
  format: INSTRUMENT_FORMAT,
  code: 'CONTOH',
  name: 'Contoh Instrumen Penilaian (ganti dengan instrumen Anda)',
  version: 1,
  note: 'Contoh pengisian. Hapus baris contoh di lembar Tahap dan Indikator, lalu isi dengan indikator Anda.',
  defaultScale: { min: 1, max: 5, step: 1, labels: { '1': 'Sangat Kurang', '2': 'Kurang', '3': 'Cukup', '4': 'Baik', '5': 'Sangat Baik' } },
  phases: [
    { code: 'ADM', name: 'Penilaian administrasi/dokumen' },
    { code: 'LAP', name: 'Verifikasi lapangan' },
    { code: 'KRT', name: 'Kunjungan rumah (sampel KK)' },
  ],
  aspects: [
    {
      code: 'A',
      name: 'Kelembagaan',
      indicators: [
        {
          code: 'A1',
          name: 'SK tim pelaksana dengan uraian tugas',
          description: 'Periksa SK di tingkat kabupaten, kecamatan dan desa.',
          weight: 40,
          phase: 'ADM',
          rubric: { '1': 'tidak ada', '3': 'ada, umum', '5': 'ada di semua tingkat, rinci per unsur' },
          evidence: { noteAt: ['1', '5'], photoAt: ['5'] },
        },
        {
          code: 'A2',
          name: 'Regulasi pendukung di desa',
          weight: 30,
          phase: 'LAP',
          scale: {
            options: [
              { key: 'a', value: 4, label: 'Perdes dan SK lengkap' },
              { key: 'b', value: 3, label: 'SK kepala desa' },
              { key: 'c', value: 2, label: 'draf' },
              { key: 'd', value: 1, label: 'belum ada' },
            ],
          },
        },
      ],
    },
    {
      code: 'B',
      name: 'Lingkungan',
      indicators: [
        {
          code: 'B1',
          name: 'Jamban sehat dan air bersih KK sampel',
          weight: 30,
          phase: 'KRT',
          household: {
            sampleSize: 10,
            items: ['Memiliki jamban sehat', 'Memiliki akses air bersih'],
            bands: [
              { below: 40, score: 1 },
              { below: 60, score: 2 },
              { below: 75, score: 3 },
              { below: 90, score: 4 },
              { atLeast: 90, score: 5 },
            ],
          },
        },
      ],
    },
  ],
};
