/**
 * Numbers and dates in Indonesian words (shared/domain/terbilang.ts), checked against how KBBI and official letters
 * write them: the se- forms (sepuluh, sebelas, seratus, seribu), "satu juta", "miliar".
 */
import { describe, expect, it } from 'vitest';
import { dateInWords, terbilang } from '../../shared/domain/terbilang.js';

describe('terbilang', () => {
  it('writes the small numbers, the teens and the tens', () => {
    const cases: [number, string][] = [
      [0, 'nol'],
      [1, 'satu'],
      [9, 'sembilan'],
      [10, 'sepuluh'],
      [11, 'sebelas'],
      [12, 'dua belas'],
      [19, 'sembilan belas'],
      [20, 'dua puluh'],
      [21, 'dua puluh satu'],
      [99, 'sembilan puluh sembilan'],
    ];
    for (const [n, words] of cases) expect([n, terbilang(n)]).toEqual([n, words]);
  });

  it('writes hundreds, thousands and the large scales, with se- only for one hundred and one thousand', () => {
    const cases: [number, string][] = [
      [100, 'seratus'],
      [101, 'seratus satu'],
      [111, 'seratus sebelas'],
      [210, 'dua ratus sepuluh'],
      [1000, 'seribu'],
      [1001, 'seribu satu'],
      [1100, 'seribu seratus'],
      [2026, 'dua ribu dua puluh enam'],
      [11000, 'sebelas ribu'],
      [100000, 'seratus ribu'],
      [101000, 'seratus satu ribu'],
      [1000000, 'satu juta'],
      [1001000, 'satu juta seribu'],
      [2500000, 'dua juta lima ratus ribu'],
      [1000000000, 'satu miliar'],
      [12000000005, 'dua belas miliar lima'],
      [1000000000000, 'satu triliun'],
      [
        999999999999999,
        'sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan',
      ],
    ];
    for (const [n, words] of cases) expect([n, terbilang(n)]).toEqual([n, words]);
  });

  it('refuses what is not a whole number in range', () => {
    for (const n of [-1, 1.5, 1e15, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => terbilang(n)).toThrow(RangeError);
  });
});

describe('dateInWords', () => {
  it('says the day and the date as a Berita Acara does', () => {
    expect(dateInWords('2026-09-21')).toBe('Senin tanggal dua puluh satu bulan September tahun dua ribu dua puluh enam');
    expect(dateInWords('2026-01-01')).toBe('Kamis tanggal satu bulan Januari tahun dua ribu dua puluh enam');
    expect(dateInWords('2024-02-29')).toBe('Kamis tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat');
    expect(dateInWords('2025-11-11')).toBe('Selasa tanggal sebelas bulan November tahun dua ribu dua puluh lima');
  });

  it('gives null for a date that does not exist', () => {
    expect(dateInWords('2026-02-30')).toBeNull();
    expect(dateInWords('21/09/2026')).toBeNull();
  });
});
