/**
 * A sheet as rows of typed cells, whatever it came from (an .xlsx worksheet or a CSV file), and the mapping of
 * its header row to known columns: headers are matched case-insensitively, ignoring spaces, punctuation and a
 * note in parentheses ("Tanggal Kunjungan (hari/bulan/tahun)"), in Indonesian or English; unknown columns are
 * ignored; a missing required column is a problem that names it.
 */
import type { MessageKey, Params } from '../../../../shared/i18n/messages.js';
import { cleanNote, codeProblem, normaliseCode } from '../../../../shared/domain/text-hygiene.js';
import { problem, type Problem } from './issues.js';

export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A date cell of a spreadsheet, already as an ISO date (null when it is not a calendar date). */
  | { kind: 'date'; iso: string | null }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

export const EMPTY: Cell = { kind: 'empty' };

export interface SheetRow {
  /** The row as the spreadsheet numbers it (1 = the first row), or a CSV record's first line. */
  row: number;
  /** Cells by column index, from 0. */
  cells: Cell[];
}

export interface Sheet {
  file: string;
  /** The worksheet's name; null for a CSV file. */
  sheet: string | null;
  rows: SheetRow[];
}

export interface ColumnSpec<F extends string> {
  field: F;
  /** The Indonesian header: what exports write and messages name. */
  title: string;
  /** Other accepted headers (English, older or longer names). */
  aliases: readonly string[];
  required?: boolean;
}

/** "Desa / Kelurahan*" → "desakelurahan"; "Tanggal Kunjungan (hh/bb/tttt)" → "tanggalkunjungan". */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\([^)]*\)/g, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function isEmpty(cell: Cell | undefined): boolean {
  return cell === undefined || cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '');
}

/** A cell as plain text, for headers, codes and free text. A number is written as JS writes it. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text.trim();
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso ?? '';
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.text;
  }
}

export interface HeaderMap<F extends string> {
  /** The header row's number; null when the sheet has no rows. */
  headerRow: number | null;
  /** Each found field's column index and the header as written in the file. */
  columns: Map<F, { index: number; header: string }>;
  /** The rows below the header, empty ones left out (empty: nothing in any known column). */
  rows: SheetRow[];
  problems: Problem[];
}

/**
 * Finds the header row: the first of the first 20 rows that names the first required column (so a title above
 * the table is skipped), else the first non-empty row; then maps its cells to the columns.
 */
export function mapHeader<F extends string>(sheet: Sheet, specs: readonly ColumnSpec<F>[]): HeaderMap<F> {
  const byName = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) for (const name of [spec.title, ...spec.aliases]) byName.set(normaliseHeader(name), spec);
  const nonEmpty = sheet.rows.filter((r) => r.cells.some((c) => !isEmpty(c)));
  const where = { file: sheet.file, sheet: sheet.sheet };
  if (nonEmpty.length === 0) return { headerRow: null, columns: new Map(), rows: [], problems: [problem(where, 'file.empty')] };

  const key = specs.find((s) => s.required) ?? specs[0]!;
  const names = (r: SheetRow) => r.cells.map((c) => byName.get(normaliseHeader(cellText(c))));
  const header = nonEmpty.slice(0, 20).find((r) => names(r).includes(key)) ?? nonEmpty[0]!;

  const columns = new Map<F, { index: number; header: string }>();
  const problems: Problem[] = [];
  header.cells.forEach((cell, index) => {
    const text = cellText(cell);
    const spec = byName.get(normaliseHeader(text));
    if (!spec || text === '') return;
    const seen = columns.get(spec.field);
    if (seen) {
      problems.push(problem({ ...where, row: header.row }, 'file.duplicateColumn', { column: text, other: seen.header }));
      return;
    }
    columns.set(spec.field, { index, header: text });
  });
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.field)) {
      problems.push(problem({ ...where, row: header.row }, 'file.missingColumn', { column: spec.title, aliases: spec.aliases.join(', ') }));
    }
  }
  const known = [...columns.values()].map((c) => c.index);
  const rows = sheet.rows.filter((r) => r.row > header.row && known.some((i) => !isEmpty(r.cells[i])));
  return { headerRow: header.row, columns, rows, problems };
}

/** Reading one row of a mapped sheet: cells by field, and problems located at the row and the column's header. */
export class RowReader<F extends string> {
  readonly problems: Problem[] = [];

  constructor(
    private readonly sheet: Sheet,
    private readonly map: HeaderMap<F>,
    private readonly specs: readonly ColumnSpec<F>[],
    readonly row: SheetRow,
  ) {}

  cell(field: F): Cell {
    const column = this.map.columns.get(field);
    return column === undefined ? EMPTY : (this.row.cells[column.index] ?? EMPTY);
  }

  has(field: F): boolean {
    return this.map.columns.has(field);
  }

  /** The header as written in the file, or the Indonesian title when the column is absent. */
  header(field: F): string {
    return this.map.columns.get(field)?.header ?? this.specs.find((s) => s.field === field)?.title ?? field;
  }

  report(field: F | null, key: MessageKey, params: Params = {}): void {
    this.problems.push(
      problem(
        { file: this.sheet.file, sheet: this.sheet.sheet, row: this.row.row, column: field === null ? null : this.header(field) },
        key,
        params,
      ),
    );
  }

  /**
   * Text of a cell; undefined when blank. A formula error is reported. The text is NFC with control and
   * bidirectional characters dropped (line breaks and tabs kept): its letters as written.
   */
  text(field: F): string | undefined {
    const cell = this.cell(field);
    if (cell.kind === 'error') {
      this.report(field, 'file.cellError', { value: cell.text });
      return undefined;
    }
    const text = cleanNote(cellText(cell)).trim();
    return text === '' ? undefined : text;
  }

  /** A code that must be there: NFC, and refused when it holds a control, bidirectional or invisible character. */
  code(field: F, required = true): string | undefined {
    const cell = this.cell(field);
    const raw = cell.kind === 'error' ? undefined : normaliseCode(cellText(cell));
    if (raw === undefined || raw === '') return required ? this.required(field) : this.text(field);
    const key = codeProblem(raw);
    if (key) {
      this.report(field, key);
      return undefined;
    }
    return raw;
  }

  /** Text that must be there. */
  required(field: F): string | undefined {
    const text = this.text(field);
    if (text === undefined && this.cell(field).kind !== 'error') this.report(field, 'file.required');
    return text;
  }

  /**
   * Text that must stay text: a number cell is refused (a leading 0 is gone), with the hint to format the column
   * as Text.
   */
  textNotNumber(field: F): string | undefined {
    const cell = this.cell(field);
    if (cell.kind === 'number') {
      this.report(field, 'file.numberAsText', { value: String(cell.value), column: this.header(field) });
      return undefined;
    }
    return this.text(field);
  }
}
