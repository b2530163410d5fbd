/**
 * Hostile input (issue 12, point 6), the table workbooks: 1,000 seeded mutations each of a sites and a jurors .xlsx
 * (setup.parseSites, setup.parseJurors): a part's XML mutated and zipped again, the zip's bytes mutated, zip bombs.
 * Mutations and checks: test/support/fuzz.ts.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, fuzzDatabases, parseRows, PER_FORMAT, xlsxMutator } from '../support/fuzz.js';

const dbs = fuzzDatabases();

describe('fuzzing the table workbooks the app reads', () => {
  for (const [kind, channel, exportChannel, seed] of [
    ['sites', 'setup.parseSites', 'setup.exportSites', 133],
    ['jurors', 'setup.parseJurors', 'setup.exportJurors', 134],
  ] as const) {
    it(`${kind} .xlsx: ${PER_FORMAT} mutations through ${channel}`, async () => {
      const exported = await dbs.core.call(exportChannel, { competition: 'JABAR', format: 'xlsx' });
      if (!exported.ok) throw new Error(exported.error.key);
      const name = `${kind}.xlsx`;
      const tally = await fuzz(
        seed,
        name,
        dbs.file,
        () => dbs.core,
        xlsxMutator(exported.value.bytes),
        (core, input) => core.call(channel, input),
        (t, label, value) => parseRows(t, label, name, value),
      );
      expect(tally.problems).toEqual([]);
      expect(tally.refused + tally.accepted).toBe(PER_FORMAT);
      expect(tally.keys.get('file.invalid') ?? 0).toBeGreaterThan(0);
    }, 240_000);
  }
});
