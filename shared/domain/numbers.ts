/**
 * The one rounding rule of contract.md section 4, and the number formats built on it.
 *
 * round(x, p): first round x to 9 decimals (to cancel binary floating-point noise), then round half away from
 * zero to p decimals, doing the second step on the 9-decimal integer rather than on a float. Every number a
 * person reads, and every value compared in a ranking, goes through `roundTo`. Formatting never calls toFixed or
 * Intl on an unrounded value: it prints the scaled integer that `roundScaled` returns.
 */

const NINE = 1_000_000_000;

export const MAX_PRECISION = 4;

/** x rounded to p decimals, returned as the integer x·10^p (exact, no float noise). */
export function roundScaled(x: number, p: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundScaled: not a finite number: ${x}`);
  if (!Number.isInteger(p) || p < 0 || p > 9) throw new RangeError(`roundScaled: precision out of range: ${p}`);
  const sign = x < 0 ? -1 : 1;
  const scaled9 = Math.round(Math.abs(x) * NINE);
  if (!Number.isSafeInteger(scaled9)) throw new RangeError(`roundScaled: number too large: ${x}`);
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
