import { describe, it, expect } from 'vitest';
import { formatNumber, parseDecimal, roundScaled, roundTo } from '../../shared/domain/numbers.js';

describe('roundTo (contract section 4 rounding rule)', () => {
  it('gives the contract test values, where toFixed would be wrong', () => {
    // 1.005 is stored as 1.00499999999999989…; to 9 decimals it is 1.005000000, half away from zero → 1.01.
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect((1.005).toFixed(2)).toBe('1.00'); // the trap the rule exists for
    // Same magnitude, negative: away from zero → −1.01.
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    // 87.245 → 87.245000000 → 87.25.
    expect(roundTo(87.245, 2)).toBe(87.25);
    // 2.675 is stored as 2.67499999999999982…; toFixed gives 2.67, the rule gives 2.68.
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect((2.675).toFixed(2)).toBe('2.67');
  });

  it('rounds halves away from zero at every precision 0..4', () => {
    // 2.5 → 3, not banker's 2; −2.5 → −3.
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.49, 0)).toBe(0);
    // 0.05 → 0.1 (1 decimal); 0.15 is 0.1499999… in binary but 0.150000000 at 9 decimals → 0.2.
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(0.15, 1)).toBe(0.2);
    // 3 decimals: 1.0005 → 1.001; 4 decimals: 1.00005 → 1.0001; −1.00005 → −1.0001.
    expect(roundTo(1.0005, 3)).toBe(1.001);
    expect(roundTo(1.00005, 4)).toBe(1.0001);
    expect(roundTo(-1.00005, 4)).toBe(-1.0001);
    // Below the half: 1.00004 at 4 decimals stays 1.
    expect(roundTo(1.00004, 4)).toBe(1);
  });

  it('cancels binary noise before rounding: 0.1 + 0.2 and 14.499999999999998', () => {
    // 0.1 + 0.2 = 0.30000000000000004 → 0.3 at any precision.
    expect(roundTo(0.1 + 0.2, 4)).toBe(0.3);
    // 29 / 200 × 100 = 14.499999999999998 in floating point, but it means 14.5 → 15 at precision 0.
    expect((29 / 200) * 100).toBeLessThan(14.5);
    expect(roundTo((29 / 200) * 100, 0)).toBe(15);
  });

  it('takes the first step on the shortest decimal of the double (String(x)), not on a product of floats', () => {
    // 8.4499999995 × 1e9 is 8449999999.499999 as a float; the decimal 8.4499999995 rounds to 8.450000000 → 8.5.
    expect(8.4499999995 * 1e9 < 8449999999.5).toBe(true);
    expect(roundTo(8.4499999995, 1)).toBe(8.5);
    expect(roundTo(-8.4499999995, 1)).toBe(-8.5);
    expect(roundTo(8.4499999994, 1)).toBe(8.4);
    // Numbers that String() writes with an exponent.
    expect(roundTo(5e-10, 9)).toBe(1e-9);
    expect(roundTo(4.9e-10, 9)).toBe(0);
    expect(roundTo(1.5e-10, 2)).toBe(0);
    expect(roundScaled(1e21 / 1e18, 2)).toBe(100000);
  });

  it('never returns negative zero', () => {
    // −0.001 at 2 decimals is 0, and it must print as 0, not −0.
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundScaled(-0.004, 2), 0)).toBe(true);
  });

  it('roundScaled returns the exact integer x·10^p', () => {
    // 87.245 at 2 → 8725; 80.004 and 79.996 both → 8000 (equal keys in a ranking).
    expect(roundScaled(87.245, 2)).toBe(8725);
    expect(roundScaled(80.004, 2)).toBe(8000);
    expect(roundScaled(79.996, 2)).toBe(8000);
    expect(roundScaled(-1.005, 2)).toBe(-101);
  });

  it('refuses non-finite numbers and bad precisions', () => {
    expect(() => roundTo(Number.NaN, 2)).toThrow(RangeError);
    expect(() => roundTo(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
    expect(() => roundTo(1, -1)).toThrow(RangeError);
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('writes Indonesian numbers with a thousands dot and a decimal comma', () => {
    expect(formatNumber(1234.5, 2)).toBe('1.234,50');
    expect(formatNumber(1234.5, 2, 'id')).toBe('1.234,50');
    // 1 234 567.891 at 0 decimals → 1 234 568, grouped in threes.
    expect(formatNumber(1234567.891, 0, 'id')).toBe('1.234.568');
    expect(formatNumber(87.245, 2, 'id')).toBe('87,25');
    expect(formatNumber(0.05, 4, 'id')).toBe('0,0500');
    expect(formatNumber(999.9999, 3, 'id')).toBe('1.000,000');
  });

  it('writes English numbers with a thousands comma and a decimal point', () => {
    expect(formatNumber(1234.5, 2, 'en')).toBe('1,234.50');
    expect(formatNumber(2.675, 2, 'en')).toBe('2.68');
    expect(formatNumber(100, 0, 'en')).toBe('100');
  });

  it('rounds with the contract rule before printing, not with toFixed', () => {
    // toFixed would print 1.00 and 2.67.
    expect(formatNumber(1.005, 2, 'en')).toBe('1.01');
    expect(formatNumber(2.675, 2, 'id')).toBe('2,68');
    expect(formatNumber(0.5, 0, 'id')).toBe('1');
  });

  it('writes negatives with a leading minus, and no "-0"', () => {
    expect(formatNumber(-1234.5, 2, 'id')).toBe('-1.234,50');
    expect(formatNumber(-1234.5, 2, 'en')).toBe('-1,234.50');
    expect(formatNumber(-1.005, 2, 'id')).toBe('-1,01');
    expect(formatNumber(-0.5, 0, 'id')).toBe('-1');
    // −0.001 rounds to 0 at 2 decimals.
    expect(formatNumber(-0.001, 2, 'id')).toBe('0,00');
  });

  it('pads small numbers with leading zeros', () => {
    expect(formatNumber(0.07, 2, 'id')).toBe('0,07');
    expect(formatNumber(-0.07, 2, 'en')).toBe('-0.07');
    expect(formatNumber(0, 2, 'id')).toBe('0,00');
  });
});

describe('parseDecimal', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseDecimal('3,5')).toBe(3.5);
    expect(parseDecimal('3.5')).toBe(3.5);
    expect(parseDecimal('4')).toBe(4);
    expect(parseDecimal(' 2,25 ')).toBe(2.25);
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal('-1,5')).toBe(-1.5);
  });

  it('refuses thousands separators, text and empty input', () => {
    // "1.234,5" has two separators: ambiguous, so it is refused rather than read as 1.234 or 1234.5.
    expect(parseDecimal('1.234,5')).toBeNull();
    expect(parseDecimal('1,234.5')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('   ')).toBeNull();
    expect(parseDecimal('3,5a')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal(',')).toBeNull();
  });
});
