/**
 * Numbers and dates in Indonesian words, as official documents write them (issue 11: the Berita Acara's "Pada hari
 * ini Senin tanggal dua puluh satu bulan September tahun dua ribu dua puluh enam"). Spelled per KBBI: "sebelas",
 * "seratus", "seribu" (the prefix se- for one of ten, a hundred and a thousand), "satu juta", "miliar", "triliun".
 */
import { parseIsoDate } from './dates.js';

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** Groups of three digits above the first, smallest first: ribu (handled apart for "seribu"), juta, miliar, triliun. */
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'] as const;

/** 1–999 in words (never "nol"). */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(UNITS[hundreds]!, 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(UNITS[rest - 10]!, 'belas');
  else {
    const tens = Math.floor(rest / 10);
    const units = rest % 10;
    if (tens > 0) words.push(UNITS[tens]!, 'puluh');
    if (units > 0) words.push(UNITS[units]!);
  }
  return words;
}

/** A whole number from 0 to 999 999 999 999 999 in words: 21 → "dua puluh satu", 1 000 → "seribu". */
export function terbilang(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e15) throw new RangeError(`terbilang: ${n} is not a whole number from 0 to 10^15 − 1`);
  if (n === 0) return UNITS[0];
  const words: string[] = [];
  let rest = n;
  const groups: number[] = [];
  while (rest > 0) {
    groups.push(rest % 1000);
    rest = Math.floor(rest / 1000);
  }
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i]!;
    if (g === 0) continue;
    if (i === 1 && g === 1) words.push('seribu');
    else words.push(...belowThousand(g), ...(SCALES[i] ? [SCALES[i]!] : []));
  }
  return words.join(' ');
}

/**
 * A calendar date as a Berita Acara says it: "Senin tanggal dua puluh satu bulan September tahun dua ribu dua puluh
 * enam" (the day's name, then the date, month and year in words). Null for a date that does not exist.
 */
export function dateInWords(iso: string): string | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  const day = DAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
  return `${day} tanggal ${terbilang(d.day)} bulan ${MONTHS[d.month - 1]!} tahun ${terbilang(d.year)}`;
}
