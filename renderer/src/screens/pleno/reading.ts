/**
 * Plain readings of the analysis figures, pure: Kendall's W as high, moderate or low agreement, a normalised
 * difference as percent of the scale (through formatNumber: decimal comma in Indonesian), a juror's leniency as a
 * sentence.
 */
import { formatNumber } from '../../../../shared/domain/numbers.js';
import type { UiKey } from '../../i18n.js';

export type Lang = 'id' | 'en';

/** W ≥ 0.70 high, 0.40–0.69 moderate, below 0.40 low (the thresholds the panel states). */
export function agreementKey(w: number | null): UiKey {
  if (w === null) return 'analysis.none';
  if (w >= 0.7) return 'analysis.high';
  if (w >= 0.4) return 'analysis.medium';
  return 'analysis.low';
}

/** A difference of normalised scores (a share of the scale) in percent with one decimal: "4,2", "+4,2" with `signed`. */
export function percentOfScale(difference: number, lang: Lang, signed = false): string {
  const text = formatNumber(difference * 100, 1, lang);
  return signed && !text.startsWith('-') && text !== formatNumber(0, 1, lang) ? `+${text}` : text;
}

/** Under this share of the scale a juror scores "much like the others" (the same band as the heatmap's middle). */
export const EVEN = 0.03;

/** The key and parameters of the sentence reading a juror's leniency. */
export function leniencySentence(juror: string, leniency: number | null, lang: Lang): { key: UiKey; params: Record<string, string> } {
  if (leniency === null) return { key: 'analysis.noShared', params: { juror } };
  const value = percentOfScale(Math.abs(leniency), lang);
  if (Math.abs(leniency) < EVEN) return { key: 'analysis.even', params: { juror, value } };
  return { key: leniency > 0 ? 'analysis.lenient' : 'analysis.strict', params: { juror, value } };
}
