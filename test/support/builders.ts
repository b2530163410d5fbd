/**
 * Small valid test data, built in one place: an instrument, a competition file around it, and a score for every
 * cell a juror may score. Each builder checks its result with the app's own parser, so a test never starts from
 * data the app would refuse; overrides replace whole fields (a test says what it needs, the rest stays valid).
 */
import { COMPETITION_FORMAT, parseCompetitionFile, type CompetitionFile, type Juror, type Site } from '../../shared/domain/competition.js';
import { INSTRUMENT_FORMAT, isOptionsScale, listIndicators, parseInstrument, type Instrument } from '../../shared/domain/instrument.js';

/**
 * A small valid `penilai.instrument/1`: code UJI-KECIL version 1, scale 1–5 step 1, one phase LAP, aspect A with
 * A1 (weight 40) and A2 (30), aspect B with B1 (30).
 */
export function anInstrument(overrides: Partial<Instrument> = {}): Instrument {
  const raw = {
    format: INSTRUMENT_FORMAT,
    code: 'UJI-KECIL',
    name: 'Instrumen uji kecil',
    version: 1,
    defaultScale: { min: 1, max: 5, step: 1 },
    phases: [{ code: 'LAP', name: 'Lapangan' }],
    aspects: [
      {
        code: 'A',
        name: 'Aspek A',
        indicators: [
          { code: 'A1', name: 'Indikator A1', weight: 40, phase: 'LAP' },
          { code: 'A2', name: 'Indikator A2', weight: 30, phase: 'LAP' },
        ],
      },
      { code: 'B', name: 'Aspek B', indicators: [{ code: 'B1', name: 'Indikator B1', weight: 30, phase: 'LAP' }] },
    ],
    ...overrides,
  };
  const parsed = parseInstrument(raw);
  if (!parsed.ok) throw new Error(`anInstrument: the test instrument is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

export interface CompetitionOverrides {
  competition?: Partial<CompetitionFile['competition']>;
  instrument?: Instrument;
  sites?: Site[];
  jurors?: Juror[];
}

/**
 * A valid `penilai.competition/1` around an instrument (default `anInstrument()`): competition UJI "Lomba Uji"
 * 2026, sites S01 "Desa Satu" and S02 "Desa Dua", jurors J1 "Juri Satu" (ketua) and J2 "Juri Dua" (anggota), both
 * scoring every aspect. Returned as the app reads it (defaults filled in).
 */
export function aCompetition(overrides: CompetitionOverrides = {}): CompetitionFile {
  const raw = {
    format: COMPETITION_FORMAT,
    competition: { code: 'UJI', name: 'Lomba Uji', year: 2026, ...overrides.competition },
    instrument: overrides.instrument ?? anInstrument(),
    sites: overrides.sites ?? [
      { code: 'S01', name: 'Desa Satu' },
      { code: 'S02', name: 'Desa Dua' },
    ],
    jurors: overrides.jurors ?? [
      { code: 'J1', name: 'Juri Satu', role: 'ketua' },
      { code: 'J2', name: 'Juri Dua', role: 'anggota' },
    ],
  };
  const parsed = parseCompetitionFile(raw);
  if (!parsed.ok) throw new Error(`aCompetition: the test competition is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

export interface Cell {
  site: string;
  juror: string;
  indicator: string;
}

export interface CellScore extends Cell {
  value: number;
}

/**
 * A score for every eligible cell of a competition file: each site × each juror not recused from it × each
 * indicator of the aspects the juror scores, in file order (site, juror, indicator). The value is `value(cell, i)`
 * when given (i: the cell's place in that order), else a level of the indicator's scale chosen by the place
 * (deterministic, spread over the scale).
 */
export function scoresFor(file: CompetitionFile, value?: (cell: Cell, index: number) => number): CellScore[] {
  const indicators = listIndicators(file.instrument);
  const scores: CellScore[] = [];
  for (const site of file.sites) {
    for (const juror of file.jurors) {
      if (juror.recusedSites?.includes(site.code)) continue;
      for (const { indicator, aspect, scale } of indicators) {
        if (juror.aspects && !juror.aspects.includes(aspect.code)) continue;
        const cell = { site: site.code, juror: juror.code, indicator: indicator.code };
        const index = scores.length;
        let level: number;
        if (value) level = value(cell, index);
        else if (isOptionsScale(scale)) level = scale.options[(index * 7) % scale.options.length]!.value;
        else {
          const steps = Math.round((scale.max - scale.min) / scale.step);
          level = scale.min + ((index * 7) % (steps + 1)) * scale.step;
        }
        scores.push({ ...cell, value: level });
      }
    }
  }
  return scores;
}
