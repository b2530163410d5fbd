/**
 * What the documents the whole jury signs (Rekapitulasi Nilai, Berita Acara Penilaian) say alike, in one place: the
 * method of assessment in sentences, the jury in the order it signs (Ketua, Sekretaris, Anggota), the optional
 * "Mengetahui" official, the kop surat, and whether the result is still provisional (SEMENTARA) or locked.
 */
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import { explainTieBreak, explanationText } from '../../../shared/domain/explain.js';
import { isFrozen, type PlenoState } from '../../../shared/domain/pleno.js';
import type { Ranking } from '../../../shared/domain/ranking.js';

const AGGREGATION: Record<Ranking['aggregation'], string> = {
  mean: 'rata-rata nilai para juri',
  'trimmed-mean': 'rata-rata terpangkas (nilai tertinggi dan terendah dibuang bila dinilai oleh 5 juri atau lebih)',
  median: 'median nilai para juri',
};
const NORMALISE: Record<Ranking['normalise'], string> = {
  max: 'skor dibagi skor maksimum skala (Σ bobot × skor / skor maksimum)',
  range: 'skor dipetakan ke rentang skala ((skor − minimum) / (maksimum − minimum))',
};

/** The method of assessment, one sentence a rule: how scores combine, how ties are broken, how numbers are rounded. */
export function methodSentences(ranking: Ranking, instrument: CompetitionDetail['instrument']): string[] {
  const p = ranking.precision;
  return [
    `Nilai indikator = bobot × ${AGGREGATION[ranking.aggregation]}, dengan ${NORMALISE[ranking.normalise]}. Nilai total pada skala 0–100.`,
    explanationText('id', explainTieBreak(ranking.tieBreak, instrument)),
    `Nilai dibulatkan ${p} desimal (setengah menjauhi nol); pembulatan per kolom aspek dapat membuat jumlah kolom berbeda sedikit dari total.`,
  ];
}

export const ROLE_NAMES: Record<string, string> = { ketua: 'Ketua', sekretaris: 'Sekretaris', anggota: 'Anggota' };
const ROLE_ORDER: Record<string, number> = { ketua: 0, sekretaris: 1, anggota: 2 };

export interface JurySigner {
  code: string;
  name: string;
  nip: string | null;
  /** Jabatan, when given. */
  position: string | null;
  agency: string | null;
  /** Kedudukan dalam tim: Ketua, Sekretaris, Anggota. */
  role: string;
}

/** The jury in the order it signs: the Ketua, the Sekretaris, then the Anggota, each role in the competition's order. */
export function juryInOrder(detail: CompetitionDetail): JurySigner[] {
  return detail.jurors
    .map((j, i) => ({ j, i }))
    .sort((a, b) => (ROLE_ORDER[a.j.role] ?? 3) - (ROLE_ORDER[b.j.role] ?? 3) || a.i - b.i)
    .map(({ j }) => ({
      code: j.code,
      name: j.name,
      nip: j.nip ?? null,
      position: j.position ?? null,
      agency: j.agency ?? null,
      role: ROLE_NAMES[j.role] ?? j.role,
    }));
}

export interface Acknowledgement {
  title: string;
  name: string;
  nip: string | null;
}

export function acknowledgement(detail: CompetitionDetail): Acknowledgement | null {
  const by = detail.info.acknowledgedBy;
  return by ? { title: by.title, name: by.name, nip: by.nip ?? null } : null;
}

export interface LetterheadModel {
  lines: string[];
  address: string | null;
  logo: string | null;
}

export function letterheadOf(detail: CompetitionDetail): LetterheadModel {
  const letterhead = detail.info.letterhead;
  return {
    lines: letterhead?.lines?.length ? letterhead.lines : [detail.info.organizer ?? detail.info.name],
    address: letterhead?.address ?? null,
    logo: letterhead?.logo ?? null,
  };
}

/**
 * Whether the result is still provisional: until the plenary meeting locks it, every document the jury signs says
 * SEMENTARA (a band on every page) and is not for signing. Once locked, the revision is said when it is not the first.
 */
export interface ResultState {
  provisional: boolean;
  /** The band on every page while provisional ("SEMENTARA · …"), else null. */
  band: string | null;
  /** "Revisi 2" once locked after a reopening, else null. */
  revision: string | null;
}

/** `ranking`: the official ranking (a bare section-4 ranking has no state: provisional). */
export function resultState(ranking: { state?: PlenoState; revision?: number }): ResultState {
  const revision = ranking.revision ?? 0;
  if (!ranking.state || !isFrozen(ranking.state)) {
    return {
      provisional: true,
      band: 'SEMENTARA · hasil belum dikunci dalam rapat pleno · bukan untuk ditandatangani',
      revision: null,
    };
  }
  return { provisional: false, band: null, revision: revision > 0 ? `Revisi ${revision}` : null };
}
