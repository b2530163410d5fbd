/**
 * The Lembar Penilaian (score sheet) of one juror at one site: what the sheet holds in the database (scoring.sheet:
 * scores, notes, household checklists, finalisation and reopenings, the drawn signature) with the instrument's
 * words for it, as a view model whose every string is formatted the Indonesian way. The juror's points are section
 * 4's ranking run on this juror's scores alone (`rankSites` with one juror and one site), so the formula is the
 * ranking's own, never written again here.
 */
import { createHash } from 'node:crypto';
import type { CompetitionDetail, JurorWithRecusals, ScoreSheet } from '../../../shared/contract/schemas.js';
import type { Site } from '../../../shared/domain/competition.js';
import { formatDateTime, formatLongDate, toIsoDate } from '../../../shared/domain/dates.js';
import { eligibleIndicators } from '../../../shared/domain/eligibility.js';
import {
  householdScore,
  levelKey,
  scaleBounds,
  scaleLevels,
  type Household,
  type IndicatorRef,
} from '../../../shared/domain/instrument.js';
import { formatNumber, roundTo } from '../../../shared/domain/numbers.js';
import { rankSites } from '../../../shared/domain/ranking.js';
import type { Part as DocumentPart, PartContext as DocumentContext } from './part.js';
import {
  byAspectAndPhase,
  eligibilityOf,
  jurorLines,
  letterheadOf,
  siteLines,
  type JurorLines,
  type LetterheadModel,
  type SiteLines,
} from './sheet-common.js';

export interface LembarRow {
  code: string;
  name: string;
  weight: string;
  score: string;
  /** The scale's words for the score ("b · Baik"), or empty. */
  label: string;
  note: string;
  /** The household visits behind the score, in words; null for other indicators. */
  household: string | null;
}

export interface LembarModel {
  letterhead: LetterheadModel;
  title: string;
  competition: string;
  competitionCode: string;
  site: SiteLines;
  juror: JurorLines;
  final: boolean;
  /** "FINAL — difinalkan …" or "DRAF — belum final". */
  state: string;
  reopenings: string[];
  aspects: { code: string; name: string; points: string; max: string; phases: { code: string; name: string; rows: LembarRow[] }[] }[];
  total: string;
  maxTotal: string;
  method: string;
  signature: { placeDate: string; drawn: string | null };
  printedAt: string;
}

/** A number as it was entered (a weight, a score): its own decimals, decimal comma. */
export function plainNumber(x: number): string {
  const text = String(roundTo(x, 4));
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return formatNumber(x, decimals);
}

/** The scale's words for a value: the option's key and label, or the level's label. */
export function scaleWords(ref: IndicatorRef, value: number): string {
  const level = (scaleLevels(ref.scale, 1000) ?? []).find((l) => Math.abs(l.value - value) < 1e-9);
  if ('options' in ref.scale) return level ? [level.key, level.label].filter(Boolean).join(' · ') : '';
  return level?.label ?? ref.scale.labels?.[levelKey(value)] ?? '';
}

/** The band of a household checklist that a share of "yes" falls in, as the instrument states it ("50 % – < 80 %"). */
export function bandWords(household: Household, pct: number): string | null {
  if (!household.bands) return null;
  let from = 0;
  for (const band of household.bands) {
    if ('below' in band) {
      if (roundTo(pct, 9) < band.below) return `${formatNumber(from, 0)} % s.d. < ${formatNumber(band.below, 0)} %`;
      from = band.below;
    } else return `≥ ${formatNumber(band.atLeast, 0)} %`;
  }
  return null;
}

/** The household summary: families visited, the share of "yes", the band and the score it gives. */
export function householdWords(ref: IndicatorRef, answers: (boolean | null)[][] | undefined): string {
  const household = ref.indicator.household!;
  const visited = (answers ?? []).filter((family) => family.some((a) => a !== null)).length;
  const flat = (answers ?? []).flat().filter((a): a is boolean => a !== null);
  if (flat.length === 0) return `Kunjungan rumah: jawaban per KK tidak tercatat di aplikasi (sampel ${household.sampleSize} KK).`;
  const yes = flat.filter((a) => a).length;
  const pct = (yes / flat.length) * 100;
  const score = householdScore(household, ref.scale, yes, flat.length);
  const band = bandWords(household, pct);
  return (
    `Kunjungan rumah: ${visited} dari ${household.sampleSize} KK dikunjungi, ${yes} dari ${flat.length} jawaban "Ya" ` +
    `(${formatNumber(pct, 1)} %)${band ? `, rentang ${band}` : ''} → nilai ${plainNumber(score)}.`
  );
}

const METHOD: Record<CompetitionDetail['rules']['normalise'], string> = {
  max: 'Poin indikator = bobot × skor / skor maksimum skala.',
  range: 'Poin indikator = bobot × (skor − minimum) / (maksimum − minimum) skala.',
};

/** What a Lembar shows, as plain data (hashed for its stamp): names, scores, notes, checklists, state, reasons. */
function lembarData(detail: CompetitionDetail, juror: JurorWithRecusals, site: Site, sheet: ScoreSheet, drawn: Uint8Array | null) {
  return {
    doc: 'lembar',
    competition: detail.info.code,
    juror: jurorLines(juror),
    site: siteLines(site),
    finalisedAt: sheet.finalisedAt,
    events: sheet.events.map((e) => ({ kind: e.kind, at: e.at, actor: e.actor, reason: e.reason })),
    scores: sheet.scores.map((s) => ({ indicator: s.indicator, value: s.value })),
    notes: sheet.notes,
    household: sheet.household,
    signature: drawn ? createHash('sha256').update(drawn).digest('hex') : null,
  };
}

export function lembarPart(ctx: DocumentContext, juror: JurorWithRecusals, site: Site): DocumentPart<LembarModel> {
  const { detail } = ctx;
  const ref = { competition: detail.info.code, juror: juror.code, site: site.code };
  const sheet = ctx.repos.scoring.sheet(ref);
  const drawn = sheet.finalised ? ctx.repos.scoring.signature(ref) : null;
  return {
    title: `Lembar Penilaian ${juror.code} · ${site.code}`,
    juror: juror.code,
    site: site.code,
    data: lembarData(detail, juror, site, sheet, drawn),
    model: () => buildLembarModel(ctx, juror, site, sheet, drawn),
  };
}

export function buildLembarModel(
  ctx: DocumentContext,
  juror: JurorWithRecusals,
  site: Site,
  sheet: ScoreSheet,
  drawn: Uint8Array | null,
): LembarModel {
  const { detail } = ctx;
  const p = detail.rules.precision;
  const refs = eligibleIndicators(detail.instrument, eligibilityOf(juror), site.code);
  const scores = new Map(sheet.scores.map((s) => [s.indicator, s.value]));
  const notes = new Map(sheet.notes.map((n) => [n.indicator, n.note]));
  const answers = new Map(sheet.household.map((h) => [h.indicator, h.answers]));

  // This juror's points: the ranking of section 4 over this juror's scores at this site alone.
  const own = rankSites({
    competition: detail.info.code,
    instrument: detail.instrument,
    rules: detail.rules,
    sites: [{ code: site.code, name: site.name, category: site.category ?? null }],
    jurors: [{ code: juror.code, aspects: juror.aspects ?? null, recusedSites: [] }],
    scores: sheet.scores.map((s) => ({ site: site.code, juror: juror.code, indicator: s.indicator, value: s.value })),
    finalisedSheets: [],
  }).ranking[0]!;

  const row = (r: IndicatorRef): LembarRow => {
    const value = scores.get(r.indicator.code);
    return {
      code: r.indicator.code,
      name: r.indicator.name,
      weight: plainNumber(r.indicator.weight),
      score: value === undefined ? '—' : plainNumber(value),
      label: value === undefined ? 'belum dinilai' : scaleWords(r, value),
      note: notes.get(r.indicator.code) ?? '',
      household: r.indicator.household ? householdWords(r, answers.get(r.indicator.code)) : null,
    };
  };
  const aspects = byAspectAndPhase(detail.instrument, refs).map(({ aspect, refs: mine, phases }) => ({
    code: aspect.code,
    name: aspect.name,
    points: formatNumber(own.aspects[aspect.code] ?? 0, p),
    max: formatNumber(
      mine.reduce((sum, r) => sum + r.indicator.weight, 0),
      p,
    ),
    phases: phases.map((ph) => ({ code: ph.code, name: ph.name, rows: ph.refs.map(row) })),
  }));
  const maxTotal = refs.reduce((sum, r) => sum + r.indicator.weight, 0);

  const final = sheet.finalised && sheet.finalisedAt !== null;
  const reopenings = sheet.events
    .filter((e) => e.kind === 'reopen')
    .map((e) => `${formatDateTime(new Date(e.at))} (oleh ${e.actor}): ${e.reason ?? '—'}`);
  const place = detail.info.place ?? '';
  const date = site.visitDate ?? toIsoDate(sheet.finalisedAt ? new Date(sheet.finalisedAt) : ctx.now);
  const bounds = refs.map((r) => scaleBounds(r.scale));
  const scaleNote = bounds.every((b) => b.min === bounds[0]!.min && b.max === bounds[0]!.max)
    ? ` Skala ${plainNumber(bounds[0]?.min ?? 0)}–${plainNumber(bounds[0]?.max ?? 0)}.`
    : '';
  return {
    letterhead: letterheadOf(detail),
    title: 'LEMBAR PENILAIAN',
    competition: detail.info.name,
    competitionCode: detail.info.code,
    site: siteLines(site),
    juror: jurorLines(juror),
    final,
    state: final ? `FINAL — difinalkan ${formatDateTime(new Date(sheet.finalisedAt!))}` : 'DRAF — belum final',
    reopenings,
    aspects,
    total: formatNumber(own.total, p),
    maxTotal: formatNumber(maxTotal, p),
    method: `${METHOD[detail.rules.normalise]}${scaleNote} Jumlah poin juri ini di lokus ini; nilai lokus adalah gabungan semua juri.`,
    signature: {
      placeDate: `${place ? `${place}, ` : ''}${formatLongDate(date)}`,
      drawn: drawn ? `data:image/png;base64,${Buffer.from(drawn).toString('base64')}` : null,
    },
    printedAt: formatLongDate(toIsoDate(ctx.now)),
  };
}
