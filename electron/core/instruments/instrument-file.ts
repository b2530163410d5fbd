/**
 * An instrument file in and out: `penilai.instrument/1` JSON (problems by JSON path, syntax errors by line) or the
 * .xlsx template (problems by sheet, row and column). Reading stores nothing.
 */
import type { FileBytes } from '../../../shared/contract/schemas.js';
import { INSTRUMENT_FORMAT, parseInstrument, type Instrument } from '../../../shared/domain/instrument.js';
import { FileProblem, fileError, problem, type Problem } from '../platform/sheets/issues.js';
import { checkJsonValue, scanJsonText } from '../../../shared/domain/text-hygiene.js';
import { readInstrumentWorkbook, TEMPLATE_EXAMPLE, writeInstrumentWorkbook } from './instrument-xlsx.js';
import { extension, fileText, openWorkbook, sniff, type PickedFile } from '../platform/sheets/source.js';
import { workbookBytes, XLSX_MIME } from '../platform/sheets/xlsx.js';

/** The instrument in a file, or a thrown error value naming the file and where in it the first problem is. */
export async function readInstrumentFile(file: PickedFile): Promise<Instrument> {
  try {
    const read = await readInstrument(file);
    if (!read.ok) throw fileError(read.problems);
    return read.value;
  } catch (error) {
    if (error instanceof FileProblem) throw fileError([error.problem]);
    throw error;
  }
}

type InstrumentRead = { ok: true; value: Instrument } | { ok: false; problems: Problem[] };

export async function readInstrument(file: PickedFile): Promise<InstrumentRead> {
  const kind = sniff(file);
  if (kind === 'xls') return { ok: false, problems: [problem({ file: file.name }, 'file.oldXls')] };
  if (kind === 'xlsx') return readInstrumentWorkbook(await openWorkbook(file), file.name);
  const text = kind === 'text' ? fileText(file) : '';
  if (kind !== 'text' || (extension(file.name) !== 'json' && !text.trimStart().startsWith('{'))) {
    return { ok: false, problems: [problem({ file: file.name }, 'file.unknownType', { expected: '.json (penilai.instrument/1), .xlsx' })] };
  }
  return readInstrumentJson(file.name, text);
}

/** A JSON text as an instrument; problems carry the JSON path below the instrument ("aspects[0].indicators[2].weight"). */
export function readInstrumentJson(file: string, text: string): InstrumentRead {
  const limit = scanJsonText(text);
  if (limit)
    return { ok: false, problems: [problem({ file, row: limit.line, column: String(limit.column) }, limit.key, { limit: limit.limit })] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonSyntaxProblem(file, text, (error as Error).message)] };
  }
  const beyond = checkJsonValue(value);
  if (beyond)
    return {
      ok: false,
      problems: [problem({ file, ...(beyond.path === '' ? {} : { path: beyond.path }) }, beyond.key, { limit: beyond.limit })],
    };
  if (typeof value === 'object' && value !== null && 'format' in value && value.format !== INSTRUMENT_FORMAT) {
    return {
      ok: false,
      problems: [problem({ file, path: 'format' }, 'validate.formatTag', { found: String(value.format), expected: INSTRUMENT_FORMAT })],
    };
  }
  const parsed = parseInstrument(value, 'instrument');
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.issues.map((issue) => {
      const path = issue.path.replace(/^instrument\.?/, '');
      return problem({ file, ...(path === '' ? {} : { path }) }, issue.key, issue.params);
    }),
  };
}

/** The line and column of a JSON syntax error, when the engine says its position. */
function jsonSyntaxProblem(file: string, text: string, message: string): Problem {
  const at = /position (\d+)/.exec(message);
  const content = text.trimEnd();
  if (/end of JSON input/i.test(message) || (at && Number(at[1]) >= content.length)) {
    return problem({ file, row: content.split(/\r\n|\r|\n/).length }, 'file.jsonEnd');
  }
  if (!at) return problem({ file }, 'file.jsonSyntax');
  const before = text.slice(0, Number(at[1]));
  const lines = before.split(/\r\n|\r|\n/);
  return problem({ file, row: lines.length, column: String(lines[lines.length - 1]!.length + 1) }, 'file.jsonSyntax');
}

function stem(instrument: Instrument): string {
  return `${instrument.code.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}-v${instrument.version}`;
}

/** The instrument as `penilai.instrument/1` JSON, keys in the format's order, 2-space indentation. */
export function instrumentJsonFile(instrument: Instrument): FileBytes {
  return {
    name: `${stem(instrument)}.json`,
    mime: 'application/json',
    bytes: new TextEncoder().encode(`${JSON.stringify(instrument, null, 2)}\n`),
  };
}

export async function instrumentXlsxFile(instrument: Instrument): Promise<FileBytes> {
  return { name: `${stem(instrument)}.xlsx`, mime: XLSX_MIME, bytes: await workbookBytes(writeInstrumentWorkbook(instrument)) };
}

/** The empty template: the three sheets with an example filled in, and the guide. */
export async function instrumentTemplateFile(): Promise<FileBytes> {
  return { name: 'templat-instrumen.xlsx', mime: XLSX_MIME, bytes: await workbookBytes(writeInstrumentWorkbook(TEMPLATE_EXAMPLE)) };
}
