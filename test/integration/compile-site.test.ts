/**
 * `compile.site`, the drill-down (issue 10, point 1): one site of the official ranking by aspect and phase with their
 * maximum, by indicator, and each eligible juror's score, normalised value, note and photos, with the spread and
 * the outliers. On the demo with ties (test/support/ties.ts): at S02, A1 scored 4, 4 and 1 by J1, J2, J3.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { copyClosedDatabase, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call } from '../support/jury.js';
import { demoWithTies, TIE_NOTE } from '../support/ties.js';

const temp = tempDir('penilai-drill-');
const template = join(temp.dir, 'ties.db');
let core: Core;

/** The demo with ties on a copy of its own: the test that locks works on another, whatever the order. */
function openCopy(name: string): Core {
  const file = join(temp.dir, name);
  copyClosedDatabase(template, file);
  return openTestCore(file);
}

beforeAll(async () => {
  const setup = openTestCore(template);
  await demoWithTies(setup);
  setup.close();
  core = openCopy('drill.db');
});
afterAll(() => {
  core.close();
  temp.cleanup();
});

describe('compile.site', () => {
  it('gives the official ranking’s aspect, phase and total points, each with its maximum (Σ weights)', async () => {
    const ranking = await call(core, 'compile.ranking', { competition: 'DEMO' });
    const row = ranking.ranking.find((r) => r.site === 'S02')!;
    const drill = await call(core, 'compile.site', { competition: 'DEMO', site: 'S02' });
    expect(drill).toMatchObject({ site: 'S02', name: 'Desa Sukamaju', rank: row.rank, tied: true, total: row.total, precision: 2 });
    expect(drill.aspects.map((a) => [a.code, a.points, a.max])).toEqual(
      Object.entries(row.aspects).map(([c, p]) => [c, p, expect.any(Number)]),
    );
    expect(drill.aspects.map((a) => a.max)).toEqual([15, 10, 10, 20, 15, 15, 10, 5]);
    expect(drill.phases.map((p) => [p.code, p.max])).toEqual([
      ['ADM', 23],
      ['PPR', 14],
      ['LAP', 34],
      ['KRT', 29],
    ]);
    expect(drill.phases.map((p) => p.points)).toEqual(drill.phases.map((p) => row.phases[p.code]));
    // The indicators add up to their aspect's points.
    for (const a of drill.aspects) {
      const sum = drill.indicators.filter((i) => i.aspect === a.code).reduce((s, i) => s + i.points, 0);
      expect(sum).toBeCloseTo(a.points, 9);
    }
  });

  it('opens an indicator: every eligible juror’s score, label, normalised value, note, photos; spread; the outlier', async () => {
    const drill = await call(core, 'compile.site', { competition: 'DEMO', site: 'S02' });
    const a1 = drill.indicators.find((i) => i.code === 'A1')!;
    expect(a1).toMatchObject({ aspect: 'A', phase: 'ADM', weight: 3, maxPoints: 3, scale: { min: 1, max: 5 } });
    expect(a1.aggregate).toBeCloseTo(0.6, 12); // (0,8 + 0,8 + 0,2) / 3
    expect(a1.points).toBeCloseTo(1.8, 12);
    expect(a1.spread.raw).toBe(3);
    expect(a1.spread.normalised).toBeCloseTo(0.6, 12);
    expect(
      a1.jurors.map((j) => ({ juror: j.juror, score: j.score, label: j.label, outlier: j.outlier, median: j.othersMedian, note: j.note })),
    ).toEqual([
      { juror: 'J1', score: 4, label: 'Baik', outlier: false, median: 2.5, note: TIE_NOTE },
      { juror: 'J2', score: 4, label: 'Baik', outlier: false, median: 2.5, note: null },
      { juror: 'J3', score: 1, label: 'Sangat Kurang', outlier: true, median: 4, note: null },
    ]);
    expect(a1.jurors.map((j) => j.normalised)).toEqual([0.8, 0.8, 0.2]);
    expect(a1.jurors[0]!.name).toBe('Dr. Hj. Siti Aminah, M.Si.');
    expect(a1.jurors.map((j) => j.photos.map((p) => p.name))).toEqual([['register.jpg'], [], []]);
    const photo = await call(core, 'evidence.get', { uuid: a1.jurors[0]!.photos[0]!.uuid, thumbnail: true });
    expect(photo.bytes.length).toBeGreaterThan(0);
  });

  it('refuses a site the competition does not have, in the user’s words', async () => {
    const r = await core.call('compile.site', { competition: 'DEMO', site: 'S99' });
    expect(r.ok ? null : r.error.key).toBe('site.notFound');
  });

  it('after the jury decides the tie and locks, gives the locked result: S03 4th, S02 5th by the pleno, state locked', async () => {
    const core = openCopy('locked.db');
    onTestFinished(() => core.close());
    await asSecretariat(core, 'DEMO');
    await call(core, 'pleno.open', { competition: 'DEMO' });
    await call(core, 'pleno.decide', { competition: 'DEMO', order: ['S03', 'S02'], reason: 'Inovasi posyandu S03 lebih berkelanjutan.' });
    await call(core, 'pleno.lock', { competition: 'DEMO' });
    const official = await call(core, 'compile.ranking', { competition: 'DEMO' });
    const s02 = await call(core, 'compile.site', { competition: 'DEMO', site: 'S02' });
    const s03 = await call(core, 'compile.site', { competition: 'DEMO', site: 'S03' });
    expect([s03.rank, s03.tied, s03.label, s03.state]).toEqual([4, false, 'Harapan I', 'locked']);
    expect([s02.rank, s02.tied, s02.label, s02.state]).toEqual([5, false, 'Harapan II', 'locked']);
    expect(s02.total).toBe(official.ranking.find((r) => r.site === 'S02')!.total);
    expect(s02.indicators.find((i) => i.code === 'A1')!.jurors.map((j) => j.score)).toEqual([4, 4, 1]);
  });
});
