/**
 * The plenary's result as a workbook (contract.md section 6, `export-xlsx` and `documents.workbook`), pure: what
 * each sheet holds, cell by cell, with its type. Numbers are rounded here by the one rounding rule (`roundScaled`)
 * and carry the number format that shows them at the competition's precision; codes, NIP and every other text stay
 * text. The core writes this model with exceljs (electron/core/documents/workbook.ts). Sheets and headers are in
 * Indonesian, as every official document is.
 */
import { formatDateTime } from './dates.js';
import { isEligible } from './eligibility.js';
import { explainPlace, explanationText } from './explain.js';
import { listIndicators, scaleBounds, type Instrument } from './instrument.js';
import { roundScaled } from './numbers.js';
import type { OfficialRanking, OfficialSite } from './pleno.js';
import type { RankingInput } from './ranking.js';

export const WORKBOOK_SHEETS = ['Peringkat', 'Per juri', 'Nilai', 'Keputusan pleno'] as const;

export type WorkbookCell = { kind: 'text'; text: string } | { kind: 'number'; value: number; format: string } | null;

export interface WorkbookColumn {
  title: string;
  /** In characters, as spreadsheets measure columns. */
  width: number;
  /** Long text: wrapped, and the row made tall enough for it. */
  wrap?: boolean;
}

export interface WorkbookSheet {
  name: (typeof WORKBOOK_SHEETS)[number];
  /** The line above the header row: the competition, the sheet and the state of the result. */
  title: string;
  columns: WorkbookColumn[];
  rows: WorkbookCell[][];
  /** Lines below the table, explaining its figures. */
  notes: string[];
}

export interface WorkbookModel {
  name: string;
  sheets: WorkbookSheet[];
}

export interface WorkbookCompetition {
  code: string;
  name: string;
  instrument: Instrument;
  sites: readonly { code: string; name: string; regency?: string | undefined }[];
  jurors: readonly { code: string; name: string; nip?: string | undefined; aspects?: readonly string[] | null | undefined }[];
}

export interface WorkbookNote {
  site: string;
  juror: string;
  indicator: string;
  note: string;
}

export interface WorkbookInput {
  competition: WorkbookCompetition;
  /** The official ranking (the locked snapshot while locked). */
  ranking: OfficialRanking;
  /** What the ranking is computed from: the scores, the jurors' aspects and recusals. */
  input: RankingInput;
  notes: readonly WorkbookNote[];
}

/** "0.00" for precision 2, "0" for 0: the format that shows a rounded number exactly as the app prints it. */
export function precisionFormat(precision: number): string {
  return precision > 0 ? `0.${'0'.repeat(precision)}` : '0';
}

const text = (value: string | null | undefined): WorkbookCell =>
  value === null || value === undefined || value === '' ? null : { kind: 'text', text: value };
const whole = (value: number): WorkbookCell => ({ kind: 'number', value, format: '0' });
/** A number as the app shows it: rounded to the precision by the one rule, formatted at that precision. */
const rounded = (value: number, precision: number): WorkbookCell => ({
  kind: 'number',
  value: roundScaled(value, precision) / 10 ** precision,
  format: precisionFormat(precision),
});
/** A number as it was entered (a score, a weight): General, so 3 shows 3 and 72.5 shows 72.5. */
const plain = (value: number): WorkbookCell => ({ kind: 'number', value, format: 'General' });

/**
 * Each juror's points per site: Σ weight × normalised score over the indicators the juror scored there and was
 * eligible for (the site's total counts the mean of the jurors per indicator, so these need not add up to it).
 * Null for a juror who scored nothing there. Unrounded; the workbook rounds what it shows.
 */
export function jurorSitePoints(input: RankingInput): Map<string, Map<string, number | null>> {
  const indicators = listIndicators(input.instrument);
  const scores = new Map<string, number>();
  for (const s of input.scores) scores.set(`${s.site}\u0000${s.juror}\u0000${s.indicator}`, s.value);
  const result = new Map<string, Map<string, number | null>>();
  for (const site of input.sites) {
    const perJuror = new Map<string, number | null>();
    for (const juror of input.jurors) {
      let points: number | null = null;
      for (const { indicator, aspect, scale } of indicators) {
        if (!isEligible(juror, aspect.code, site.code)) continue;
        const value = scores.get(`${site.code}\u0000${juror.code}\u0000${indicator.code}`);
        if (value === undefined) continue;
        const { min, max } = scaleBounds(scale);
        const normalised = input.rules.normalise === 'max' ? value / max : (value - min) / (max - min);
        points = (points ?? 0) + indicator.weight * normalised;
      }
      perJuror.set(juror.code, points);
    }
    result.set(site.code, perJuror);
  }
  return result;
}

/** The state of the result as the title line says it. */
export function stateText(ranking: Pick<OfficialRanking, 'state' | 'revision'>): string {
  switch (ranking.state) {
    case 'locked':
      return `Dikunci — revisi ${ranking.revision}`;
    case 'signed':
      return `Ditandatangani — revisi ${ranking.revision}`;
    case 'pleno':
      return 'SEMENTARA — rapat pleno berlangsung';
    default:
      return 'SEMENTARA';
  }
}

/** What decided a site's place, in Indonesian, as Rekap, `rank` and the recap PDF say it (a pleno decision with its reason). */
function decidedText(site: OfficialSite, previous: OfficialSite | null, precision: number, competition: WorkbookCompetition): string {
  const explained = explainPlace(site, previous, precision, competition.instrument);
  return explained ? explanationText('id', explained) : '';
}

export function buildWorkbook({ competition, ranking, input, notes }: WorkbookInput): WorkbookModel {
  const p = ranking.precision;
  const { instrument } = competition;
  const head = (sheet: string) => `${competition.name} (${competition.code}) — ${sheet} — ${stateText(ranking)}`;
  const sites = new Map(competition.sites.map((s) => [s.code, s]));
  const jurors = new Map(competition.jurors.map((j) => [j.code, j]));
  const byCategory = ranking.rankBy === 'category';

  const peringkat: WorkbookSheet = {
    name: 'Peringkat',
    title: head('Peringkat'),
    columns: [
      { title: 'Peringkat', width: 10 },
      { title: 'Kode', width: 10 },
      { title: 'Desa/Kelurahan', width: 26, wrap: true },
      { title: 'Kabupaten/Kota', width: 20, wrap: true },
      ...(byCategory ? [{ title: 'Kategori', width: 14, wrap: true }] : []),
      ...instrument.aspects.map((a) => ({ title: `Aspek ${a.code}`, width: 10 })),
      ...instrument.phases.map((ph) => ({ title: `Tahap ${ph.code}`, width: 10 })),
      { title: 'Total', width: 10 },
      { title: 'Predikat', width: 14, wrap: true },
      { title: 'Penentu peringkat', width: 40, wrap: true },
    ],
    rows: ranking.ranking.map((r, i) => [
      whole(r.rank),
      text(r.site),
      text(r.name),
      text(sites.get(r.site)?.regency),
      ...(byCategory ? [text(r.category)] : []),
      ...instrument.aspects.map((a) => rounded(r.aspects[a.code] ?? 0, p)),
      ...instrument.phases.map((ph) => rounded(r.phases[ph.code] ?? 0, p)),
      rounded(r.total, p),
      text(r.label ?? (r.complete ? null : 'belum lengkap')),
      text(decidedText(r, ranking.ranking[i - 1] ?? null, p, competition)),
    ]),
    notes: [
      ...instrument.aspects.map((a) => `Aspek ${a.code}: ${a.name}`),
      ...instrument.phases.map((ph) => `Tahap ${ph.code}: ${ph.name}`),
      `Nilai dibulatkan ${p} desimal (setengah menjauhi nol); pembulatan per kolom dapat membuat jumlah kolom berbeda sedikit dari total.`,
    ],
  };

  const points = jurorSitePoints(input);
  const scoring = input.jurors.filter((j) => j.aspects === null || j.aspects.length > 0);
  const perJuri: WorkbookSheet = {
    name: 'Per juri',
    title: head('Nilai per juri'),
    columns: [
      { title: 'Kode', width: 10 },
      { title: 'Desa/Kelurahan', width: 26, wrap: true },
      ...scoring.map((j) => ({ title: `${j.code} ${jurors.get(j.code)?.name ?? ''}`.trim(), width: 14, wrap: true })),
    ],
    rows: input.sites.map((s) => [
      text(s.code),
      text(s.name),
      ...scoring.map((j) => {
        const value = points.get(s.code)?.get(j.code) ?? null;
        return value === null ? null : rounded(value, p);
      }),
    ]),
    notes: [
      'Nilai per juri = Σ bobot × skor ternormalisasi atas indikator yang dinilai juri itu di lokus tersebut ' +
        (input.rules.normalise === 'max' ? '(skor / skor maksimum).' : '((skor − minimum) / (maksimum − minimum)).'),
      'Kosong: juri tidak menilai lokus itu (aspeknya bukan bagian juri, atau juri mundur dari lokus itu). Juri yang hanya menilai sebagian aspek memberi nilai pada skala yang lebih kecil.',
      'Nilai resmi lokus (lembar Peringkat) dihitung per indikator dari nilai semua juri, jadi tidak sama dengan jumlah atau rata-rata kolom ini.',
    ],
  };

  const indicators = listIndicators(instrument);
  const indicatorOrder = new Map(indicators.map((x, i) => [x.indicator.code, i]));
  const siteOrder = new Map(input.sites.map((s, i) => [s.code, i]));
  const jurorOrder = new Map(input.jurors.map((j, i) => [j.code, i]));
  const cells = new Map<string, { site: string; juror: string; indicator: string; score: number | null; note: string | null }>();
  const cell = (site: string, juror: string, indicator: string) => {
    const key = `${site}\u0000${juror}\u0000${indicator}`;
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { site, juror, indicator, score: null, note: null }));
    return found;
  };
  for (const s of input.scores) cell(s.site, s.juror, s.indicator).score = s.value;
  for (const n of notes) if (indicatorOrder.has(n.indicator)) cell(n.site, n.juror, n.indicator).note = n.note;
  const order = (m: Map<string, number>, k: string) => m.get(k) ?? Number.MAX_SAFE_INTEGER;
  const listed = [...cells.values()].sort(
    (a, b) =>
      order(siteOrder, a.site) - order(siteOrder, b.site) ||
      order(jurorOrder, a.juror) - order(jurorOrder, b.juror) ||
      order(indicatorOrder, a.indicator) - order(indicatorOrder, b.indicator),
  );
  const phaseName = new Map(instrument.phases.map((ph) => [ph.code, ph.name]));
  const rankingJurors = new Map(input.jurors.map((j) => [j.code, j]));
  const nilai: WorkbookSheet = {
    name: 'Nilai',
    title: head('Nilai'),
    columns: [
      { title: 'Kode lokus', width: 10 },
      { title: 'Desa/Kelurahan', width: 22, wrap: true },
      { title: 'Kode juri', width: 9 },
      { title: 'Nama juri', width: 22, wrap: true },
      { title: 'NIP', width: 21 },
      { title: 'Kode indikator', width: 11 },
      { title: 'Indikator', width: 40, wrap: true },
      { title: 'Aspek', width: 8 },
      { title: 'Tahap', width: 14, wrap: true },
      { title: 'Bobot', width: 8 },
      { title: 'Skor', width: 8 },
      { title: 'Dihitung', width: 9 },
      { title: 'Catatan', width: 40, wrap: true },
    ],
    rows: listed.map((c) => {
      const ref = indicators[indicatorOrder.get(c.indicator)!]!;
      const juror = jurors.get(c.juror);
      const rankingJuror = rankingJurors.get(c.juror);
      const counted = c.score !== null && rankingJuror !== undefined && isEligible(rankingJuror, ref.aspect.code, c.site);
      return [
        text(c.site),
        text(sites.get(c.site)?.name),
        text(c.juror),
        text(juror?.name),
        text(juror?.nip),
        text(c.indicator),
        text(ref.indicator.name),
        text(ref.aspect.code),
        text(phaseName.get(ref.indicator.phase) ?? ref.indicator.phase),
        plain(ref.indicator.weight),
        c.score === null ? null : plain(c.score),
        c.score === null ? null : text(counted ? 'ya' : 'tidak'),
        text(c.note),
      ];
    }),
    notes: [
      'Setiap skor yang tersimpan dan setiap catatan juri. Dihitung "tidak": skor dari juri yang tidak berwenang atas sel itu (aspek bukan bagiannya, atau mundur dari lokus), tidak masuk peringkat.',
    ],
  };

  const keputusan: WorkbookSheet = {
    name: 'Keputusan pleno',
    title: head('Keputusan rapat pleno'),
    columns: [
      { title: 'No', width: 5 },
      { title: 'Urutan lokus', width: 22, wrap: true },
      { title: 'Peringkat bersama', width: 11 },
      { title: 'Alasan', width: 50, wrap: true },
      { title: 'Waktu', width: 22, wrap: true },
      { title: 'Revisi', width: 8 },
      { title: 'Status', width: 30, wrap: true },
    ],
    rows: ranking.decisions.map((d, i) => [
      whole(i + 1),
      text(d.order.join(', ')),
      d.rank === null ? null : whole(d.rank),
      text(d.reason),
      text(formatDateTime(new Date(d.at), 'id')),
      whole(d.revision),
      text(d.status === 'applied' ? 'berlaku' : 'batal: lokusnya tidak lagi seri'),
    ]),
    notes:
      ranking.decisions.length === 0
        ? ['Belum ada keputusan rapat pleno.']
        : ['Urutan lokus: yang pertama ditempatkan paling atas. Keputusan batal tidak diterapkan pada peringkat.'],
  };

  return { name: `Rekapitulasi-${competition.code}.xlsx`, sheets: [peringkat, perJuri, nilai, keputusan] };
}
