/**
 * Figures of the analysis as the panels print them. The readings themselves (high/moderate/low agreement, stricter or
 * more generous) come from shared/domain/analysis-reading.ts, the same the `agreement` command prints.
 */
import { leniencyPoints, LENIENCY_DECIMALS } from '../../../../shared/domain/analysis-reading.js';
import { formatNumber } from '../../../../shared/domain/numbers.js';

export type Lang = 'id' | 'en';

/**
 * A difference of normalised scores in points of the 0–100 total (as leniency is read), one decimal, with its sign:
 * "+4,2", "-1,0", "0,0".
 */
export function points(difference: number, lang: Lang): string {
  const shown = leniencyPoints(difference);
  const text = formatNumber(shown, LENIENCY_DECIMALS, lang);
  return shown > 0 ? `+${text}` : text;
}
