/**
 * The jurors × sites heatmap of the Pleno screen, pure: a juror's deviation from the other jurors (a difference of
 * normalised scores, shared/domain/analysis.ts) printed in points of the 0–100 total as leniency is read
 * (analysis-reading.ts), and the band it falls in (the colour of its box and its line in the legend).
 */
import { leniencyPoints, LENIENCY_DECIMALS } from './analysis-reading.js';
import { formatNumber, type NumberLocale } from './numbers.js';

/** "+4,2", "-1,0", "0,0": points of 100, one decimal, a plus sign above zero, the reader's decimal mark. */
export function points(difference: number, lang: NumberLocale): string {
  const shown = leniencyPoints(difference);
  const text = formatNumber(shown, LENIENCY_DECIMALS, lang);
  return shown > 0 ? `+${text}` : text;
}

/** Under 2 points, 2 up to 5, 5 or more, each way; `none`: no other juror scored a cell the juror scored there. */
export type Band = 'strict2' | 'strict1' | 'even' | 'lenient1' | 'lenient2' | 'none';
export const BANDS: readonly Band[] = ['strict2', 'strict1', 'even', 'lenient1', 'lenient2', 'none'];

export function band(deviation: number | null): Band {
  if (deviation === null) return 'none';
  if (deviation <= -0.05) return 'strict2';
  if (deviation <= -0.02) return 'strict1';
  if (deviation < 0.02) return 'even';
  if (deviation < 0.05) return 'lenient1';
  return 'lenient2';
}
