/**
 * The rules for text and values that come from outside (files, forms, packages), in one place, pure: what a code
 * may hold, what a name or a note keeps, what a message may echo, how deep and how large a JSON value may be, how
 * big an .xlsx may unpack, and which exported cells would run as a formula. Used by the zod schemas of
 * shared/contract and shared/domain and by every importer and exporter.
 */

/** The limits of anything read from a file. A value beyond them is refused with a message that names its place. */
export const LIMITS = {
  /** Nesting of JSON arrays and objects. */
  depth: 64,
  /** Characters in one JSON string. */
  string: 100_000,
  /** Largest magnitude of a number in a JSON file (scores, weights, years, counts stay far below). */
  number: 1e9,
  /** Uncompressed bytes of one part of an .xlsx (a worksheet, the shared strings). */
  xlsxPart: 16 * 1024 * 1024,
  /** Uncompressed bytes of all the parts of an .xlsx together. */
  xlsxTotal: 64 * 1024 * 1024,
  /** Parts in an .xlsx. */
  xlsxParts: 2_000,
  /** Rows and columns of a sheet that is read (sites, jurors, instrument, scores). */
  rows: 20_000,
  columns: 200,
  /** Characters of a value quoted back in a message (`echo`), and of any parameter of a message (`t`). */
  echo: 80,
  message: 1_000,
} as const;

/** C0 and C1 control characters (line breaks and tabs included): matching them is the point of these patterns. */
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CONTROL_G = /[\u0000-\u001f\u007f-\u009f]/gu;
/* eslint-enable no-control-regex */
/** Bidirectional embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const BIDI_G = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Zero-width and invisible characters (a BOM inside text, a soft hyphen, word joiners). */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/u;
const INVISIBLE_G = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/gu;
/** Characters that are never printable: unassigned, private use, lone surrogates, line and paragraph separators. */
const UNPRINTABLE = /[\p{Cn}\p{Co}\p{Cs}\u2028\u2029]/u;

/** A code as it is compared and stored: NFC, without surrounding spaces. Two codes that look the same are the same. */
export function normaliseCode(text: string): string {
  return text.normalize('NFC').trim();
}

/** Why a (normalised) code cannot be a code, or null when it can: the key of the message. */
export function codeProblem(text: string): 'input.codeControl' | 'input.codeBidi' | 'input.codeInvisible' | null {
  if (CONTROL.test(text) || UNPRINTABLE.test(text)) return 'input.codeControl';
  if (BIDI.test(text)) return 'input.codeBidi';
  if (INVISIBLE.test(text)) return 'input.codeInvisible';
  return null;
}

export function isCleanCode(text: string): boolean {
  return codeProblem(text) === null;
}

/**
 * A name as it is kept: NFC, its letters as written, control characters gone (a tab or a line break becomes a
 * space), bidirectional overrides and zero-width spaces gone, spaces squeezed.
 */
export function cleanName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\t\r\n\u2028\u2029]+/gu, ' ')
    .replace(CONTROL_G, '')
    .replace(BIDI_G, '')
    .replace(/[\u200b\u2060\ufeff]/gu, '')
    .replace(/ {2,}/g, ' ');
}

/** A note as it is kept: like a name, but its line breaks (as \n) and tabs stay. */
export function cleanNote(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, '')
      .replace(BIDI_G, '')
      .replace(/[\u200b\u2060\ufeff]/gu, '')
  );
}

/**
 * A value quoted back in a message: one line, no control, bidirectional or invisible character, at most
 * `LIMITS.echo` characters (cut with "…").
 */
export function echo(value: string | number, limit: number = LIMITS.echo): string {
  if (typeof value === 'number') return String(value);
  const one = value
    .replace(/[\t\r\n\u2028\u2029]+/gu, ' ')
    .replace(CONTROL_G, '')
    .replace(BIDI_G, '')
    .replace(INVISIBLE_G, '');
  const chars = Array.from(one);
  return chars.length <= limit ? one : `${chars.slice(0, limit - 1).join('')}…`;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON text and values.

export type JsonLimitKey = 'input.tooDeep' | 'input.tooLong' | 'input.numberRange' | 'input.numberSyntax';

/** A JSON text beyond the limits: where (1-based line and column) and why. */
export interface JsonTextProblem {
  line: number;
  column: number;
  key: JsonLimitKey;
  limit: number;
}

/**
 * Scans JSON text without building it (so without recursion): nesting deeper than `LIMITS.depth`, a string longer
 * than `LIMITS.string`, or a number longer than 40 characters is a problem at its line and column. Syntax errors
 * are left to the parser.
 */
export function scanJsonText(text: string): JsonTextProblem | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  const at = (i: number, key: JsonLimitKey, limit: number): JsonTextProblem => ({ line, column: i - lineStart + 1, key, limit });
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      lineStart = i + 1;
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > LIMITS.depth) return at(i, 'input.tooDeep', LIMITS.depth);
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
    else if (c === 0x22) {
      const start = i;
      i += 1;
      while (i < text.length && text.charCodeAt(i) !== 0x22) {
        if (text.charCodeAt(i) === 0x5c) i += 1;
        else if (text.charCodeAt(i) === 10) break; // a raw line break: a syntax error for the parser to report
        i += 1;
      }
      if (i - start - 1 > LIMITS.string) return at(start, 'input.tooLong', LIMITS.string);
      if (text.charCodeAt(i) === 10) i -= 1;
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
      const start = i;
      while (i + 1 < text.length && /[0-9eE+\-.]/.test(text[i + 1]!)) i += 1;
      if (i - start + 1 > 40) return at(start, 'input.numberSyntax', 40);
    }
  }
  return null;
}

/** A JSON value beyond the limits: its path (`sites[2].name`), why, and the limit. */
export interface JsonValueProblem {
  path: string;
  key: JsonLimitKey;
  limit: number;
}

/**
 * Walks a parsed JSON value without recursion: nesting deeper than `LIMITS.depth`, a string longer than
 * `LIMITS.string`, a number beyond ±`LIMITS.number`. Returns the first problem by its path.
 */
export function checkJsonValue(value: unknown): JsonValueProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > LIMITS.string) return { path, key: 'input.tooLong', limit: LIMITS.string };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > LIMITS.number) return { path, key: 'input.numberRange', limit: LIMITS.number };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= LIMITS.depth) return { path, key: 'input.tooDeep', limit: LIMITS.depth };
      const entries = Array.isArray(v)
        ? v.map((x, i) => [`${path}[${i}]`, x] as const)
        : Object.entries(v).map(([k, x]) => [path === '' ? k : `${path}.${k}`, x] as const);
      for (let i = entries.length - 1; i >= 0; i -= 1) stack.push({ value: entries[i]![1], path: entries[i]![0], depth: depth + 1 });
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Exported cells.

/**
 * Whether a text written into a spreadsheet or a CSV would be taken as a formula by Excel, LibreOffice or Google
 * Sheets: it starts with = + - @ (or a tab or carriage return before them). A plain number ("-5", "+62812", "-1,5") is
 * not a formula.
 */
export function looksLikeFormula(text: string): boolean {
  if (!/^[=+\-@\t\r]/.test(text)) return false;
  return !/^[+-]?\d+(?:[.,]\d+)?$/.test(text);
}
