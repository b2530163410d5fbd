/**
 * The demo competition with a tie on a labelled place, as a jury meets it at the plenary: S05's sheets are reopened
 * and given S04's scores, juror by juror, then finalised again, so that S04 and S05 share rank 2 (Juara II) with
 * every tie-break value equal. And one outlier for the analysis: J2 gives S12 (rank 7, no award) 1 on A2, where J1
 * and J3 gave 4. Every sheet is final and every site complete: the tie is the one thing that blocks locking.
 */
import type { Core } from '../../electron/core/app.js';
import { call, PNG, asSecretariat } from './jury.js';

export const TIE_COMPETITION = 'DEMO';
export const TIED = ['S04', 'S05'] as const;

export async function demoWithTie(core: Core): Promise<void> {
  await call(core, 'setup.createDemo', {});
  const detail = await call(core, 'setup.get', { code: TIE_COMPETITION });
  await asSecretariat(core, TIE_COMPETITION); // reopening the jurors' sheets is the secretariat's
  for (const { code: juror } of detail.jurors) {
    const from = await call(core, 'scoring.sheet', { competition: TIE_COMPETITION, juror, site: 'S04' });
    if (from.eligible.length === 0) continue;
    const at = { competition: TIE_COMPETITION, juror, site: 'S05' };
    await call(core, 'scoring.reopen', { ...at, reason: 'Nilai disamakan dengan S04 untuk uji seri' });
    for (const s of from.scores)
      await call(core, 'scoring.setScore', { ...at, indicator: s.indicator, value: s.value, reason: 'uji seri' });
    await call(core, 'scoring.finalise', { ...at, signature: PNG });
  }
  const outlier = { competition: TIE_COMPETITION, juror: 'J2', site: 'S12' };
  await call(core, 'scoring.reopen', { ...outlier, reason: 'Nilai menyimpang untuk uji analisis' });
  await call(core, 'scoring.setScore', { ...outlier, indicator: 'A2', value: 1, reason: 'uji nilai menyimpang' });
  await call(core, 'scoring.finalise', { ...outlier, signature: PNG });
}
