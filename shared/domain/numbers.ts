/**
 * The one rounding rule of contract.md section 4, and the number formats built on it.
 *
 * round(x, p): first round x to 9 decimals (to cancel binary floating-point noise) on the shortest decimal that
 * reads back as the same double (`String(x)`), half away from zero; then round half away from zero to p decimals,
 * doing the second step on the 9-decimal integer rather than on a float. Every number a
 * person reads, and every value compared in a ranking, goes through `roundTo`. Formatting never calls toFixed or
 * Intl on an unrounded value: it prints the scaled integer that `roundScaled` returns.
 */

/**
 * Two numbers closer than this are the same number: a score and a scale level, two weights, two totals before
 * rounding. One constant for every such comparison.
 */
export const EPSILON = 1e-9;

export const MAX_PRECISION = 4;

/**
 * |x| rounded half away from zero to 9 decimals, as the integer |x|·10^9, computed on the shortest decimal that
 * reads back as the same double (`String(x)`), never on a product of floats: 8.4499999995 is 8449999999.5 → 8450000000.
 */
function scaledNine(abs: number): number {
  const [mantissa = '0', exponent] = String(abs).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  // abs = digits × 10^(shift − 9)
  const shift = Number(exponent ?? 0) - fraction.length + 9;
  let scaled: number;
  if (shift >= 0) scaled = Number(digits + '0'.repeat(shift));
  else {
    const kept = digits.length + shift;
    scaled = kept > 0 ? Number(digits.slice(0, kept)) : 0;
    const next = kept >= 0 ? (digits[kept] ?? '0') : '0';
    if (next >= '5') scaled += 1;
  }
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`roundScaled: number too large: ${abs}`);
  return scaled;
}

/** x rounded to p decimals, returned as the integer x·10^p (exact, no float noise). */
export function roundScaled(x: number, p: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundScaled: not a finite number: ${x}`);
  if (!Number.isInteger(p) || p < 0 || p > 9) throw new RangeError(`roundScaled: precision out of range: ${p}`);
  const sign = x < 0 ? -1 : 1;
  const scaled9 = scaledNine(Math.abs(x));
  const divisor = 10 ** (9 - p);
  let q = Math.floor(scaled9 / divisor);
  const r = scaled9 - q * divisor;
  if (2 * r >= divisor) q += 1;
  return sign * q || 0;
}

/** round(x, p) of the contract, as a number. */
export function roundTo(x: number, p: number): number {
  return roundScaled(x, p) / 10 ** p;
}

export type NumberLocale = 'id' | 'en';

/**
 * A number as a person reads it: rounded by `roundTo`, then printed with the locale's separators.
 * Indonesian: 1.234,50 (dot for thousands, decimal comma); English: 1,234.50.
 */
export function formatNumber(x: number, p: number, locale: NumberLocale = 'id'): string {
  const scaled = roundScaled(x, p);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(p + 1, '0');
  const intPart = digits.slice(0, digits.length - p);
  const fracPart = digits.slice(digits.length - p);
  const [thousands, decimal] = locale === 'id' ? ['.', ','] : [',', '.'];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return (negative ? '-' : '') + grouped + (p > 0 ? decimal + fracPart : '');
}

/**
 * Reads a number typed by a person or found in a file: "3,5" and "3.5" both mean three and a half.
 * Thousands separators are not accepted (a score never needs them, and "1.234" would be ambiguous).
 * Returns null when the text is not a plain decimal number.
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const value = Number(t.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}
