/**
 * Seeded synthetic competitions at the sizes of domain.md (typical, large, stress), used by `demo`, the tests
 * and `npm run bench`. The same seed always gives the same competition and the same scores.
 */
import type { CompetitionFile, Juror, Site } from './competition.js';
import { COMPETITION_FORMAT, DEFAULT_LABELS } from './competition.js';
import { INSTRUMENT_FORMAT, isOptionsScale, listIndicators, scaleBounds, type Instrument, type Scale } from './instrument.js';
import { isEligible } from './eligibility.js';
import { roundTo } from './numbers.js';
import type { RankingScore } from './ranking.js';

/** mulberry32: small, fast and good enough to vary test data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SIZES = {
  typical: { sites: 10, jurors: 5, indicators: 28 },
  large: { sites: 27, jurors: 9, indicators: 60 },
  stress: { sites: 40, jurors: 25, indicators: 150 },
} as const;

export type SizeName = keyof typeof SIZES;

const REGENCIES = [
  'Kabupaten Serang',
  'Kabupaten Pandeglang',
  'Kabupaten Lebak',
  'Kabupaten Tangerang',
  'Kota Serang',
  'Kota Cilegon',
  'Kota Tangerang',
  'Kota Tangerang Selatan',
  'Kabupaten Bogor',
  'Kabupaten Sukabumi',
  'Kabupaten Cianjur',
  'Kabupaten Bandung',
  'Kabupaten Garut',
  'Kabupaten Tasikmalaya',
  'Kabupaten Ciamis',
  'Kabupaten Kuningan',
  'Kabupaten Cirebon',
  'Kabupaten Majalengka',
  'Kabupaten Sumedang',
  'Kabupaten Indramayu',
  'Kabupaten Subang',
  'Kabupaten Purwakarta',
  'Kabupaten Karawang',
  'Kabupaten Bekasi',
  'Kabupaten Bandung Barat',
  'Kabupaten Pangandaran',
  'Kota Bogor',
  'Kota Sukabumi',
  'Kota Bandung',
  'Kota Cirebon',
  'Kota Bekasi',
  'Kota Depok',
  'Kota Cimahi',
  'Kota Tasikmalaya',
  'Kota Banjar',
];
const VILLAGES = [
  'Bugel',
  'Sukamaju',
  'Cibeber',
  'Margaluyu',
  'Sindangsari',
  'Mekarsari',
  'Sukadana',
  'Cikande',
  'Karangsari',
  'Tanjungjaya',
  'Sukaresmi',
  'Pasirhalang',
  'Cimanggu',
  'Sumberjaya',
  'Kertajaya',
  'Mekarjaya',
  'Bojongsari',
  'Cipeucang',
  'Sindanglaya',
  'Wanasari',
  'Citeureup',
  'Sukamulya',
  'Girimukti',
  'Jayamukti',
  'Rancabali',
];
const DISTRICTS = ['Padarincang', 'Cinangka', 'Baros', 'Kramatwatu', 'Cikeusal', 'Pabuaran', 'Ciomas', 'Anyar', 'Mancak'];
const JUROR_NAMES = [
  'Dr. Hj. Siti Aminah, M.Si.',
  'Ir. Bambang Hermawan, M.M.',
  'dr. Ratna Dewi Lestari, M.Kes.',
  'Drs. Agus Salim',
  'Nurhayati, S.Sos., M.A.P.',
  'Hj. Euis Komariah, S.Pd.',
  'Dedi Supriadi, S.T., M.T.',
  'Ani Rahmawati, S.KM.',
  'Prof. Dr. Hendra Gunawan',
  'Yuli Astuti, S.E.',
  'H. Asep Saepudin, S.Ag.',
  'Rina Marlina, S.P.',
];
const AGENCIES = [
  'DP3AKB Provinsi',
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Dinas Lingkungan Hidup',
  'TP-PKK Provinsi',
  'Dinas Pertanian',
  'Dinas Sosial',
  'Bappeda',
  'Universitas',
  'Dinas Koperasi dan UKM',
];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

/** A synthetic instrument of `count` indicators, weights summing to exactly 100 (to 1e-9). */
export function syntheticInstrument(count: number): Instrument {
  const phases = [
    { code: 'ADM', name: 'Penilaian administrasi/dokumen' },
    { code: 'PPR', name: 'Paparan & wawancara' },
    { code: 'LAP', name: 'Verifikasi lapangan' },
    { code: 'KRT', name: 'Kunjungan rumah KK binaan (sampel)' },
  ];
  const perAspect = 10;
  const base = Math.floor(10000 / count) / 100;
  const aspects: Instrument['aspects'] = [];
  for (let i = 0; i < count; i += 1) {
    const a = Math.floor(i / perAspect);
    if (!aspects[a]) aspects[a] = { code: aspectCode(a), name: `Aspek ${aspectCode(a)}`, indicators: [] };
    const weight = i === 0 ? roundTo(100 - base * (count - 1), 9) : base;
    aspects[a].indicators.push({
      code: `${aspectCode(a)}${(i % perAspect) + 1}`,
      name: `Indikator sintetis ${i + 1}`,
      weight,
      phase: pick(phases, i).code,
      ...(i % 7 === 3
        ? {
            scale: {
              options: [
                { key: 'a', value: 4 },
                { key: 'b', value: 3 },
                { key: 'c', value: 2 },
                { key: 'd', value: 1 },
              ],
            },
          }
        : {}),
    });
  }
  return {
    format: INSTRUMENT_FORMAT,
    code: `SINTETIS-${count}`,
    name: `Instrumen sintetis ${count} indikator`,
    version: 1,
    defaultScale: { min: 1, max: 5, step: 1 },
    phases,
    aspects,
  };
}

function aspectCode(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `A${i}`;
}

/** The scale value nearest to `fraction` (0 = min, 1 = max) of the scale. */
export function scaleValueAt(scale: Scale, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  if (isOptionsScale(scale)) {
    const { min, max } = scaleBounds(scale);
    const target = min + f * (max - min);
    return scale.options.reduce(
      (best, o) => (Math.abs(o.value - target) < Math.abs(best - target) ? o.value : best),
      scale.options[0]!.value,
    );
  }
  const steps = Math.round(((scale.max - scale.min) * f) / scale.step);
  return roundTo(scale.min + steps * scale.step, 9);
}

export interface SyntheticOptions {
  sites: number;
  jurors: number;
  /** Use this instrument, or make one of `indicators` indicators. */
  instrument?: Instrument;
  indicators?: number;
  seed?: number;
  code?: string;
  /** `all`: every juror scores every aspect; `sector`: the ketua scores all, the others about half each. */
  assignment?: 'all' | 'sector';
  /** Share of eligible cells left unscored (0 = complete). */
  missing?: number;
}

export interface SyntheticCompetition {
  file: CompetitionFile;
  scores: RankingScore[];
}

export function syntheticCompetition(options: SyntheticOptions): SyntheticCompetition {
  const random = seededRandom(options.seed ?? 1);
  const instrument = options.instrument ?? syntheticInstrument(options.indicators ?? 28);
  const aspectCodes = instrument.aspects.map((a) => a.code);

  const sites: Site[] = Array.from({ length: options.sites }, (_, i) => ({
    code: `S${String(i + 1).padStart(2, '0')}`,
    name: `Desa ${pick(VILLAGES, i)}${i >= VILLAGES.length ? ` ${Math.floor(i / VILLAGES.length) + 1}` : ''}`,
    regency: pick(REGENCIES, i),
    district: pick(DISTRICTS, i * 3),
    category: i % 3 === 2 ? 'kelurahan' : 'desa',
  }));

  const others = Math.max(1, options.jurors - 1);
  const jurors: Juror[] = Array.from({ length: options.jurors }, (_, j) => {
    const sector = options.assignment === 'sector' && j > 0;
    const aspects = sector ? aspectCodes.filter((_, a) => a % others === j - 1 || (a + 1) % others === j - 1) : undefined;
    return {
      code: `J${j + 1}`,
      name: pick(JUROR_NAMES, j) + (j >= JUROR_NAMES.length ? ` (${j + 1})` : ''),
      nip: j % 4 === 3 ? undefined : syntheticNip(j),
      position: j === 0 ? 'Ketua Tim Penilai' : 'Anggota Tim Penilai',
      agency: pick(AGENCIES, j),
      role: j === 0 ? 'ketua' : j === 1 ? 'sekretaris' : 'anggota',
      ...(aspects ? { aspects } : {}),
    } satisfies Juror as Juror;
  }).map(stripUndefined);

  const quality = sites.map(() => 0.45 + random() * 0.5);
  const bias = jurors.map(() => (random() - 0.5) * 0.1);
  const scores: RankingScore[] = [];
  for (const [s, site] of sites.entries()) {
    for (const [j, juror] of jurors.entries()) {
      for (const { indicator, aspect, scale } of listIndicators(instrument)) {
        if (!isEligible(juror, aspect.code, site.code)) continue;
        const r = random();
        if (options.missing && random() < options.missing) continue;
        const value = scaleValueAt(scale, quality[s]! + bias[j]! + (r - 0.5) * 0.3);
        scores.push({ site: site.code, juror: juror.code, indicator: indicator.code, value });
      }
    }
  }

  const year = 2026;
  const file: CompetitionFile = {
    format: COMPETITION_FORMAT,
    competition: {
      code: options.code ?? 'SINTETIS',
      name: `Lomba P2WKSS Tingkat Provinsi Banten Tahun ${year}`,
      year,
      level: 'provinsi',
      region: 'Banten',
      organizer: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana Provinsi Banten',
      place: 'Serang',
      dates: { start: '2026-09-07', end: '2026-09-18', plenary: '2026-09-21' },
      letterhead: {
        lines: ['PEMERINTAH PROVINSI BANTEN', 'DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK, KEPENDUDUKAN DAN KELUARGA BERENCANA'],
        address: 'Kawasan Pusat Pemerintahan Provinsi Banten (KP3B), Jl. Syekh Nawawi Al-Bantani, Curug, Kota Serang',
      },
      documentNumbers: { beritaAcara: '400.10.2.1/573/DP3AKKB/2026' },
      rules: { aggregation: 'mean', normalise: 'max', tieBreak: ['phase:LAP'], precision: 2, rankBy: 'all', labels: [...DEFAULT_LABELS] },
    },
    instrument,
    sites,
    jurors,
  };
  return { file, scores };
}

/** A NIP of the civil service's shape: birth date (8), appointment month (6), sex (1), sequence (3). */
function syntheticNip(j: number): string {
  const birth = `${1965 + (j % 25)}${String((j % 12) + 1).padStart(2, '0')}${String((j % 27) + 1).padStart(2, '0')}`;
  const appointed = `${1990 + (j % 20)}0${(j % 9) + 1}`;
  return `${birth}${appointed}${(j % 2) + 1}${String(j + 1).padStart(3, '0')}`;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
