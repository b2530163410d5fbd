/**
 * The plenary channels as the Pleno screen calls them, on the demo with S04 and S05 tied on Juara II
 * (test/support/pleno.ts): the tie and what blocks locking, a decision without a reason refused with nothing
 * written, the decision applied, locking, a sheet reopened after locking refused with the database unchanged,
 * reopening as revision 1.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { describeError } from '../../shared/domain/errors.js';
import { copyClosedDatabase, databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call } from '../support/jury.js';
import { demoWithTie, TIE_COMPETITION as C } from '../support/pleno.js';

let core: Core;
const temp = tempDir('penilai-pleno-tie-');
const template = join(temp.dir, 'pleno.sqlite');
const DECISION = { competition: C, order: ['S05', 'S04'], reason: 'Pembinaan di S05 lebih berkelanjutan' };
let cases = 0;

beforeAll(async () => {
  const setup = openTestCore(template);
  await demoWithTie(setup);
  await asSecretariat(setup, C);
  setup.close();
}, 60_000);

afterAll(() => {
  core?.close();
  temp.cleanup();
});

/** Each test on its own copy of the tied demo, brought to the step it starts from, in the secretariat's session. */
async function fresh(step: 'draft' | 'pleno' | 'decided'): Promise<void> {
  core?.close();
  const file = join(temp.dir, `case-${(cases += 1)}.sqlite`);
  copyClosedDatabase(template, file);
  core = openTestCore(file);
  await asSecretariat(core, C);
  if (step !== 'draft') await call(core, 'pleno.open', { competition: C });
  if (step === 'decided') await call(core, 'pleno.decide', DECISION);
}

describe('the plenary on a tie for Juara II', () => {
  it('shows the tie with its label, and the tie as the one thing that blocks locking', async () => {
    await fresh('draft');
    const view = await call(core, 'pleno.status', { competition: C });
    expect([view.state, view.revision, view.snapshot]).toEqual(['draft', 0, null]);
    expect(view.ties).toEqual([{ rank: 2, category: 'desa', sites: ['S04', 'S05'], label: 'Juara II' }]);
    expect(view.blockers).toEqual([{ key: 'pleno.block.tie', params: { sites: 'S04, S05', rank: 2, label: 'Juara II' } }]);
    const ranking = await call(core, 'compile.ranking', { competition: C });
    expect(ranking.finalised && ranking.complete).toBe(true);
  });

  it('refuses a decision with a blank reason and writes nothing', async () => {
    await fresh('draft');
    await call(core, 'pleno.open', { competition: C });
    const before = databaseBytes(core);
    const refused = await core.call('pleno.decide', { competition: C, order: ['S05', 'S04'], reason: '   ' });
    expect(refused.ok).toBe(false);
    expect(databaseBytes(core)).toBe(before);
    expect((await call(core, 'pleno.status', { competition: C })).decisions).toEqual([]);
  });

  it('applies the decision: S05 Juara II, S04 Juara III by the plenary; nothing blocks locking', async () => {
    await fresh('pleno');
    const view = await call(core, 'pleno.decide', DECISION);
    expect(view.decisions.map((d) => [d.order, d.status, d.rank])).toEqual([[['S05', 'S04'], 'applied', 2]]);
    expect([view.ties, view.blockers]).toEqual([[], []]);
    const ranking = await call(core, 'compile.ranking', { competition: C });
    expect(ranking.ranking.slice(1, 3).map((r) => [r.site, r.rank, r.label, r.decidedBy, r.decision?.reason])).toEqual([
      ['S05', 2, 'Juara II', 'total', undefined],
      ['S04', 3, 'Juara III', 'pleno', 'Pembinaan di S05 lebih berkelanjutan'],
    ]);
  });

  it('locks; a score sheet reopened afterwards is refused in words, the database unchanged; reopening starts revision 1', async () => {
    await fresh('decided');
    const locked = await call(core, 'pleno.lock', { competition: C });
    expect(locked.state).toBe('locked');
    expect(locked.snapshot).toMatch(/^[0-9a-f]{64}$/);
    const before = databaseBytes(core);
    const refused = await core.call('scoring.reopen', { competition: C, juror: 'J1', site: 'S05', reason: 'Salah ketik nilai A1' });
    if (refused.ok) throw new Error('a sheet was reopened on a locked result');
    expect(describeError(refused.error, 'id')).toBe(
      'Hasil lomba DEMO sudah dikunci: perubahan yang mengubah peringkat ditolak. Untuk mengubahnya, buka kembali pleno dengan alasan.',
    );
    expect(databaseBytes(core)).toBe(before);
    const reopened = await call(core, 'pleno.reopen', { competition: C, reason: 'Koreksi salah ketik' });
    expect([reopened.state, reopened.revision, reopened.snapshot]).toEqual(['pleno', 1, null]);
    expect(reopened.history.map((e) => [e.kind, e.revision, e.reason])).toEqual([
      ['pleno.open', 0, null],
      ['pleno.decide', 0, 'Pembinaan di S05 lebih berkelanjutan'],
      ['pleno.lock', 0, null],
      ['pleno.reopen', 1, 'Koreksi salah ketik'],
    ]);
  });
});
