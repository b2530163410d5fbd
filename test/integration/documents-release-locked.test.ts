/**
 * Releasing a juror's note to a site is no ranking change (issue 11, Catatan untuk peserta): on a locked result the
 * write gate still allows it, and the Catatan then shows the note; the locked snapshot
 * is untouched. The demo (4 sites, 3 jurors, every sheet final); J1 writes a note at S01 before the pleno.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { call, PNG, asSecretariat } from '../support/jury.js';
import { pdfText, qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-release-locked-');
const db = join(temp.dir, 'locked.db');
const NOTE = 'Kader aktif, tetapi buku register belum diperbarui sejak Juni.';
let snapshot: string | null = null;

beforeAll(async () => {
  const core = openTestCore(db);
  try {
    await call(core, 'setup.createDemo', { sites: 4, jurors: 3, seed: 1 });
    const sheet = { competition: 'DEMO', juror: 'J1', site: 'S01' };
    await asSecretariat(core, 'DEMO'); // reopening J1's sheet is the secretariat's
    await call(core, 'scoring.reopen', { ...sheet, reason: 'Menambah catatan untuk lokus' });
    await call(core, 'scoring.setNote', { ...sheet, indicator: 'A1', note: NOTE });
    await call(core, 'scoring.finalise', { ...sheet, signature: PNG });
    await call(core, 'pleno.open', { competition: 'DEMO' });
    snapshot = (await call(core, 'pleno.lock', { competition: 'DEMO' })).snapshot;
  } finally {
    core.close();
  }
});
afterAll(() => temp.cleanup());

describe('releasing notes on a locked result', () => {
  it('is allowed, shows in the Catatan, and leaves the snapshot as it was', async () => {
    expect(snapshot).toMatch(/^[0-9a-f]{64}$/);
    const core = openTestCore(db);
    try {
      await asSecretariat(core, 'DEMO');
      const done = await call(core, 'documents.releaseNotes', {
        competition: 'DEMO',
        site: 'S01',
        notes: [{ juror: 'J1', indicator: 'A1' }],
      });
      expect([done.released, done.withdrawn]).toEqual([1, 0]);
      const status = await call(core, 'pleno.status', { competition: 'DEMO' });
      expect([status.state, status.snapshot]).toEqual(['locked', snapshot]);
    } finally {
      core.close();
    }
    const out = join(temp.dir, 'catatan.pdf');
    const run = await runCommand(['report', '--db', db, '--out', out, '--doc', 'catatan', '--site', 'S01']);
    expect(run.status, run.stderr).toBe(0);
    expect(qpdfCheck(out).ok).toBe(true);
    const text = pdfText(out).replace(/\s+/g, ' ');
    expect(text).toContain('Dikunci — revisi 0');
    expect(/Catatan tim penilai (.*) Nama juri tidak dicantumkan\./.exec(text)?.[1]).toMatch(new RegExp(`^Juri 1 A1 .*: ${NOTE}$`));
  });
});
