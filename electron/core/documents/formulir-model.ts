/**
 * The Formulir penilaian (blank paper form) for juries that still score on paper: the instrument as the scoring
 * screen shows it (renderer/src/screens/penilaian/IndicatorCard.tsx), field for field: for each indicator its code,
 * name, description, weight and phase, the rubric of every level, the scale's levels as boxes to tick (the options'
 * key, value and label; a range's steps when there are few, else a box to write the score in, with its range and
 * step), lines for the note, and for a household indicator its checklist: one row per item, one column per family of
 * the sample. Per juror and site (only the indicators that juror scores there), or generic (every indicator, the juror
 * and site written in by hand).
 */
import type { CompetitionDetail, JurorWithRecusals } from '../../../shared/contract/schemas.js';
import type { Site } from '../../../shared/domain/competition.js';
import { formatLongDate, toIsoDate } from '../../../shared/domain/dates.js';
import { eligibleIndicators } from '../../../shared/domain/eligibility.js';
import { isOptionsScale, listIndicators, scaleLevels, type IndicatorRef } from '../../../shared/domain/instrument.js';
import { plainNumber } from './lembar-model.js';
import type { Part } from './part.js';
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

export interface FormulirIndicator {
  code: string;
  name: string;
  description: string | null;
  weight: string;
  phase: string;
  /** The levels to tick ("a", "4", "Baik"), or null when the score is written in a box. */
  boxes: { key: string; value: string; label: string }[] | null;
  /** What the box to write in takes ("0–100, kelipatan 1"), when there are no boxes to tick. */
  write: string | null;
  rubric: { level: string; text: string }[];
  household: { items: string[]; families: number; bands: string | null } | null;
}

export interface FormulirModel {
  letterhead: LetterheadModel;
  title: string;
  competition: string;
  competitionCode: string;
  instrument: string;
  generic: boolean;
  site: SiteLines | null;
  juror: JurorLines | null;
  aspects: { code: string; name: string; phases: { code: string; name: string; indicators: FormulirIndicator[] }[] }[];
  instructions: string[];
  printedAt: string;
}

function bandsText(ref: IndicatorRef): string | null {
  const bands = ref.indicator.household?.bands;
  if (!bands) return null;
  let from = 0;
  const parts: string[] = [];
  for (const band of bands) {
    if ('below' in band) {
      parts.push(`${plainNumber(from)} % s.d. < ${plainNumber(band.below)} % → ${plainNumber(band.score)}`);
      from = band.below;
    } else parts.push(`≥ ${plainNumber(band.atLeast)} % → ${plainNumber(band.score)}`);
  }
  return parts.join('; ');
}

function formIndicator(ref: IndicatorRef): FormulirIndicator {
  const { indicator, scale } = ref;
  const levels = scaleLevels(scale);
  const boxes = levels ? levels.map((l) => ({ key: l.key, value: plainNumber(l.value), label: l.label ?? '' })) : null;
  const write = levels
    ? null
    : isOptionsScale(scale)
      ? null
      : `${plainNumber(scale.min)}–${plainNumber(scale.max)}, kelipatan ${plainNumber(scale.step)}${scale.unit ? ` ${scale.unit}` : ''}`;
  return {
    code: indicator.code,
    name: indicator.name,
    description: indicator.description ?? null,
    weight: plainNumber(indicator.weight),
    phase: indicator.phase,
    boxes,
    write,
    rubric: Object.entries(indicator.rubric ?? {}).map(([level, text]) => ({ level: plainNumber(Number(level)), text })),
    household: indicator.household
      ? { items: [...indicator.household.items], families: indicator.household.sampleSize, bands: bandsText(ref) }
      : null,
  };
}

export function buildFormulirModel(
  detail: CompetitionDetail,
  juror: JurorWithRecusals | null,
  site: Site | null,
  now: Date,
): FormulirModel {
  const refs = juror && site ? eligibleIndicators(detail.instrument, eligibilityOf(juror), site.code) : listIndicators(detail.instrument);
  const aspects = byAspectAndPhase(detail.instrument, refs).map(({ aspect, phases }) => ({
    code: aspect.code,
    name: aspect.name,
    phases: phases.map((ph) => ({ code: ph.code, name: ph.name, indicators: ph.refs.map(formIndicator) })),
  }));
  return {
    letterhead: letterheadOf(detail),
    title: 'FORMULIR PENILAIAN',
    competition: detail.info.name,
    competitionCode: detail.info.code,
    instrument: `${detail.instrument.name} (versi ${detail.instrument.version})`,
    generic: !(juror && site),
    site: site ? siteLines(site) : null,
    juror: juror ? jurorLines(juror) : null,
    aspects,
    instructions: [
      'Beri tanda centang (✓) pada satu kotak nilai untuk setiap indikator, atau tulis nilainya di kotak bila tidak ada pilihan.',
      'Kunjungan rumah: tulis Y (ya) atau T (tidak) untuk setiap butir pada kolom setiap KK yang dikunjungi.',
      'Tulis catatan (temuan, sumber data) di baris catatan. Nilai diketik ke Penilai oleh sekretariat dari formulir ini.',
    ],
    printedAt: formatLongDate(toIsoDate(now)),
  };
}

/** One form for a juror at a site, or the generic form (juror and site null). */
export function formulirPart(
  detail: CompetitionDetail,
  juror: JurorWithRecusals | null,
  site: Site | null,
  now: Date,
): Part<FormulirModel> {
  const refs = juror && site ? eligibleIndicators(detail.instrument, eligibilityOf(juror), site.code) : listIndicators(detail.instrument);
  return {
    title: juror && site ? `Formulir Penilaian ${juror.code} · ${site.code}` : 'Formulir Penilaian (umum)',
    juror: juror?.code ?? null,
    site: site?.code ?? null,
    data: {
      doc: 'formulir',
      competition: detail.info.code,
      instrument: detail.instrumentSha256,
      juror: juror ? jurorLines(juror) : null,
      site: site ? siteLines(site) : null,
      indicators: refs.map((r) => r.indicator.code),
    },
    model: () => buildFormulirModel(detail, juror, site, now),
  };
}
