/**
 * The view model of the recap (Rekapitulasi Nilai): every string already formatted the Indonesian way, so the
 * react-pdf component only lays it out.
 */
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import { formatDate, formatLongDate, toIsoDate } from '../../../shared/domain/dates.js';
import { formatNumber } from '../../../shared/domain/numbers.js';
import { explainPlaces, explainTieBreak, explanationText } from '../../../shared/domain/explain.js';
import type { Ranking } from '../../../shared/domain/ranking.js';

export interface RekapModel {
  letterhead: { lines: string[]; address: string | null; logo: string | null };
  title: string;
  subtitle: string;
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
  status: { provisional: boolean; text: string };
  signature: { placeDate: string; jurors: { code: string; name: string; nip: string | null; role: string }[] };
  printedAt: string;
}

const AGGREGATION: Record<Ranking['aggregation'], string> = {
  mean: 'rata-rata nilai para juri',
  'trimmed-mean': 'rata-rata terpangkas (nilai tertinggi dan terendah dibuang bila dinilai oleh 5 juri atau lebih)',
  median: 'median nilai para juri',
};
const NORMALISE: Record<Ranking['normalise'], string> = {
  max: 'skor dibagi skor maksimum skala (Σ bobot × skor / skor maksimum)',
  range: 'skor dipetakan ke rentang skala ((skor − minimum) / (maksimum − minimum))',
};
const ROLE: Record<string, string> = { ketua: 'Ketua', sekretaris: 'Sekretaris', anggota: 'Anggota' };

export function buildRekapModel(detail: CompetitionDetail, ranking: Ranking, printedAt: Date): RekapModel {
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
  const tieBreak = explanationText('id', explainTieBreak(ranking.tieBreak, detail.instrument));
  const method = [
    `Nilai indikator = bobot × ${AGGREGATION[ranking.aggregation]}, dengan ${NORMALISE[ranking.normalise]}. Nilai total pada skala 0–100.`,
    tieBreak,
    `Nilai dibulatkan ${p} desimal (setengah menjauhi nol); pembulatan per kolom aspek dapat membuat jumlah kolom berbeda sedikit dari total.`,
  ];
  const provisional = !ranking.complete || !ranking.finalised;
  const status = provisional
    ? {
        provisional,
        text: !ranking.complete
          ? 'SEMENTARA: belum semua nilai masuk; lokus yang belum lengkap tidak diberi predikat.'
          : 'SEMENTARA: belum semua lembar penilaian difinalkan oleh juri.',
      }
    : { provisional, text: 'Semua nilai telah masuk dan semua lembar penilaian telah difinalkan.' };
  const place = detail.info.place ?? '';
  const date = detail.info.dates?.plenary ?? toIsoDate(printedAt);
  const letterhead = detail.info.letterhead;
  return {
    letterhead: {
      lines: letterhead?.lines?.length ? letterhead.lines : [detail.info.organizer ?? detail.info.name],
      address: letterhead?.address ?? null,
      logo: letterhead?.logo ?? null,
    },
    title: 'REKAPITULASI NILAI',
    subtitle: detail.info.name,
    competitionCode: detail.info.code,
    aspects,
    rows,
    groupedByCategory: ranking.rankBy === 'category',
    method,
    status,
    signature: {
      placeDate: `${place ? `${place}, ` : ''}${formatDate(date)}`,
      jurors: detail.jurors.map((j) => ({ code: j.code, name: j.name, nip: j.nip ?? null, role: ROLE[j.role] ?? j.role })),
    },
    printedAt: formatLongDate(toIsoDate(printedAt)),
  };
}
