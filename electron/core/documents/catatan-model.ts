/**
 * Catatan untuk peserta (notes to a site): what answers a village head's question "why were we placed there": the
 * site's points per aspect beside the highest points any site got in that aspect and the most an aspect can give,
 * its rank, label and total from the official ranking (the locked snapshot once locked), and the jurors' notes the
 * secretariat has released for it (`documents.releaseNotes`).
 *
 * The jurors are not named: a site's people read the notes, and a juror who wrote a frank note must not be singled
 * out by a disappointed village. Each juror with a released note at a site is "Juri 1", "Juri 2", … in an order
 * drawn from a hash of (competition, site, juror): stable for reprints, different from site to site, and unrelated
 * to the jury's list (so "Juri 1" is not the Ketua).
 */
import { createHash } from 'node:crypto';
import type { Site } from '../../../shared/domain/competition.js';
import { formatLongDate, toIsoDate } from '../../../shared/domain/dates.js';
import { formatNumber } from '../../../shared/domain/numbers.js';
import { stateText } from '../../../shared/domain/workbook.js';
import type { Part, PartContext } from './part.js';
import { siteNotes } from './release.js';
import { jurorLines, letterheadOf, siteLines, type JurorLines, type LetterheadModel, type SiteLines } from './sheet-common.js';

export interface CatatanModel {
  letterhead: LetterheadModel;
  title: string;
  competition: string;
  competitionCode: string;
  state: string;
  provisional: boolean;
  site: SiteLines;
  place: { rank: string; of: string; label: string; total: string; maxTotal: string };
  aspects: { code: string; name: string; points: string; highest: string; max: string }[];
  notes: { juror: string; items: { code: string; name: string; note: string }[] }[];
  anonymity: string;
  signer: JurorLines | null;
  placeDate: string;
  printedAt: string;
}

/** The order of a site's jurors in its notes: by a hash, so that the numbering says nothing of who wrote what. */
function anonymousOrder(competition: string, site: string, jurors: readonly string[]): string[] {
  const h = (juror: string) => createHash('sha256').update(`${competition}\u0000${site}\u0000${juror}`).digest('hex');
  return [...jurors].sort((a, b) => (h(a) < h(b) ? -1 : h(a) > h(b) ? 1 : 0));
}

export function buildCatatanModel(ctx: PartContext, site: Site): CatatanModel {
  const { detail, ranking } = ctx;
  const code = detail.info.code;
  const p = ranking.precision;
  const row = ranking.ranking.find((r) => r.site === site.code);
  const group = ranking.rankBy === 'category' ? ranking.ranking.filter((r) => r.category === row?.category) : ranking.ranking;
  const aspects = detail.instrument.aspects.map((a) => {
    const highest = Math.max(0, ...ranking.ranking.map((r) => r.aspects[a.code] ?? 0));
    const max = a.indicators.reduce((s, i) => s + i.weight, 0);
    return {
      code: a.code,
      name: a.name,
      points: formatNumber(row?.aspects[a.code] ?? 0, p),
      highest: formatNumber(highest, p),
      max: formatNumber(max, p),
    };
  });
  const maxTotal = detail.instrument.aspects.reduce((s, a) => s + a.indicators.reduce((t, i) => t + i.weight, 0), 0);

  const released = siteNotes(ctx.repos, code, site.code).filter((n) => n.released);
  const order = anonymousOrder(code, site.code, [...new Set(released.map((n) => n.juror))]);
  const notes = order.map((juror, i) => ({
    juror: `Juri ${i + 1}`,
    items: released.filter((n) => n.juror === juror).map((n) => ({ code: n.indicator, name: n.indicatorName, note: n.note })),
  }));
  const ketua = detail.jurors.find((j) => j.role === 'ketua') ?? detail.jurors[0] ?? null;
  const place = detail.info.place ?? '';
  const date = detail.info.dates?.plenary ?? toIsoDate(ctx.now);
  return {
    letterhead: letterheadOf(detail),
    title: 'CATATAN UNTUK PESERTA',
    competition: detail.info.name,
    competitionCode: code,
    state: stateText(ranking),
    provisional: ranking.state !== 'locked' && ranking.state !== 'signed',
    site: siteLines(site),
    place: {
      rank: row ? `${row.rank}${row.tied ? ' (seri)' : ''}` : '–',
      of: `${group.length}${ranking.rankBy === 'category' && row?.category ? ` lokus kategori ${row.category}` : ' lokus'}`,
      label: row?.label ?? (row && !row.complete ? 'belum lengkap' : '–'),
      total: row ? formatNumber(row.total, p) : '–',
      maxTotal: formatNumber(maxTotal, p),
    },
    aspects,
    notes,
    anonymity:
      'Nama juri tidak dicantumkan. "Juri 1", "Juri 2", dan seterusnya adalah penomoran khusus untuk lokus ini, tidak mengikuti urutan atau jabatan dalam tim penilai.',
    signer: ketua ? jurorLines(ketua) : null,
    placeDate: `${place ? `${place}, ` : ''}${formatLongDate(date)}`,
    printedAt: formatLongDate(toIsoDate(ctx.now)),
  };
}

export function catatanPart(ctx: PartContext, site: Site): Part<CatatanModel> {
  const model = buildCatatanModel(ctx, site);
  // What the page shows, less what depends on the day of printing (the date under the signature, the print date).
  const { letterhead: _letterhead, printedAt: _printedAt, placeDate: _placeDate, ...shown } = model;
  return {
    title: `Catatan untuk Peserta ${site.code}`,
    juror: null,
    site: site.code,
    data: { doc: 'catatan', revision: ctx.ranking.revision, ...shown },
    model: () => model,
  };
}
