/**
 * The demo competition with ties to explain (issue 10): `demo` with 6 sites and 3 jurors, then, through the scoring
 * handlers (each sheet reopened with a reason, changed, finalised again):
 * - S03 gets S02's scores exactly: the two share a rank ("Seri" on both);
 * - S05 gets S02's scores with A2 (phase ADM, weight 4) and B1 (phase LAP, weight 4) swapped: the same total, and
 *   1,60 points less in phase LAP, so the tie-break chain (`phase:LAP`) places it just below the tied pair;
 * - at S02 (and so at S03 and S05) A1 is 4, 4 and 1 from J1, J2, J3 (J3's 1 an outlier: 3 from the others' median
 *   4 on a 1–5 scale, at least half its range), A2 is 2 and B1 is 4 from every juror; J1 writes a note and adds a
 *   photo on S02's A1.
 */
import type { Core } from '../../electron/core/app.js';
import { call, PHOTO, PNG, THUMB, asSecretariat } from './jury.js';

export const TIE_REASON = 'Menyamakan nilai untuk uji penjelasan seri';
export const TIE_NOTE = 'Buku register kader lengkap sejak 2024.';
const JURORS = ['J1', 'J2', 'J3'];
const A1: Record<string, number> = { J1: 4, J2: 4, J3: 1 };

/** Makes the demo (`DEMO`) and its ties in an empty database opened by `core`. */
export async function demoWithTies(core: Core): Promise<void> {
  const competition = 'DEMO';
  await call(core, 'setup.createDemo', { sites: 6, jurors: 3, seed: 1 });
  for (const juror of JURORS) {
    const base = await call(core, 'scoring.sheet', { competition, juror, site: 'S02' });
    const values = new Map(base.scores.map((s) => [s.indicator, s.value]));
    values.set('A1', A1[juror]!);
    for (const [site, a2, b1] of [
      ['S02', 2, 4],
      ['S03', 2, 4],
      ['S05', 4, 2],
    ] as const) {
      values.set('A2', a2);
      values.set('B1', b1);
      await asSecretariat(core, competition); // reopening a juror's sheet is the secretariat's
      await call(core, 'scoring.reopen', { competition, juror, site, reason: TIE_REASON });
      for (const [indicator, value] of values) {
        await call(core, 'scoring.setScore', { competition, juror, site, indicator, value, reason: TIE_REASON });
      }
      if (juror === 'J1' && site === 'S02') {
        await call(core, 'scoring.setNote', { competition, juror, site, indicator: 'A1', note: TIE_NOTE });
        await call(core, 'evidence.add', {
          competition,
          juror,
          site,
          indicator: 'A1',
          name: 'register.jpg',
          mime: 'image/jpeg',
          bytes: PHOTO,
          thumbnail: THUMB,
        });
      }
      await call(core, 'scoring.finalise', { competition, juror, site, signature: PNG });
    }
  }
}
