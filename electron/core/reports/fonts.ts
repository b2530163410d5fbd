/**
 * The PDF fonts: Noto Sans with DejaVu Sans as fallback (Noto lacks some symbols such as ≥; a missing glyph
 * would be dropped silently). Both are bundled TTFs (WOFF2 crashes fontkit). Every weight and style used by a
 * document exists in both families.
 */
import { Font } from '@react-pdf/renderer';
import { fontPath, type Resources } from '../resources.js';

export const FONT_FAMILY = ['NotoSans', 'DejaVuSans'];

let registered: string | null = null;

export function registerFonts(resources: Resources): void {
  if (registered === resources.dir) return;
  Font.register({
    family: 'NotoSans',
    fonts: [
      { src: fontPath(resources, 'NotoSans-Regular.ttf') },
      { src: fontPath(resources, 'NotoSans-Bold.ttf'), fontWeight: 'bold' },
      { src: fontPath(resources, 'NotoSans-Italic.ttf'), fontStyle: 'italic' },
      { src: fontPath(resources, 'NotoSans-BoldItalic.ttf'), fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
  Font.register({
    family: 'DejaVuSans',
    fonts: [
      { src: fontPath(resources, 'DejaVuSans.ttf') },
      { src: fontPath(resources, 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
      { src: fontPath(resources, 'DejaVuSans-Oblique.ttf'), fontStyle: 'italic' },
      { src: fontPath(resources, 'DejaVuSans-BoldOblique.ttf'), fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
  // Indonesian words must not be split by English hyphenation rules.
  Font.registerHyphenationCallback((word) => [word]);
  registered = resources.dir;
}
