/**
 * Hostile input (issue 12, point 6), the text formats: 1,000 seeded mutations each of a competition JSON
 * (setup.import), a scores CSV (scoring.importScores), sites and jurors as CSV (setup.parseSites, setup.parseJurors)
 * and an instrument as JSON (instruments.import). Mutations and checks: test/support/fuzz.ts.
 */
import { describe, expect, it } from 'vitest';
import { asSecretariat, JURY_COMPETITION } from '../support/jury.js';
import { checkCodes, checkInstrumentCodes, dec, fuzz, fuzzDatabases, fuzzTableFile, mutateTextFile, PER_FORMAT } from '../support/fuzz.js';

const dbs = fuzzDatabases();

describe('fuzzing the text files the app reads', () => {
  it(`competition JSON: ${PER_FORMAT} mutations through setup.import`, async () => {
    const seed = JSON.stringify(JURY_COMPETITION, null, 1);
    const tally = await fuzz(
      121,
      'lomba.json',
      dbs.emptyFile,
      () => dbs.empty,
      (random) => mutateTextFile(random, seed, true),
      (core, input) => core.call('setup.import', input),
      (t, label, value) => {
        checkCodes(t, label, [(value as { code: string }).code]);
        // The empty database back, so that the next file is not refused for a taken code.
        dbs.resetEmpty();
      },
    );
    expect(tally.problems).toEqual([]);
    expect(tally.refused + tally.accepted).toBe(PER_FORMAT);
    expect(tally.refused).toBeGreaterThan(PER_FORMAT * 0.8);
    for (const key of ['input.problem', 'input.codeBidi', 'input.numberRange']) expect(tally.keys.get(key) ?? 0, key).toBeGreaterThan(0);
  }, 240_000);

  it(`scores CSV: ${PER_FORMAT} mutations through scoring.importScores`, async () => {
    const lines = ['site;juror;indicator;score;note'];
    for (const site of ['S01', 'S02', 'S03']) for (const indicator of ['A1', 'A2']) lines.push(`${site};J2;${indicator};4;Catatan ${site}`);
    const seed = lines.join('\r\n') + '\r\n';
    await asSecretariat(dbs.core, 'JABAR'); // importing scores is the secretariat's: each file is judged, not the role
    const tally = await fuzz(
      122,
      'nilai.csv',
      dbs.file,
      () => dbs.core,
      (random) => mutateTextFile(random, seed, false),
      (core, input) => core.call('scoring.importScores', { competition: 'JABAR', ...input }),
      () => {},
    );
    expect(tally.problems).toEqual([]);
    expect(tally.refused).toBeGreaterThan(PER_FORMAT * 0.5);
    expect(tally.keys.get('file.invalid') ?? 0).toBeGreaterThan(0);
  }, 240_000);

  for (const [kind, seed] of [
    ['sites', 123],
    ['jurors', 124],
  ] as const) {
    it(`${kind} .csv: ${PER_FORMAT} mutations through setup.parse${kind === 'sites' ? 'Sites' : 'Jurors'}`, async () => {
      const tally = await fuzzTableFile(dbs, kind, 'csv', seed, (bytes) => (random) => mutateTextFile(random, dec(bytes), false));
      expect(tally.problems).toEqual([]);
      expect(tally.refused + tally.accepted).toBe(PER_FORMAT);
      expect(tally.keys.get('file.invalid') ?? 0).toBeGreaterThan(0);
    }, 240_000);
  }

  it(`instrument .json: ${PER_FORMAT} mutations through instruments.import`, async () => {
    const { code, version } = JURY_COMPETITION.instrument;
    const exported = await dbs.core.call('instruments.export', { code, version, format: 'json' });
    if (!exported.ok) throw new Error(exported.error.key);
    const tally = await fuzz(
      125,
      'instrumen.json',
      dbs.file,
      () => dbs.core,
      (random) => mutateTextFile(random, dec(exported.value.bytes), true),
      (core, input) => core.call('instruments.import', input),
      checkInstrumentCodes,
    );
    expect(tally.problems).toEqual([]);
    expect(tally.refused).toBeGreaterThan(PER_FORMAT * 0.5);
  }, 240_000);
});
