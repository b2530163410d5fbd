/**
 * Ties explained (issue 10, point 2): every site that shares a rank says "Seri", a place decided by the tie-break
 * chain quotes the values that decided it, and a place settled by the plenary meeting gives the jury's reason, in
 * the same words in `rank`'s text and in the recap PDF (one explanation function, shared/domain/explain.ts).
 * The demo with ties of test/support/ties.ts: S02 and S03 tied on every key, S05 equal in total and 1,60 lower in
 * phase LAP.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.js';
import { copyClosedDatabase, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call } from '../support/jury.js';
import { pdfText, qpdfCheck } from '../support/pdf.js';
import { demoWithTies } from '../support/ties.js';

const temp = tempDir('penilai-ties-');
const db = join(temp.dir, 'ties.db');

beforeAll(async () => {
  const core = openTestCore(db);
  try {
    await demoWithTies(core);
  } finally {
    core.close();
  }
});
afterAll(() => temp.cleanup());

/** The lines of `rank` for the three sites that tie on their total, from the rank to the explanation. */
async function tiedLines(lang: 'id' | 'en', file = db): Promise<string[]> {
  const run = await runCommand(['rank', '--db', file, '--lang', lang]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .split('\n')
    .filter((l) => /\bS0[235]\b/.test(l))
    .map((l) => l.replace(/\s+/g, ' ').trim());
}

/** The recap PDF's text, in one line per row, spaces collapsed. */
async function reportText(name: string, file = db): Promise<string> {
  const out = join(temp.dir, name);
  const run = await runCommand(['report', '--db', file, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  expect(qpdfCheck(out).ok).toBe(true);
  return pdfText(out).replace(/\s+/g, ' ');
}

describe('ties explained', () => {
  it('rank (text): both tied sites say Seri; the place below says which values decided it', async () => {
    expect(await tiedLines('id')).toEqual([
      '4= S02 Desa Sukamaju 54,82 Harapan I [Seri]',
      '4= S03 Desa Cibeber 54,82 Harapan I [Seri]',
      '6 S05 Desa Sindangsari 54,82 Harapan III [S03 di atas S05: nilai tahap LAP 20,02 > 18,42]',
    ]);
    expect(await tiedLines('en')).toEqual([
      '4= S02 Desa Sukamaju 54.82 Harapan I [Tied]',
      '4= S03 Desa Cibeber 54.82 Harapan I [Tied]',
      '6 S05 Desa Sindangsari 54.82 Harapan III [S03 above S05: phase LAP points 20.02 > 18.42]',
    ]);
  });

  it('the recap PDF says the same sentences', async () => {
    const text = await reportText('rekap.pdf');
    expect(text.match(/\bSeri\b/g)).toHaveLength(2);
    expect(text).toContain('S03 di atas S05: nilai tahap LAP 20,02 > 18,42');
  });

  it('after the jury decides the tie, the place says the plenary decided it and why, in rank and in the PDF', async () => {
    const reason = 'Inovasi posyandu S03 lebih berkelanjutan.';
    // On its own copy, so that the other tests see the tie whatever the order.
    const decided = join(temp.dir, 'ties-pleno.db');
    copyClosedDatabase(db, decided);
    const core = openTestCore(decided);
    try {
      await call(core, 'pleno.open', { competition: 'DEMO' });
      await asSecretariat(core, 'DEMO');
      await call(core, 'pleno.decide', { competition: 'DEMO', order: ['S03', 'S02'], reason });
    } finally {
      core.close();
    }
    expect(await tiedLines('id', decided)).toEqual([
      '4 S03 Desa Cibeber 54,82 Harapan I',
      `5 S02 Desa Sukamaju 54,82 Harapan II [Keputusan rapat pleno: ${reason}]`,
      '6 S05 Desa Sindangsari 54,82 Harapan III [S02 di atas S05: nilai tahap LAP 20,02 > 18,42]',
    ]);
    expect((await tiedLines('en', decided))[1]).toBe(`5 S02 Desa Sukamaju 54.82 Harapan II [The plenary's decision: ${reason}]`);
    const text = await reportText('rekap-pleno.pdf', decided);
    expect(text).not.toMatch(/\bSeri\b/);
    expect(text).toContain(`Keputusan rapat pleno: ${reason}`);
  });
});
