/**
 * Catatan untuk peserta painted (paint.ts): one site's points per aspect beside the highest of any site and the
 * maximum, its place, and the jurors' released notes without their names, signed by the head of the jury. A pure
 * function of `CatatanModel`.
 */
import { SIGNING_SPACE } from '../../../shared/domain/doc-stamp.js';
import type { CatatanModel } from './catatan-model.js';
import {
  CONTENT_WIDTH,
  identityColumns,
  letterhead,
  PAGE,
  signingSpace,
  stateLine,
  Table,
  type Canvas,
  type Flow,
  type Painter,
  type TextStyle,
} from './paint.js';

const CELL: TextStyle = { size: 8 };
const TEXT: TextStyle = { size: 8.5, lineHeight: 1.35 };
const SECTION: TextStyle = { size: 9.5, bold: true };

/** Rank, total and predicate in a framed row of three. */
function placeRow(flow: Flow, model: CatatanModel): void {
  const { pen } = flow;
  const cells: [string, string][] = [
    ['Peringkat', `${model.place.rank} dari ${model.place.of}`],
    ['Nilai total', `${model.place.total} dari ${model.place.maxTotal}`],
    ['Predikat', model.place.label],
  ];
  const key: TextStyle = { size: 7.5, color: '#333333' };
  const value: TextStyle = { size: 11, bold: true };
  const width = CONTENT_WIDTH / cells.length;
  const height = Math.max(...cells.map(([k, v]) => pen.height(k, width - 8, key) + pen.height(v, width - 8, value))) + 8;
  flow.keep(height);
  cells.forEach(([k, v], i) => {
    const x = PAGE.left + i * width;
    const y = flow.y + 4 + pen.text(k, x + 4, flow.y + 4, width - 8, key);
    pen.text(v, x + 4, y, width - 8, value);
    if (i > 0) pen.line(x, flow.y, x, flow.y + height, 0.6, '#333333');
  });
  pen.box(PAGE.left, flow.y, CONTENT_WIDTH, height, 0.8, '#333333');
  flow.y += height + 8;
}

/** A released note: the indicator's code, then its name and the note, kept on one page. */
function noteRow(flow: Flow, item: CatatanModel['notes'][number]['items'][number]): void {
  const { pen } = flow;
  const text = `${item.name}: ${item.note}`;
  const width = CONTENT_WIDTH - 34;
  const height = Math.max(pen.height(item.code, 34, { ...TEXT, bold: true }), pen.height(text, width, TEXT));
  if (height <= flow.pageRoom) flow.keep(height);
  if (height <= flow.room) {
    pen.text(item.code, PAGE.left, flow.y, 34, { ...TEXT, bold: true });
    pen.text(text, PAGE.left + 34, flow.y, width, TEXT);
    flow.y += height + 2;
    return;
  }
  // Longer than the page: what fits, the rest on the next page.
  let rest = text;
  let first = true;
  while (rest) {
    const [here, more] = pen.split(rest, width, flow.room, TEXT);
    if (first) pen.text(item.code, PAGE.left, flow.y, 34, { ...TEXT, bold: true });
    flow.y += pen.text(here, PAGE.left + 34, flow.y, width, TEXT);
    rest = more;
    first = false;
    if (rest) flow.newPage();
  }
  flow.y += 2;
}

function signature(flow: Flow, model: CatatanModel): void {
  if (!model.signer) return;
  const { pen } = flow;
  const width = 330;
  const x = PAGE.left + CONTENT_WIDTH - width;
  const name: TextStyle = { size: 9, bold: true };
  const height =
    pen.height(model.placeDate, width, TEXT) +
    pen.height('Ketua Tim Penilai,', width, TEXT) +
    SIGNING_SPACE.height +
    4 +
    pen.height(model.signer.name, width, name) +
    pen.height(`NIP ${model.signer.nip}`, width, TEXT);
  flow.y += 14;
  flow.keep(height);
  let y = flow.y;
  y += pen.text(model.placeDate, x, y, width, TEXT);
  y += pen.text('Ketua Tim Penilai,', x, y, width, TEXT);
  signingSpace(pen, x, y, model.signer.code);
  pen.line(x, y + SIGNING_SPACE.height, x + SIGNING_SPACE.width, y + SIGNING_SPACE.height, 0.5, '#777777');
  y += SIGNING_SPACE.height + 4;
  y += pen.text(model.signer.name, x, y, width, name);
  y += pen.text(`NIP ${model.signer.nip}`, x, y, width, TEXT);
  flow.y = y;
}

export const catatanPainter: Painter<CatatanModel> = {
  footer: (model) => `Penilai · Catatan untuk Peserta ${model.competitionCode} · ${model.site.code} · dicetak ${model.printedAt}`,
  paint({ flow }: Canvas, model: CatatanModel): void {
    const { pen } = flow;
    letterhead(flow, model.letterhead);
    flow.text(model.title, { size: 12, bold: true, align: 'center' });
    flow.text(model.competition, { size: 9.5, align: 'center' }, { after: 6 });
    stateLine(flow, model.state, !model.provisional);
    identityColumns(flow, [
      [
        ['Lokus', `${model.site.code} — ${model.site.name}`],
        ['Kecamatan', model.site.district],
      ],
      [
        ['Kabupaten/Kota', model.site.regency],
        ['Tanggal kunjungan', model.site.visitDate],
      ],
    ]);
    flow.y += 6;
    placeRow(flow, model);

    flow.text('Nilai per aspek', SECTION, { before: 0, after: 3 });
    const table = new Table(
      flow,
      [36, null, 62, 62, 62],
      ['Kode', 'Aspek', 'Nilai lokus ini', 'Nilai tertinggi semua lokus', 'Nilai maksimum'],
    );
    flow.keep(table.headHeight + 20);
    table.head();
    for (const a of model.aspects) {
      table.row([
        [{ text: a.code, style: { ...CELL, align: 'center' } }],
        [{ text: a.name, style: CELL }],
        [{ text: a.points, style: { ...CELL, align: 'right', bold: true } }],
        [{ text: a.highest, style: { ...CELL, align: 'right' } }],
        [{ text: a.max, style: { ...CELL, align: 'right' } }],
      ]);
    }
    table.end();

    // The section's title never alone at the foot of a page: with the first juror's first note.
    flow.y += 8;
    const sectionHeight = pen.height('Catatan tim penilai', CONTENT_WIDTH, SECTION) + 3;
    const firstNote = model.notes[0]?.items[0];
    const firstHeight = firstNote ? 18 + pen.height(`${firstNote.name}: ${firstNote.note}`, CONTENT_WIDTH - 34, TEXT) : 14;
    if (sectionHeight + firstHeight <= flow.pageRoom) flow.keep(sectionHeight + firstHeight);
    flow.text('Catatan tim penilai', SECTION, { after: 3 });
    if (model.notes.length === 0) flow.text('Belum ada catatan juri yang dirilis untuk lokus ini.', TEXT);
    for (const j of model.notes) {
      const jurorStyle: TextStyle = { size: 9, bold: true };
      const jurorHeight = 5 + pen.height(j.juror, CONTENT_WIDTH, jurorStyle) + 2;
      const first = j.items[0]!;
      const together = jurorHeight + pen.height(`${first.name}: ${first.note}`, CONTENT_WIDTH - 34, TEXT);
      if (together <= flow.pageRoom) flow.keep(together);
      flow.text(j.juror, jurorStyle, { before: 5, after: 2 });
      j.items.forEach((item) => noteRow(flow, item));
    }
    // The anonymity note and the signature together: never a page of the signature alone.
    const closing = () => {
      flow.text(model.anonymity, { size: 7.5, color: '#333333' }, { before: 6 });
      signature(flow, model);
    };
    const height = flow.measure(closing);
    if (height <= flow.pageRoom) flow.keep(height);
    closing();
  },
};
