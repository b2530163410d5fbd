/**
 * Day/month/year dates as the setup's date fields read them (renderer/src/components/DateField.tsx), whatever the
 * browser's locale: shown as 07/09/2026, typed with or without slashes, stored as ISO, impossible dates refused.
 */
import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, maskDayMonthYear, parseDayMonthYear } from '../../shared/domain/dates.js';

describe('formatDayMonthYear', () => {
  it('writes the day first, two digits each, four for the year', () => {
    expect(formatDayMonthYear('2026-09-07')).toBe('07/09/2026');
    expect(formatDayMonthYear('2024-02-29')).toBe('29/02/2024');
    expect(formatDayMonthYear('2025-12-31')).toBe('31/12/2025');
  });
  it('leaves a text that is no date as it is', () => {
    expect(formatDayMonthYear('2026-02-31')).toBe('2026-02-31');
    expect(formatDayMonthYear('')).toBe('');
  });
});

describe('maskDayMonthYear', () => {
  it('puts the slashes in as digits are typed one by one', () => {
    const typed = '07092026';
    const shown = [...typed].map((_, i) => maskDayMonthYear(typed.slice(0, i + 1)));
    expect(shown).toEqual(['0', '07', '07/0', '07/09', '07/09/2', '07/09/20', '07/09/202', '07/09/2026']);
  });
  it('keeps what a person types with separators, a single-digit day or month included', () => {
    expect(maskDayMonthYear('7/9/2026')).toBe('7/9/2026');
    expect(maskDayMonthYear('7.9.2026')).toBe('7/9/2026');
    expect(maskDayMonthYear('07-09-2026')).toBe('07/09/2026');
    expect(maskDayMonthYear('07/')).toBe('07/');
    expect(maskDayMonthYear('07/09/')).toBe('07/09/');
  });
  it('drops letters, doubled separators and digits past the year', () => {
    expect(maskDayMonthYear('07//09/2026')).toBe('07/09/2026');
    expect(maskDayMonthYear('0a7/09/20261')).toBe('07/09/2026');
    expect(maskDayMonthYear('/07')).toBe('07');
  });
});

describe('parseDayMonthYear', () => {
  it('reads day/month/year into an ISO date', () => {
    expect(parseDayMonthYear('07/09/2026')).toEqual({ kind: 'date', iso: '2026-09-07' });
    expect(parseDayMonthYear('7/9/2026')).toEqual({ kind: 'date', iso: '2026-09-07' });
    expect(parseDayMonthYear(' 29/02/2024 ')).toEqual({ kind: 'date', iso: '2024-02-29' });
  });
  it('refuses a date the calendar does not have', () => {
    expect(parseDayMonthYear('31/02/2026')).toEqual({ kind: 'impossible' });
    expect(parseDayMonthYear('29/02/2026')).toEqual({ kind: 'impossible' });
    expect(parseDayMonthYear('07/13/2026')).toEqual({ kind: 'impossible' });
    expect(parseDayMonthYear('00/09/2026')).toEqual({ kind: 'impossible' });
  });
  it('tells an unfinished date from an empty field', () => {
    expect(parseDayMonthYear('07/09')).toEqual({ kind: 'incomplete' });
    expect(parseDayMonthYear('07/09/26')).toEqual({ kind: 'incomplete' });
    expect(parseDayMonthYear('')).toEqual({ kind: 'empty' });
    expect(parseDayMonthYear('  ')).toEqual({ kind: 'empty' });
  });
});
