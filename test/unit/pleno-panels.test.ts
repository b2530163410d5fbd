/**
 * The figures of the Pleno screen's analysis as people read them (shared/domain/deviation-bands.ts, used by the
 * heatmap's bands): a deviation in points of the 0–100 total with its sign and the reader's decimal mark, and the
 * band (colour and legend line) it falls in.
 */
import { describe, expect, it } from 'vitest';
import { band, points } from '../../shared/domain/deviation-bands.js';

describe('points of 100', () => {
  it('prints a normalised difference ×100 with one decimal, a plus sign above zero, the decimal comma in Indonesian', () => {
    expect(points(0.02777777777777777, 'id')).toBe('+2,8');
    expect(points(-0.014062500000000002, 'id')).toBe('-1,4');
    expect(points(0.1, 'en')).toBe('+10.0');
    expect(points(0.0004, 'id')).toBe('0,0');
    expect(points(-0.0004, 'id')).toBe('0,0');
  });
});

describe('heatmap bands', () => {
  it('cuts at 2 and 5 points each way, and marks a cell with nothing to compare', () => {
    expect([-0.08, -0.05, -0.049, -0.02, -0.019, 0, 0.019, 0.02, 0.049, 0.05, 0.2].map(band)).toEqual([
      'strict2',
      'strict2',
      'strict1',
      'strict1',
      'even',
      'even',
      'even',
      'lenient1',
      'lenient1',
      'lenient2',
      'lenient2',
    ]);
    expect(band(null)).toBe('none');
  });
});
