/**
 * The document registry: every official document is one entry here. An entry says what the document's parts are
 * for a competition (the recap is one part; the Lembar Penilaian one per juror and site), what each part shows (its
 * `data`, hashed for the stamp), how its view model is made (every string formatted the Indonesian way) and what
 * lays it out: a pure react-pdf component (`Pages`: one or more <Page>, never a <Document>) for the documents the
 * jury signs once (recap, Berita Acara), or a pure painter drawing on pdfkit (`painter`, paint.ts) for the sheets,
 * printed by the hundred (a Lembar per juror and site, a Catatan per site, the Formulir). `render.ts` turns the parts into a job; the PDF worker lays the job out with the
 * same entries. Adding a document is adding an entry.
 */
import type { ComponentType } from 'react';
import type { CompetitionDetail } from '../../../shared/contract/schemas.js';
import type { DocumentKind } from '../../../shared/domain/doc-stamp.js';
import type { OfficialRanking } from '../../../shared/domain/pleno.js';
import type { Repositories } from '../deps.js';
import { BeritaAcaraPages } from './berita-acara.js';
import { beritaAcaraData, buildBeritaAcaraModel, type BeritaAcaraModel } from './berita-acara-model.js';
import { catatanPainter } from './catatan-paint.js';
import { catatanPart, type CatatanModel } from './catatan-model.js';
import { formulirPainter } from './formulir-paint.js';
import { formulirPart, type FormulirModel } from './formulir-model.js';
import { lembarPainter } from './lembar-paint.js';
import { lembarPart, type LembarModel } from './lembar-model.js';
import { RekapPages } from './rekap.js';
import { buildRekapModel, type RekapModel } from './rekap-model.js';
import type { Painter } from './paint.js';
import { scoredPairs } from './sheet-common.js';
import type { PageStamp } from './stamp.js';

/** What every entry reads: the repositories, the competition, its official ranking, and the time of printing. */
export interface DocumentContext {
  repos: Repositories;
  detail: CompetitionDetail;
  /** `repos.pleno.official`: the locked snapshot while locked or signed, else the live ranking with the decisions. */
  ranking: OfficialRanking;
  now: Date;
}

/** Limits for the documents made per juror or per site. */
export interface DocumentOptions {
  juror: string | null;
  site: string | null;
}

/** One part of a document. */
export interface DocumentPart<M> {
  /** The title of the part, as its bookmark and in Verifikasi dokumen ("Lembar Penilaian J1 · S03"). */
  title: string;
  juror: string | null;
  site: string | null;
  /** What the part shows, as plain data: its canonical JSON's SHA-256 is the part's data hash. */
  data: unknown;
  /** The view model (made only when the part is rendered, not when it is only hashed). */
  model(): M;
}

/** How an entry's parts are laid out: by a react-pdf component, or painted on pdfkit. */
export type DocumentLayout<M> =
  { Pages: ComponentType<{ model: M; stamp: PageStamp; bookmark: string }>; painter?: never } | { painter: Painter<M>; Pages?: never };

export type DocumentEntry<M> = DocumentLayout<M> & DocumentFacts<M>;

interface DocumentFacts<M> {
  kind: DocumentKind;
  /** "Rekapitulasi Nilai": the document's name as people say it. */
  title: string;
  /** The file name's first word ("Rekapitulasi" → Rekapitulasi-DEMO.pdf). */
  fileStem: string;
  /** Whether the locked snapshot's hash is the document's data hash once the result is locked (rekap, Berita Acara). */
  snapshotHash: boolean;
  parts(ctx: DocumentContext, options: DocumentOptions): DocumentPart<M>[];
}

function entry<M>(e: DocumentEntry<M>): DocumentEntry<unknown> {
  return e as unknown as DocumentEntry<unknown>;
}

export const DOCUMENTS: { [K in DocumentKind]?: DocumentEntry<unknown> } = {
  rekap: entry<RekapModel>({
    kind: 'rekap',
    title: 'Rekapitulasi Nilai',
    fileStem: 'Rekapitulasi',
    snapshotHash: true,
    parts: (ctx) => [
      {
        title: 'Rekapitulasi Nilai',
        juror: null,
        site: null,
        data: { doc: 'rekap', competition: ctx.detail.info.code, ranking: ctx.ranking },
        model: () => buildRekapModel(ctx.detail, ctx.ranking, ctx.now),
      },
    ],
    Pages: RekapPages,
  }),
  'berita-acara': entry<BeritaAcaraModel>({
    kind: 'berita-acara',
    title: 'Berita Acara Penilaian',
    fileStem: 'Berita-Acara',
    snapshotHash: true,
    parts: (ctx) => {
      const data = beritaAcaraData(ctx.detail, ctx.ranking, ctx.repos.pleno.events(ctx.detail.info.code), ctx.now);
      return [
        {
          title: 'Berita Acara Penilaian',
          juror: null,
          site: null,
          data,
          model: () => buildBeritaAcaraModel(ctx.detail, data, ctx.now),
        },
      ];
    },
    Pages: BeritaAcaraPages,
  }),
  // One part per juror and site the juror scores (eligible aspects, not recused), jurors in the competition's order,
  // each juror's sites in site order: the stack each juror signs. `--juror` / `--site` narrow it.
  lembar: entry<LembarModel>({
    kind: 'lembar',
    title: 'Lembar Penilaian',
    fileStem: 'Lembar-Penilaian',
    snapshotHash: false,
    parts: (ctx, options) => scoredPairs(ctx.detail, options, 'lembar').map(({ juror, site }) => lembarPart(ctx, juror, site)),
    painter: lembarPainter,
  }),
  // The blank paper form. With `--juror` and/or `--site`: one form per juror and site the juror scores (only that
  // juror's indicators there, their names printed). With neither (and so in the bundle): ONE generic form with every
  // indicator of the instrument and blank lines for the juror and the site, to photocopy; not 243 pre-filled forms
  // for a 27 × 9 competition, which would swell the bundle without adding anything a photocopy does not give.
  formulir: entry<FormulirModel>({
    kind: 'formulir',
    title: 'Formulir Penilaian',
    fileStem: 'Formulir-Penilaian',
    snapshotHash: false,
    parts: (ctx, options) =>
      options.juror || options.site
        ? scoredPairs(ctx.detail, options, 'formulir').map(({ juror, site }) => formulirPart(ctx.detail, juror, site, ctx.now))
        : [formulirPart(ctx.detail, null, null, ctx.now)],
    painter: formulirPainter,
  }),
  // One part per site (`--site` narrows it): its points by aspect beside the highest and the maximum, its place,
  // and the notes the secretariat released (documents.releaseNotes), the jurors numbered per site, not named.
  catatan: entry<CatatanModel>({
    kind: 'catatan',
    title: 'Catatan untuk Peserta',
    fileStem: 'Catatan-Peserta',
    snapshotHash: false,
    parts: (ctx, options) => ctx.detail.sites.filter((s) => !options.site || s.code === options.site).map((s) => catatanPart(ctx, s)),
    painter: catatanPainter,
  }),
};

/** The order of the bundle (`--doc all`): the recap, the minutes, the score sheets, the blank forms, the notes to sites. */
export const BUNDLE_ORDER: DocumentKind[] = ['rekap', 'berita-acara', 'lembar', 'formulir', 'catatan'];

export function documentEntry(kind: DocumentKind): DocumentEntry<unknown> {
  const found = DOCUMENTS[kind];
  if (!found) throw new Error(`no document entry ${kind}`);
  return found;
}
