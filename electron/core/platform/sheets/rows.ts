/**
 * One table of records in a spreadsheet or CSV (sites, jurors): reading with every problem by row and column,
 * and writing the same table back, so that an exported file reads back to the same records.
 */
import ExcelJS from 'exceljs';
import type { FileBytes, ParsedRows } from '../../../../shared/contract/schemas.js';
import { normaliseCode } from '../../../../shared/domain/text-hygiene.js';
import { writeCsv } from './csv.js';
import { FileProblem, fileError, problem, toFileIssue, type Problem } from './issues.js';
import { readTableFile, type PickedFile } from './source.js';
import { cellText, mapHeader, RowReader, type ColumnSpec, type Sheet } from './table.js';
import { addGuideSheet, addTableSheet, workbookBytes, XLSX_MIME, type XlsxValue } from './xlsx.js';

export type ColumnDef<F extends string> = ColumnSpec<F> & {
  width: number;
  text?: boolean;
  date?: boolean;
  /** The "Petunjuk" sheet's description and example. */
  guide: string;
  example: string;
};

export interface TableDef<T extends { code: string }, F extends string> {
  /** Worksheet names looked for first in an .xlsx (else the first worksheet). */
  sheetNames: readonly string[];
  /** The worksheet name and the start of the file name on export. */
  sheetTitle: string;
  fileStem: string;
  columns: readonly ColumnDef<F>[];
  /** Reads one row, reporting its problems on the reader; the result is ignored when the row has problems. */
  read(r: RowReader<F>): T | null;
  /** One record as cells by field (a Date for a date column). */
  write(item: T): Record<F, string | Date | null>;
  guideIntro: readonly string[];
}

/** The records of a sheet and all its problems; the sheet's code column must not repeat a code. */
export function readTable<T extends { code: string }, F extends string>(
  def: TableDef<T, F>,
  sheet: Sheet,
): { rows: T[]; problems: Problem[] } {
  const map = mapHeader(sheet, def.columns);
  if (map.problems.some((p) => p.key === 'file.missingColumn' || p.key === 'file.empty')) return { rows: [], problems: map.problems };
  const problems = [...map.problems];
  if (map.rows.length === 0) problems.push(problem({ file: sheet.file, sheet: sheet.sheet }, 'file.noRows'));

  const rows: T[] = [];
  const seen = new Map<string, number>();
  const codeField = def.columns.find((c) => c.required)!.field;
  for (const row of map.rows) {
    const reader = new RowReader(sheet, map, def.columns, row);
    const item = def.read(reader);
    const code = normaliseCode(cellText(reader.cell(codeField)));
    if (code !== '') {
      const first = seen.get(code);
      if (first !== undefined) reader.report(codeField, 'file.duplicateCode', { code, other: first });
      else seen.set(code, row.row);
    }
    problems.push(...reader.problems);
    if (item && reader.problems.length === 0) rows.push(item);
  }
  return { rows, problems };
}

/**
 * A file picked by the user, read for a preview. A file that cannot be read at all (an old .xls, a damaged
 * .xlsx, UTF-16) is an error; everything else comes back as rows and issues.
 */
export async function parseTableFile<T extends { code: string }, F extends string>(
  def: TableDef<T, F>,
  file: PickedFile,
): Promise<ParsedRows<T>> {
  try {
    const { sheet, problems } = await readTableFile(file, def.sheetNames);
    const read = readTable(def, sheet);
    const all = [...problems, ...read.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { rows: read.rows, issues: all.map(toFileIssue) };
  } catch (error) {
    if (error instanceof FileProblem) throw fileError([error.problem]);
    throw error;
  }
}

function isoOf(value: string | Date | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return value.toISOString().slice(0, 10);
}

/** The table as .xlsx (with a "Petunjuk" sheet) or as CSV (`;`, UTF-8 with BOM, dates as 2026-09-08). */
export async function exportTable<T extends { code: string }, F extends string>(
  def: TableDef<T, F>,
  items: readonly T[],
  format: 'xlsx' | 'csv',
  competition: string,
): Promise<FileBytes> {
  const name = `${def.fileStem}-${competition}.${format}`;
  if (format === 'csv') {
    const rows = [def.columns.map((c) => c.title), ...items.map((item) => def.columns.map((c) => isoOf(def.write(item)[c.field])))];
    return { name, mime: 'text/csv', bytes: writeCsv(rows) };
  }
  const workbook = new ExcelJS.Workbook();
  const values: XlsxValue[][] = items.map((item) => {
    const cells = def.write(item);
    return def.columns.map((c) => {
      const v = cells[c.field];
      return v === '' ? null : v;
    });
  });
  addTableSheet(workbook, def.sheetTitle, def.columns, values);
  addGuideSheet(
    workbook,
    def.guideIntro,
    def.columns.map((c) => [c.title, c.required ? 'ya' : '', c.guide, c.example]),
  );
  return { name, mime: XLSX_MIME, bytes: await workbookBytes(workbook) };
}
