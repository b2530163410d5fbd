/**
 * Messages of the analysis beside the ranking: agreement between jurors, leniency, outliers, the ranking without
 * each juror (shared/domain/analysis.ts, the readings of shared/domain/analysis-reading.ts, the `agreement` and
 * `sensitivity` commands).
 */
import { formatNumber, roundTo } from '../domain/numbers.js';
import { catalogue, type Lang, type Params } from './types.js';

/** A score or median as it is read: its own decimals (at most 4), with the reader's decimal mark. */
function score(v: Params[string] | undefined, lang: Lang): string {
  const x = Number(v);
  let p = 0;
  while (p < 4 && roundTo(x, p) !== roundTo(x, 4)) p += 1;
  return formatNumber(x, p, lang);
}
const w = (p: Params, lang: Lang) => formatNumber(Number(p.w), 2, lang);
const points = (p: Params, lang: Lang) => formatNumber(Number(p.points), 1, lang);

export const analysisMessages = catalogue(
  {
    'analysis.w.high': (p) => `W ${w(p, 'id')} — kesepakatan tinggi (${p.jurors} juri, ${p.sites} lokus)`,
    'analysis.w.medium': (p) => `W ${w(p, 'id')} — kesepakatan sedang (${p.jurors} juri, ${p.sites} lokus)`,
    'analysis.w.low': (p) => `W ${w(p, 'id')} — kesepakatan rendah (${p.jurors} juri, ${p.sites} lokus)`,
    'analysis.w.fewJurors': (p) => `W tidak dapat dihitung: aspek ini dinilai oleh ${p.jurors} juri saja (perlu paling sedikit 2).`,
    'analysis.w.fewSites': (p) =>
      `W tidak dapat dihitung: hanya ${p.sites} lokus dinilai lengkap oleh ke-${p.jurors} juri aspek ini (perlu paling sedikit 2).`,
    'analysis.w.allTied': (p) => `W tidak dapat dihitung: setiap juri memberi poin yang sama untuk semua ${p.sites} lokus.`,
    'analysis.leniency.stricter': (p) =>
      `${p.juror} rata-rata ${points(p, 'id')} poin (dari 100) lebih rendah dari juri lain: lebih pelit (${p.cells} sel)`,
    'analysis.leniency.kinder': (p) =>
      `${p.juror} rata-rata ${points(p, 'id')} poin (dari 100) lebih tinggi dari juri lain: lebih royal (${p.cells} sel)`,
    'analysis.leniency.even': (p) => `${p.juror} rata-rata setara dengan juri lain (${p.cells} sel)`,
    'analysis.leniency.none': (p) => `${p.juror}: tidak ada sel yang juga dinilai juri lain`,
    'analysis.outlier': (p) =>
      `Lokus ${p.site}, indikator ${p.indicator}: ${p.juror} memberi ${score(p.score, 'id')}, median juri lain ${score(p.median, 'id')}`,
    'analysis.noLabel': () => `tanpa predikat`,
    'analysis.sensitivity.none': (p) => `Tanpa ${p.juror}: tidak ada predikat yang berubah.`,
    'analysis.sensitivity.changes': (p) => `Tanpa ${p.juror}: ${p.changes}.`,
    'analysis.title.agreement': (p) => `Kesepakatan juri, lomba ${p.competition}`,
    'analysis.title.aspects': () =>
      `Kesepakatan per aspek (W Kendall: 1 = semua juri mengurutkan lokus sama persis, 0 = tidak ada kesepakatan)`,
    'analysis.title.jurors': () =>
      `Kemurahan juri (selisih rata-rata dengan juri lain pada indikator dan lokus yang sama, dalam poin nilai total 0–100)`,
    'analysis.title.outliers': () => `Nilai menyimpang (berselisih dari median juri lain paling sedikit setengah rentang skala)`,
    'analysis.outliers.none': () => `Tidak ada nilai menyimpang.`,
    'analysis.title.sensitivity': (p) => `Peringkat tanpa tiap juri, lomba ${p.competition} (dibandingkan dengan peringkat resmi)`,
    'analysis.sensitivity.nobody': () => `Belum ada juri yang memberi nilai.`,
  },
  {
    'analysis.w.high': (p) => `W ${w(p, 'en')} — high agreement (${p.jurors} jurors, ${p.sites} sites)`,
    'analysis.w.medium': (p) => `W ${w(p, 'en')} — moderate agreement (${p.jurors} jurors, ${p.sites} sites)`,
    'analysis.w.low': (p) => `W ${w(p, 'en')} — low agreement (${p.jurors} jurors, ${p.sites} sites)`,
    'analysis.w.fewJurors': (p) => `W cannot be computed: only ${p.jurors} juror(s) scored this aspect (at least 2 are needed).`,
    'analysis.w.fewSites': (p) =>
      `W cannot be computed: only ${p.sites} site(s) were fully scored by all ${p.jurors} jurors of this aspect (at least 2 are needed).`,
    'analysis.w.allTied': (p) => `W cannot be computed: every juror gave all ${p.sites} sites the same points.`,
    'analysis.leniency.stricter': (p) =>
      `${p.juror} on average ${points(p, 'en')} points (of 100) below the other jurors: stricter (${p.cells} cells)`,
    'analysis.leniency.kinder': (p) =>
      `${p.juror} on average ${points(p, 'en')} points (of 100) above the other jurors: more generous (${p.cells} cells)`,
    'analysis.leniency.even': (p) => `${p.juror} on average level with the other jurors (${p.cells} cells)`,
    'analysis.leniency.none': (p) => `${p.juror}: no cell also scored by another juror`,
    'analysis.outlier': (p) =>
      `Site ${p.site}, indicator ${p.indicator}: ${p.juror} gave ${score(p.score, 'en')}, the other jurors' median ${score(p.median, 'en')}`,
    'analysis.noLabel': () => `no title`,
    'analysis.sensitivity.none': (p) => `Without ${p.juror}: no title changes.`,
    'analysis.sensitivity.changes': (p) => `Without ${p.juror}: ${p.changes}.`,
    'analysis.title.agreement': (p) => `Agreement between jurors, competition ${p.competition}`,
    'analysis.title.aspects': () => `Agreement per aspect (Kendall's W: 1 = every juror orders the sites the same, 0 = no agreement)`,
    'analysis.title.jurors': () =>
      `Leniency (mean difference from the other jurors on the same indicator and site, in points of the 0–100 total)`,
    'analysis.title.outliers': () => `Outlying scores (at least half the scale's range from the other jurors' median)`,
    'analysis.outliers.none': () => `No outlying score.`,
    'analysis.title.sensitivity': (p) =>
      `The ranking without each juror, competition ${p.competition} (compared with the official ranking)`,
    'analysis.sensitivity.nobody': () => `No juror has scored yet.`,
  },
);
