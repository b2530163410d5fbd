/**
 * The analysis channels on a real database (electron/core/analysis/): sensitivity compares with the official
 * ranking, the jury's pleno decision included, and applies that decision the same way without each juror;
 * agreement and views read the same scores; an unknown competition is refused by name.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { Result } from '../../shared/contract/schemas.js';
import { aCompetition, anInstrument } from '../support/builders.js';
import { databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat } from '../support/jury.js';

let temp: ReturnType<typeof tempDir>;
let core: Core;

async function ok<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

beforeEach(async () => {
  temp = tempDir('penilai-analysis-');
  core = openTestCore(join(temp.dir, 'a.db'));
  // one indicator I1 of weight 100, scale 1–5: a site's total is 20 × the mean score
  const file = aCompetition({
    instrument: anInstrument({
      aspects: [{ code: 'A', name: 'Aspek A', indicators: [{ code: 'I1', name: 'Indikator I1', weight: 100, phase: 'LAP' }] }],
    }),
    sites: [
      { code: 'S01', name: 'Desa Satu' },
      { code: 'S02', name: 'Desa Dua' },
      { code: 'S03', name: 'Desa Tiga' },
    ],
    jurors: [
      { code: 'J1', name: 'Juri Satu', role: 'ketua' },
      { code: 'J2', name: 'Juri Dua', role: 'anggota' },
      { code: 'J3', name: 'Juri Tiga', role: 'anggota' },
    ],
  });
  await ok(core.call('setup.import', { name: 'lomba.json', bytes: new TextEncoder().encode(JSON.stringify(file)) }));
  // J1: 5 4 3; J2: 5 3 4; J3: 5 4 4 → S01 100; S02 and S03 20·11/3 = 73.33 each, sharing rank 2
  const csv = ['site,juror,indicator,score', 'S01,J1,I1,5', 'S02,J1,I1,4', 'S03,J1,I1,3', 'S01,J2,I1,5', 'S02,J2,I1,3']
    .concat(['S03,J2,I1,4', 'S01,J3,I1,5', 'S02,J3,I1,4', 'S03,J3,I1,4'])
    .join('\n');
  await asSecretariat(core, 'UJI'); // importing scores is the secretariat's
  await ok(core.call('scoring.importScores', { competition: 'UJI', name: 'nilai.csv', bytes: new TextEncoder().encode(csv) }));
});

afterEach(() => {
  core.close();
  temp.cleanup();
});

describe('analysis channels', () => {
  it('sensitivity: against the official ranking with the pleno decision, the decision applied (or void) without each juror', async () => {
    await ok(core.call('pleno.open', { competition: 'UJI' }));
    await ok(core.call('pleno.decide', { competition: 'UJI', order: ['S03', 'S02'], reason: 'Inovasi S03 lebih kuat' }));
    const official = await ok(core.call('compile.ranking', { competition: 'UJI' }));
    expect(official.ranking.map((r) => [r.site, r.rank, r.label, r.decidedBy])).toEqual([
      ['S01', 1, 'Juara I', null],
      ['S03', 2, 'Juara II', 'total'], // the first of the tied group keeps what placed the group
      ['S02', 3, 'Juara III', 'pleno'],
    ]);
    const result = await ok(core.call('analysis.sensitivity', { competition: 'UJI' }));
    // without J1: S02 20·3.5 = 70, S03 20·4 = 80: the order the jury chose, by the total (the decision is void)
    expect(result.jurors.J1!.changes).toEqual([]);
    expect(result.jurors.J1!.ranking.map((r) => [r.site, r.decidedBy])).toEqual([
      ['S01', null],
      ['S03', 'total'],
      ['S02', 'total'],
    ]);
    // without J2: S02 80, S03 70: both labels change
    expect(result.jurors.J2!.changes).toEqual([
      { site: 'S03', label: 'Juara II', labelWithout: 'Juara III' },
      { site: 'S02', label: 'Juara III', labelWithout: 'Juara II' },
    ]);
    // without J3: S02 70, S03 70 tie again: the decision applies, nothing changes
    expect(result.jurors.J3!.changes).toEqual([]);
    expect(result.jurors.J3!.ranking.map((r) => [r.site, r.rank, r.decidedBy, r.decision?.reason ?? null])).toEqual([
      ['S01', 1, null, null],
      ['S03', 2, 'total', null],
      ['S02', 3, 'pleno', 'Inovasi S03 lebih kuat'],
    ]);
  });

  it('agreement and views read the same scores, and write nothing', async () => {
    const before = databaseBytes(core);
    const agreement = await ok(core.call('analysis.agreement', { competition: 'UJI' }));
    // points 20·score: J1 100 80 60 (ranks 1 2 3), J2 100 60 80 (1 3 2), J3 100 80 80 (1 2.5 2.5; T = 6)
    // R = 3, 7.5, 7.5; mean 3·4/2 = 6; S = 9 + 2.25 + 2.25 = 13.5; W = 12·13.5 / (9·24 − 3·6) = 162/198 = 9/11
    expect(agreement.aspects.A).toEqual({ w: expect.closeTo(9 / 11, 12), jurors: ['J1', 'J2', 'J3'], sites: ['S01', 'S02', 'S03'] });
    expect(agreement.outliers).toEqual([]);
    const views = await ok(core.call('analysis.views', { competition: 'UJI' }));
    expect(views.official).toBe('mean');
    expect(views.views.map((v) => [v.method, v.available])).toEqual([
      ['mean', true],
      ['trimmed-mean', true],
      ['median', true],
      ['juror-normalised', false], // 3 jurors but only 3 sites
    ]);
    // median: S02 median(4, 3, 4) = 4 → 80, S03 median(3, 4, 4) = 4 → 80: still tied
    expect(views.views[2]!.ranking.map((r) => [r.site, r.rank, r.tied])).toEqual([
      ['S01', 1, false],
      ['S02', 2, true],
      ['S03', 2, true],
    ]);
    expect(databaseBytes(core)).toBe(before);
  });

  it('refuses an unknown competition by its code', async () => {
    for (const channel of ['analysis.agreement', 'analysis.sensitivity', 'analysis.views'] as const) {
      const r = await core.call(channel, { competition: 'NOPE' });
      expect(r).toEqual({ ok: false, error: { code: 'not-found', key: 'competition.notFound', params: { code: 'NOPE' } } });
    }
  });
});
