/**
 * Every validation message a person reads names the field in their words and says what is wrong: no JSON path,
 * no brackets, no validator's bare "minimal 1" / "harus berupa". Walks every form's input (the channels the setup
 * and PIN forms send, the competition file the setup tabs check live, the instrument) submitted empty and with bad
 * values, in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { inputSchemas } from '../../shared/contract/schemas.js';
import { COMPETITION_FORMAT, parseCompetitionFile } from '../../shared/domain/competition.js';
import { describeError } from '../../shared/domain/errors.js';
import { fieldName } from '../../shared/domain/fields.js';
import { parseInstrument } from '../../shared/domain/instrument.js';
import { describeIssue, fromZodIssues, issueSentence, type ValidationIssue } from '../../shared/domain/validation.js';
import type { Lang } from '../../shared/i18n/messages.js';
import defaultInstrument from '../../resources/instruments/p2wkss-provinsi.json' with { type: 'json' };

const LANGS: Lang[] = ['id', 'en'];

/** A JSON path (word.word), brackets, or a validator's phrase with no field before it. */
function jargon(message: string): string | null {
  const text = message.replace(/\be\.g\./g, '').replace(/P2WKSS-JABAR-2026/g, '');
  if (/[[\]]/.test(text)) return 'brackets';
  if (/\b[a-zA-Z]+\.[a-zA-Z]+/.test(text)) return 'a dotted path';
  if (/(^|: )(minimal|maksimal|harus berupa|must be|is required|wajib diisi)/i.test(text)) return 'a bare phrase';
  return null;
}

function issuesOf(schema: z.ZodType, input: unknown): ValidationIssue[] {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : fromZodIssues(parsed.error.issues);
}

function expectPlain(issues: ValidationIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const lang of LANGS) {
    for (const issue of issues) {
      const said = [describeIssue(issue, lang), describeError({ code: 'invalid', ...issue }, lang)];
      for (const message of said) expect([issue.path, message, jargon(message)]).toEqual([issue.path, message, null]);
    }
  }
}

const goodCreate = {
  competition: { code: 'UJI-2026', name: 'Lomba Uji', year: 2026 },
  sites: [{ code: 'S01', name: 'Desa Satu' }],
  jurors: [{ code: 'J1', name: 'Ketua', role: 'ketua' }],
};

describe('the field table', () => {
  it('names fields as the forms label them', () => {
    expect(fieldName('competition.code', 'id')).toEqual({ label: 'Kode lomba' });
    expect(fieldName('competition.year', 'id')).toEqual({ label: 'Tahun', example: '2026' });
    expect(fieldName('competition.rules.labels[3]', 'id')).toEqual({ label: 'Predikat ke-4' });
    expect(fieldName('competition.rules.labels[3]', 'en')).toEqual({ label: 'Award 4' });
    expect(fieldName('jurors[1].code', 'id')).toEqual({ label: 'Kode juri', context: 'Juri baris 2' });
    expect(fieldName('jurors[1].nip', 'en', { jurors: [{ code: 'J1' }, { code: 'J2' }] })).toEqual({
      label: 'NIP',
      context: 'Juror row 2 (J2)',
    });
    expect(fieldName('sites[0].name', 'id')).toEqual({ label: 'Desa/Kelurahan', context: 'Lokus baris 1' });
    expect(fieldName('instrument.aspects[0].indicators[2].weight', 'id')).toEqual({ label: 'Bobot', context: 'Indikator ke-3 aspek ke-1' });
    expect(
      fieldName('instrument.aspects[0].indicators[2].weight', 'id', {
        instrument: { phases: [], aspects: [{ code: 'A', indicators: [{ code: 'A1' }, { code: 'A2' }, { code: 'A3' }] }] },
      }),
    ).toEqual({ label: 'Bobot', context: 'Indikator A3' });
    expect(fieldName('reason', 'id')).toEqual({ label: 'Alasan' });
    expect(fieldName('no.such.thing', 'id')).toBeNull();
  });

  it('says the problems of the issue in full sentences with the label', () => {
    const say = (path: string, key: ValidationIssue['key'], params = {}, lang: Lang = 'id') => describeIssue({ path, key, params }, lang);
    expect(say('competition.code', 'validate.required')).toBe('Kode lomba wajib diisi');
    expect(say('competition.rules.labels[3]', 'validate.required')).toBe('Predikat ke-4 wajib diisi');
    expect(say('competition.year', 'validate.type', { expected: 'number' })).toBe('Tahun harus berupa angka, misalnya 2026');
    expect(say('competition.year', 'validate.type', { expected: 'number' }, 'en')).toBe('Year must be a number, for example 2026');
    expect(say('jurors[1].code', 'validate.required')).toBe('Juri baris 2: Kode juri wajib diisi');
    expect(say('competition.dates.end', 'validate.endBeforeStart')).toBe('Tanggal selesai tidak boleh sebelum tanggal mulai');
    // Numbers use the reader's decimal mark.
    expect(say('instrument.aspects', 'validate.weightsSum', { sum: '99.5' })).toBe('Jumlah bobot semua indikator harus 100, sekarang 99,5');
    expect(say('instrument.aspects', 'validate.weightsSum', { sum: '99.5' }, 'en')).toBe(
      'The weights of all indicators must add up to 100; they add up to 99.5',
    );
    // The field's own sentence, for beside the field: no row.
    expect(issueSentence({ path: 'jurors[1].nip', key: 'validate.nip', params: {} }, 'id')).toBe(
      'NIP harus tepat 18 angka, misalnya 19700315 199503 2 001 (spasi boleh)',
    );
    // A message from the core with a path reads the same way.
    expect(describeError({ code: 'invalid', key: 'validate.required', params: {}, path: 'competition.code' }, 'en')).toBe(
      'Competition code is required',
    );
  });
});

describe('every form, submitted empty and with bad values', () => {
  it('the new-competition form', () => {
    const schema = inputSchemas['setup.create'];
    expectPlain(issuesOf(schema, {}));
    expectPlain(issuesOf(schema, { competition: {}, sites: [], jurors: [] }));
    expectPlain(
      issuesOf(schema, {
        competition: { code: '', name: '', year: Number('dua ribu') },
        sites: [{ code: '', name: '' }],
        jurors: [{ code: '', name: '', role: 'wakil', nip: '1970' }],
      }),
    );
    expectPlain(issuesOf(schema, { ...goodCreate, competition: { code: 'uji 2026', name: 'x'.repeat(301), year: 1999 } }));
    const year = issuesOf(schema, { ...goodCreate, competition: { ...goodCreate.competition, year: Number('abc') } });
    expect(year.map((i) => describeIssue(i, 'id'))).toEqual(['Tahun harus berupa angka, misalnya 2026']);
    const empty = issuesOf(schema, { ...goodCreate, competition: { code: '', name: '', year: 2026 } });
    expect(empty.map((i) => describeIssue(i, 'id'))).toEqual(['Kode lomba wajib diisi', 'Nama lomba wajib diisi']);
  });

  it('the setup tabs (the competition checked as a file, live)', () => {
    const file = {
      format: COMPETITION_FORMAT,
      competition: {
        code: 'UJI-2026',
        name: '',
        year: 20.5,
        dates: { start: '2026-09-18', end: '2026-09-07', plenary: '21-09-2026' },
        rules: { labels: ['Juara I', 'Juara II', 'Juara III', ''], tieBreak: [], precision: 7 },
        sponsor: 'Bank',
      },
      instrument: defaultInstrument,
      sites: [{ code: '', name: '', visitDate: 'besok' }],
      jurors: [{ code: 'J1', name: '', role: 'ketua', nip: '19700315', aspects: ['Z'] }],
    };
    const parsed = parseCompetitionFile(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expectPlain(parsed.issues);
    const dupes = parseCompetitionFile({
      ...file,
      competition: { code: 'UJI-2026', name: 'Lomba', year: 2026, dates: { start: '2026-09-18', end: '2026-09-07' } },
      sites: [
        { code: 'S01', name: 'A' },
        { code: 'S01', name: 'B' },
      ],
      jurors: [{ code: 'J1', name: 'Ketua', role: 'ketua', aspects: ['Z'], recusedSites: ['S09'] }],
    });
    if (!dupes.ok) expectPlain(dupes.issues);
    expect(!dupes.ok && dupes.issues.map((i) => describeIssue(i, 'id'))).toEqual(['Tanggal selesai tidak boleh sebelum tanggal mulai']);
  });

  it('the instrument tab', () => {
    const bad = structuredClone(defaultInstrument) as unknown as {
      aspects: { code: string; name: string; indicators: { code: string; weight: unknown; phase: string }[] }[];
    };
    bad.aspects[0]!.indicators[0]!.weight = 'empat';
    bad.aspects[0]!.indicators[1]!.weight = -1;
    bad.aspects[1]!.code = '';
    const parsed = parseInstrument(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expectPlain(parsed.issues);
    const sums = structuredClone(defaultInstrument) as unknown as typeof bad;
    sums.aspects[0]!.indicators[0]!.weight = 2;
    sums.aspects[0]!.indicators[1]!.phase = 'PLENO';
    sums.aspects[1]!.indicators[0]!.code = sums.aspects[0]!.indicators[0]!.code;
    const checked = parseInstrument(sums);
    if (!checked.ok) expectPlain(checked.issues);
  });

  it('the PIN forms and the reopen reason', () => {
    expectPlain(issuesOf(inputSchemas['session.setJurorPin'], { competition: 'UJI', juror: 'J1', pin: '12' }));
    expectPlain(issuesOf(inputSchemas['session.setJurorPin'], { competition: 'UJI', juror: 'J1', pin: '1234', currentPin: 'abcd' }));
    expectPlain(issuesOf(inputSchemas['session.enter'], { competition: 'UJI', juror: '', pin: '1' }));
    const reopen = issuesOf(inputSchemas['scoring.reopen'], { competition: 'UJI', juror: 'J1', site: 'S01', reason: 'ok' });
    expectPlain(reopen);
    expect(reopen.map((i) => describeIssue(i, 'id'))).toEqual(['Alasan paling sedikit 5 karakter']);
    expect(reopen.map((i) => describeIssue(i, 'en'))).toEqual(['Reason needs at least 5 characters']);
  });
});

describe('the rules of point 12', () => {
  it('takes a NIP typed as printed, upper-cases a competition code, and says the code format', () => {
    const parsed = inputSchemas['setup.create'].parse({
      ...goodCreate,
      competition: { ...goodCreate.competition, code: ' uji-2026 ' },
      jurors: [{ code: 'J1', name: 'Ketua', role: 'ketua', nip: '19700315 199503 2 001' }],
    });
    expect([parsed.competition.code, parsed.jurors[0]!.nip]).toEqual(['UJI-2026', '197003151995032001']);
    const spaced = issuesOf(inputSchemas['setup.create'], {
      ...goodCreate,
      competition: { ...goodCreate.competition, code: 'UJI 2026' },
    });
    expect(spaced.map((i) => describeIssue(i, 'id'))).toEqual([
      'Kode lomba hanya boleh berisi huruf besar, angka dan tanda hubung (misalnya P2WKSS-JABAR-2026)',
    ]);
  });
});
