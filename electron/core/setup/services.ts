/**
 * Competition-level operations shared by the handlers and the command line: the demo, the competition file
 * (`penilai.competition/1`) in and out, and saving a competition's instrument as an edit or a new version.
 */
import type { FileBytes, SavedInstrument } from '../../../shared/contract/schemas.js';
import type { CompetitionFile } from '../../../shared/domain/competition.js';
import { checkCompetition, COMPETITION_FORMAT, parseCompetitionFile } from '../../../shared/domain/competition.js';
import { describeError, UserError } from '../../../shared/domain/errors.js';
import { checkJsonValue, scanJsonText } from '../../../shared/domain/text-hygiene.js';
import { t, type MessageKey, type Params } from '../../../shared/i18n/messages.js';
import { decodeText } from '../platform/sheets/csv.js';
import { parseInstrument, type Instrument } from '../../../shared/domain/instrument.js';
import { syntheticCompetition } from '../../../shared/domain/synthetic.js';
import { ValidationError } from '../../../shared/domain/validation.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import type { Repositories } from '../deps.js';
import { DEFAULT_INSTRUMENTS, loadBundledInstrument, type Resources } from '../platform/resources.js';

export const DEMO_CODE = 'DEMO';

/** Makes sure every bundled default instrument is in the database (every new database has them). */
export function ensureDefaultInstruments(repos: Repositories, resources: Resources): void {
  for (const file of DEFAULT_INSTRUMENTS) repos.instruments.putInstrument(loadBundledInstrument(resources, file));
}

export interface DemoOptions {
  sites?: number | undefined;
  jurors?: number | undefined;
  seed?: number | undefined;
}

/**
 * The demo of contract.md section 1: default instrument, every juror's scores entered and finalised. Its code is
 * DEMO, or DEMO-2, DEMO-3… when a deleted demo's history keeps DEMO taken.
 */
export function createDemo(
  repos: Repositories,
  resources: Resources,
  options: DemoOptions = {},
): { file: CompetitionFile; scores: number } {
  if (repos.setup.hasCompetition(DEMO_CODE)) throw new UserError('cli.demoExists', {}, 'conflict');
  let code = DEMO_CODE;
  for (let n = 2; repos.setup.hasCompetition(code) || repos.setup.codeUsedBefore(code); n += 1) code = `${DEMO_CODE}-${n}`;
  const instrument = loadBundledInstrument(resources, DEFAULT_INSTRUMENTS[0]);
  const { file, scores } = syntheticCompetition({
    sites: options.sites ?? 12,
    jurors: options.jurors ?? 5,
    seed: options.seed ?? 1,
    instrument,
    code,
    assignment: 'sector',
  });
  file.competition.name = `Lomba P2WKSS Tingkat Provinsi Banten Tahun ${file.competition.year} (Demo)`;
  repos.gate.run({ competition: code }, () => {
    ensureDefaultInstruments(repos, resources);
    repos.setup.createCompetition(file);
    repos.scoring.insertScores(code, scores, true);
  });
  return { file, scores: scores.length };
}

/** The competition a command acts on: the one named, or the only one in the database. */
export function resolveCompetition(repos: Repositories, code: string | undefined, file: string): string {
  if (code) {
    if (!repos.setup.hasCompetition(code)) throw new UserError('competition.notFound', { code }, 'not-found');
    return code;
  }
  const codes = repos.setup.competitionCodes();
  if (codes.length === 0) throw new UserError('competition.none', { file }, 'not-found');
  if (codes.length > 1) throw new UserError('competition.ambiguous', { codes: codes.join(', ') });
  return codes[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// The competition file in and out.

/**
 * Text that is not JSON, or JSON beyond the limits of text-hygiene (too deep, a string too long, a number too
 * large): where (1-based line and column, counted in UTF-16 units) and what, in the app's own words.
 */
export class JsonSyntaxError extends UserError {
  constructor(
    readonly line: number,
    readonly column: number,
    key: MessageKey = 'validate.json',
    params: Params = {},
  ) {
    super(key, { ...params, line, column });
  }
}

/** The 1-based line and column of an offset. */
function lineAndColumn(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses JSON text (a leading UTF-8 BOM is allowed), or throws a JsonSyntaxError saying where it breaks. The text
 * is scanned for the limits first (without recursion), and the value after parsing: a number beyond the range
 * is a ValidationError at its path.
 */
export function parseJsonText(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const limit = scanJsonText(body);
  if (limit) throw new JsonSyntaxError(limit.line, limit.column, limit.key, { limit: limit.limit });
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    let offset = jsonErrorOffset(body);
    if (offset < 0) offset = Number(/at position (\d+)/.exec((error as Error).message)?.[1] ?? body.length);
    const { line, column } = lineAndColumn(body, offset);
    throw new JsonSyntaxError(line, column);
  }
  const problem = checkJsonValue(value);
  if (problem) throw new ValidationError([{ path: problem.path, key: problem.key, params: { limit: problem.limit } }]);
  return value;
}

/** The offset of the first character where `text` stops being JSON (RFC 8259), or -1 when it is JSON. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new JsonStop(i);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const string = (): void => {
    i += 1; // the opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i += 1;
        return;
      }
      if (ch === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      } else if (ch < ' ') fail();
      i += 1;
    }
    fail();
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i += 1;
      ws();
      if (text[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        if (ch === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i += 1;
        }
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === close) {
          i += 1;
          return;
        }
        fail();
      }
    }
    if (ch === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (stop) {
    if (stop instanceof JsonStop) return stop.offset;
    throw stop;
  }
}

class JsonStop {
  constructor(readonly offset: number) {}
}

/** A competition file's text, parsed and fully checked: a JsonSyntaxError or a ValidationError (JSON paths) otherwise. */
export function parseCompetitionText(text: string): CompetitionFile {
  const parsed = parseCompetitionFile(parseJsonText(text));
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  return parsed.value;
}

/**
 * A competition file the user picked, as bytes: UTF-8 with or without a BOM (other 8-bit text is read as
 * Windows-1252; UTF-16 is refused with the hint to save it as UTF-8). A file that is not JSON, beyond the limits
 * or wrong at its root is one message naming the file (and the line and column); a problem at a field keeps its
 * path (the field's name is said).
 */
export function competitionFromBytes(name: string, bytes: Uint8Array): CompetitionFile {
  const named = (key: MessageKey, params: Params, where: Params = {}): UserError =>
    new UserError('input.problem', { file: name, ...where, problemId: t('id', key, params), problemEn: t('en', key, params) });
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw named('input.encoding', {});
  try {
    return parseCompetitionText(decoded.text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw named(error.key, error.params, { line: error.line, column: error.column });
    // A field's problem too names the file before the place in it ("lomba.json: Lokus baris 2: …"): the person
    // picked a file, and may have picked the wrong one.
    if (error instanceof ValidationError) {
      throw new UserError('input.problem', {
        file: name,
        cause: error.key,
        problemId: describeError(error.toValue(), 'id'),
        problemEn: describeError(error.toValue(), 'en'),
      });
    }
    throw error;
  }
}

/** Creates a competition from a checked competition file, with the default instruments present, all or nothing. */
export function importCompetition(repos: Repositories, resources: Resources, file: CompetitionFile): void {
  repos.gate.run({ competition: file.competition.code }, () => {
    // The defaults first, as the app has them: a file that reuses a default's code and version with other content
    // is refused like any other instrument conflict.
    ensureDefaultInstruments(repos, resources);
    repos.setup.createCompetition(file);
  });
}

/** A stored competition as a competition file: every field the file accepts, as stored. */
export function exportCompetition(repos: Repositories, code: string): CompetitionFile {
  return repos.setup.competitionFile(code);
}

/** The competition file as the bytes of a UTF-8 JSON file named `<CODE>.penilai.json`. */
export function competitionFileBytes(file: CompetitionFile): FileBytes {
  const safe = file.competition.code.replace(/[^A-Za-z0-9._-]+/g, '_');
  return {
    name: `${safe}.penilai.json`,
    mime: 'application/json',
    bytes: new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n'),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A competition's instrument: an edit in place, or a new version.

function sameContent(a: Instrument, b: Instrument): boolean {
  return canonicalJson({ ...a, version: 0 }) === canonicalJson({ ...b, version: 0 });
}

/**
 * Saves an edited instrument for a competition (channel `setup.saveInstrument`). The instrument is checked
 * with JSON paths below `instrument`, and the competition's whole setup against it (jurors' aspects, tie-break).
 *
 * - `asNewVersion: false` rewrites the competition's current version in place. Refused, each with a message that
 *   offers the next version: when any score was given on it (`instrument.locked`), when it is a version built into
 *   the app (`instrument.bundled`: the app puts it back in every database), and when another competition uses it
 *   (`instrument.shared`). The code and version must be the current ones (`instrument.mismatch`).
 * - `asNewVersion: true` stores it as the next version of its code (the version in the payload is ignored) and
 *   moves the competition to it, keeping the scores of indicators whose code and scale are unchanged.
 * An instrument with the same content as the current one (version aside) changes nothing.
 */
export function saveCompetitionInstrument(
  repos: Repositories,
  resources: Resources,
  code: string,
  raw: unknown,
  asNewVersion: boolean,
): SavedInstrument {
  const parsed = parseInstrument(raw, 'instrument');
  if (!parsed.ok) throw new ValidationError(parsed.issues);
  const edited = parsed.value;
  return repos.gate.run({ competition: code }, (): SavedInstrument => {
    const detail = repos.setup.loadCompetition(code);
    const current = detail.instrument;
    const issues = checkCompetition({
      format: COMPETITION_FORMAT,
      competition: detail.info,
      instrument: edited,
      sites: detail.sites,
      jurors: detail.jurors,
    });
    if (issues.length > 0) throw new ValidationError(issues);
    const same = { code: current.code, version: current.version, kept: 0, dropped: 0 };

    if (!asNewVersion) {
      if (edited.code !== current.code || edited.version !== current.version) {
        throw new UserError('instrument.mismatch', { code: current.code, version: current.version }, 'invalid', 'instrument.version');
      }
      if (sameContent(edited, current)) return same;
      const params = { code: current.code, version: current.version, next: repos.instruments.nextInstrumentVersion(current.code) };
      const use = repos.instruments.instrumentUse(current.code, current.version);
      if (use.locked) throw new UserError('instrument.locked', params, 'conflict', 'instrument');
      const bundled = DEFAULT_INSTRUMENTS.map((f) => loadBundledInstrument(resources, f));
      if (bundled.some((b) => b.code === current.code && b.version === current.version)) {
        throw new UserError('instrument.bundled', params, 'conflict', 'instrument');
      }
      const others = use.usedBy.filter((c) => c !== code);
      if (others.length > 0) throw new UserError('instrument.shared', { ...params, others: others.join(', ') }, 'conflict', 'instrument');
      repos.setup.replaceInstrument(code, edited);
      return same;
    }

    if (sameContent(edited, current)) {
      const { kept } = repos.setup.moveInstrument(code, current);
      return { ...same, kept };
    }
    const next: Instrument = { ...edited, version: repos.instruments.nextInstrumentVersion(edited.code) };
    const moved = repos.setup.moveInstrument(code, next);
    return { code: next.code, version: next.version, ...moved };
  });
}
