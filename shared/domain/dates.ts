/**
 * Dates as Indonesian official documents write them: "Kamis, 25 April 2024". Dates travel as ISO
 * calendar dates ("2024-04-25"), read without a time zone so that a date never shifts by a day.
 */
import type { NumberLocale } from './numbers.js';

const MONTHS: Record<NumberLocale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const DAYS: Record<NumberLocale, readonly string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export function parseIsoDate(iso: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isIsoDate(iso: string): boolean {
  return parseIsoDate(iso) !== null;
}

function weekday(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** "25 April 2024" */
export function formatDate(iso: string, locale: NumberLocale = 'id'): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return locale === 'id' ? `${d.day} ${MONTHS.id[d.month - 1]} ${d.year}` : `${d.day} ${MONTHS.en[d.month - 1]} ${d.year}`;
}

/** "Kamis, 25 April 2024" */
export function formatLongDate(iso: string, locale: NumberLocale = 'id'): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${DAYS[locale][weekday(d)]}, ${formatDate(iso, locale)}`;
}

/** A moment (Date) as the local calendar date of the machine, in ISO form. */
export function toIsoDate(moment: Date): string {
  const y = moment.getFullYear();
  const m = String(moment.getMonth() + 1).padStart(2, '0');
  const d = String(moment.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** "25 April 2024 pukul 14.05" (Indonesian writes the time with a dot). */
export function formatDateTime(moment: Date, locale: NumberLocale = 'id'): string {
  const hh = String(moment.getHours()).padStart(2, '0');
  const mm = String(moment.getMinutes()).padStart(2, '0');
  const date = formatDate(toIsoDate(moment), locale);
  return locale === 'id' ? `${date} pukul ${hh}.${mm}` : `${date} at ${hh}:${mm}`;
}

/**
 * "07/09/2026" for "2026-09-07": a date as Indonesian forms write it (day/month/year), whatever the locale of the
 * browser or of the machine. An ISO text that is not a real date is returned as it is.
 */
export function formatDayMonthYear(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

/**
 * What a person typed in a day/month/year field, kept to that shape as they type: digits and separators only
 * ("/", ".", "-" or a space, shown as "/"), a slash put in after two digits of the day and of the month, at most
 * four digits of the year. "07092026" → "07/09/2026"; "7/9/2026" stays "7/9/2026".
 */
export function maskDayMonthYear(typed: string): string {
  const parts = ['', '', ''];
  let field = 0;
  for (const ch of typed) {
    if (ch >= '0' && ch <= '9') {
      if (field < 2 && parts[field]!.length === 2) field += 1;
      if (parts[field]!.length < (field === 2 ? 4 : 2)) parts[field] += ch;
    } else if ('/.- '.includes(ch) && field < 2 && parts[field]!.length > 0) {
      field += 1;
    }
  }
  return parts.slice(0, field + 1).join('/');
}

export type DayMonthYear = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'incomplete' } | { kind: 'impossible' };

/**
 * A day/month/year text read as a calendar date: "07/09/2026" (or "7/9/2026", "7.9.2026", "7-9-2026") is
 * 2026-09-07; "31/02/2026" is no date of the calendar; "07/09" lacks its year.
 */
export function parseDayMonthYear(text: string): DayMonthYear {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(trimmed);
  if (!m) return { kind: 'incomplete' };
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? { kind: 'date', iso } : { kind: 'impossible' };
}
