/**
 * Backups, the pure part. Which backups to keep (issue 12): the newest 10, and the newest of each calendar day for the last 30 days
 * (today and the 29 days before it). Everything else may be removed. Pure: the day of a backup and "today" are
 * given as ISO dates (YYYY-MM-DD) in the user's local time, decided by the caller.
 */

export const KEEP_NEWEST = 10;
export const KEEP_DAYS = 30;

export interface RotationEntry {
  name: string;
  /** When it was taken (ISO 8601, UTC): orders the backups. */
  createdAt: string;
  /** The local calendar day it was taken on (YYYY-MM-DD). */
  day: string;
}

/** The ISO day `n` days before `day` (YYYY-MM-DD), by the calendar. */
export function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** The names of the backups to keep, given every backup and today's local day. */
export function backupsToKeep(entries: readonly RotationEntry[], today: string): Set<string> {
  const newestFirst = [...entries].sort((a, b) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt),
  );
  const keep = new Set(newestFirst.slice(0, KEEP_NEWEST).map((e) => e.name));
  const oldestDay = daysBefore(today, KEEP_DAYS - 1);
  const seenDays = new Set<string>();
  for (const e of newestFirst) {
    if (e.day < oldestDay || e.day > today || seenDays.has(e.day)) continue;
    seenDays.add(e.day);
    keep.add(e.name);
  }
  return keep;
}

/** A local calendar day (YYYY-MM-DD) of an instant, for a time zone offset in minutes east of UTC (WIB: 420). */
export function localDay(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** A size for people: "840 KB", "12,3 MB" (Indonesian decimal comma), "1.2 GB" in English. */
export function formatBytes(bytes: number, lang: 'id' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = unit === 0 || value >= 100 ? String(Math.round(value)) : value.toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text} ${units[unit]}`;
}
