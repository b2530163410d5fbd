/**
 * Painted documents: the sheets (a Lembar Penilaian per juror and site, a Catatan per site, the Formulir per juror
 * and site or generic) are drawn straight onto pdfkit from their view model, without react-pdf's layout tree. The
 * bundle of the large competition is 9 pages in 10 of them sheets; laid out with react-pdf it took ×50 the time of
 * pdfkit drawing the same pages (docs/benchmarks.md), so these are painted and the documents the whole jury signs
 * once (recap, Berita Acara) stay react-pdf components. A painter is a pure function of its view model, like a
 * component; this module gives it what the components share (components.tsx): the page, the letterhead, the text
 * with the Noto Sans → DejaVu Sans fallback, the flow from page to page (with `measure` to keep a block together),
 * ruled tables, the signing space, and the footer with its QR code and "Halaman X dari N", written on each page once
 * the part's pages are known.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { SIGNING_SPACE, signingDestination } from '../../../shared/domain/doc-stamp.js';
import { fontPath, type Resources } from '../platform/resources.js';
import { cancelledError } from './bundle.js';
import { collectGarbage } from './collect.js';
import type { RenderJob, RenderPart } from './job.js';
import type { LetterheadModel } from './sheet-common.js';
import { qrRuns, type PageStamp } from './stamp.js';

/** A4 in points and the margins of components.tsx's `base.page`. */
export const PAGE = { width: 595.28, height: 841.89, left: 36, right: 36, top: 32, bottom: 70 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const QR_SIZE = 40;
/** Parts painted between two full garbage collections (collect.ts). */
const COLLECT_EVERY = 64;

type Face = 'regular' | 'bold' | 'italic';

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Line height as a multiple of the size (react-pdf's lineHeight); 1.3 unless said. */
  lineHeight?: number;
}

interface Fonts {
  files: Record<Face | `fallback-${Face}`, string>;
  /** Noto Sans, to ask which characters it lacks (≥, some arrows): a text with any of them is set in DejaVu Sans. */
  noto: fontkit.Font & { hasGlyphForCodePoint(cp: number): boolean };
}

const fontsByDir = new Map<string, Fonts>();

function fontsOf(resources: Resources): Fonts {
  let fonts = fontsByDir.get(resources.dir);
  if (!fonts) {
    const at = (name: string) => fontPath(resources, name);
    fonts = {
      files: {
        regular: at('NotoSans-Regular.ttf'),
        bold: at('NotoSans-Bold.ttf'),
        italic: at('NotoSans-Italic.ttf'),
        'fallback-regular': at('DejaVuSans.ttf'),
        'fallback-bold': at('DejaVuSans-Bold.ttf'),
        'fallback-italic': at('DejaVuSans-Oblique.ttf'),
      },
      noto: fontkit.create(readFileSync(at('NotoSans-Regular.ttf'))) as Fonts['noto'],
    };
    fontsByDir.set(resources.dir, fonts);
  }
  return fonts;
}

/** The pen of one pdfkit document: text set and measured in the documents' fonts. */
export class Pen {
  private readonly coverage = new Map<string, boolean>();
  /** Heights measured in this part: a row is measured to keep it whole, then set (`forget` after each part). */
  private readonly heights = new Map<string, { height: number; single: number | null }>();
  /** While true (Flow.measure), nothing is drawn: texts only say their height. */
  dry = false;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
  ) {}

  /** Whether Noto Sans has every character of the text (else it is set in DejaVu Sans, as react-pdf falls back). */
  private covered(text: string): boolean {
    // eslint-disable-next-line no-control-regex
    if (!/[^\x00-\x7f]/.test(text)) return true;
    let known = this.coverage.get(text);
    if (known === undefined) {
      known = [...text].every((ch) => /\s/.test(ch) || this.fonts.noto.hasGlyphForCodePoint(ch.codePointAt(0)!));
      if (this.coverage.size > 4096) this.coverage.clear();
      this.coverage.set(text, known);
    }
    return known;
  }

  private use(text: string, style: TextStyle): PDFKit.Mixins.TextOptions {
    const face: Face = style.bold ? 'bold' : style.italic ? 'italic' : 'regular';
    // By path, not by a registered name: pdfkit caches a font under the key it was asked by, except a registered
    // name for the font it already has (the document's default), which it would then read from disk on every call.
    this.doc.font(this.fonts.files[this.covered(text) ? face : (`fallback-${face}` as const)]).fontSize(style.size);
    // pdfkit's line is the font's own height (Noto Sans: 1.362 × size) plus the gap.
    const lineGap = style.size * (style.lineHeight ?? 1.3) - this.doc.currentLineHeight(false);
    return { lineGap, align: style.align ?? 'left' };
  }

  /**
   * How the text is set in `width` points: its height, and when it fits on one line its width (set then without
   * pdfkit's line wrapper, which costs more than the drawing: most cells are one short line).
   */
  private measure(text: string, width: number, style: TextStyle): { height: number; single: number | null } {
    const key = `${style.size}|${style.bold ? 'b' : style.italic ? 'i' : 'r'}|${style.lineHeight ?? ''}|${width}|${text}`;
    let found = this.heights.get(key);
    if (found === undefined) {
      const options = this.use(text, style);
      const oneLine = text.includes('\n') ? Infinity : this.doc.widthOfString(text);
      found =
        oneLine <= width
          ? { height: this.doc.currentLineHeight(true) + options.lineGap!, single: oneLine }
          : { height: this.doc.heightOfString(text, { ...options, width }), single: null };
      this.heights.set(key, found);
    }
    return found;
  }

  /** The height of the text set in `width` points. */
  height(text: string, width: number, style: TextStyle): number {
    return text === '' ? 0 : this.measure(text, width, style).height;
  }

  forget(): void {
    this.heights.clear();
  }

  /** The width of the text on one line. */
  width(text: string, style: TextStyle): number {
    this.use(text, style);
    return this.doc.widthOfString(text);
  }

  /** Sets the text at (x, y) in `width` points; returns its height. */
  text(text: string, x: number, y: number, width: number, style: TextStyle): number {
    if (text === '') return 0;
    const { height, single } = this.measure(text, width, style);
    if (this.dry) return height;
    const options = this.use(text, style);
    this.doc.fillColor(style.color ?? '#111111');
    if (single === null) this.doc.text(text, x, y, { ...options, width, lineBreak: true });
    else {
      const align = style.align ?? 'left';
      const left = align === 'center' ? x + (width - single) / 2 : align === 'right' ? x + width - single : x;
      this.doc.text(text, left, y, { lineGap: options.lineGap, lineBreak: false });
    }
    return height;
  }

  /**
   * The longest start of the text (whole words) that fits in `height` points, and the rest: a cell longer than a
   * page (a note of 4 000 characters) goes on over the next page rather than being cut.
   */
  split(text: string, width: number, height: number, style: TextStyle): [string, string] {
    if (this.height(text, width, style) <= height) return [text, ''];
    const words = text.split(/(?<=\s)/);
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.height(words.slice(0, mid).join(''), width, style) <= height) lo = mid;
      else hi = mid - 1;
    }
    const count = Math.max(lo, 1);
    return [words.slice(0, count).join('').trimEnd(), words.slice(count).join('')];
  }

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    if (!this.dry) this.doc.rect(x, y, w, h).fill(fill);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    if (!this.dry) this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
  }

  box(x: number, y: number, w: number, h: number, width: number, color: string): void {
    if (!this.dry) this.doc.rect(x, y, w, h).lineWidth(width).strokeColor(color).stroke();
  }

  /** An image (a data URL or bytes) fitted and centred in the box. */
  image(src: string | Buffer, x: number, y: number, w: number, h: number): void {
    if (!this.dry) this.doc.image(src, x, y, { fit: [w, h], align: 'center', valign: 'center' });
  }
}

/** The vertical flow of one part: where the next block goes, and a new page when it does not fit. */
export class Flow {
  y: number = PAGE.top;
  /** Called on each page after the first, once the page is added (a table repeats its header). */
  onContinue: (() => void) | null = null;
  /** Called before a page break, on the page being left (a framed block closes its sides at the foot). */
  beforeBreak: (() => void) | null = null;

  constructor(
    readonly pen: Pen,
    private readonly addPage: () => void,
  ) {}

  private measuring = false;

  get bottom(): number {
    return this.measuring ? Infinity : PAGE.height - PAGE.bottom;
  }

  /**
   * The height `draw` takes when drawn here without a page break, drawing nothing: to keep a block together, measure
   * it, `keep` its height, then draw it.
   */
  measure(draw: () => void): number {
    const { y, onContinue } = this;
    this.measuring = true;
    this.pen.dry = true;
    try {
      draw();
      return this.y - y;
    } finally {
      this.measuring = false;
      this.pen.dry = false;
      this.y = y;
      this.onContinue = onContinue;
    }
  }

  /** The room left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  /** The room of a page with nothing on it. */
  get pageRoom(): number {
    return PAGE.height - PAGE.bottom - PAGE.top;
  }

  newPage(): void {
    this.beforeBreak?.();
    this.addPage();
    this.y = PAGE.top;
    this.onContinue?.();
  }

  /** Makes room for a block of `height` points kept together: on a new page when it does not fit here. */
  keep(height: number): void {
    if (height > this.room && this.y > PAGE.top && !this.measuring) this.newPage();
  }

  /** A block of text at the left margin across the page (or `width`), moving the flow down. */
  text(text: string, style: TextStyle, options: { x?: number; width?: number; before?: number; after?: number } = {}): void {
    const width = options.width ?? CONTENT_WIDTH;
    this.y += options.before ?? 0;
    this.keep(this.pen.height(text, width, style));
    this.y += this.pen.text(text, options.x ?? PAGE.left, this.y, width, style) + (options.after ?? 0);
  }
}

/** The letterhead (kop surat): the logo, the lines centred, the address, and the thick and thin rules. */
export function letterhead(flow: Flow, model: LetterheadModel): void {
  const { pen } = flow;
  const logo = 54;
  const inner = model.logo ? CONTENT_WIDTH - 2 * (logo + 10) : CONTENT_WIDTH;
  const x = model.logo ? PAGE.left + logo + 10 : PAGE.left;
  const lines: [string, TextStyle][] = model.lines.map((line, i) => [
    line,
    { size: i === 0 ? 13 : 11, bold: true, align: 'center', lineHeight: 1.25 },
  ]);
  if (model.address) lines.push([model.address, { size: 8, align: 'center' }]);
  const textHeight = lines.reduce((sum, [line, style]) => sum + pen.height(line, inner, style), 0) + (model.address ? 2 : 0);
  const height = Math.max(textHeight, model.logo ? logo : 0);
  const top = flow.y;
  if (model.logo) pen.image(model.logo, PAGE.left, top + (height - logo) / 2, logo, logo);
  let y = top + (height - textHeight) / 2;
  for (const [line, style] of lines) {
    if (line === model.address) y += 2;
    y += pen.text(line, x, y, inner, style);
  }
  y = top + height + 6;
  pen.line(PAGE.left, y + 1.1, PAGE.width - PAGE.right, y + 1.1, 2.2, '#000000');
  y += 2.2 + 1.5;
  pen.line(PAGE.left, y + 0.3, PAGE.width - PAGE.right, y + 0.3, 0.6, '#000000');
  flow.y = y + 0.6 + 10;
}

/** A juror's signing space (contract section 7): the named destination and the link annotation `sign` replaces. */
export function signingSpace(pen: Pen, x: number, y: number, juror: string): void {
  if (pen.dry) return;
  const destination = signingDestination(juror);
  pen.doc.addNamedDestination(destination, 'XYZ', x, PAGE.height - y, 0);
  pen.doc.goTo(x, y, SIGNING_SPACE.width, SIGNING_SPACE.height, destination);
}

/** The drawing operators of a QR code at a place, by its cells and place (the same on every page of a part). */
const qrOperators = new Map<string, string>();

/**
 * The QR code's dark modules, each horizontal run one rectangle, in a `size`-point square with a 2-module quiet
 * zone: written as PDF operators once per part and reused on its pages, inside q … Q (black, nothing else changed).
 */
function qrCode(pen: Pen, qr: PageStamp['qr'], x: number, y: number, size: number): void {
  const key = `${x},${y},${size},${qr.cells}`;
  let ops = qrOperators.get(key);
  if (ops === undefined) {
    const unit = size / (qr.size + 4);
    const n = (v: number) => String(Math.round(v * 1000) / 1000);
    ops = `q 0 g ${qrRuns(qr)
      .map(({ row, col, run }) => `${n(x + (col + 2) * unit)} ${n(y + (row + 2) * unit)} ${n(run * unit)} ${n(unit)} re`)
      .join(' ')} f Q`;
    if (qrOperators.size > 64) qrOperators.clear();
    qrOperators.set(key, ops);
  }
  pen.doc.addContent(ops);
}

/** The footer of components.tsx's `PageFooter`: QR, what the document is, its code and hash, "Halaman X dari N". */
function footer(pen: Pen, left: string, stamp: PageStamp, page: number, pages: number): void {
  const top = PAGE.height - 16 - 44;
  const x = PAGE.left;
  pen.line(x, top, PAGE.width - PAGE.right, top, 0.5, '#999999');
  qrCode(pen, stamp.qr, x, top + 4, QR_SIZE);
  const style: TextStyle = { size: 7.5, color: '#555555', lineHeight: 1.3 };
  const pageText = `Halaman ${page} dari ${pages}`;
  const pageWidth = pen.width(pageText, style) + 1;
  const textX = x + QR_SIZE + 8;
  const textWidth = PAGE.width - PAGE.right - pageWidth - 8 - textX;
  const lines = [left, `Kode verifikasi ${stamp.short}`, `SHA-256 data ${stamp.sha256}`];
  const heights = lines.map((line) => pen.height(line, textWidth, style));
  const total = heights.reduce((a, b) => a + b, 0);
  let y = top + 4 + (QR_SIZE - total) / 2;
  lines.forEach((line, i) => {
    pen.text(line, textX, y, textWidth, style);
    y += heights[i]!;
  });
  pen.text(pageText, PAGE.width - PAGE.right - pageWidth, top + 4 + (QR_SIZE - 7.5 * 1.3) / 2, pageWidth, style);
}

/** What a painter draws one part with. */
export interface Canvas {
  pen: Pen;
  flow: Flow;
}

/** A painted document's pages for one part, from its view model: a pure function, as a component is. */
export interface Painter<M> {
  paint(canvas: Canvas, model: M): void;
  /** The footer's left line ("Penilai · Lembar Penilaian DEMO · J1 · S01 · dicetak …"). */
  footer(model: M): string;
}

/**
 * Paints a job whose parts all have painters into one PDF: the Info (title, the stamp in Keywords), each part's
 * first page bookmarked, each part's footers once its pages are known ("Halaman 2 dari 3" of that part), pages
 * written out part by part (memory bounded by one part), a classic xref table (signing appends to it). After each
 * part: `onPart` hears of the parts done, a turn of the event loop (progress goes out, a cancel comes in), and an
 * aborted `signal` stops it with `documents.cancelled`.
 */
export async function paintJob(
  resources: Resources,
  job: RenderJob,
  painterOf: (part: RenderPart) => Painter<unknown>,
  onPart?: (done: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const fonts = fontsOf(resources);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    // The default font must be one of ours: pdfkit would otherwise load Helvetica.
    font: fonts.files.regular,
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: job.title, Author: 'Penilai', Creator: 'Penilai', Producer: 'Penilai', Keywords: job.keywords },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    doc.on('error', reject);
  });
  const pen = new Pen(doc, fonts);
  const addPage = () => doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
  for (const [index, part] of job.parts.entries()) {
    const painter = painterOf(part);
    const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    addPage();
    doc.outline.addItem(part.bookmark);
    const flow = new Flow(pen, addPage);
    painter.paint({ pen, flow }, part.model);
    const range = doc.bufferedPageRange();
    const pages = range.start + range.count - first;
    const left = painter.footer(part.model);
    for (let i = 0; i < pages; i++) {
      doc.switchToPage(first + i);
      footer(pen, left, part.stamp, i + 1, pages);
    }
    doc.flushPages();
    pen.forget();
    // A full collection now and then: V8 lets the garbage of the parts painted pile up (to 400 MB for the bundle).
    if ((index + 1) % COLLECT_EVERY === 0) collectGarbage();
    onPart?.(index + 1);
    if (index + 1 < job.parts.length) await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
      doc.end();
      await done;
      throw cancelledError();
    }
  }
  doc.end();
  return done;
}

/** A table cell's content: one or more texts one under the other (an indicator's name and its household summary). */
export type Cell = { text: string; style: TextStyle }[];

const CELL_PAD = 3;
const TABLE_BORDER = '#444444';
const HEAD_STYLE: TextStyle = { size: 7.5, bold: true, align: 'center', lineHeight: 1.2 };

/**
 * A ruled table across the page (the sheets' tables): its header, repeated at the top of each page it goes on to;
 * rows never split between pages unless a row is longer than a page, then split at a word and continued.
 */
export class Table {
  private readonly columns: { x: number; width: number }[];
  private readonly headCells: Cell[];

  /** `widths`: points, one column `null` taking the rest of the page's width. */
  constructor(
    private readonly flow: Flow,
    widths: (number | null)[],
    headings: string[],
  ) {
    const fixed = widths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    const resolved = widths.map((w) => w ?? CONTENT_WIDTH - fixed);
    this.columns = resolved.map((width, i) => ({ x: PAGE.left + resolved.slice(0, i).reduce((a, b) => a + b, 0), width }));
    this.headCells = headings.map((h) => [{ text: h, style: HEAD_STYLE }]);
  }

  private cellHeight(cell: Cell, width: number): number {
    return cell.reduce((sum, t) => sum + this.flow.pen.height(t.text, width - 2 * CELL_PAD, t.style), 0) + 2 * CELL_PAD;
  }

  rowHeight(cells: Cell[]): number {
    return Math.max(...cells.map((cell, i) => this.cellHeight(cell, this.columns[i]!.width)));
  }

  get headHeight(): number {
    return this.rowHeight(this.headCells);
  }

  private draw(cells: Cell[], height: number, fill: string | null, top: boolean): void {
    const { pen } = this.flow;
    const y = this.flow.y;
    const right = PAGE.left + CONTENT_WIDTH;
    if (fill) pen.rect(PAGE.left, y, CONTENT_WIDTH, height, fill);
    cells.forEach((cell, i) => {
      const { x, width } = this.columns[i]!;
      let ty = y + CELL_PAD;
      for (const t of cell) ty += pen.text(t.text, x + CELL_PAD, ty, width - 2 * CELL_PAD, t.style);
    });
    if (top) pen.line(PAGE.left, y, right, y, 0.6, TABLE_BORDER);
    pen.line(PAGE.left, y + height, right, y + height, 0.6, TABLE_BORDER);
    for (const { x } of this.columns) pen.line(x, y, x, y + height, 0.6, TABLE_BORDER);
    pen.line(right, y, right, y + height, 0.6, TABLE_BORDER);
    this.flow.y += height;
  }

  /** The header here, and again at the top of every page the table goes on to (until `end`). */
  head(): void {
    this.draw(this.headCells, this.headHeight, '#f1f1f1', true);
    this.flow.onContinue = () => this.draw(this.headCells, this.headHeight, '#f1f1f1', true);
  }

  end(): void {
    this.flow.onContinue = null;
  }

  /** A row: here if it fits, else on the next page; longer than a page, split at a word and continued there. */
  row(cells: Cell[]): void {
    const { flow } = this;
    const { pen } = flow;
    let rest = cells;
    for (;;) {
      const height = this.rowHeight(rest);
      if (height <= flow.room) {
        this.draw(rest, height, null, false);
        return;
      }
      const fresh = flow.pageRoom - this.headHeight;
      if (flow.room < fresh - 1 && height <= fresh) {
        flow.newPage();
        continue;
      }
      const room = flow.room - 2 * CELL_PAD;
      const here: Cell[] = [];
      const next: Cell[] = [];
      rest.forEach((cell, i) => {
        const width = this.columns[i]!.width - 2 * CELL_PAD;
        let left = room;
        const h: Cell = [];
        const n: Cell = [];
        for (const t of cell) {
          const [fits, more] = left > t.style.size * 1.5 ? pen.split(t.text, width, left, t.style) : ['', t.text];
          if (fits) h.push({ text: fits, style: t.style });
          if (more) n.push({ text: more, style: t.style });
          left -= pen.height(fits, width, t.style);
        }
        here.push(h);
        // The first column (the code) says again whose row goes on.
        next.push(i === 0 && n.length === 0 && cell[0] ? [{ text: `${cell[0].text} (lanjutan)`, style: cell[0].style }] : n);
      });
      this.draw(here, flow.room, null, false);
      flow.newPage();
      rest = next;
    }
  }
}
/** Two columns of "key : value" lines (the site's and the juror's), side by side. */
export function identityColumns(flow: Flow, columns: [string, string][][]): void {
  const { pen } = flow;
  const key: TextStyle = { size: 8.5, color: '#333333', lineHeight: 1.35 };
  const value: TextStyle = { size: 8.5, bold: true, lineHeight: 1.35 };
  const colWidth = CONTENT_WIDTH / 2;
  const keyWidth = 92;
  const valueWidth = colWidth - 8 - keyWidth;
  const heights = columns.map((col) =>
    col.reduce((sum, [k, v]) => sum + Math.max(pen.height(k, keyWidth, key), pen.height(`: ${v}`, valueWidth, value)), 0),
  );
  flow.keep(Math.max(...heights));
  const top = flow.y;
  columns.forEach((col, c) => {
    let y = top;
    const x = PAGE.left + c * colWidth;
    for (const [k, v] of col) {
      const h = Math.max(pen.text(k, x, y, keyWidth, key), pen.text(`: ${v}`, x + keyWidth, y, valueWidth, value));
      y += h;
    }
  });
  flow.y = top + Math.max(...heights);
}

/** The state: FINAL in green, or DRAF in a red box. */
export function stateLine(flow: Flow, text: string, final: boolean): void {
  const { pen } = flow;
  if (final) {
    flow.text(text, { size: 10, bold: true, align: 'center', color: '#14532d' }, { after: 6 });
    return;
  }
  const style: TextStyle = { size: 11, bold: true, align: 'center', color: '#9a3412' };
  const h = pen.height(text, CONTENT_WIDTH - 6, style) + 6;
  flow.keep(h);
  pen.box(PAGE.left, flow.y, CONTENT_WIDTH, h, 1.2, '#9a3412');
  pen.text(text, PAGE.left + 3, flow.y + 3, CONTENT_WIDTH - 6, style);
  flow.y += h + 6;
}

/** A framed box of lines kept together: a bold title, then the lines. */
export function framedBox(flow: Flow, title: string, lines: { text: string; style: TextStyle }[]): void {
  const { pen } = flow;
  const inner = CONTENT_WIDTH - 10;
  const titleStyle: TextStyle = { size: 8.5, bold: true };
  const height = pen.height(title, inner, titleStyle) + 2 + lines.reduce((s, l) => s + pen.height(l.text, inner, l.style), 0) + 10;
  flow.y += 8;
  flow.keep(height);
  const top = flow.y;
  let y = top + 5;
  y += pen.text(title, PAGE.left + 5, y, inner, titleStyle) + 2;
  for (const l of lines) y += pen.text(l.text, PAGE.left + 5, y, inner, l.style);
  pen.box(PAGE.left, top, CONTENT_WIDTH, height, 0.8, '#333333');
  flow.y = top + height;
}
