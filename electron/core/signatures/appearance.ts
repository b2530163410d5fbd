/**
 * The visible signature: a small form XObject drawn in the signer's signing space ("Ditandatangani secara
 * elektronik", the name, the NIP and the time with its zone), in a subset of the bundled Noto Sans embedded in the
 * update itself (a Type0 / CIDFontType2 font, Identity-H, with a ToUnicode map so the text can be copied and
 * searched). No font is referenced without being embedded.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { formatDateTime } from '../../../shared/domain/dates.js';
import { fontPath, type Resources } from '../platform/resources.js';

/** "WIB" for +07:00, "WITA" +08:00, "WIT" +09:00, else "UTC+hh:mm" (the time is the machine's local time). */
export function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 420) return 'WIB';
  if (offsetMinutes === 480) return 'WITA';
  if (offsetMinutes === 540) return 'WIT';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The time as the signature shows it: "2 Desember 2026 pukul 15.04 WIB". */
export function signedAtText(now: Date): string {
  return `${formatDateTime(now, 'id')} ${zoneLabel(-now.getTimezoneOffset())}`;
}

/** The lines of the visible signature. */
export function appearanceLines(name: string, nip: string | null, now: Date): { text: string; size: number }[] {
  return [
    { text: 'Ditandatangani secara elektronik oleh', size: 6 },
    { text: name, size: 8 },
    { text: nip ? `NIP ${nip}` : 'NIP —', size: 6.5 },
    { text: signedAtText(now), size: 6 },
  ];
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<<\n${dict}\n/Length ${data.length}\n>>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0').toUpperCase();
}

function utf16Hex(codePoints: number[]): string {
  return Buffer.from(String.fromCodePoint(...codePoints), 'utf16le')
    .swap16()
    .toString('hex')
    .toUpperCase();
}

/**
 * The appearance of a signature `width` × `height` points: the objects to add (the form XObject first, then the
 * font's objects), referring to each other by the numbers given (`first`, `first + 1`, …).
 */
export function signatureAppearance(
  resources: Resources,
  lines: { text: string; size: number }[],
  width: number,
  height: number,
  first: number,
): Buffer[] {
  const font = fontkit.create(readFileSync(fontPath(resources, 'NotoSans-Regular.ttf')));
  const subset = font.createSubset();
  const scale = 1000 / font.unitsPerEm;
  const widths = new Map<number, number>();
  const unicode = new Map<number, number[]>();
  const padding = 3;
  const usable = width - 2 * padding;
  const shown = lines.map((line) => {
    let size = line.size;
    let glyphs = font.layout(line.text).glyphs;
    let advance = glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) * (size / font.unitsPerEm);
    if (advance > usable) size = Math.max(4, (size * usable) / advance);
    advance = glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) * (size / font.unitsPerEm);
    let text = line.text;
    while (advance > usable && text.length > 1) {
      text = text.slice(0, -2) + '…';
      glyphs = font.layout(text).glyphs;
      advance = glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) * (size / font.unitsPerEm);
    }
    const ids = glyphs.map((g) => {
      const id = subset.includeGlyph(g);
      widths.set(id, Math.round(g.advanceWidth * scale));
      if (g.codePoints.length > 0) unicode.set(id, g.codePoints);
      return id;
    });
    return { size, ids };
  });
  const total = shown.reduce((sum, l) => sum + l.size * 1.25, 0);
  let y = height - (height - total) / 2;
  const ops = [
    'q',
    '0.55 0.6 0.7 RG 0.6 w',
    `0.5 0.5 ${(width - 1).toFixed(2)} ${(height - 1).toFixed(2)} re S`,
    'BT',
    '0.09 0.18 0.42 rg',
  ];
  for (const line of shown) {
    y -= line.size * 1.25;
    ops.push(
      `/F1 ${line.size.toFixed(2)} Tf`,
      `1 0 0 1 ${padding} ${(y + line.size * 0.25).toFixed(2)} Tm`,
      `<${line.ids.map(hex4).join('')}> Tj`,
    );
  }
  ops.push('ET', 'Q');
  const content = Buffer.from(ops.join('\n'), 'latin1');

  const fontBytes = Buffer.from(subset.encode());
  const ids = [...widths.keys()].sort((a, b) => a - b);
  const tag = [...createHash('sha256').update(fontBytes).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  const baseFont = `${tag}+${font.postscriptName.replace(/[^A-Za-z0-9-]/g, '')}`;
  const w = ids.map((id) => `${id} [${widths.get(id)}]`).join(' ');
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    `${unicode.size} beginbfchar`,
    ...[...unicode.entries()].sort((a, b) => a[0] - b[0]).map(([id, cps]) => `<${hex4(id)}> <${utf16Hex(cps)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const [type0, cid, descriptor, file, toUnicode] = [first + 1, first + 2, first + 3, first + 4, first + 5];
  const s = (n: number) => (n * scale).toFixed(0);
  return [
    stream(
      `/Type /XObject\n/Subtype /Form\n/FormType 1\n/BBox [0 0 ${width.toFixed(2)} ${height.toFixed(2)}]\n/Resources << /Font << /F1 ${type0} 0 R >> >>`,
      content,
    ),
    Buffer.from(
      `<<\n/Type /Font\n/Subtype /Type0\n/BaseFont /${baseFont}\n/Encoding /Identity-H\n/DescendantFonts [${cid} 0 R]\n/ToUnicode ${toUnicode} 0 R\n>>`,
      'latin1',
    ),
    Buffer.from(
      `<<\n/Type /Font\n/Subtype /CIDFontType2\n/BaseFont /${baseFont}\n/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>\n/FontDescriptor ${descriptor} 0 R\n/CIDToGIDMap /Identity\n/DW 1000\n/W [${w}]\n>>`,
      'latin1',
    ),
    Buffer.from(
      `<<\n/Type /FontDescriptor\n/FontName /${baseFont}\n/Flags 4\n/FontBBox [${s(font.bbox.minX)} ${s(font.bbox.minY)} ${s(font.bbox.maxX)} ${s(font.bbox.maxY)}]\n/ItalicAngle ${font.italicAngle}\n/Ascent ${s(font.ascent)}\n/Descent ${s(font.descent)}\n/CapHeight ${s(font.capHeight)}\n/StemV 80\n/FontFile2 ${file} 0 R\n>>`,
      'latin1',
    ),
    stream(`/Length1 ${fontBytes.length}\n/Filter /FlateDecode`, deflateSync(fontBytes)),
    stream('/Filter /FlateDecode', deflateSync(Buffer.from(cmap, 'latin1'))),
  ];
}
