/**
 * A small CSV reader and writer (RFC 4180), for files as Excel saves them in an Indonesian locale: a UTF-8 BOM,
 * `;` as the delimiter, CRLF line ends, fields in double quotes when they hold the delimiter, a quote or a line
 * break. The delimiter (`,` or `;`) is read from the header line. Record positions are physical line numbers
 * (the line where the record starts; the header is line 1), as contract.md section 3 counts them.
 */

import { looksLikeFormula } from '../../../../shared/domain/text-hygiene.js';

export type Delimiter = ',' | ';';

export interface CsvRecord {
  /** The physical line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  key: 'file.csvQuote' | 'file.csvAfterQuote';
}

export interface CsvTable {
  delimiter: Delimiter;
  records: CsvRecord[];
  /** Records with broken quoting are left out of `records` and reported here. */
  problems: CsvProblem[];
}

export type Decoded = { ok: true; text: string } | { ok: false; key: 'file.utf16' };

/**
 * Bytes to text: UTF-8 (a BOM is dropped). Bytes that are not UTF-8 are read as Windows-1252, which is what
 * Excel's plain "CSV (dipisahkan koma)" writes on an Indonesian or English Windows. UTF-16 is refused.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, key: 'file.utf16' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(body) };
  }
}

/** The delimiter of the header line: the more frequent of `;` and `,` outside quotes (`,` when neither appears). */
export function detectDelimiter(text: string): Delimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons += 1;
    else if (!quoted && c === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Reads CSV text into records. Blank lines give no record. */
export function readCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvTable {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const n = text.length;
  const endsField = (c: string | undefined) => c === delimiter || c === '\r' || c === '\n';
  let line = 1;
  let i = 0;

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let broken: CsvProblem['key'] | null = null;
    for (;;) {
      // One field. A quote opens a quoted field only at its start (spaces before it are dropped).
      let field = '';
      let j = i;
      while (j < n && text[j] === ' ') j += 1;
      if (j < n && text[j] === '"') {
        i = j + 1;
        let closed = false;
        while (i < n && !closed) {
          const c = text[i]!;
          if (c === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            closed = true;
            i += 1;
          } else {
            // A line break inside quotes belongs to the field; CRLF counts as one line.
            if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
            field += c;
            i += 1;
          }
        }
        if (!closed) {
          broken = 'file.csvQuote';
          break;
        }
        // After the closing quote: spaces, then a delimiter or the end of the record.
        while (i < n && text[i] === ' ') i += 1;
        if (i < n && !endsField(text[i])) {
          broken ??= 'file.csvAfterQuote';
          while (i < n && !endsField(text[i])) field += text[i++];
        }
      } else {
        while (i < n && !endsField(text[i])) field += text[i++];
      }
      fields.push(field);
      if (i < n && text[i] === delimiter) {
        i += 1;
        continue;
      }
      // The end of the record: a line break or the end of the text.
      if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
      else if (text[i] === '\n') i += 1;
      line += 1;
      break;
    }
    if (broken) problems.push({ line: start, key: broken });
    else if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
  }
  return { delimiter, records, problems };
}

/**
 * A field as Excel would keep it. Digits that Excel would turn into a number and change (a leading 0, or more
 * than 15 digits, like an 18-digit NIP) are written as the formula ="…", which Excel and Google Sheets show as
 * the text itself and save back as text; the reader unwraps it. Text that would run as a formula is written the
 * same way.
 */
function csvField(value: string, delimiter: Delimiter): string {
  if (/^\d+$/.test(value) && (value.length > 15 || (value.length > 1 && value.startsWith('0')))) return `="${value}"`;
  // Text a spreadsheet would run as a formula (= + - @ at its start) goes inside ="…" too: shown as the text itself.
  const field = looksLikeFormula(value) ? `="${value.replace(/"/g, '""')}"` : value;
  if (field.includes(delimiter) || /["\r\n]/.test(field) || field !== field.trim()) return `"${field.replace(/"/g, '""')}"`;
  return field;
}

/** Writes rows as CSV: UTF-8 with a BOM, CRLF, `;` by default (what Excel expects in an Indonesian locale). */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ';'): Uint8Array {
  const text = rows.map((row) => row.map((v) => csvField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  return new TextEncoder().encode('\uFEFF' + text);
}

/** `="0812…"` (the writer's protection of digits, or Excel's own) back to its text. */
export function unwrapFormulaText(field: string): string {
  const m = /^\s*="(.*)"\s*$/s.exec(field);
  return m ? m[1]!.replace(/""/g, '"') : field;
}
