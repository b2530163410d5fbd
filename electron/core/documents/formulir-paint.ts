/**
 * Formulir penilaian painted (paint.ts): the blank paper form, A4 portrait, with room to write; a pure function of
 * `FormulirModel`. Each indicator is a framed block (code, name, weight and phase; description; rubric; the household
 * checklist with a column per family; the boxes to tick or the box to write the score in; two lines for the note),
 * kept on one page unless it is longer than a page. A paper form is signed in ink: no digital signing space.
 */
import type { FormulirIndicator, FormulirModel } from './formulir-model.js';
import { CONTENT_WIDTH, identityColumns, letterhead, PAGE, Table, type Canvas, type Flow, type Painter, type TextStyle } from './paint.js';

const PAD = 5;
const INNER = CONTENT_WIDTH - 2 * PAD;
const DESC: TextStyle = { size: 7.5, color: '#333333' };
const LABEL: TextStyle = { size: 8, bold: true };
const CHOICE: TextStyle = { size: 8 };
const BLANK = '........................................';

/** A line of the block at the flow's place, indented by the frame's padding, on the next page if it does not fit. */
function line(flow: Flow, text: string, style: TextStyle, options: { x?: number; width?: number; after?: number } = {}): void {
  const x = PAGE.left + PAD + (options.x ?? 0);
  const width = options.width ?? INNER - (options.x ?? 0);
  const height = flow.pen.height(text, width, style);
  flow.keep(height);
  flow.y += flow.pen.text(text, x, flow.y, width, style) + (options.after ?? 0);
}

/** The boxes to tick, left to right, wrapping; or the box to write the score in with what it takes. */
function choices(flow: Flow, item: FormulirIndicator): void {
  const { pen } = flow;
  const rowHeight = 14;
  const labelWidth = pen.width('Nilai:', LABEL) + 6;
  flow.y += 3;
  flow.keep(rowHeight);
  pen.text('Nilai:', PAGE.left + PAD, flow.y + 2, labelWidth, LABEL);
  let x = PAGE.left + PAD + labelWidth;
  const right = PAGE.left + PAD + INNER;
  if (!item.boxes) {
    pen.box(x, flow.y, 70, 18, 0.8, '#000000');
    pen.text(`(${item.write ?? ''})`, x + 76, flow.y + 4, right - x - 76, CHOICE);
    flow.y += 20;
    return;
  }
  for (const b of item.boxes) {
    const text = [b.key === b.value ? b.value : `${b.key} (${b.value})`, b.label].filter(Boolean).join(' ');
    const width = 13 + Math.min(pen.width(text, CHOICE), right - PAGE.left - PAD - labelWidth - 13) + 1;
    if (x + width > right && x > PAGE.left + PAD + labelWidth) {
      flow.y += rowHeight;
      flow.keep(rowHeight);
      x = PAGE.left + PAD + labelWidth;
    }
    pen.box(x, flow.y + 2, 10, 10, 0.8, '#000000');
    pen.text(text, x + 13, flow.y + 2, width - 13, CHOICE);
    x += width + 10;
  }
  flow.y += rowHeight;
}

/** The household checklist: one row per item, one column per family of the sample, Y or T written in by hand. */
function household(flow: Flow, item: FormulirIndicator): void {
  const h = item.household!;
  line(flow, `Kunjungan rumah: ${h.families} KK sampel; tulis Y atau T`, LABEL, { after: 1 });
  if (h.bands) line(flow, `Persentase "Ya" → nilai: ${h.bands}`, DESC, { after: 2 });
  const families = Array.from({ length: h.families }, (_, i) => i + 1);
  const itemWidth = Math.min(150, CONTENT_WIDTH / 2);
  const familyWidth = (CONTENT_WIDTH - itemWidth) / Math.max(1, families.length);
  const table = new Table(flow, [itemWidth, ...families.map(() => familyWidth)], ['Butir', ...families.map((n) => `KK ${n}`)]);
  flow.keep(table.headHeight + 16);
  table.head();
  for (const text of h.items) table.row([[{ text, style: { size: 7.5 } }], ...families.map(() => [{ text: ' ', style: { size: 7.5 } }])]);
  table.end();
}

/** One indicator's framed block; the frame drawn piece by piece, so that a block longer than a page goes on over it. */
function indicator(flow: Flow, item: FormulirIndicator): void {
  const { pen } = flow;
  const top = flow.y;
  const frame = (from: number, to: number) => {
    pen.line(PAGE.left, from, PAGE.left, to, 0.6, '#444444');
    pen.line(PAGE.left + CONTENT_WIDTH, from, PAGE.left + CONTENT_WIDTH, to, 0.6, '#444444');
  };
  let pieceTop = top;
  // A block going on to the next page: its sides closed at the foot of this one and opened again at the top.
  flow.beforeBreak = () => {
    frame(pieceTop, flow.bottom);
    pieceTop = PAGE.top;
  };
  try {
    pen.line(PAGE.left, top, PAGE.left + CONTENT_WIDTH, top, 0.6, '#444444');
    flow.y += PAD;
    const meta = `Bobot ${item.weight} · Tahap ${item.phase}`;
    const metaWidth = 120;
    const name: TextStyle = { size: 9, bold: true };
    const head = Math.max(pen.height(item.name, INNER - 28 - metaWidth, name), pen.height(meta, metaWidth, { size: 8 }));
    flow.keep(head);
    pen.text(item.code, PAGE.left + PAD, flow.y, 28, name);
    pen.text(item.name, PAGE.left + PAD + 28, flow.y, INNER - 28 - metaWidth, name);
    pen.text(meta, PAGE.left + PAD + INNER - metaWidth, flow.y, metaWidth, { size: 8, align: 'right' });
    flow.y += head + 2;
    if (item.description) line(flow, item.description, DESC, { after: 2 });
    if (item.rubric.length > 0) {
      line(flow, 'Rubrik:', LABEL);
      for (const r of item.rubric) {
        const height = Math.max(pen.height(r.level, 22, { ...DESC, bold: true }), pen.height(r.text, INNER - 22, DESC));
        flow.keep(height);
        pen.text(r.level, PAGE.left + PAD, flow.y, 22, { size: 7.5, bold: true });
        pen.text(r.text, PAGE.left + PAD + 22, flow.y, INNER - 22, { size: 7.5 });
        flow.y += height;
      }
    }
    if (item.household) {
      flow.y += 3;
      household(flow, item);
    }
    choices(flow, item);
    line(flow, 'Catatan:', LABEL, { after: 2 });
    for (let i = 0; i < 2; i++) {
      flow.keep(16);
      flow.y += 16;
      pen.line(PAGE.left + PAD, flow.y, PAGE.left + PAD + INNER, flow.y, 0.5, '#888888');
    }
    flow.y += PAD;
    frame(pieceTop, flow.y);
    pen.line(PAGE.left, flow.y, PAGE.left + CONTENT_WIDTH, flow.y, 0.6, '#444444');
    flow.y += 5;
  } finally {
    flow.beforeBreak = null;
  }
}

/**
 * The indicator's block (with `after` points of what must follow it) on a new page when it does not fit here and
 * would fit on a page of its own.
 */
function keptIndicator(flow: Flow, item: FormulirIndicator, after = 0): void {
  const height = flow.measure(() => indicator(flow, item)) + after;
  if (height <= flow.pageRoom) flow.keep(height);
  indicator(flow, item);
}

function signature(flow: Flow, model: FormulirModel): void {
  const { pen } = flow;
  const width = 330;
  const x = PAGE.left + CONTENT_WIDTH - width;
  const text: TextStyle = { size: 8.5, lineHeight: 1.35 };
  const name = model.juror?.name ?? BLANK;
  const nip = `NIP ${model.juror?.nip ?? BLANK}`;
  const height =
    14 + 2 * pen.height(BLANK, width, text) + 44 + 4 + pen.height(name, width, { size: 9, bold: true }) + pen.height(nip, width, text);
  flow.keep(height);
  flow.y += 14;
  flow.y += pen.text(`${BLANK}, ${BLANK}`, x, flow.y, width, text);
  flow.y += pen.text('Juri Penilai,', x, flow.y, width, text);
  pen.line(x, flow.y + 44, x + 150, flow.y + 44, 0.5, '#777777');
  flow.y += 48;
  flow.y += pen.text(name, x, flow.y, width, { size: 9, bold: true });
  flow.y += pen.text(nip, x, flow.y, width, text);
}

export const formulirPainter: Painter<FormulirModel> = {
  footer: (model) =>
    `Penilai · Formulir Penilaian ${model.competitionCode}${model.juror && model.site ? ` · ${model.juror.code} · ${model.site.code}` : ' (umum)'} · dicetak ${model.printedAt}`,
  paint({ flow }: Canvas, model: FormulirModel): void {
    const { pen } = flow;
    letterhead(flow, model.letterhead);
    flow.text(model.title, { size: 12, bold: true, align: 'center' });
    flow.text(model.competition, { size: 9.5, align: 'center' }, { after: 6 });
    identityColumns(flow, [
      [
        ['Lokus', model.site ? `${model.site.code} — ${model.site.name}` : BLANK],
        ['Kecamatan', model.site?.district ?? BLANK],
        ['Kabupaten/Kota', model.site?.regency ?? BLANK],
        ['Tanggal kunjungan', model.site && model.site.visitDate !== '–' ? model.site.visitDate : BLANK],
      ],
      [
        ['Juri', model.juror ? `${model.juror.code} — ${model.juror.name}` : BLANK],
        ['NIP', model.juror?.nip ?? BLANK],
        ['Peran', model.juror?.role ?? BLANK],
        ['Instrumen', model.instrument],
      ],
    ]);
    flow.y += 6;
    // The instructions, framed.
    const lines = model.instructions.map((l, i) => `${i + 1}. ${l}`);
    const height = lines.reduce((sum, l) => sum + pen.height(l, CONTENT_WIDTH - 8, DESC), 0) + 8;
    flow.keep(height);
    pen.box(PAGE.left, flow.y, CONTENT_WIDTH, height, 0.6, '#777777');
    let y = flow.y + 4;
    for (const l of lines) y += pen.text(l, PAGE.left + 4, y, CONTENT_WIDTH - 8, DESC);
    flow.y += height + 6;

    const lastItem = model.aspects.at(-1)?.phases.at(-1)?.indicators.at(-1);
    const aspectStyle: TextStyle = { size: 9.5, bold: true };
    const phaseStyle: TextStyle = { size: 8.5, bold: true };
    for (const aspect of model.aspects) {
      const aspectTitle = `Aspek ${aspect.code} — ${aspect.name}`;
      aspect.phases.forEach((phase, p) => {
        const phaseTitle = `Tahap ${phase.code} — ${phase.name}`;
        // The aspect's and phase's titles stay with the first indicator: never alone at a page's foot.
        const titles =
          (p === 0 ? 8 + pen.height(aspectTitle, CONTENT_WIDTH - 6, aspectStyle) + 8 : 0) +
          3 +
          pen.height(phaseTitle, CONTENT_WIDTH, phaseStyle) +
          2;
        const signatureAfter = (item: FormulirIndicator) => (item === lastItem ? flow.measure(() => signature(flow, model)) : 0);
        const first = flow.measure(() => indicator(flow, phase.indicators[0]!)) + signatureAfter(phase.indicators[0]!);
        if (titles + first <= flow.pageRoom) flow.keep(titles + first);
        if (p === 0) {
          if (flow.y > PAGE.top) flow.y += 8;
          const h = pen.height(aspectTitle, CONTENT_WIDTH - 6, aspectStyle) + 6;
          pen.rect(PAGE.left, flow.y, CONTENT_WIDTH, h, '#e8eef5');
          pen.text(aspectTitle, PAGE.left + 3, flow.y + 3, CONTENT_WIDTH - 6, aspectStyle);
          flow.y += h + 2;
        }
        flow.text(phaseTitle, phaseStyle, { before: 3, after: 2 });
        // The last indicator stays with the signature block: never a page of the signature alone.
        phase.indicators.forEach((item, i) => (i === 0 ? indicator(flow, item) : keptIndicator(flow, item, signatureAfter(item))));
      });
    }
    signature(flow, model);
  },
};
