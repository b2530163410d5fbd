/**
 * Importing scores from the CSV of contract.md section 3, all or nothing: every line is read and checked against
 * the competition first (codes, eligibility, finalised sheets, duplicates, the scale), and only a file without a
 * single problem is written, in one transaction, through the scoring repository (which records the history and
 * skips writes that change nothing).
 */
import { basename } from 'node:path';
import { UserError } from '../../../shared/domain/errors.js';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import { isOptionsScale, listIndicators, snapToScale, type IndicatorRef } from '../../../shared/domain/instrument.js';
import { EPSILON, parseDecimal } from '../../../shared/domain/numbers.js';
import { isRecused, scoresAspect } from '../../../shared/domain/eligibility.js';
import type { RankingInput } from '../../../shared/domain/ranking.js';
import type { Repositories } from '../deps.js';
import type { ImportSummary } from '../../../shared/contract/schemas.js';
import { decodeText, readCsv, unwrapFormulaText } from '../platform/sheets/csv.js';
import { checkCsvSize } from '../platform/sheets/source.js';
import { cleanNote, normaliseCode } from '../../../shared/domain/text-hygiene.js';
import { FileProblem, fileError, problem, type Problem } from '../platform/sheets/issues.js';

/** Who the history names for an import. */
export const IMPORT_ACTOR = 'impor';

/** The longest note a juror can type in the app (the contract's `scoring.setNote`). */
export const MAX_NOTE = 4000;

const FIELDS = ['site', 'juror', 'indicator', 'score', 'note'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ['site', 'juror', 'indicator', 'score'];

/** One checked line of the file. */
export interface ScoreLine {
  /** The physical line where the record starts (the header is line 1). */
  line: number;
  site: string;
  juror: string;
  indicator: string;
  value: number;
  /** The note as written (line breaks as \n, outer blanks trimmed); null when empty: the stored note is left as it is. */
  note: string | null;
}

export type { ImportSummary } from '../../../shared/contract/schemas.js';

interface Header {
  line: number;
  columns: Map<Field, { index: number; header: string }>;
  width: number;
}

/** The header line: the five fixed names in any order (case and outer blanks ignored), `note` optional. */
function readHeader(file: string, line: number, fields: readonly string[], problems: Problem[]): Header | null {
  const columns = new Map<Field, { index: number; header: string }>();
  const at = (column: string | null) => ({ file, row: line, column });
  let ok = true;
  fields.forEach((raw, index) => {
    const header = raw.trim();
    const name = header.toLowerCase();
    if (header === '') {
      // Trailing empty header cells (a stray delimiter at the end) carry nothing; an empty one inside is a mistake.
      if (fields.slice(index).every((f) => f.trim() === '')) return;
      problems.push(problem(at(null), 'import.headerEmpty', { index: index + 1 }));
      ok = false;
      return;
    }
    const field = FIELDS.find((f) => f === name);
    if (!field) {
      problems.push(problem(at(header), 'import.headerUnknown', { column: header }));
      ok = false;
    } else if (columns.has(field)) {
      problems.push(problem(at(header), 'import.headerDuplicate', { column: header }));
      ok = false;
    } else {
      columns.set(field, { index, header });
    }
  });
  for (const field of REQUIRED) {
    if (!columns.has(field)) {
      problems.push(problem(at(null), 'import.headerMissing', { column: field }));
      ok = false;
    }
  }
  return ok ? { line, columns, width: Math.max(...[...columns.values()].map((c) => c.index)) + 1 } : null;
}

/** What the checks need to know about the competition, read once. */
interface Context {
  competition: string;
  input: RankingInput;
  indicators: Map<string, IndicatorRef>;
  sites: Set<string>;
  jurors: Map<string, RankingInput['jurors'][number]>;
  finalised: Set<string>;
}

function context(repos: Repositories, competition: string): Context {
  const input = repos.setup.rankingInput(competition);
  return {
    competition,
    input,
    indicators: new Map(listIndicators(input.instrument).map((r) => [r.indicator.code, r])),
    sites: new Set(input.sites.map((s) => s.code)),
    jurors: new Map(input.jurors.map((j) => [j.code, j])),
    finalised: new Set(input.finalisedSheets.map((s) => `${s.juror}\u0000${s.site}`)),
  };
}

/** Why a value is not on its indicator's scale, in the words of the kind of scale. */
function offScale(ref: IndicatorRef, written: string): { key: MessageKey; params: Params } {
  const { scale } = ref;
  const indicator = ref.indicator.code;
  if (isOptionsScale(scale)) {
    const values = [...new Set(scale.options.map((o) => o.value))].sort((a, b) => a - b).join('; ');
    return { key: 'import.offOptions', params: { value: written, indicator, values } };
  }
  const value = parseDecimal(written)!;
  if (value < scale.min - EPSILON || value > scale.max + EPSILON) {
    return { key: 'import.offRange', params: { value: written, indicator, min: scale.min, max: scale.max } };
  }
  return { key: 'import.offStep', params: { value: written, indicator, min: scale.min, max: scale.max, step: scale.step } };
}

/**
 * Reads and checks a scores CSV against a competition. Returns every line, or throws one `file.invalid` error
 * that names the file, the line of the first problem (by line), its column and what is wrong, and how many other
 * problems there are. Nothing is written.
 */
export function readScoresCsv(repos: Repositories, competition: string, file: { name: string; bytes: Uint8Array }): ScoreLine[] {
  const problems: Problem[] = [];
  const fail = (): never => {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw fileError(problems);
  };

  const decoded = decodeText(file.bytes);
  if (!decoded.ok) {
    problems.push(problem({ file: file.name }, decoded.key));
    return fail();
  }
  const csv = readCsv(decoded.text);
  try {
    checkCsvSize(file.name, csv.records);
  } catch (error) {
    if (error instanceof FileProblem) throw fileError([error.problem]);
    throw error;
  }
  for (const p of csv.problems) problems.push(problem({ file: file.name, row: p.line }, p.key));
  // Lines with nothing in any field (as spreadsheets leave after the last row) are no records.
  const records = csv.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [first, ...body] = records;
  if (!first) {
    if (problems.length === 0) problems.push(problem({ file: file.name }, 'file.empty'));
    return fail();
  }
  const header = readHeader(file.name, first.line, first.fields, problems);
  if (!header) return fail();
  if (body.length === 0 && problems.length === 0) problems.push(problem({ file: file.name }, 'file.noRows'));

  const ctx = context(repos, competition);
  const seen = new Map<string, number>();
  const lines: ScoreLine[] = [];

  for (const record of body) {
    const field = (f: Field): string => {
      const column = header.columns.get(f);
      return column === undefined ? '' : (record.fields[column.index] ?? '');
    };
    const code = (f: Field) => normaliseCode(unwrapFormulaText(field(f)));
    const report = (f: Field | null, key: MessageKey, params: Params = {}): void => {
      problems.push(problem({ file: file.name, row: record.line, column: f === null ? null : header.columns.get(f)!.header }, key, params));
    };

    if (record.fields.slice(header.width).some((f) => f.trim() !== '')) {
      report(null, 'import.extraFields', { found: record.fields.length, expected: header.width });
      continue;
    }
    const missing = (['site', 'juror', 'indicator'] as const).find((f) => code(f) === '');
    if (missing) {
      report(missing, 'import.required');
      continue;
    }
    const site = code('site');
    const juror = code('juror');
    const indicator = code('indicator');
    if (!ctx.sites.has(site)) {
      report('site', 'import.unknownSite', { code: site, competition });
      continue;
    }
    const j = ctx.jurors.get(juror);
    if (!j) {
      report('juror', 'import.unknownJuror', { code: juror, competition });
      continue;
    }
    const ref = ctx.indicators.get(indicator);
    if (!ref) {
      report('indicator', 'import.unknownIndicator', {
        code: indicator,
        instrument: ctx.input.instrument.code,
        version: ctx.input.instrument.version,
      });
      continue;
    }
    if (isRecused(j, site)) {
      report('juror', 'import.recused', { juror, site });
      continue;
    }
    if (!scoresAspect(j, ref.aspect.code)) {
      report('indicator', 'import.aspectNotAssigned', { juror, aspect: ref.aspect.code, indicator });
      continue;
    }
    if (ctx.finalised.has(`${juror}\u0000${site}`)) {
      report(null, 'import.sheetFinal', { juror, site });
      continue;
    }
    const cell = `${site}\u0000${juror}\u0000${indicator}`;
    const other = seen.get(cell);
    if (other !== undefined) {
      report(null, 'import.duplicateCell', { site, juror, indicator, other });
      continue;
    }
    seen.set(cell, record.line);

    const written = field('score').trim();
    if (written === '') {
      report('score', 'import.scoreEmpty');
      continue;
    }
    const value = parseDecimal(written);
    if (value === null) {
      report('score', 'import.scoreUnreadable', { value: written });
      continue;
    }
    const level = snapToScale(ref.scale, value);
    if (level === null) {
      const off = offScale(ref, written);
      report('score', off.key, off.params);
      continue;
    }
    const note = cleanNote(field('note')).trim();
    if (note.length > MAX_NOTE) {
      report('note', 'import.noteTooLong', { length: note.length, max: MAX_NOTE });
      continue;
    }
    lines.push({ line: record.line, site, juror, indicator, value: level, note: note === '' ? null : note });
  }
  if (problems.length > 0) fail();
  return lines;
}

/**
 * Writes checked lines in one transaction through the scoring repository: a score equal to the stored one writes
 * nothing (no history), an empty note leaves the stored note alone. Each history entry's reason names the file and
 * line it came from. A refusal the checks could not foresee still names its line, and takes back the whole file.
 */
export function applyScores(repos: Repositories, competition: string, file: string, lines: readonly ScoreLine[]): ImportSummary {
  const source = basename(file);
  const summary: ImportSummary = { competition, rows: lines.length, changed: 0, unchanged: 0, notes: 0 };
  repos.gate.run({ competition }, () => {
    // What the sheets hold now, read once per sheet, to tell new values from unchanged ones.
    const sheets = new Map<string, Map<string, { value: number; note: string | null }>>();
    const stored = (juror: string, site: string) => {
      const key = `${juror}\u0000${site}`;
      let cells = sheets.get(key);
      if (!cells) {
        const sheet = repos.scoring.sheet({ competition, juror, site });
        const notes = new Map(sheet.notes.map((n) => [n.indicator, n.note]));
        cells = new Map(sheet.scores.map((s) => [s.indicator, { value: s.value, note: notes.get(s.indicator) ?? null }]));
        sheets.set(key, cells);
      }
      return cells;
    };
    for (const l of lines) {
      const before = stored(l.juror, l.site).get(l.indicator);
      try {
        repos.scoring.setScore({
          competition,
          juror: l.juror,
          site: l.site,
          indicator: l.indicator,
          value: l.value,
          actor: IMPORT_ACTOR,
          reason: `impor ${source} baris ${l.line}`,
        });
        if (l.note !== null)
          repos.scoring.setNote({ competition, juror: l.juror, site: l.site, indicator: l.indicator, note: l.note, actor: IMPORT_ACTOR });
      } catch (error) {
        if (error instanceof UserError) throw fileError([problem({ file, row: l.line }, error.key, error.params)]);
        throw error;
      }
      if (before !== undefined && Math.abs(before.value - l.value) < EPSILON) summary.unchanged += 1;
      else summary.changed += 1;
      if (l.note !== null && before?.note !== l.note) summary.notes += 1;
    }
  });
  return summary;
}

/** Reads, checks and writes a scores CSV: all or nothing. */
export function importScores(repos: Repositories, competition: string, file: { name: string; bytes: Uint8Array }): ImportSummary {
  // A locked result is said first: no line of the file could be taken (the write gate would refuse it anyway).
  repos.pleno.requireUnlocked(competition);
  return applyScores(repos, competition, file.name, readScoresCsv(repos, competition, file));
}
