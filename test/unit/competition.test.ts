import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { DEFAULT_LABELS, parseCompetitionFile } from '../../shared/domain/competition.js';
import type { ValidationIssue } from '../../shared/domain/validation.js';

const DEFAULT_INSTRUMENT: unknown = JSON.parse(
  readFileSync(new URL('../../resources/instruments/p2wkss-provinsi.json', import.meta.url), 'utf8'),
);

interface RawRules {
  aggregation?: string;
  normalise?: string;
  tieBreak?: string[];
  precision?: number;
  rankBy?: string;
  labels?: string[];
}
interface RawSite {
  code: string;
  name: string;
  regency?: string;
  district?: string;
  category?: string;
  visitDate?: string;
}
interface RawJuror {
  code: string;
  name: string;
  nip?: string;
  role: string;
  aspects?: string[];
  recusedSites?: string[];
}
interface RawCompetitionFile {
  format: string;
  competition: { code: string; name: string; year: number; rules?: RawRules; [key: string]: unknown };
  instrument: unknown;
  sites: RawSite[];
  jurors: RawJuror[];
}

/** A valid competition file on the default instrument (aspects A–H; phases ADM, PPR, LAP, KRT). */
function validFile(): RawCompetitionFile {
  return {
    format: 'penilai.competition/1',
    competition: {
      code: 'P2WKSS-BANTEN-2026',
      name: 'Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026',
      year: 2026,
      level: 'provinsi',
      region: 'Banten',
      place: 'Serang',
      dates: { start: '2026-09-07', end: '2026-09-18', plenary: '2026-09-21' },
      documentNumbers: { beritaAcara: '400.10.2.1/573/DP3AKKB/2026' },
      rules: { aggregation: 'mean', normalise: 'max', tieBreak: ['phase:LAP', 'aspect:E'], precision: 2, rankBy: 'all' },
    },
    instrument: structuredClone(DEFAULT_INSTRUMENT),
    sites: [
      { code: 'S01', name: 'Desa Bugel', regency: 'Kabupaten Serang', district: 'Padarincang', category: 'desa', visitDate: '2026-09-08' },
      { code: 'S02', name: 'Kelurahan Cipare', regency: 'Kota Serang', category: 'kelurahan' },
      { code: 'S03', name: 'Desa Sukamaju' },
    ],
    jurors: [
      {
        code: 'J1',
        name: 'Dr. Hj. Siti Aminah, M.Si.',
        nip: '197003151995032001',
        role: 'ketua',
        aspects: ['D', 'F'],
        recusedSites: ['S03'],
      },
      { code: 'J2', name: 'Ir. Budi Santoso', role: 'sekretaris' },
      { code: 'J3', name: 'Ibu Ketua TP-PKK', role: 'anggota', aspects: [] },
    ],
  };
}

function issuesOf(mutate: (file: RawCompetitionFile) => void): ValidationIssue[] {
  const file = validFile();
  mutate(file);
  const parsed = parseCompetitionFile(file);
  return parsed.ok ? [] : parsed.issues;
}

function brief(issues: ValidationIssue[]): { path: string; key: string }[] {
  return issues.map(({ path, key }) => ({ path, key }));
}

describe('parseCompetitionFile: a valid file', () => {
  it('parses, keeps every field, and keeps the NIP as text', () => {
    const parsed = parseCompetitionFile(validFile());
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    const file = parsed.value;
    expect(file.competition.code).toBe('P2WKSS-BANTEN-2026');
    expect(file.competition.rules.tieBreak).toEqual(['phase:LAP', 'aspect:E']);
    expect(file.sites.map((s) => s.code)).toEqual(['S01', 'S02', 'S03']); // the site order is kept
    expect(file.sites[0]?.visitDate).toBe('2026-09-08');
    // NIP as text: leading zeros and all 18 digits survive.
    expect(file.jurors[0]?.nip).toBe('197003151995032001');
    expect(file.jurors[0]?.recusedSites).toEqual(['S03']);
    // An empty aspects list stays empty (a juror who scores nothing), distinct from "left out" (every aspect).
    expect(file.jurors[2]?.aspects).toEqual([]);
    expect(file.jurors[1]?.aspects).toBeUndefined();
    expect(file.instrument.aspects.map((a) => a.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  });

  it('fills in the documented rule defaults', () => {
    const parsed = parseCompetitionFile(
      (() => {
        const f = validFile();
        delete f.competition.rules;
        return f;
      })(),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value.competition.rules).toEqual({
      aggregation: 'mean',
      normalise: 'max',
      tieBreak: [],
      precision: 2,
      rankBy: 'all',
      labels: ['Juara I', 'Juara II', 'Juara III', 'Harapan I', 'Harapan II', 'Harapan III'],
    });
    expect(DEFAULT_LABELS).toEqual(['Juara I', 'Juara II', 'Juara III', 'Harapan I', 'Harapan II', 'Harapan III']);
  });
});

describe('parseCompetitionFile: failures name the JSON path', () => {
  it('an unknown aspect in a juror’s aspects', () => {
    const issues = issuesOf((f) => {
      f.jurors[0]!.aspects = ['D', 'Z'];
    });
    expect(issues).toEqual([
      { path: 'jurors[0].aspects[1]', key: 'validate.unknownAspect', params: { code: 'Z', known: 'A, B, C, D, E, F, G, H' } },
    ]);
  });

  it('an unknown phase or aspect in tieBreak, or an entry of no known kind', () => {
    const issues = issuesOf((f) => {
      f.competition.rules!.tieBreak = ['phase:LAP', 'phase:XYZ', 'aspect:Q', 'LAP'];
    });
    expect(issues).toEqual([
      { path: 'competition.rules.tieBreak[1]', key: 'validate.tieBreak', params: { entry: 'phase:XYZ' } },
      { path: 'competition.rules.tieBreak[2]', key: 'validate.tieBreak', params: { entry: 'aspect:Q' } },
      { path: 'competition.rules.tieBreak[3]', key: 'validate.tieBreak', params: { entry: 'LAP' } },
    ]);
    // A phase code is not an aspect code: "aspect:LAP" names no aspect.
    expect(
      brief(
        issuesOf((f) => {
          f.competition.rules!.tieBreak = ['aspect:LAP'];
        }),
      ),
    ).toEqual([{ path: 'competition.rules.tieBreak[0]', key: 'validate.tieBreak' }]);
  });

  it('a NIP that is not exactly 18 digits', () => {
    // 17 digits, 19 digits, and 18 characters with a space.
    for (const nip of ['19700315199503200', '1970031519950320011', '19700315 199503200']) {
      const issues = issuesOf((f) => {
        f.jurors[0]!.nip = nip;
      });
      expect(brief(issues)).toEqual([{ path: 'jurors[0].nip', key: 'validate.nip' }]);
    }
    // A number instead of text is refused too (an 18-digit number loses digits, and leading zeros are lost).
    const asNumber = parseCompetitionFile({
      ...validFile(),
      jurors: [{ code: 'J1', name: 'X', role: 'ketua', nip: Number('197003151995032001') }],
    });
    expect(asNumber.ok ? [] : brief(asNumber.issues).map((i) => i.path)).toEqual(['jurors[0].nip']);
  });

  it('rankBy category with a site that has no category', () => {
    // S03 (index 2) has no category; a blank one (S02 set to "  ") is no better.
    const issues = issuesOf((f) => {
      f.competition.rules!.rankBy = 'category';
      f.sites[1]!.category = '  ';
    });
    expect(issues).toEqual([
      { path: 'sites[1].category', key: 'validate.categoryRequired', params: {} },
      { path: 'sites[2].category', key: 'validate.categoryRequired', params: {} },
    ]);
    // With every site given a category, the same file is accepted.
    expect(
      issuesOf((f) => {
        f.competition.rules!.rankBy = 'category';
        f.sites[1]!.category = 'kelurahan';
        f.sites[2]!.category = 'desa';
      }),
    ).toEqual([]);
  });

  it('a wrong format tag', () => {
    const issues = issuesOf((f) => {
      f.format = 'penilai.competition/2';
    });
    expect(issues).toEqual([
      { path: 'format', key: 'validate.formatTag', params: { found: 'penilai.competition/2', expected: 'penilai.competition/1' } },
    ]);
  });

  it('a duplicate site code', () => {
    const issues = issuesOf((f) => {
      f.sites[1]!.code = 'S01'; // S02 renamed (S03 is named in J1's recusedSites, so leave it)
    });
    expect(issues).toEqual([{ path: 'sites[1].code', key: 'validate.duplicateCode', params: { code: 'S01', other: 'sites[0].code' } }]);
  });

  it('a duplicate juror code and a recused site that does not exist', () => {
    const issues = issuesOf((f) => {
      f.jurors[1]!.code = 'J1';
      f.jurors[0]!.recusedSites = ['S99'];
    });
    expect(brief(issues)).toEqual([
      { path: 'jurors[0].recusedSites[0]', key: 'validate.unknownSite' },
      { path: 'jurors[1].code', key: 'validate.duplicateCode' },
    ]);
  });

  it('an unknown role, a precision above 4 and a bad date', () => {
    const issues = issuesOf((f) => {
      f.jurors[1]!.role = 'ketua-tim';
      f.competition.rules!.precision = 5;
      f.sites[0]!.visitDate = '2026-02-30';
    });
    expect(brief(issues)).toEqual(
      expect.arrayContaining([
        { path: 'jurors[1].role', key: 'validate.oneOf' },
        { path: 'competition.rules.precision', key: 'validate.tooBig' },
        { path: 'sites[0].visitDate', key: 'validate.format' },
      ]),
    );
    expect(issues).toHaveLength(3);
  });

  it('a missing required field', () => {
    const issues = issuesOf((f) => {
      delete (f.sites[1] as Partial<RawSite>).name;
    });
    expect(brief(issues)).toEqual([{ path: 'sites[1].name', key: 'validate.required' }]);
  });

  it('reports an instrument problem under instrument.*', () => {
    // A1's weight 3 → 4: the weights sum to 101.
    const issues = issuesOf((f) => {
      const instrument = f.instrument as { aspects: { indicators: { weight: number }[] }[] };
      instrument.aspects[0]!.indicators[0]!.weight = 4;
    });
    expect(issues).toEqual([{ path: 'instrument.aspects', key: 'validate.weightsSum', params: { sum: '101' } }]);
  });
});
