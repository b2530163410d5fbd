/**
 * The hostile-input fuzzing of issue 12 (point 6), shared by the input-fuzz-*.test.ts files (split so that they run
 * side by side): seeded mutations of good files, the checks every refusal and every accepted file must pass, and
 * the loop that runs them in-process through a channel. What each mutation and each check is: see `fuzz`.
 *
 * Mutations: bytes flipped, cut, inserted; hostile text put in a value (bidi overrides, control and zero-width
 * characters, decomposed letters, formulas, very long text); numbers beyond range (1e300); nesting 10,000 deep;
 * UTF-16; rows repeated past the row limit; inside an .xlsx, a part edited and zipped again, and zip bombs.
 *
 * Checks: no crash (never `internal`), no hang (the test's timeout); a refusal is said in both languages (the
 * Indonesian differs from the English and holds none of a parser's English words), on one line, names its place
 * (the file's name, or the field by its path), echoes no control or bidi character, and leaves the database
 * byte-identical; an accepted file holds only clean codes (NFC, printable), and its issues obey the same rules.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { AppError } from '../../shared/domain/errors.js';
import { describeFileIssue } from '../../shared/domain/file-issues.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { isCleanCode } from '../../shared/domain/text-hygiene.js';
import { openTestCore, tempDir } from './core.js';
import { JURY_COMPETITION } from './jury.js';
import { databaseState, said, zipOf } from './packages.js';

/** Mutations per format. */
export const PER_FORMAT = 1_000;
export const clock = (): Date => new Date('2026-09-07T01:00:00Z');
export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
export const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

export interface FuzzDatabases {
  /** The JABAR jury's database (sites, jurors, instrument), its log moved into the file. */
  readonly core: Core;
  readonly file: string;
  /** An empty database for competition files: put back as it was by `resetEmpty` after an accepted file. */
  readonly empty: Core;
  readonly emptyFile: string;
  resetEmpty(): void;
}

/** Registers the hooks that open (and close) the fuzzing databases of one test file. */
export function fuzzDatabases(): FuzzDatabases {
  const temp = tempDir('penilai-input-fuzz-');
  const file = join(temp.dir, 'lomba.sqlite');
  const emptyFile = join(temp.dir, 'kosong.sqlite');
  const template = join(temp.dir, 'kosong-template.sqlite');
  let core: Core | undefined;
  let empty: Core | undefined;
  beforeAll(async () => {
    core = openTestCore(file, clock);
    const imported = await core.call('setup.import', { name: 'jabar.json', bytes: enc(JSON.stringify(JURY_COMPETITION)) });
    expect(imported.ok).toBe(true);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const t = openTestCore(template, clock);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    t.close();
    copyFileSync(template, emptyFile);
    empty = openTestCore(emptyFile, clock);
  });
  afterAll(() => {
    core?.close();
    empty?.close();
    temp.cleanup();
  });
  return {
    get core() {
      return core!;
    },
    file,
    get empty() {
      return empty!;
    },
    emptyFile,
    resetEmpty() {
      empty?.close();
      copyFileSync(template, emptyFile);
      empty = openTestCore(emptyFile, clock);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations.

export type Random = () => number;
const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

/** Text no file should be able to smuggle in. */
const HOSTILE = [
  'S\u202e10',
  'J\u20661\u2069',
  'A\u200b1',
  'A\u00001',
  'B\u0007',
  '\u001b[31m',
  'Desa\u0085Maju',
  'A\u0301',
  'e\u0301',
  '\ufeffS01',
  '=HYPERLINK("http://x","klik")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '=cmd|" /C calc"!A0',
  '\ud800',
  '\u2028',
  'x'.repeat(120_000),
];
const NUMBERS = ['1e300', '-1e300', '1e-300', '9'.repeat(400), '1e999', '-0', '0x1F', 'NaN', 'Infinity', '4,5', '1e9', '100.0000000001'];

function deep(random: Random): string {
  const n = pick(random, [65, 1_000, 10_000, 20_000]);
  return random() < 0.5 ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}

/** One mutation of a text (JSON, CSV, XML of an .xlsx part); `json` says whether structured JSON edits apply. */
function mutateText(random: Random, text: string, json: boolean): { what: string; text: string } {
  const at = int(random, text.length + 1);
  switch (int(random, json ? 9 : 8)) {
    case 0: {
      const h = pick(random, HOSTILE);
      return { what: `hostile text inserted at ${at}`, text: text.slice(0, at) + h + text.slice(at) };
    }
    case 1: {
      // A token (a code, a name's word, a number) replaced by hostile text.
      const tokens = [...text.matchAll(/[A-Za-z0-9]+/g)];
      if (tokens.length === 0) return { what: 'cut to nothing', text: '' };
      const t = pick(random, tokens);
      const h = random() < 0.4 ? pick(random, NUMBERS) : pick(random, HOSTILE);
      return { what: `token ${t[0]} replaced`, text: text.slice(0, t.index) + h + text.slice(t.index + t[0].length) };
    }
    case 2: {
      const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      if (numbers.length === 0) return { what: 'number appended', text: text + pick(random, NUMBERS) };
      const n = pick(random, numbers);
      return { what: `number ${n[0]} replaced`, text: text.slice(0, n.index) + pick(random, NUMBERS) + text.slice(n.index + n[0].length) };
    }
    case 3:
      return { what: `cut at ${at}`, text: text.slice(0, at) };
    case 4: {
      const chars = Array.from({ length: 1 + int(random, 8) }, () => String.fromCharCode(int(random, 0x3000)));
      return { what: `${chars.length} characters inserted at ${at}`, text: text.slice(0, at) + chars.join('') + text.slice(at) };
    }
    case 5: {
      // A line repeated: many rows (past the row limit now and then).
      const lines = text.split('\n');
      const i = int(random, lines.length);
      const times = pick(random, [2, 50, 25_000]);
      return {
        what: `line ${i} repeated ${times} times`,
        text: [...lines.slice(0, i + 1), ...Array<string>(times).fill(lines[i]!), ...lines.slice(i + 1)].join('\n'),
      };
    }
    case 6:
      return { what: `deep nesting at ${at}`, text: text.slice(0, at) + deep(random) + text.slice(at) };
    case 7: {
      const start = int(random, text.length);
      const end = start + int(random, 200);
      return { what: `chunk ${start}-${end} removed`, text: text.slice(0, start) + text.slice(end) };
    }
    default: {
      // A leaf of the JSON value replaced by hostile text, a number beyond range or deep nesting.
      const value = JSON.parse(text) as unknown;
      const paths = leaves(value);
      const path = pick(random, paths);
      const replacement = pick(random, ['hostile', 'number', 'deep'] as const);
      let parent = value as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
      parent[path[path.length - 1]!] = '@@FUZZ-MARK@@';
      const put =
        replacement === 'hostile' ? JSON.stringify(pick(random, HOSTILE)) : replacement === 'number' ? pick(random, NUMBERS) : deep(random);
      return {
        what: `${path.join('.')} set to ${replacement}`,
        text: JSON.stringify(value).replace('"@@FUZZ-MARK@@"', () => put),
      };
    }
  }
}

function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return path.length === 0 ? [] : [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => leaves((value as Record<string | number, unknown>)[k], [...path, k]));
}

/** A mutation of a text file's bytes: the text mutated, then sometimes re-encoded (UTF-16, a BOM) or bytes flipped. */
export function mutateTextFile(random: Random, seed: string, json: boolean): { what: string; bytes: Uint8Array } {
  const { what, text } = mutateText(random, seed, json);
  const r = random();
  if (r < 0.05) {
    const body = Buffer.from(text, 'utf16le');
    return { what: `${what}, UTF-16`, bytes: new Uint8Array([0xff, 0xfe, ...body]) };
  }
  if (r < 0.1) return { what: `${what}, BOM`, bytes: enc('\ufeff' + text) };
  const bytes = enc(text);
  if (r < 0.2 && bytes.length > 0) {
    for (let i = 0; i < 3; i += 1) bytes[int(random, bytes.length)]! ^= 1 + int(random, 255);
    return { what: `${what}, bytes flipped`, bytes };
  }
  return { what, bytes };
}

/** The members of a zip (stored or deflated), read from its central directory. */
export function unzip(bytes: Uint8Array): { path: string; bytes: Uint8Array }[] {
  const b = Buffer.from(bytes);
  let end = b.length - 22;
  while (b.readUInt32LE(end) !== 0x06054b50) end -= 1;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const out: { path: string; bytes: Uint8Array }[] = [];
  for (let n = 0; n < count; n += 1) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const local = b.readUInt32LE(at + 42);
    const path = b.subarray(at + 46, at + 46 + nameLength).toString();
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    if (!path.endsWith('/')) out.push({ path, bytes: new Uint8Array(method === 8 ? inflateRawSync(data) : data) });
  }
  return out;
}

/** A zip whose one part unpacks to `size` bytes (deflated: a few kilobytes), with the other parts of `members`. */
function bomb(members: { path: string; bytes: Uint8Array }[], part: string, size: number): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const m of members) {
    const bytes = m.path === part ? Buffer.alloc(size, 0x20) : Buffer.from(m.bytes);
    zip.addBuffer(bytes, m.path, { mtime: new Date(2000, 0, 1), compress: true });
  }
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/** Mutations of an .xlsx: a part's XML mutated and zipped again, the zip's bytes mutated, or a zip bomb. */
export function xlsxMutator(seed: Uint8Array): (random: Random, index: number) => Promise<{ what: string; bytes: Uint8Array }> {
  const members = unzip(seed);
  const parts = members.filter((m) => /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook)\.xml$/.test(m.path)).map((m) => m.path);
  const bombs = new Map<string, Uint8Array>();
  return async (random, index) => {
    if (index % 97 === 0) {
      // Zip bombs: one part unpacks to 200 MB (the same bytes each time: built once).
      const part = parts[(index / 97) % parts.length]!;
      if (!bombs.has(part)) bombs.set(part, await bomb(members, part, 200 * 1024 * 1024));
      return { what: `zip bomb in ${part}`, bytes: bombs.get(part)! };
    }
    if (index % 10 === 1) {
      const bytes = new Uint8Array(seed);
      for (let i = 0; i < 1 + int(random, 3); i += 1) bytes[int(random, bytes.length)]! ^= 1 + int(random, 255);
      return { what: 'zip bytes flipped', bytes };
    }
    if (index % 10 === 2) return { what: 'zip cut', bytes: seed.slice(0, int(random, seed.length)) };
    const part = pick(random, parts);
    const { what, text } = mutateText(random, dec(members.find((m) => m.path === part)!.bytes), false);
    const edited = members.map((m) => (m.path === part ? { path: m.path, bytes: enc(text) } : m));
    return { what: `${part}: ${what}`, bytes: await zipOf(edited) };
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks.

/** C0/C1 controls, bidi controls and zero-width characters: never in a message. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
/** Words of a parser's or a runtime's English that an Indonesian message must not carry. */
const ENGLISH =
  /\b(Unexpected|token|undefined|Error|Invalid|expected|position|Cannot|failed|Maximum call|stack|is not|must be|Bad|Unsupported)\b/;

export interface Tally {
  refused: number;
  accepted: number;
  problems: string[];
  keys: Map<string, number>;
}

function checkRefusal(tally: Tally, label: string, name: string, error: AppError): void {
  const message = said(error);
  const wrong: string[] = [];
  if (error.code === 'internal') wrong.push('internal');
  if (message.id === message.en) wrong.push('not translated');
  if (UNSAFE.test(message.id) || UNSAFE.test(message.en)) wrong.push('echoes a control or bidi character');
  if (ENGLISH.test(message.id)) wrong.push('English in the Indonesian message');
  if (!message.id.includes(name) && error.path === undefined) wrong.push('names no place');
  if (message.id.includes('\n')) wrong.push('more than one line');
  if (wrong.length > 0) tally.problems.push(`${label}: ${wrong.join(', ')}: ${error.key} ${message.id.slice(0, 300)}`);
  tally.keys.set(error.key, (tally.keys.get(error.key) ?? 0) + 1);
  // A problem wrapped with the file's name (input.problem) is counted under its own key as well.
  const cause = error.params.cause;
  if (typeof cause === 'string') tally.keys.set(cause, (tally.keys.get(cause) ?? 0) + 1);
}

export function checkCodes(tally: Tally, label: string, codes: readonly string[]): void {
  for (const code of codes) {
    if (!isCleanCode(code) || code !== code.normalize('NFC') || code !== code.trim())
      tally.problems.push(`${label}: accepted code ${JSON.stringify(code)}`);
  }
}

function checkIssues(tally: Tally, label: string, name: string, issues: readonly Parameters<typeof describeFileIssue>[0][]): void {
  for (const issue of issues) {
    const id = describeFileIssue(issue, 'id');
    const en = describeFileIssue(issue, 'en');
    if (UNSAFE.test(id) || UNSAFE.test(en) || ENGLISH.test(id) || id === en || !id.startsWith(name)) {
      tally.problems.push(`${label}: issue ${issue.key} ${id.slice(0, 200)}`);
    }
  }
}

export type Mutator = (random: Random, index: number) => Promise<{ what: string; bytes: Uint8Array }> | { what: string; bytes: Uint8Array };

/**
 * Runs `PER_FORMAT` mutations through `send`; a refusal is checked and must leave `file` byte-identical, an
 * acceptance is handed to `accepted` (which checks what came back and may put the database back).
 */
export async function fuzz(
  seed: number,
  name: string,
  file: string,
  on: () => Core,
  mutate: Mutator,
  send: (core: Core, input: { name: string; bytes: Uint8Array }) => Promise<{ ok: true; value: unknown } | { ok: false; error: AppError }>,
  accepted: (tally: Tally, label: string, value: unknown) => void,
): Promise<Tally> {
  const random = seededRandom(seed);
  const tally: Tally = { refused: 0, accepted: 0, problems: [], keys: new Map() };
  // The state before each call: taken again only after an accepted file (a refusal must leave it as it was). The
  // log is moved into the file first, so that the state is the hash of a small file.
  const settle = (): string => {
    on().db.pragma('wal_checkpoint(TRUNCATE)');
    on().db.prepare('SELECT count(*) FROM history').get();
    return databaseState(file);
  };
  let before = settle();
  for (let i = 0; i < PER_FORMAT; i += 1) {
    const { what, bytes } = await mutate(random, i);
    const label = `${i} ${what}`;
    const result = await send(on(), { name, bytes });
    if (result.ok) {
      tally.accepted += 1;
      accepted(tally, label, result.value);
      before = settle();
      continue;
    }
    tally.refused += 1;
    checkRefusal(tally, label, name, result.error);
    if (databaseState(file) !== before) tally.problems.push(`${label}: the database changed on a refusal`);
  }
  return tally;
}

export const parseRows = (tally: Tally, label: string, name: string, value: unknown): void => {
  const parsed = value as { rows: { code: string }[]; issues: Parameters<typeof describeFileIssue>[0][] };
  checkCodes(
    tally,
    label,
    parsed.rows.map((r) => r.code),
  );
  checkIssues(tally, label, name, parsed.issues);
};

// ---------------------------------------------------------------------------------------------------------------

/** An instrument an importer accepted: every code it holds (instrument, phases, aspects, indicators) clean. */
export const checkInstrumentCodes = (tally: Tally, label: string, value: unknown): void => {
  const instrument = value as typeof JURY_COMPETITION.instrument;
  checkCodes(tally, label, [
    instrument.code,
    ...instrument.phases.map((p) => p.code),
    ...instrument.aspects.flatMap((a) => [a.code, ...a.indicators.flatMap((i) => [i.code, i.phase])]),
  ]);
};

/**
 * The sites or jurors file in one format, fuzzed from the competition's own export of it through its parse channel
 * (a preview: nothing stored); the tally is the test's to judge.
 */
export async function fuzzTableFile(
  dbs: FuzzDatabases,
  kind: 'sites' | 'jurors',
  format: 'csv' | 'xlsx',
  seed: number,
  mutatorOf: (exported: Uint8Array) => Mutator,
): Promise<Tally> {
  const channel = kind === 'sites' ? 'setup.parseSites' : 'setup.parseJurors';
  const exported = await dbs.core.call(kind === 'sites' ? 'setup.exportSites' : 'setup.exportJurors', { competition: 'JABAR', format });
  if (!exported.ok) throw new Error(exported.error.key);
  const name = `${kind}.${format}`;
  return fuzz(
    seed,
    name,
    dbs.file,
    () => dbs.core,
    mutatorOf(exported.value.bytes),
    (core, input) => core.call(channel, input),
    (t, label, value) => parseRows(t, label, name, value),
  );
}
