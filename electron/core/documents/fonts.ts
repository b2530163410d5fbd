/**
 * The PDF fonts: Noto Sans with DejaVu Sans as fallback (Noto lacks some symbols such as ≥; a missing glyph
 * would be dropped silently). Both are bundled TTFs (WOFF2 crashes fontkit). Every weight and style used by a
 * document exists in both families.
 */
import { Font } from '@react-pdf/renderer';
import { fontPath, type Resources } from '../platform/resources.js';

export const FONT_FAMILY = ['NotoSans', 'DejaVuSans'];

let registered: string | null = null;

export function registerFonts(resources: Resources): void {
  if (registered === resources.dir) return;
  const families = {
    NotoSans: ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf', 'NotoSans-BoldItalic.ttf'],
    DejaVuSans: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'],
  };
  for (const [family, [regular, bold, italic, boldItalic]] of Object.entries(families)) {
    Font.register({
      family,
      fonts: [
        { src: fontPath(resources, regular!) },
        { src: fontPath(resources, bold!), fontWeight: 'bold' },
        { src: fontPath(resources, italic!), fontStyle: 'italic' },
        { src: fontPath(resources, boldItalic!), fontWeight: 'bold', fontStyle: 'italic' },
      ],
    });
  }
  // Indonesian words must not be split by English hyphenation rules.
  Font.registerHyphenationCallback((word) => [word]);
  registered = resources.dir;
}
