/**
 * Hostile input (issue 12, point 6), the table workbooks: 1,000 seeded mutations each of a sites and a jurors .xlsx
 * (setup.parseSites, setup.parseJurors): a part's XML mutated and zipped again, the zip's bytes mutated, zip bombs.
 * Mutations and checks: test/support/fuzz.ts.
 */
import { describe, expect, it } from 'vitest';
import { fuzzDatabases, fuzzTableFile, PER_FORMAT, xlsxMutator } from '../support/fuzz.js';

const dbs = fuzzDatabases();

describe('fuzzing the table workbooks the app reads', () => {
  for (const [kind, seed] of [
    ['sites', 133],
    ['jurors', 134],
  ] as const) {
    it(`${kind} .xlsx: ${PER_FORMAT} mutations through setup.parse${kind === 'sites' ? 'Sites' : 'Jurors'}`, async () => {
      const tally = await fuzzTableFile(dbs, kind, 'xlsx', seed, xlsxMutator);
      expect(tally.problems).toEqual([]);
      expect(tally.refused + tally.accepted).toBe(PER_FORMAT);
      expect(tally.keys.get('file.invalid') ?? 0).toBeGreaterThan(0);
    }, 240_000);
  }
});
