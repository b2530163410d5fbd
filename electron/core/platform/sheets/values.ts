/**
 * What a spreadsheet cell may say and how it is read: dates, NIPs, roles, lists of codes. Pure functions;
 * docs/spreadsheets.md is the user's side of the same rules.
 */
import { parseIsoDate } from '../../../../shared/domain/dates.js';
import { ROLES, type Role } from '../../../../shared/domain/competition.js';

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['januari', 'january', 'jan']],
  [2, ['februari', 'february', 'feb', 'pebruari', 'peb']],
  [3, ['maret', 'march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'june', 'jun']],
  [7, ['juli', 'july', 'jul']],
  [8, ['agustus', 'august', 'agu', 'agt', 'aug', 'ags']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'october', 'okt', 'oct']],
  [11, ['november', 'nov', 'nopember', 'nop']],
  [12, ['desember', 'december', 'des', 'dec']],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS[name] = month;

function iso(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(text) ? text : null;
}

/**
 * A date written as text, to an ISO date, or null. Accepted: 2026-09-08 (ISO, also with /), 8/9/2026, 08-09-2026
 * and 8.9.2026 (always day/month/year, as Indonesia writes dates; never month/day), and 8 September 2026 or
 * 8 Sep 2026 (Indonesian or English month names, an optional weekday before a comma: "Selasa, 8 September 2026").
 * Two-digit years are refused.
 */
export function parseDateText(text: string): string | null {
  const t = text.trim().replace(/^[A-Za-z]+,\s*/, '');
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month === undefined ? null : iso(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

/** A moment from an Excel date cell (exceljs gives UTC midnight of the day) to its ISO date, rounded to the day. */
export function excelDateToIso(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const day = new Date(Math.round(ms / 86_400_000) * 86_400_000);
  return iso(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/** An ISO date as an Excel date cell: UTC midnight, which exceljs writes as the day's serial number. */
export function isoToExcelDate(isoDate: string): Date | null {
  const d = parseIsoDate(isoDate);
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
}

export type NipReading =
  | { ok: true; nip: string }
  | { ok: false; key: 'file.nipNumber' | 'file.nipLength' | 'file.nipRounded'; params: Record<string, string | number> };

/**
 * A NIP written as text. Spaces are allowed (the printed form "19700315 199503 2 001") and dropped, as is a
 * leading apostrophe. Scientific notation ("1,97003E+17") or digit groups ("197.003.151.995.032.000") mean a
 * spreadsheet has made it a number: refused with the hint to format the column as Text. A NIP ending in 000 is
 * refused too: NIP sequence numbers start at 001, and 000 is what a number rounded to 15 digits ends with.
 */
export function readNipText(text: string): NipReading {
  const raw = text.trim();
  const compact = raw.replace(/^'/, '').replace(/[\s\u00a0]+/g, '');
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(compact) || /^\d{1,3}([.,]\d{3}){2,}$/.test(compact)) {
    return { ok: false, key: 'file.nipNumber', params: { value: raw } };
  }
  if (!/^\d{18}$/.test(compact)) {
    return { ok: false, key: 'file.nipLength', params: { value: raw, digits: compact.replace(/\D/g, '').length } };
  }
  if (compact.endsWith('000')) return { ok: false, key: 'file.nipRounded', params: { value: compact } };
  return { ok: true, nip: compact };
}

/** A number as Excel would show it in a General column, for messages about a NIP that became a number. */
export function showNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e11) return value.toExponential(5).replace('e+', 'E+');
  return String(value);
}

const ROLE_WORDS: Record<string, Role> = {
  ketua: 'ketua',
  sekretaris: 'sekretaris',
  anggota: 'anggota',
  chair: 'ketua',
  chairperson: 'ketua',
  secretary: 'sekretaris',
  member: 'anggota',
};

/** A role in any capitalisation (Ketua, KETUA), Indonesian or English; null when unknown. */
export function readRole(text: string): Role | null {
  const word = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const role = ROLE_WORDS[word];
  return role && (ROLES as readonly string[]).includes(role) ? role : null;
}

/** Words that mean "no item at all" in a list cell. */
const NONE = new Set(['-', '–', '—', 'tidak ada', 'tidak', 'none', 'no', 'kosong']);
/** Words that mean "every aspect" in the Aspek cell (as does a blank cell). */
const ALL = new Set(['semua', 'semua aspek', 'all', '*']);

/** Codes in a cell, separated by commas, semicolons, spaces or line breaks; repeated codes kept once. */
export function splitCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((c) => c !== ''))];
}

/**
 * The Aspek cell of a juror: blank (or "semua"/"all") means every aspect (`undefined`); "-" (or "tidak ada",
 * "none") means none (an empty list: a juror who sits on the jury and signs but scores nothing); otherwise the
 * listed aspect codes.
 */
export function readAspects(text: string): string[] | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || ALL.has(t)) return undefined;
  if (NONE.has(t)) return [];
  return splitCodes(text);
}

/** The Tidak Menilai Lokus cell: blank or "-" is none; otherwise site codes. */
export function readCodeList(text: string): string[] {
  const t = text.trim().toLowerCase();
  if (t === '' || NONE.has(t)) return [];
  return splitCodes(text);
}

/** How the Aspek cell is written on export: blank for every aspect, "-" for none. */
export function writeAspects(aspects: readonly string[] | undefined): string {
  if (aspects === undefined) return '';
  return aspects.length === 0 ? '-' : aspects.join(', ');
}
