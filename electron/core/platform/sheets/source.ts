/**
 * A file the user picked, told apart by its content first and its name second: .xlsx (a zip), an old .xls
 * (refused with the hint to save as .xlsx), or text (CSV, JSON).
 */
import type ExcelJS from 'exceljs';
import { decodeText, readCsv, unwrapFormulaText } from './csv.js';
import { FileProblem, problem, type Problem } from './issues.js';
import type { Cell, Sheet } from './table.js';
import { findWorksheet, loadWorkbook, worksheetToSheet } from './xlsx.js';
import { guardZip } from './zip-guard.js';
import { LIMITS } from '../../../../shared/domain/text-hygiene.js';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export type FileKind = 'xlsx' | 'xls' | 'text' | 'other';

export function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function sniff(file: PickedFile): FileKind {
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  const ext = extension(file.name);
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx'; // named .xlsx but not a zip: the reader says it is damaged
  if (ext === 'xls') return 'xls';
  if (['csv', 'txt', 'json', ''].includes(ext)) return 'text';
  return b.subarray(0, 4096).includes(0) ? 'other' : 'text';
}

/**
 * Loads an .xlsx workbook or throws a `FileProblem` naming the file. Its parts are measured first (a zip bomb is
 * refused before exceljs unpacks anything).
 */
export async function openWorkbook(file: PickedFile): Promise<ExcelJS.Workbook> {
  const guard = guardZip(file.bytes);
  if (!guard.ok) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const params =
      guard.key === 'input.xlsxPart'
        ? { part: guard.part, limit: mb(LIMITS.xlsxPart) }
        : guard.key === 'input.xlsxTotal'
          ? { limit: mb(LIMITS.xlsxTotal) }
          : guard.key === 'input.xlsxParts'
            ? { limit: LIMITS.xlsxParts }
            : guard.key === 'input.xlsxRange'
              ? { part: guard.part, ref: guard.ref }
              : {};
    throw new FileProblem(problem({ file: file.name }, guard.key, params));
  }
  try {
    return await loadWorkbook(file.bytes);
  } catch {
    throw new FileProblem(problem({ file: file.name }, 'file.notXlsx'));
  }
}

/** More than LIMITS.rows records or LIMITS.columns fields in one record is refused, naming the file (and the line). */
export function checkCsvSize(name: string, records: readonly { line: number; fields: readonly string[] }[]): void {
  if (records.length > LIMITS.rows) throw new FileProblem(problem({ file: name }, 'input.tooManyRows', { limit: LIMITS.rows }));
  const wide = records.find((r) => r.fields.length > LIMITS.columns);
  if (wide) throw new FileProblem(problem({ file: name, row: wide.line }, 'input.tooManyColumns', { limit: LIMITS.columns }));
}

/** The text of a text file, or a `FileProblem` (UTF-16). */
export function fileText(file: PickedFile): string {
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) throw new FileProblem(problem({ file: file.name }, decoded.key));
  return decoded.text;
}

/**
 * The sheet of a table file (sites, jurors): from an .xlsx, the worksheet named like one of `sheetNames`, else
 * the first worksheet that is not a guide; from a CSV, its records. Broken CSV quoting comes back as problems.
 */
export async function readTableFile(file: PickedFile, sheetNames: readonly string[]): Promise<{ sheet: Sheet; problems: Problem[] }> {
  const kind = sniff(file);
  if (kind === 'xls') throw new FileProblem(problem({ file: file.name }, 'file.oldXls'));
  if (kind === 'other') throw new FileProblem(problem({ file: file.name }, 'file.unknownType', { expected: '.xlsx, .csv' }));
  if (kind === 'xlsx') {
    const workbook = await openWorkbook(file);
    const worksheet =
      findWorksheet(workbook, sheetNames) ??
      workbook.worksheets.find((ws) => ws.state === 'visible' && !/^(petunjuk|instructions?|guide)$/i.test(ws.name.trim())) ??
      workbook.worksheets[0];
    if (!worksheet) throw new FileProblem(problem({ file: file.name }, 'file.empty'));
    return { sheet: worksheetToSheet(file.name, worksheet), problems: [] };
  }
  const csv = readCsv(fileText(file));
  checkCsvSize(file.name, csv.records);
  const rows = csv.records.map((r) => ({
    row: r.line,
    cells: r.fields.map((f): Cell => {
      const text = unwrapFormulaText(f);
      return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
    }),
  }));
  return {
    sheet: { file: file.name, sheet: null, rows },
    problems: csv.problems.map((p) => problem({ file: file.name, row: p.line }, p.key)),
  };
}
