/**
 * Lembar Penilaian painted (paint.ts): one juror's scores at one site, grouped by aspect and phase, with the labels,
 * notes, household summaries, the sheet's state (FINAL or DRAF), its reopenings, the juror's points, and the juror's
 * signature block (the drawn signature of the finalisation beside the signing space). A pure function of
 * `LembarModel`. An aspect's title, a phase's title, the table's header and its first row stay together; the header
 * is repeated on the next page; a row goes whole to the next page unless it is longer than a page.
 */
import { SIGNING_SPACE } from '../../../shared/domain/doc-stamp.js';
import type { LembarModel, LembarRow } from './lembar-model.js';
import {
  CONTENT_WIDTH,
  framedBox,
  identityColumns,
  letterhead,
  PAGE,
  signingSpace,
  stateLine,
  Table,
  type Canvas,
  type Cell,
  type Flow,
  type Painter,
  type TextStyle,
} from './paint.js';

const CELL: TextStyle = { size: 8 };
export const SMALL: TextStyle = { size: 7.5, color: '#333333' };
const TEXT: TextStyle = { size: 8.5, lineHeight: 1.35 };

/** The columns: code, indicator (the rest of the width), weight, score, label, note. */
const WIDTHS = [38, null, 34, 34, 70, 150];
const HEADINGS = ['Kode', 'Indikator', 'Bobot', 'Nilai', 'Keterangan', 'Catatan juri'];

function cellsOf(r: LembarRow): Cell[] {
  return [
    [{ text: r.code, style: { ...CELL, align: 'center' } }],
    [{ text: r.name, style: CELL }, ...(r.household ? [{ text: r.household, style: SMALL }] : [])],
    [{ text: r.weight, style: { ...CELL, align: 'right' } }],
    [{ text: r.score, style: { ...CELL, align: 'right', bold: true } }],
    [{ text: r.label, style: CELL }],
    [{ text: r.note, style: CELL }],
  ];
}

function identity(flow: Flow, model: LembarModel): void {
  const left: [string, string][] = [
    ['Lokus', `${model.site.code} — ${model.site.name}`],
    ['Desa/Kelurahan', model.site.name],
    ['Kecamatan', model.site.district],
    ['Kabupaten/Kota', model.site.regency],
    ['Tanggal kunjungan', model.site.visitDate],
  ];
  const right: [string, string][] = [
    ['Juri', `${model.juror.code} — ${model.juror.name}`],
    ['NIP', model.juror.nip],
    ['Peran', model.juror.role],
    ['Jabatan/Instansi', model.juror.position],
  ];
  identityColumns(flow, [left, right]);
  flow.y += 6;
}

function signature(flow: Flow, model: LembarModel): void {
  const { pen } = flow;
  const line: TextStyle = { size: 8.5, lineHeight: 1.35 };
  const width = 330;
  const x = PAGE.left + CONTENT_WIDTH - width;
  const role = `Juri Penilai (${model.juror.role}),`;
  const caption: TextStyle = { size: 6.5, color: '#555555' };
  const height =
    pen.height(model.signature.placeDate, width, line) +
    pen.height(role, width, line) +
    4 +
    SIGNING_SPACE.height +
    2 +
    pen.height('Tanda tangan saat difinalkan', 150, caption) +
    4 +
    pen.height(model.juror.name, width, { size: 9, bold: true }) +
    pen.height(`NIP ${model.juror.nip}`, width, line);
  flow.y += 14;
  flow.keep(height);
  let y = flow.y;
  y += pen.text(model.signature.placeDate, x, y, width, line);
  y += pen.text(role, x, y, width, line) + 4;
  const spaceX = x + 150 + 12;
  if (model.signature.drawn) pen.image(model.signature.drawn, x, y, 150, SIGNING_SPACE.height);
  else {
    const words = model.final ? '(tanpa tanda tangan gambar)' : '(belum difinalkan)';
    pen.text(words, x, y + SIGNING_SPACE.height / 2 - 5, 150, { ...SMALL, align: 'center' });
  }
  pen.line(x, y + SIGNING_SPACE.height, x + 150, y + SIGNING_SPACE.height, 0.5, '#777777');
  signingSpace(pen, spaceX, y, model.juror.code);
  pen.line(spaceX, y + SIGNING_SPACE.height, spaceX + 150, y + SIGNING_SPACE.height, 0.5, '#777777');
  y += SIGNING_SPACE.height + 2;
  pen.text('Tanda tangan saat difinalkan', x, y, 150, caption);
  y += pen.text('Tanda tangan / tanda tangan elektronik', spaceX, y, 150, caption) + 4;
  y += pen.text(model.juror.name, x, y, width, { size: 9, bold: true });
  y += pen.text(`NIP ${model.juror.nip}`, x, y, width, line);
  flow.y = y;
}

export const lembarPainter: Painter<LembarModel> = {
  footer: (model) =>
    `Penilai · Lembar Penilaian ${model.competitionCode} · ${model.juror.code} · ${model.site.code} · dicetak ${model.printedAt}`,
  paint({ flow }: Canvas, model: LembarModel): void {
    letterhead(flow, model.letterhead);
    flow.text(model.title, { size: 12, bold: true, align: 'center' });
    flow.text(model.competition, { size: 9.5, align: 'center' }, { after: 6 });
    stateLine(flow, model.state, model.final);
    identity(flow, model);
    const { pen } = flow;
    const aspectStyle: TextStyle = { size: 9.5, bold: true };
    const phaseStyle: TextStyle = { size: 8.5, bold: true };
    for (const aspect of model.aspects) {
      const aspectTitle = `Aspek ${aspect.code} — ${aspect.name} (poin ${aspect.points} dari ${aspect.max})`;
      aspect.phases.forEach((phase, p) => {
        const phaseTitle = `Tahap ${phase.code} — ${phase.name}`;
        const table = new Table(flow, WIDTHS, HEADINGS);
        const first = cellsOf(phase.rows[0]!);
        const titleHeight = p === 0 ? 8 + pen.height(aspectTitle, CONTENT_WIDTH - 6, aspectStyle) + 6 + 2 : 0;
        flow.keep(
          Math.min(
            titleHeight + 3 + pen.height(phaseTitle, CONTENT_WIDTH, phaseStyle) + 2 + table.headHeight + table.rowHeight(first),
            flow.pageRoom,
          ),
        );
        if (p === 0) {
          if (flow.y > PAGE.top) flow.y += 8;
          const h = pen.height(aspectTitle, CONTENT_WIDTH - 6, aspectStyle) + 6;
          pen.rect(PAGE.left, flow.y, CONTENT_WIDTH, h, '#e8eef5');
          pen.text(aspectTitle, PAGE.left + 3, flow.y + 3, CONTENT_WIDTH - 6, aspectStyle);
          flow.y += h + 2;
        }
        flow.text(phaseTitle, phaseStyle, { before: 3, after: 2 });
        table.head();
        for (const r of phase.rows) table.row(cellsOf(r));
        table.end();
      });
    }
    // The juror's points, the reopenings and the signature together: never a page of the signature alone.
    const closing = () => {
      framedBox(flow, `Jumlah poin juri: ${model.total} dari ${model.maxTotal}`, [
        ...model.aspects.map((a) => ({ text: `Aspek ${a.code} — ${a.name}: ${a.points} dari ${a.max}`, style: TEXT })),
        { text: model.method, style: { ...SMALL, lineHeight: 1.3 } },
      ]);
      framedBox(
        flow,
        'Riwayat pembukaan kembali lembar',
        model.reopenings.length === 0
          ? [{ text: 'Lembar ini tidak pernah dibuka kembali.', style: TEXT }]
          : model.reopenings.map((line, i) => ({ text: `${i + 1}. ${line}`, style: TEXT })),
      );
      signature(flow, model);
    };
    const height = flow.measure(closing);
    if (height <= flow.pageRoom) flow.keep(height);
    closing();
  },
};
