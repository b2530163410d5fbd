import { describe, it, expect } from 'vitest';
import { formatDate, formatLongDate, isIsoDate, parseIsoDate } from '../../shared/domain/dates.js';

describe('formatLongDate', () => {
  it('writes a date as Indonesian official documents do', () => {
    // 25 April 2024 was a Thursday (Kamis).
    expect(formatLongDate('2024-04-25')).toBe('Kamis, 25 April 2024');
    expect(formatLongDate('2024-04-25', 'id')).toBe('Kamis, 25 April 2024');
    // 17 August 1945 was a Friday (Jumat); 1 January 2026 is a Thursday; 7 September 2026 a Monday.
    expect(formatLongDate('1945-08-17')).toBe('Jumat, 17 Agustus 1945');
    expect(formatLongDate('2026-01-01')).toBe('Kamis, 1 Januari 2026');
    expect(formatLongDate('2026-09-07')).toBe('Senin, 7 September 2026');
    // Sunday is index 0 of getUTCDay: 28 April 2024 is a Sunday (Minggu).
    expect(formatLongDate('2024-04-28')).toBe('Minggu, 28 April 2024');
  });

  it('writes English when asked', () => {
    expect(formatLongDate('2024-04-25', 'en')).toBe('Thursday, 25 April 2024');
    expect(formatLongDate('2024-12-31', 'en')).toBe('Tuesday, 31 December 2024');
  });

  it('reads the date without a time zone, so it never shifts by a day', () => {
    // The first and last day of a year stay on their own day, whatever the machine's zone.
    expect(formatDate('2026-01-01')).toBe('1 Januari 2026');
    expect(formatDate('2025-12-31')).toBe('31 Desember 2025');
    expect(formatLongDate('2024-02-29')).toBe('Kamis, 29 Februari 2024');
  });

  it('gives back the text unchanged for an invalid date, instead of a wrong day', () => {
    expect(formatLongDate('2023-02-29')).toBe('2023-02-29'); // 2023 is not a leap year
    expect(formatLongDate('2024-13-01')).toBe('2024-13-01');
    expect(formatLongDate('2024-04-31')).toBe('2024-04-31');
    expect(formatLongDate('25-04-2024')).toBe('25-04-2024');
    expect(formatLongDate('')).toBe('');
  });
});

describe('parseIsoDate / isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2024-04-25')).toEqual({ year: 2024, month: 4, day: 25 });
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('2024-04-00')).toBe(false);
    expect(isIsoDate('2024-4-25')).toBe(false);
    expect(isIsoDate('2024-04-25T00:00:00Z')).toBe(false);
  });
});
