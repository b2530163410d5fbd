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
