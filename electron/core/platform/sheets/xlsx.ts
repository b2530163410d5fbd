/**
 * .xlsx in and out through exceljs: worksheets to typed cells, and small helpers to write tidy sheets (bold
 * frozen header, widths, Text-formatted columns where a value must never become a number or a date).
 */
import ExcelJS from 'exceljs';
import type { Cell, Sheet, SheetRow } from './table.js';
import { EMPTY } from './table.js';
import { excelDateToIso } from './values.js';
import { FileProblem, problem } from './issues.js';
import { LIMITS, looksLikeFormula } from '../../../../shared/domain/text-hygiene.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Loads a workbook; throws what exceljs throws for a damaged or foreign file. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** An exceljs cell value as one of our cells (a formula gives its cached result). */
export function toCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (value instanceof Date) return { kind: 'date', iso: excelDateToIso(value) };
  if (typeof value === 'object') {
    if ('error' in value) return { kind: 'error', text: String(value.error) };
    if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) return toCell(value.result as ExcelJS.CellValue | undefined);
    if ('text' in value) return toCell(value.text as ExcelJS.CellValue);
  }
  return { kind: 'text', text: String(value as unknown) };
}

/** A worksheet as rows of cells (rows as the spreadsheet numbers them); more than LIMITS.rows or .columns is refused. */
export function worksheetToSheet(file: string, worksheet: ExcelJS.Worksheet): Sheet {
  const where = { file, sheet: worksheet.name };
  if (worksheet.actualRowCount > LIMITS.rows) throw new FileProblem(problem(where, 'input.tooManyRows', { limit: LIMITS.rows }));
  if (worksheet.columnCount > LIMITS.columns) throw new FileProblem(problem(where, 'input.tooManyColumns', { limit: LIMITS.columns }));
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = toCell(cell.value);
    });
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= EMPTY;
    rows.push({ row: rowNumber, cells });
  });
  return { file, sheet: worksheet.name, rows };
}

/** The worksheet whose name matches one of `names` (case and spaces ignored), else undefined. */
export function findWorksheet(workbook: ExcelJS.Workbook, names: readonly string[]): ExcelJS.Worksheet | undefined {
  const wanted = names.map(simpleName);
  return workbook.worksheets.find((ws) => wanted.includes(simpleName(ws.name)));
}

function simpleName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface ColumnLayout {
  title: string;
  width: number;
  /** Formatted as Text, so that typing 0812… or 1-5 keeps it as written. */
  text?: boolean;
  /** Formatted as a day/month/year date. */
  date?: boolean;
}

export type XlsxValue = string | number | Date | null;

/** Adds a sheet with a bold, frozen header row and the given rows. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnLayout[],
  rows: readonly (readonly XlsxValue[])[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.title,
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.date ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    added.alignment = { vertical: 'top', wrapText: true };
    textFormatFormulas(added);
  }
  return sheet;
}

/**
 * A cell's text that a spreadsheet would run as a formula once edited (= + - @ at its start) is written as a
 * string (never a formula) and formatted as Text, so that typing in the cell later keeps it text.
 */
function textFormatFormulas(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) cell.numFmt = '@';
  });
}

/** Adds the "Petunjuk" sheet: one row per column of a table, saying what goes in it. */
export function addGuideSheet(workbook: ExcelJS.Workbook, intro: readonly string[], columns: readonly (readonly string[])[]): void {
  const sheet = workbook.addWorksheet('Petunjuk');
  sheet.columns = [
    { header: 'Kolom', width: 24 },
    { header: 'Wajib', width: 8 },
    { header: 'Isi', width: 70 },
    { header: 'Contoh', width: 36 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of columns) {
    const added = sheet.addRow([...row]);
    added.alignment = { vertical: 'top', wrapText: true };
    textFormatFormulas(added);
  }
  sheet.addRow([]);
  for (const line of intro) sheet.addRow([line]);
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.creator = 'Penilai';
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}
