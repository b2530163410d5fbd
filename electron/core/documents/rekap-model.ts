/**
 * The view model of the recap (Rekapitulasi Nilai): every string already formatted the Indonesian way, so the
 * react-pdf component only lays it out.
 */
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import { formatDate, formatLongDate, toIsoDate } from '../../../shared/domain/dates.js';
import { formatNumber } from '../../../shared/domain/numbers.js';
import { explainPlaces, explanationText } from '../../../shared/domain/explain.js';
import type { PlenoState } from '../../../shared/domain/pleno.js';
import type { Ranking } from '../../../shared/domain/ranking.js';
import {
  acknowledgement,
  juryInOrder,
  letterheadOf,
  methodSentences,
  resultState,
  type Acknowledgement,
  type JurySigner,
  type LetterheadModel,
  type ResultState,
} from './jury-model.js';

export interface RekapModel {
  letterhead: LetterheadModel;
  title: string;
  subtitle: string;
  /** `documentNumbers.rekap`, when the secretariat gave one. */
  number: string | null;
  /** The line atop every page after the first: the title, the competition and the number, "(lanjutan)". */
  runningHead: string;
  competitionCode: string;
  aspects: { code: string; name: string; max: string }[];
  rows: {
    rank: string;
    code: string;
    name: string;
    regency: string;
    category: string | null;
    aspects: string[];
    total: string;
    label: string;
    decidedBy: string;
    tied: boolean;
    complete: boolean;
  }[];
  groupedByCategory: boolean;
  method: string[];
  state: ResultState;
  status: { provisional: boolean; text: string };
  signature: { placeDate: string; jurors: JurySigner[]; acknowledgedBy: Acknowledgement | null };
  printedAt: string;
}

export function buildRekapModel(
  detail: CompetitionDetail,
  ranking: Ranking & { state?: PlenoState; revision?: number },
  printedAt: Date,
): RekapModel {
  const p = ranking.precision;
  const aspects = detail.instrument.aspects.map((a) => ({
    code: a.code,
    name: a.name,
    max: formatNumber(
      a.indicators.reduce((s, i) => s + i.weight, 0),
      p,
    ),
  }));
  const regency = new Map(detail.sites.map((s) => [s.code, s.regency ?? '']));
  const explained = explainPlaces(ranking, detail.instrument);
  const rows = ranking.ranking.map((r, i) => ({
    rank: String(r.rank),
    code: r.site,
    name: r.name,
    regency: regency.get(r.site) ?? '',
    category: r.category,
    aspects: aspects.map((a) => formatNumber(r.aspects[a.code] ?? 0, p)),
    total: formatNumber(r.total, p),
    label: r.label ?? (r.complete ? '' : 'belum lengkap'),
    decidedBy: explained[i] ? explanationText('id', explained[i]) : '',
    tied: r.tied,
    complete: r.complete,
  }));
  const state = resultState(ranking);
  const status = {
    provisional: state.provisional,
    text: !ranking.complete
      ? 'SEMENTARA: belum semua nilai masuk; lokus yang belum lengkap tidak diberi predikat.'
      : !ranking.finalised
        ? 'SEMENTARA: belum semua lembar penilaian difinalkan oleh juri.'
        : state.provisional
          ? 'SEMENTARA: semua nilai telah masuk dan difinalkan; hasil belum dikunci dalam rapat pleno.'
          : `Hasil telah dikunci dalam rapat pleno${ranking.state === 'signed' ? ' dan ditandatangani' : ''}${state.revision ? ` · ${state.revision}` : ''}.`,
  };
  const place = detail.info.place ?? '';
  const date = detail.info.dates?.plenary ?? toIsoDate(printedAt);
  const number = detail.info.documentNumbers?.rekap?.trim() || null;
  return {
    letterhead: letterheadOf(detail),
    title: 'REKAPITULASI NILAI',
    subtitle: detail.info.name,
    number,
    runningHead: `Rekapitulasi Nilai · ${detail.info.name}${number ? ` · Nomor ${number}` : ''} (lanjutan)`,
    competitionCode: detail.info.code,
    aspects,
    rows,
    groupedByCategory: ranking.rankBy === 'category',
    method: methodSentences(ranking, detail.instrument),
    state,
    status,
    signature: {
      placeDate: `${place ? `${place}, ` : ''}${formatDate(date)}`,
      jurors: juryInOrder(detail),
      acknowledgedBy: acknowledgement(detail),
    },
    printedAt: formatLongDate(toIsoDate(printedAt)),
  };
}
