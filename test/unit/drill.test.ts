import { describe, expect, it } from 'vitest';
import { levelLabel, median, scoreOutlier } from '../../shared/domain/drill.js';

const scale15 = { min: 1, max: 5 };

describe('scoreOutlier: the outlier rule of contract section 6', () => {
  it('needs at least 2 other jurors on the cell', () => {
    expect(scoreOutlier(1, [5], scale15)).toEqual({ outlier: false, median: null });
    expect(scoreOutlier(1, [], scale15)).toEqual({ outlier: false, median: null });
  });

  it('a score at least half the range (2 on 1–5) from the others’ median is an outlier; just under is not', () => {
    expect(scoreOutlier(1, [4, 4], scale15)).toEqual({ outlier: true, median: 4 });
    expect(scoreOutlier(2, [4, 4], scale15)).toEqual({ outlier: true, median: 4 });
    expect(scoreOutlier(3, [4, 5, 5], scale15)).toEqual({ outlier: true, median: 5 });
    expect(scoreOutlier(3, [4, 5], scale15)).toEqual({ outlier: false, median: 4.5 });
    expect(scoreOutlier(5, [4, 1], scale15)).toEqual({ outlier: true, median: 2.5 });
  });

  it('compares after the first rounding step: 0,7 − 0,2 is half of 0–1 although the float says 0,49999999999999994', () => {
    expect(0.7 - 0.2).toBeLessThan(0.5);
    expect(scoreOutlier(0.7, [0.2, 0.2], { min: 0, max: 1 })).toEqual({ outlier: true, median: 0.2 });
  });

  it('works on the scale’s own range (0–100: 50 apart), above as below', () => {
    expect(scoreOutlier(90, [40, 30, 20], { min: 0, max: 100 })).toEqual({ outlier: true, median: 30 });
    expect(scoreOutlier(79, [40, 30, 20], { min: 0, max: 100 })).toEqual({ outlier: false, median: 30 });
  });
});

describe('median and levelLabel', () => {
  it('median of an odd and an even count; none', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2.5, null]);
  });

  it('the label a scale gives a level', () => {
    const scale = { min: 1, max: 5, step: 1, labels: { '3': 'Cukup', '4': 'Baik' } };
    expect([levelLabel(scale, 4), levelLabel(scale, 2)]).toEqual(['Baik', null]);
    const options = {
      options: [
        { key: 'Y', value: 1, label: 'Ada' },
        { key: 'N', value: 0 },
      ],
    };
    expect([levelLabel(options, 1), levelLabel(options, 0)]).toEqual(['Ada', null]);
  });
});
