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
import { join } from 'node:path';
import { computePinned, pinnedCase, PINNED_VARIANTS } from '../support/pinned-ranking.js';
import { openTestCore, tempDir } from '../support/core.js';

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

describe('the ranking read from SQLite (one grouped statement, values through JSON)', () => {
  it('gives back every stored value to the last bit, in site, juror and indicator order, and only the current sheets', () => {
    const core = openTestCore(join(temp.dir, 'exact.sqlite'));
    try {
      const c = pinnedCase(PINNED_VARIANTS[0]!, 7);
      const code = c.file.competition.code;
      // Values no scale allows, chosen for their last bits: what is read must be these doubles, not a rounding.
      const odd = [0.1 + 0.2, 1 / 3, 2 / 3, 4.35, 3.0000000000000004, 1e-7, 123456.789012345, Math.PI, 5 - 2 ** -50];
      const scores = c.finalised
        .slice(0, odd.length * 3)
        .map((s, k) => ({ ...s, value: odd[k % odd.length]! + Math.floor(k / odd.length) }));
      core.deps.repos.setup.createCompetition(c.file);
      core.deps.repos.scoring.insertScores(code, scores, true);
      const input = core.deps.repos.setup.rankingInput(code);
      const key = (s: { site: string; juror: string; indicator: string }) => `${s.site}/${s.juror}/${s.indicator}`;
      const want = new Map(scores.map((s) => [key(s), s.value]));
      expect(input.scores).toHaveLength(scores.length);
      for (const s of input.scores) expect(Object.is(s.value, want.get(key(s))), `${key(s)}: ${s.value}`).toBe(true);
      const sites = c.file.sites.map((s) => s.code);
      const order = input.scores.map((s) => sites.indexOf(s.site));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(input.finalisedSheets).toEqual([
        ...new Map(scores.map((s) => [`${s.site}/${s.juror}`, { site: s.site, juror: s.juror }])).values(),
      ]);
    } finally {
      core.close();
    }
  });
});
