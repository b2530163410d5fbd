import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  snapToScale,
  householdScore,
  isOnScale,
  listIndicators,
  parseInstrument,
  scaleLevels,
  type Household,
  type Indicator,
  type Instrument,
  type Scale,
} from '../../shared/domain/instrument.js';
import type { ValidationIssue } from '../../shared/domain/validation.js';

const DEFAULT_PATH = new URL('../../resources/instruments/p2wkss-provinsi.json', import.meta.url);

function loadDefault(): Instrument {
  const parsed = parseInstrument(JSON.parse(readFileSync(DEFAULT_PATH, 'utf8')));
  if (!parsed.ok) throw new Error(`default instrument does not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

function indicator(instrument: Instrument, aspect: number, index: number): Indicator {
  const found = instrument.aspects[aspect]?.indicators[index];
  if (!found) throw new Error(`no indicator at aspects[${aspect}].indicators[${index}]`);
  return found;
}

/** The issues of a copy of the default instrument changed by `mutate` (an empty list if it is still valid). */
function issuesOf(mutate: (copy: Instrument) => void): ValidationIssue[] {
  const copy = structuredClone(loadDefault());
  mutate(copy);
  const parsed = parseInstrument(copy);
  return parsed.ok ? [] : parsed.issues;
}

function brief(issues: ValidationIssue[]): { path: string; key: string }[] {
  return issues.map(({ path, key }) => ({ path, key }));
}

describe('the bundled default instrument', () => {
  it('parses, and its weights sum to 100', () => {
    const raw: unknown = JSON.parse(readFileSync(DEFAULT_PATH, 'utf8'));
    const parsed = parseInstrument(raw);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (!parsed.ok) return;
    const weights = listIndicators(parsed.value).map((r) => r.indicator.weight);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 9);
    expect(parsed.value.format).toBe('penilai.instrument/1');
    // Every household indicator either has bands on a 1–5 scale or a 0–100 scale.
    expect(listIndicators(parsed.value).filter((r) => r.indicator.household).length).toBe(7);
  });

  it('the default scale is 1–5 with a label per level', () => {
    const levels = scaleLevels(loadDefault().defaultScale);
    expect(levels?.map((l) => [l.value, l.key, l.label])).toEqual([
      [1, '1', 'Sangat Kurang'],
      [2, '2', 'Kurang'],
      [3, '3', 'Cukup'],
      [4, '4', 'Baik'],
      [5, '5', 'Sangat Baik'],
    ]);
  });
});

describe('parseInstrument: invalid variants give the right path and message', () => {
  it('weights summing to 99', () => {
    // A1 weight 3 → 2: the sum drops from 100 to 99.
    const issues = issuesOf((c) => {
      indicator(c, 0, 0).weight = 2;
    });
    expect(issues).toEqual([{ path: 'instrument.aspects', key: 'validate.weightsSum', params: { sum: '99' } }]);
  });

  it('accepts weights that sum to 100 only up to floating-point noise', () => {
    // A1 3 → 2.9 and A2 4 → 4.1: 2.9 + 4.1 is exactly 7 on paper; any float noise is far below 1e-9.
    const issues = issuesOf((c) => {
      indicator(c, 0, 0).weight = 2.9;
      indicator(c, 0, 1).weight = 4.1;
    });
    expect(issues).toEqual([]);
  });

  it('a zero or negative weight', () => {
    const issues = issuesOf((c) => {
      indicator(c, 0, 0).weight = 0;
    });
    expect(brief(issues)).toContainEqual({ path: 'instrument.aspects[0].indicators[0].weight', key: 'validate.tooSmall' });
  });

  it('a duplicate indicator code, within an aspect and across aspects', () => {
    // A2 (aspects[0].indicators[1]) renamed A1.
    expect(
      issuesOf((c) => {
        indicator(c, 0, 1).code = 'A1';
      }),
    ).toEqual([
      {
        path: 'instrument.aspects[0].indicators[1].code',
        key: 'validate.duplicateCode',
        params: { code: 'A1', other: 'instrument.aspects[0].indicators[0].code' },
      },
    ]);
    // B1 (aspects[1].indicators[0]) renamed A1: indicator codes are unique across the whole instrument.
    expect(
      brief(
        issuesOf((c) => {
          indicator(c, 1, 0).code = 'A1';
        }),
      ),
    ).toEqual([{ path: 'instrument.aspects[1].indicators[0].code', key: 'validate.duplicateCode' }]);
  });

  it('a duplicate aspect code and a duplicate phase code', () => {
    expect(
      brief(
        issuesOf((c) => {
          c.aspects[1]!.code = 'A';
        }),
      ),
    ).toEqual([{ path: 'instrument.aspects[1].code', key: 'validate.duplicateCode' }]);
    expect(
      brief(
        issuesOf((c) => {
          c.phases[1]!.code = 'ADM';
        }),
      ),
      // PPR disappears, so the indicators in phase PPR now name an unknown phase too.
    ).toContainEqual({ path: 'instrument.phases[1].code', key: 'validate.duplicateCode' });
  });

  it('an unknown phase', () => {
    const issues = issuesOf((c) => {
      indicator(c, 0, 0).phase = 'XYZ';
    });
    expect(issues).toEqual([
      {
        path: 'instrument.aspects[0].indicators[0].phase',
        key: 'validate.unknownPhase',
        params: { code: 'XYZ', known: 'ADM, PPR, LAP, KRT' },
      },
    ]);
  });

  it('a scale with min >= max', () => {
    // C1 (aspects[2].indicators[0]) has its own 0–100 scale; make it 100–100.
    const issues = issuesOf((c) => {
      indicator(c, 2, 0).scale = { min: 100, max: 100, step: 1 };
    });
    expect(issues).toEqual([
      { path: 'instrument.aspects[2].indicators[0].scale', key: 'validate.scaleMinMax', params: { min: 100, max: 100 } },
    ]);
    // The default scale upside down (5–1): reported on defaultScale.
    const upside = issuesOf((c) => {
      c.defaultScale = { min: 5, max: 1, step: 1 };
    });
    expect(upside).toContainEqual({ path: 'instrument.defaultScale', key: 'validate.scaleMinMax', params: { min: 5, max: 1 } });
  });

  it('an options scale with fewer than two distinct values', () => {
    const issues = issuesOf((c) => {
      indicator(c, 2, 0).scale = {
        options: [
          { key: 'a', value: 1 },
          { key: 'b', value: 1 },
        ],
      };
    });
    expect(brief(issues)).toEqual([{ path: 'instrument.aspects[2].indicators[0].scale', key: 'validate.scaleOptions' }]);
  });

  it('household bands that leave a gap', () => {
    // C2 (aspects[2].indicators[1]) bands: below 40, 60, 75, 90, atLeast 90. atLeast 95 leaves 90–95 uncovered.
    const issues = issuesOf((c) => {
      const bands = indicator(c, 2, 1).household!.bands!;
      bands[4] = { atLeast: 95, score: 5 };
    });
    expect(brief(issues)).toEqual([
      { path: 'instrument.aspects[2].indicators[1].household.bands[4].atLeast', key: 'validate.bandAtLeastValue' },
    ]);
  });

  it('household bands out of order', () => {
    // below 40, 30, … : the second band is not higher than the first.
    const issues = issuesOf((c) => {
      indicator(c, 2, 1).household!.bands![1] = { below: 30, score: 2 };
    });
    expect(brief(issues)).toContainEqual({
      path: 'instrument.aspects[2].indicators[1].household.bands[1].below',
      key: 'validate.bandBelow',
    });
  });

  it('household bands whose last band is not atLeast', () => {
    // Drop the final atLeast 90: the last band is now below 90, leaving 90–100 uncovered.
    const issues = issuesOf((c) => {
      indicator(c, 2, 1).household!.bands!.pop();
    });
    expect(brief(issues)).toEqual([{ path: 'instrument.aspects[2].indicators[1].household.bands[3]', key: 'validate.bandLastAtLeast' }]);
  });

  it('a household band whose score is off the scale', () => {
    const issues = issuesOf((c) => {
      indicator(c, 2, 1).household!.bands![4] = { atLeast: 90, score: 6 };
    });
    expect(issues).toEqual([
      { path: 'instrument.aspects[2].indicators[1].household.bands[4].score', key: 'validate.levelOffScale', params: { level: '6' } },
    ]);
  });

  it('a household indicator without bands on a 1–5 scale', () => {
    // C2 uses the default 1–5 scale; without bands the percentage would be the score, so the scale must be 0–100.
    const issues = issuesOf((c) => {
      delete indicator(c, 2, 1).household!.bands;
    });
    expect(issues).toEqual([{ path: 'instrument.aspects[2].indicators[1].household', key: 'validate.householdScale', params: {} }]);
  });

  it('a rubric level not on the scale', () => {
    // A1's rubric has levels 1, 3, 5 on the 1–5 step-1 scale; add 6 (above max) and 3.5 (off the step).
    const issues = issuesOf((c) => {
      const a1 = indicator(c, 0, 0);
      a1.rubric = { ...a1.rubric, '6': 'lebih dari sempurna', '3.5': 'setengah' };
    });
    expect(issues).toEqual([
      { path: 'instrument.aspects[0].indicators[0].rubric["6"]', key: 'validate.levelOffScale', params: { level: '6' } },
      { path: 'instrument.aspects[0].indicators[0].rubric["3.5"]', key: 'validate.levelOffScale', params: { level: '3.5' } },
    ]);
  });

  it('a level written with a decimal comma is refused (levels are written with a dot)', () => {
    const issues = issuesOf((c) => {
      indicator(c, 2, 0).scale = { min: 0, max: 10, step: 0.5 };
      indicator(c, 2, 0).rubric = { '3.5': 'ok', '3,5': 'salah tulis' };
    });
    expect(issues).toEqual([
      { path: 'instrument.aspects[2].indicators[0].rubric["3,5"]', key: 'validate.levelOffScale', params: { level: '3,5' } },
    ]);
  });

  it('a default-scale label not on the scale', () => {
    // The default scale is 1–5 step 1; a label for level 6 names a level no juror can give.
    const issues = issuesOf((c) => {
      const scale = c.defaultScale;
      if ('options' in scale) throw new Error('expected a range scale');
      scale.labels = { ...scale.labels, '6': 'Istimewa' };
    });
    expect(issues).toEqual([{ path: 'instrument.defaultScale.labels["6"]', key: 'validate.levelOffScale', params: { level: '6' } }]);
  });

  it('an evidence level not on the scale', () => {
    const issues = issuesOf((c) => {
      indicator(c, 0, 0).evidence = { noteAt: ['1'], photoAt: ['0'] };
    });
    expect(issues).toEqual([
      { path: 'instrument.aspects[0].indicators[0].evidence.photoAt["0"]', key: 'validate.levelOffScale', params: { level: '0' } },
    ]);
  });

  it('a wrong format tag or a missing field is reported by path', () => {
    const raw = JSON.parse(readFileSync(DEFAULT_PATH, 'utf8')) as Record<string, unknown>;
    const wrongTag = parseInstrument({ ...raw, format: 'penilai.instrument/2' });
    expect(wrongTag.ok ? [] : brief(wrongTag.issues)).toEqual([{ path: 'instrument.format', key: 'validate.oneOf' }]);
    const { version: _version, ...noVersion } = raw;
    const missing = parseInstrument(noVersion);
    expect(missing.ok ? [] : brief(missing.issues)).toEqual([{ path: 'instrument.version', key: 'validate.required' }]);
  });
});

describe('isOnScale', () => {
  const halves: Scale = { min: 1, max: 5, step: 0.5 };

  it('accepts values on the step and within min–max', () => {
    expect(isOnScale(halves, 1)).toBe(true);
    expect(isOnScale(halves, 3.5)).toBe(true);
    expect(isOnScale(halves, 5)).toBe(true);
  });

  it('refuses values off the step or outside min–max', () => {
    expect(isOnScale(halves, 3.25)).toBe(false); // (3.25 − 1) / 0.5 = 4.5: not on the step
    expect(isOnScale(halves, 0.5)).toBe(false); // below min
    expect(isOnScale(halves, 5.5)).toBe(false); // above max, though on the step
    expect(isOnScale(halves, Number.NaN)).toBe(false);
    expect(isOnScale(halves, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('tolerates floating-point noise within 1e-9', () => {
    const tenths: Scale = { min: 0, max: 1, step: 0.1 };
    // 0.1 + 0.2 = 0.30000000000000004: (that − 0) / 0.1 = 3.0000000000000004 → on the step.
    expect(isOnScale(tenths, 0.1 + 0.2)).toBe(true);
    // 0.7 / 0.1 = 6.999999999999999 → still step 7.
    expect(isOnScale(tenths, 0.7)).toBe(true);
    expect(isOnScale(halves, 5 + 1e-12)).toBe(true);
    expect(isOnScale(halves, 3.5 + 1e-6)).toBe(false); // real difference, not noise
  });

  it('snaps a score within 1e-9 of a level to that level exactly, and refuses one off every level', () => {
    const ones: Scale = { min: 1, max: 5, step: 1 };
    expect(snapToScale(ones, 0.9999999995)).toBe(1);
    expect(snapToScale(ones, 3.0000000004)).toBe(3);
    expect(snapToScale(ones, 3.01)).toBe(null);
    const tenths: Scale = { min: 0, max: 1, step: 0.1 };
    expect(snapToScale(tenths, 0.1 + 0.2)).toBe(0.3);
    expect(snapToScale(tenths, 0.70000000005)).toBe(0.7);
    const quarters: Scale = { min: 0.5, max: 2, step: 0.25 };
    expect(snapToScale(quarters, 1.7500000001)).toBe(1.75);
    // The contract measures the distance in steps: 3e-10 above 1.75 is 1.2e-9 of a 0.25 step, off the scale.
    expect(snapToScale(quarters, 1.7500000003)).toBe(null);
    const options: Scale = {
      options: [
        { key: 'a', value: 95 },
        { key: 'b', value: 85 },
      ],
    };
    expect(snapToScale(options, 84.9999999999)).toBe(85);
    expect(snapToScale(options, 90)).toBe(null);
  });

  it('on an options scale, only the option values', () => {
    const options: Scale = {
      options: [
        { key: 'a', value: 4 },
        { key: 'b', value: 3 },
        { key: 'c', value: 2 },
        { key: 'd', value: 1 },
      ],
    };
    expect([1, 2, 3, 4].map((v) => isOnScale(options, v))).toEqual([true, true, true, true]);
    expect(isOnScale(options, 2.5)).toBe(false);
    expect(isOnScale(options, 0)).toBe(false);
  });
});

describe('scaleLevels', () => {
  it('lists every level of a range scale with its key', () => {
    // 1 to 3 in steps of 0.5: 1, 1.5, 2, 2.5, 3 (keys written with a dot)
    const levels = scaleLevels({ min: 1, max: 3, step: 0.5, labels: { '2.5': 'Hampir baik' } });
    expect(levels).toEqual([
      { value: 1, key: '1' },
      { value: 1.5, key: '1.5' },
      { value: 2, key: '2' },
      { value: 2.5, key: '2.5', label: 'Hampir baik' },
      { value: 3, key: '3' },
    ]);
  });

  it('gives clean values even when the step is not exact in binary', () => {
    // 0 to 0.5 in steps of 0.1: 0.1 × 3 = 0.30000000000000004 must come out as 0.3.
    expect(scaleLevels({ min: 0, max: 0.5, step: 0.1 })?.map((l) => l.value)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('returns null when there are too many levels to list', () => {
    // 0–100 step 1 has 101 levels > 11
    expect(scaleLevels({ min: 0, max: 100, step: 1 })).toBeNull();
    // 0–10 step 1 has exactly 11 levels: still listed
    expect(scaleLevels({ min: 0, max: 10, step: 1 })).toHaveLength(11);
  });

  it('lists options lowest first with their keys and labels', () => {
    const levels = scaleLevels({
      options: [
        { key: 'a', value: 4, label: 'Sangat baik' },
        { key: 'c', value: 2 },
        { key: 'b', value: 3, label: 'Baik' },
      ],
      labels: { '2': 'Cukup' },
    });
    expect(levels).toEqual([
      { value: 2, key: 'c', label: 'Cukup' },
      { value: 3, key: 'b', label: 'Baik' },
      { value: 4, key: 'a', label: 'Sangat baik' },
    ]);
  });
});

describe('householdScore', () => {
  const oneToFive: Scale = { min: 1, max: 5, step: 1 };
  const banded: Household = {
    sampleSize: 10,
    items: ['Anak bersekolah'],
    bands: [
      { below: 40, score: 1 },
      { below: 60, score: 2 },
      { below: 75, score: 3 },
      { below: 90, score: 4 },
      { atLeast: 90, score: 5 },
    ],
  };

  it('converts the yes share through the bands', () => {
    // 7 yes of 10 answered = 70% → first band with 70 < below is "below 75" → 3
    expect(householdScore(banded, oneToFive, 7, 10)).toBe(3);
    // 3 of 10 = 30% → below 40 → 1; 5 of 10 = 50% → below 60 → 2
    expect(householdScore(banded, oneToFive, 3, 10)).toBe(1);
    expect(householdScore(banded, oneToFive, 5, 10)).toBe(2);
  });

  it('puts a share exactly on a boundary in the upper band', () => {
    // 40% is not below 40 → 2; 3 of 4 = 75% → 4; 9 of 10 = 90% → atLeast 90 → 5; 100% → 5
    expect(householdScore(banded, oneToFive, 4, 10)).toBe(2);
    expect(householdScore(banded, oneToFive, 3, 4)).toBe(4);
    expect(householdScore(banded, oneToFive, 9, 10)).toBe(5);
    expect(householdScore(banded, oneToFive, 10, 10)).toBe(5);
  });

  it('counts over all items of all families, fewer visited than the sample size', () => {
    // 2 items × 4 families visited = 8 answers, 7 yes → 87.5% → below 90 → 4
    const twoItems: Household = { ...banded, items: ['Anak bersekolah', 'Balita ikut PAUD'] };
    expect(householdScore(twoItems, oneToFive, 7, 8)).toBe(4);
    // nothing answered → 0% → 1
    expect(householdScore(twoItems, oneToFive, 0, 0)).toBe(1);
  });

  const unbanded: Household = { sampleSize: 10, items: ['Dokumen kependudukan lengkap'] };
  const percent: Scale = { min: 0, max: 100, step: 1, unit: '%' };

  it('without bands, is the percentage rounded to the step, halves away from zero', () => {
    // 7 of 10 = 70 → 70; 2 of 3 = 66.67 → 67; 1 of 8 = 12.5 → 13 (half up, not banker's 12)
    expect(householdScore(unbanded, percent, 7, 10)).toBe(70);
    expect(householdScore(unbanded, percent, 2, 3)).toBe(67);
    expect(householdScore(unbanded, percent, 1, 8)).toBe(13);
    // 23 of 40 = 57.5 exactly, but 23 / 40 × 100 = 57.49999999999999 in floating point:
    // the contract's rule rounds to 9 decimals first (57.5), then half away from zero → 58.
    expect((23 / 40) * 100).toBeLessThan(57.5);
    expect(householdScore(unbanded, percent, 23, 40)).toBe(58);
    expect(householdScore(unbanded, percent, 0, 0)).toBe(0);
  });

  it('without bands, rounds to a step other than 1', () => {
    // step 5: 2 of 3 = 66.67 → 66.67 / 5 = 13.33 → 13 × 5 = 65; 5 of 8 = 62.5 → 12.5 → 13 × 5 = 65
    expect(householdScore(unbanded, { min: 0, max: 100, step: 5 }, 2, 3)).toBe(65);
    expect(householdScore(unbanded, { min: 0, max: 100, step: 5 }, 5, 8)).toBe(65);
    // step 0.5: 1 of 3 = 33.33 → 66.67 halves → 67 × 0.5 = 33.5
    expect(householdScore(unbanded, { min: 0, max: 100, step: 0.5 }, 1, 3)).toBe(33.5);
  });
});
