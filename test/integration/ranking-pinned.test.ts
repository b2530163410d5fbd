/**
 * The ranking of mid-size synthetic competitions (test/support/pinned-ranking.ts: 12 sites × 7 jurors × 40
 * indicators, aspect splits, recusals, missing scores, open sheets, an exact tie, a tie decided by the chain, a pleno
 * decision; mean, trimmed mean and median; normalised by max and by range; ranked overall and by category), pinned
 * to test/fixtures/ranking/pinned.json: the output of the ranking as it was before it was made faster (commit
 * 920d9ec), written once and never regenerated. Every number is compared exactly (totals to the last bit), from the
 * pure function and from what the app shows (`repos.pleno.official` on a real SQLite file).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { computePinned, PINNED_VARIANTS } from '../support/pinned-ranking.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-pinned-');
afterAll(() => temp.cleanup());

const expected = JSON.parse(readFileSync(new URL('../fixtures/ranking/pinned.json', import.meta.url), 'utf8')) as Record<
  string,
  { pure: unknown; official: unknown }
>;

describe('the ranking of mid-size synthetic competitions, pinned to its output before the speed-up', () => {
  it('the fixture holds every variant, with ties, a chain decision, a pleno decision and incomplete sites', () => {
    expect(Object.keys(expected)).toEqual(PINNED_VARIANTS.map((v) => v.code));
    const text = JSON.stringify(expected);
    for (const marker of ['"decidedBy":"phase:LAP"', '"decidedBy":"tied"', '"decidedBy":"pleno"', '"complete":false', '"status":"applied"'])
      expect(text).toContain(marker);
  });

  it('rankSites and repos.pleno.official give exactly the pinned rankings', async () => {
    const actual = await computePinned(temp.dir);
    for (const variant of PINNED_VARIANTS) {
      expect(JSON.parse(JSON.stringify(actual[variant.code]!.pure)), `${variant.code} pure`).toEqual(expected[variant.code]!.pure);
      expect(JSON.parse(JSON.stringify(actual[variant.code]!.official)), `${variant.code} official`).toEqual(
        expected[variant.code]!.official,
      );
    }
  });
});
