/** The few parts of fontkit (a dependency of @react-pdf/renderer) the signature appearance uses. */
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  export interface Subset {
    includeGlyph(glyph: Glyph | number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    italicAngle: number;
    postscriptName: string;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    layout(text: string): { glyphs: Glyph[] };
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array): Font;
}
