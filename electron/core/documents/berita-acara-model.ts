/**
 * The view model of the Berita Acara Penilaian (the official minutes the whole jury signs): every string already
 * formatted the Indonesian way, so the react-pdf component only lays it out. What it shows comes from
 * `beritaAcaraData` (the part's hashed data): the competition, the jury in signing order, the official ranking with
 * the plenary's decisions, and the reasons for reopening a locked result.
 */
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import { formatDate, formatLongDate, toIsoDate } from '../../../shared/domain/dates.js';
import { formatNumber } from '../../../shared/domain/numbers.js';
import type { PlenoEvent } from '../../../shared/contract/pleno.js';
import type { OfficialRanking } from '../../../shared/domain/pleno.js';
import { dateInWords, terbilang } from '../../../shared/domain/terbilang.js';
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

export interface BeritaAcaraModel {
  letterhead: LetterheadModel;
  title: string;
  /** The competition's name in capitals, under the title. */
  subtitle: string;
  /** "Nomor: 400.10.2.1/573/…", or a dotted line to fill in by hand. */
  number: string;
  runningHead: string;
  competitionCode: string;
  state: ResultState;
  opening: string;
  jury: { no: string; name: string; nip: string; position: string; role: string }[];
  assessed: string;
  method: string[];
  resultIntro: string;
  groups: { category: string | null; rows: { label: string; rank: string; site: string; regency: string; total: string }[] }[];
  decisions: string[];
  revision: string | null;
  closing: string;
  signature: { placeDate: string; jurors: JurySigner[]; acknowledgedBy: Acknowledgement | null };
  printedAt: string;
}

/** What the Berita Acara shows, as plain data: its canonical JSON's hash is the part's data hash. */
export interface BeritaAcaraData {
  doc: 'berita-acara';
  competition: string;
  number: string | null;
  /** The plenary date (or the day of printing while none is set), YYYY-MM-DD. */
  date: string;
  place: string | null;
  jury: JurySigner[];
  acknowledgedBy: Acknowledgement | null;
  ranking: OfficialRanking;
  /** Each reopening of a locked result: the revision it began and its reason. */
  reopened: { revision: number; reason: string }[];
}

export function beritaAcaraData(
  detail: CompetitionDetail,
  ranking: OfficialRanking,
  events: readonly PlenoEvent[],
  now: Date,
): BeritaAcaraData {
  return {
    doc: 'berita-acara',
    competition: detail.info.code,
    number: detail.info.documentNumbers?.beritaAcara?.trim() || null,
    date: detail.info.dates?.plenary ?? toIsoDate(now),
    place: detail.info.place?.trim() || null,
    jury: juryInOrder(detail),
    acknowledgedBy: acknowledgement(detail),
    ranking,
    reopened: events
      .filter((e) => e.kind === 'pleno.reopen' && e.revision <= ranking.revision)
      .map((e) => ({ revision: e.revision, reason: e.reason ?? '' })),
  };
}

const BLANK_NUMBER = '……………………………………………';

export function buildBeritaAcaraModel(detail: CompetitionDetail, data: BeritaAcaraData, printedAt: Date): BeritaAcaraModel {
  const { ranking } = data;
  const p = ranking.precision;
  const name = detail.info.name;
  const place = data.place ?? '……………………';
  const sites = new Map(detail.sites.map((s) => [s.code, s]));
  const siteName = (code: string) => sites.get(code)?.name ?? code;
  const regencies = new Set(detail.sites.map((s) => s.regency).filter(Boolean)).size;
  const instrument = detail.instrument;
  const indicators = instrument.aspects.reduce((n, a) => n + a.indicators.length, 0);
  const n = detail.sites.length;
  const state = resultState(ranking);

  const labelled = ranking.ranking.filter((r) => r.label);
  const categories = ranking.rankBy === 'category' ? [...new Set(labelled.map((r) => r.category))] : [null];
  const groups = categories
    .map((category) => ({
      category,
      rows: labelled
        .filter((r) => ranking.rankBy !== 'category' || r.category === category)
        .map((r) => ({
          label: r.label!,
          rank: String(r.rank),
          site: `${r.name} (${r.site})`,
          regency: sites.get(r.site)?.regency ?? '',
          total: formatNumber(r.total, p),
        })),
    }))
    .filter((g) => g.rows.length > 0);

  const totals = new Map(ranking.ranking.map((r) => [r.site, r]));
  const decisions = ranking.decisions
    .filter((d) => d.status === 'applied')
    .map((d) => {
      const first = totals.get(d.order[0]!);
      const order = d.order.map((code) => `${siteName(code)} (${code})`).join(', lalu ');
      const total = first ? formatNumber(first.total, p) : '';
      return `Lokus dengan nilai total sama (${total}) pada peringkat ${d.rank}: rapat pleno menetapkan urutan ${order}, dengan alasan: ${d.reason.trim()}`;
    });

  const reopen = data.reopened.filter((r) => r.revision === ranking.revision).at(-1);
  const revision =
    ranking.revision > 0
      ? `Berita acara ini adalah Revisi ${ranking.revision} dan menggantikan berita acara sebelumnya. Hasil yang telah dikunci dibuka kembali oleh rapat pleno dengan alasan: ${reopen?.reason.trim() || '(tidak tercatat)'}`
      : null;

  return {
    letterhead: letterheadOf(detail),
    title: 'BERITA ACARA PENILAIAN',
    subtitle: name.toUpperCase(),
    number: `Nomor: ${data.number ?? BLANK_NUMBER}`,
    runningHead: `Berita Acara Penilaian · ${name} · Nomor: ${data.number ?? BLANK_NUMBER} (lanjutan)`,
    competitionCode: detail.info.code,
    state,
    opening: `Pada hari ini ${dateInWords(data.date) ?? formatDate(data.date)}, bertempat di ${place}, kami yang bertanda tangan di bawah ini, Tim Penilai ${name}:`,
    jury: data.jury.map((j, i) => ({
      no: String(i + 1),
      name: j.name,
      nip: j.nip ?? '-',
      position: [j.position, j.agency].filter(Boolean).join(', ') || '-',
      role: j.role,
    })),
    assessed:
      `telah melaksanakan penilaian ${name} terhadap ${n} (${terbilang(n)}) desa/kelurahan` +
      (regencies > 0 ? ` dari ${regencies} (${terbilang(regencies)}) kabupaten/kota` : '') +
      `, dengan ${/^instrumen\b/i.test(instrument.name) ? instrument.name : `instrumen ${instrument.name}`} versi ${instrument.version}: ${instrument.aspects.length} aspek dan ${indicators} indikator, ` +
      `dinilai dalam ${instrument.phases.length} tahap (${instrument.phases.map((ph) => ph.name).join(', ')}). Cara penilaian:`,
    method: methodSentences(ranking, instrument),
    resultIntro: 'Berdasarkan hasil penilaian dan rapat pleno Tim Penilai, hasil penilaian ditetapkan sebagai berikut:',
    groups,
    decisions,
    revision,
    closing: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    signature: {
      placeDate: `${data.place ? `${data.place}, ` : ''}${formatDate(data.date)}`,
      jurors: data.jury,
      acknowledgedBy: data.acknowledgedBy,
    },
    printedAt: formatLongDate(toIsoDate(printedAt)),
  };
}
