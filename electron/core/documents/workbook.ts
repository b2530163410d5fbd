/**
 * The workbook of the plenary's result (channel `documents.workbook`, `export-xlsx` on the command line): the model
 * of shared/domain/workbook.ts, written with exceljs. Read from the official ranking (the locked snapshot while
 * locked, with the input it was computed from), the competition and the notes. Every cell is typed: numbers as
 * numbers with the competition's precision as format, codes, NIP and notes as text (a text is never a formula,
 * whatever it starts with), Arial throughout, a bold header row repeated on every printed page, wrapped long text
 * with rows tall enough for it, A4 landscape fitted to the page width.
 */
import ExcelJS from 'exceljs';
import type { FileBytes } from '../../../shared/contract/common.js';
import { isFrozen } from '../../../shared/domain/pleno.js';
import { buildWorkbook, type WorkbookCell, type WorkbookModel, type WorkbookSheet } from '../../../shared/domain/workbook.js';
import type { Repositories } from '../deps.js';
import { workbookBytes, XLSX_MIME } from '../platform/sheets/xlsx.js';

const FONT = { name: 'Arial', family: 2, size: 10 } as const;
/** Points per line of Arial 10, and characters per width unit of a column (a little under one for prose). */
const LINE_HEIGHT = 12.75;
const CHARS_PER_UNIT = 1.05;
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/** The workbook's model from the repositories: the official ranking and what it was computed from. */
export function workbookModel(repos: Repositories, competition: string): WorkbookModel {
  const detail = repos.setup.loadCompetition(competition);
  const ranking = repos.pleno.official(competition);
  // While locked, the ranking is the snapshot's: the figures per juror and the scores come from the same input.
  const input = isFrozen(ranking.state) ? repos.pleno.snapshot(competition).input : repos.setup.rankingInput(competition);
  return buildWorkbook({
    competition: {
      code: detail.info.code,
      name: detail.info.name,
      instrument: input.instrument,
      sites: detail.sites,
      jurors: detail.jurors,
    },
    ranking,
    input,
    notes: repos.scoring.competitionNotes(competition),
  });
}

export async function renderWorkbook(repos: Repositories, competition: string): Promise<FileBytes> {
  const model = workbookModel(repos, competition);
  return { name: model.name, mime: XLSX_MIME, bytes: await workbookBytes(writeWorkbook(model)) };
}

/** Lines a text takes in a column of this width (its own line breaks kept), wrapped word by word as spreadsheets do. */
function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const length = word.length;
      if (used > 0 && used + 1 + length <= perLine) used += 1 + length;
      else if (used === 0 && length <= perLine) used = length;
      else {
        // The word starts a new line (a word longer than a line is broken across lines).
        if (used > 0) lines += 1;
        lines += Math.max(0, Math.ceil(length / perLine) - 1);
        used = length % perLine || perLine;
      }
    }
  }
  return lines;
}

const heightFor = (lines: number): number => Math.ceil(Math.max(1, lines) * LINE_HEIGHT + 3);

/** A header or footer text: `&` is the code character there. */
const footerText = (text: string): string => text.replace(/&/g, '&&');

/**
 * One style object per kind of cell (number format, wrapped or not), shared by every such cell: exceljs finds a
 * shared style by identity when it writes, so a sheet of 150,000 scores is not a style per cell.
 */
type Styles = Map<string, Partial<ExcelJS.Style>>;
function styleFor(styles: Styles, numFmt: string | null, wrap: boolean): Partial<ExcelJS.Style> {
  const key = `${numFmt ?? ''}\u0000${wrap}`;
  let style = styles.get(key);
  if (!style) {
    style = { font: FONT, alignment: { vertical: 'top', wrapText: wrap }, ...(numFmt === null ? {} : { numFmt }) };
    styles.set(key, style);
  }
  return style;
}

function setCell(styles: Styles, cell: ExcelJS.Cell, value: WorkbookCell, wrap: boolean): void {
  if (value === null) {
    cell.style = styleFor(styles, null, wrap);
  } else if (value.kind === 'number') {
    cell.value = value.value;
    cell.style = styleFor(styles, value.format, wrap);
  } else {
    // A string value is written as a string (never a formula, even when it starts with = + - @); the Text format
    // keeps it text when someone edits the cell later.
    cell.value = value.text;
    cell.style = styleFor(styles, '@', wrap);
  }
}

function writeSheet(workbook: ExcelJS.Workbook, styles: Styles, model: WorkbookModel, sheet: WorkbookSheet): void {
  const width = sheet.columns.length;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: {
      oddFooter: `&L&"Arial"&8${footerText(model.name)} — ${footerText(sheet.name)}&R&"Arial"&8Halaman &P dari &N`,
    },
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const totalWidth = sheet.columns.reduce((s, c) => s + c.width, 0);

  const title = ws.getRow(TITLE_ROW);
  title.getCell(1).value = sheet.title;
  title.getCell(1).font = { ...FONT, size: 12, bold: true };
  title.getCell(1).alignment = { vertical: 'top', wrapText: true };
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  title.height = heightFor(linesIn(sheet.title, totalWidth / 1.2)) + 3;

  const header = ws.getRow(HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF7A8899' } } };
  });
  header.height = heightFor(Math.max(...sheet.columns.map((c) => linesIn(c.title, c.width))));

  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(HEADER_ROW + 1 + r);
    let lines = 1;
    sheet.columns.forEach((c, i) => {
      const value = values[i] ?? null;
      setCell(styles, row.getCell(i + 1), value, c.wrap === true);
      if (c.wrap && value?.kind === 'text') lines = Math.max(lines, linesIn(value.text, c.width));
    });
    row.height = heightFor(lines);
  });

  // The notes under the table, each across the table's width.
  let at = HEADER_ROW + sheet.rows.length + 2;
  for (const note of sheet.notes) {
    const row = ws.getRow(at);
    setCell(styles, row.getCell(1), { kind: 'text', text: note }, true);
    ws.mergeCells(at, 1, at, width);
    row.height = heightFor(linesIn(note, totalWidth));
    at += 1;
  }
}

export function writeWorkbook(model: WorkbookModel): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // Shared by the cells of this workbook only; never changed once made (a cell's own font or alignment is not set).
  const styles: Styles = new Map();
  for (const sheet of model.sheets) writeSheet(workbook, styles, model, sheet);
  return workbook;
}
