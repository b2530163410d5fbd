/**
 * Hostile input (issue 12, point 6), the instrument workbook: 1,000 seeded mutations of an instrument .xlsx
 * (instruments.import): a part's XML mutated and zipped again, the zip's bytes mutated, zip bombs. Mutations and
 * checks: test/support/fuzz.ts.
 */
import { describe, expect, it } from 'vitest';
import { JURY_COMPETITION } from '../support/jury.js';
import { checkInstrumentCodes, fuzz, fuzzDatabases, PER_FORMAT, xlsxMutator } from '../support/fuzz.js';

const dbs = fuzzDatabases();

describe('fuzzing the instrument workbook', () => {
  it(`instrument .xlsx: ${PER_FORMAT} mutations through instruments.import`, async () => {
    const { code, version } = JURY_COMPETITION.instrument;
    const exported = await dbs.core.call('instruments.export', { code, version, format: 'xlsx' });
    if (!exported.ok) throw new Error(exported.error.key);
    const tally = await fuzz(
      126,
      'instrumen.xlsx',
      dbs.file,
      () => dbs.core,
      xlsxMutator(exported.value.bytes),
      (core, input) => core.call('instruments.import', input),
      checkInstrumentCodes,
    );
    expect(tally.problems).toEqual([]);
    expect(tally.refused + tally.accepted).toBe(PER_FORMAT);
    expect(tally.keys.get('file.invalid') ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
