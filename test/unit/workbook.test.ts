/**
 * The workbook's model (shared/domain/workbook.ts), pure: each juror's points per site computed by hand, numbers
 * rounded by the contract's rule and formatted at the precision, texts kept as texts, a pleno decision's reason in
 * Peringkat and a void decision said as such in Keputusan pleno.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type Rules } from '../../shared/domain/competition.js';
import { applyDecisions, type OfficialRanking } from '../../shared/domain/pleno.js';
import { rankSites, type RankingInput } from '../../shared/domain/ranking.js';
import { buildWorkbook, jurorSitePoints, precisionFormat, stateText, type WorkbookCell } from '../../shared/domain/workbook.js';
import { anInstrument } from '../support/builders.js';

/** UJI-KECIL: scale 1–5; A1 (40) and A2 (30) in aspect A, B1 (30) in aspect B; one phase LAP. */
function input(rules: Partial<Rules> = {}, scores: RankingInput['scores'] = []): RankingInput {
  return {
    competition: 'UJI',
    instrument: anInstrument(),
    rules: { ...DEFAULT_RULES, ...rules },
    sites: [
      { code: 'S01', name: 'Desa Satu', category: null },
      { code: 'S02', name: 'Desa Dua', category: null },
    ],
    jurors: [
      { code: 'J1', aspects: null, recusedSites: [] },
      { code: 'J2', aspects: ['B'], recusedSites: [] },
      { code: 'J3', aspects: null, recusedSites: ['S02'] },
      { code: 'J4', aspects: [], recusedSites: [] },
    ],
    scores,
    finalisedSheets: [],
  };
}

const score = (site: string, juror: string, indicator: string, value: number) => ({ site, juror, indicator, value });

describe('jurorSitePoints', () => {
  const scores = [
    score('S01', 'J1', 'A1', 4),
    score('S01', 'J1', 'A2', 3),
    score('S01', 'J1', 'B1', 5),
    score('S01', 'J2', 'B1', 2),
    // J2 is not eligible for A1 (aspect A is not theirs): not counted.
    score('S01', 'J2', 'A1', 5),
    score('S01', 'J3', 'A1', 1),
    // J3 is recused from S02: not counted.
    score('S02', 'J3', 'A1', 5),
  ];

  it('is Σ weight × score / max over the cells each juror scored and was eligible for (normalise max)', () => {
    const points = jurorSitePoints(input({}, scores));
    // J1 at S01: 40×4/5 + 30×3/5 + 30×5/5 = 32 + 18 + 30 = 80; J2: 30×2/5 = 12; J3: 40×1/5 = 8.
    expect(points.get('S01')!.get('J1')).toBeCloseTo(80, 12);
    expect(points.get('S01')!.get('J2')).toBeCloseTo(12, 12);
    expect(points.get('S01')!.get('J3')).toBeCloseTo(8, 12);
    // Nothing scored (J1, J2 at S02), recused (J3 at S02), no aspects (J4): null.
    expect([...points.get('S02')!.values()]).toEqual([null, null, null, null]);
    expect(points.get('S01')!.get('J4')).toBeNull();
  });

  it('maps the score into the range with normalise range: (score − min) / (max − min)', () => {
    const points = jurorSitePoints(input({ normalise: 'range' }, scores));
    // J1 at S01: 40×3/4 + 30×2/4 + 30×4/4 = 30 + 15 + 30 = 75; J3: 40×0/4 = 0 (scored, so 0 and not empty).
    expect(points.get('S01')!.get('J1')).toBeCloseTo(75, 12);
    expect(points.get('S01')!.get('J3')).toBe(0);
  });
});

describe('buildWorkbook', () => {
  // S01 and S02 tie exactly (the same scores from J1); the jury places S02 first.
  const scores = ['S01', 'S02'].flatMap((s) => [score(s, 'J1', 'A1', 4), score(s, 'J1', 'A2', 3), score(s, 'J1', 'B1', 4)]);
  const competition = {
    code: 'UJI',
    name: 'Lomba Uji',
    instrument: anInstrument(),
    sites: [
      { code: 'S01', name: 'Desa Satu', regency: 'Kabupaten Lebak' },
      { code: 'S02', name: 'Desa Dua' },
    ],
    jurors: [
      { code: 'J1', name: 'Juri Satu', nip: '198001012005011001' },
      { code: 'J2', name: 'Juri Dua' },
      { code: 'J3', name: 'Juri Tiga' },
      { code: 'J4', name: 'Sekretaris', aspects: [] },
    ],
  };

  function official(order: string[], state: OfficialRanking['state'] = 'pleno', revision = 0): OfficialRanking {
    const data = input({ precision: 2 }, scores);
    const computed = rankSites(data);
    const decided = applyDecisions(
      computed,
      [{ id: 1, order, reason: '=Lebih tertib', at: '2026-09-21T03:15:00Z', revision: 0 }],
      data.rules.labels,
    );
    return { ...computed, ranking: decided.ranking, decisions: decided.decisions, state, revision, snapshot: null };
  }

  const cellText = (c: WorkbookCell) => (c === null ? null : c.kind === 'text' ? c.text : c.value);

  it('Peringkat: rank, texts, numbers rounded at the precision with its format, the pleno reason', () => {
    const model = buildWorkbook({ competition, ranking: official(['S02', 'S01']), input: input({ precision: 2 }, scores), notes: [] });
    expect(model.sheets.map((s) => s.name)).toEqual(['Peringkat', 'Per juri', 'Nilai', 'Keputusan pleno']);
    const peringkat = model.sheets[0]!;
    expect(peringkat.title).toBe('Lomba Uji (UJI) — Peringkat — SEMENTARA — rapat pleno berlangsung');
    expect(peringkat.columns.map((c) => c.title)).toEqual([
      'Peringkat',
      'Kode',
      'Desa/Kelurahan',
      'Kabupaten/Kota',
      'Aspek A',
      'Aspek B',
      'Tahap LAP',
      'Total',
      'Predikat',
      'Penentu peringkat',
    ]);
    // 40×4/5 + 30×3/5 = 50 (A), 30×4/5 = 24 (B), total 74. J3 has not scored S01 yet: incomplete, no label.
    expect(peringkat.rows.map((r) => r.map(cellText))).toEqual([
      [1, 'S02', 'Desa Dua', null, 50, 24, 74, 74, 'belum lengkap', null],
      [2, 'S01', 'Desa Satu', 'Kabupaten Lebak', 50, 24, 74, 74, 'belum lengkap', 'Keputusan rapat pleno: =Lebih tertib'],
    ]);
    expect(peringkat.rows[0]![7]).toEqual({ kind: 'number', value: 74, format: '0.00' });
    expect(peringkat.rows[0]![0]).toEqual({ kind: 'number', value: 1, format: '0' });
    expect(peringkat.rows[0]![1]).toEqual({ kind: 'text', text: 'S02' });
  });

  it('rounds by the contract rule, half away from zero (87.245 → 87.25, 1.005 → 1.01, 2.675 → 2.68)', () => {
    const ranking = official(['S02', 'S01']);
    ranking.ranking[0] = { ...ranking.ranking[0]!, total: 87.245, aspects: { A: 1.005, B: 2.675 } };
    const row = buildWorkbook({ competition, ranking, input: input({}, scores), notes: [] }).sheets[0]!.rows[0]!;
    expect(row.slice(4, 8).map(cellText)).toEqual([1.01, 2.68, 74, 87.25]);
  });

  it('Per juri: a column for each juror who scores, empty where they scored nothing', () => {
    const model = buildWorkbook({ competition, ranking: official(['S02', 'S01']), input: input({}, scores), notes: [] });
    const perJuri = model.sheets[1]!;
    expect(perJuri.columns.map((c) => c.title)).toEqual(['Kode', 'Desa/Kelurahan', 'J1 Juri Satu', 'J2 Juri Dua', 'J3 Juri Tiga']);
    expect(perJuri.rows.map((r) => r.map(cellText))).toEqual([
      ['S01', 'Desa Satu', 74, null, null],
      ['S02', 'Desa Dua', 74, null, null],
    ]);
  });

  it('Nilai: every score and note, the NIP as text, a note without a score kept', () => {
    const model = buildWorkbook({
      competition,
      ranking: official(['S02', 'S01']),
      input: input({}, scores),
      notes: [
        { site: 'S01', juror: 'J1', indicator: 'A1', note: '=1+1' },
        { site: 'S02', juror: 'J2', indicator: 'B1', note: 'Belum dinilai' },
      ],
    });
    const rows = model.sheets[2]!.rows.map((r) => r.map(cellText));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual([
      'S01',
      'Desa Satu',
      'J1',
      'Juri Satu',
      '198001012005011001',
      'A1',
      'Indikator A1',
      'A',
      'Lapangan',
      40,
      4,
      'ya',
      '=1+1',
    ]);
    expect(rows.at(-1)).toEqual([
      'S02',
      'Desa Dua',
      'J2',
      'Juri Dua',
      null,
      'B1',
      'Indikator B1',
      'B',
      'Lapangan',
      30,
      null,
      null,
      'Belum dinilai',
    ]);
  });

  it('Keputusan pleno: a decision whose sites no longer tie is void', () => {
    // A decision on S01 and S02 when their scores differ: S01's A1 is 5.
    const changed = scores.map((s) => (s.site === 'S01' && s.indicator === 'A1' ? { ...s, value: 5 } : s));
    const data = input({}, changed);
    const computed = rankSites(data);
    const decided = applyDecisions(
      computed,
      [{ id: 1, order: ['S02', 'S01'], reason: 'Lebih tertib', at: '2026-09-21T03:15:00Z', revision: 1 }],
      [],
    );
    const ranking: OfficialRanking = {
      ...computed,
      ranking: decided.ranking,
      decisions: decided.decisions,
      state: 'locked',
      revision: 1,
      snapshot: null,
    };
    const sheet = buildWorkbook({ competition, ranking, input: data, notes: [] }).sheets[3]!;
    expect(sheet.title).toBe('Lomba Uji (UJI) — Keputusan rapat pleno — Dikunci — revisi 1');
    const row = sheet.rows[0]!.map(cellText);
    expect(row.filter((_, i) => i !== 4)).toEqual([1, 'S02, S01', null, 'Lebih tertib', 1, 'batal: lokusnya tidak lagi seri']);
  });
});

describe('formats and states', () => {
  it('precisionFormat gives the number format of each precision', () => {
    expect([0, 1, 2, 4].map(precisionFormat)).toEqual(['0', '0.0', '0.00', '0.0000']);
  });

  it('stateText says SEMENTARA until locked, then the revision', () => {
    expect(stateText({ state: 'draft', revision: 0 })).toBe('SEMENTARA');
    expect(stateText({ state: 'locked', revision: 0 })).toBe('Dikunci — revisi 0');
    expect(stateText({ state: 'signed', revision: 2 })).toBe('Ditandatangani — revisi 2');
  });
});
