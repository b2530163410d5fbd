/**
 * One explanation of a ranking (shared/domain/explain.ts) in every place that shows one: `rank`'s text output and the
 * recap PDF's view model say the same tie-break chain and the same reason for a place. The CLI runs in-process.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { buildRekapModel } from '../../electron/core/documents/rekap-model.js';
import { rankSites } from '../../shared/domain/ranking.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-explain-');
afterAll(() => temp.cleanup());

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (t) => void (stdout += t + '\n'), err: (t) => void (stderr += t + '\n') });
  return { status, stdout, stderr };
}

describe('the explanation of a ranking', () => {
  const db = join(temp.dir, 'demo.db');

  it('rank (text) ends with the tie-break chain, in the reader language, as the recap PDF says it', async () => {
    expect((await cli(['demo', '--db', db, '--sites', '4', '--jurors', '2'])).status).toBe(0);
    const id = await cli(['rank', '--db', db]);
    const en = await cli(['rank', '--db', db, '--lang', 'en']);
    const chainId = 'Bila nilai total sama, penentu berikutnya berturut-turut: nilai tahap Verifikasi lapangan.';
    expect(id.stdout.trimEnd().split('\n').at(-1)).toBe(chainId);
    expect(en.stdout.trimEnd().split('\n').at(-1)).toBe(
      'When totals are equal, these decide in turn: the points of phase Verifikasi lapangan.',
    );
    expect(id.stdout.trimEnd().split('\n')).toHaveLength(1 + 4 + 1);

    const core = openTestCore(db);
    try {
      const detail = await core.call('setup.get', { code: 'DEMO' });
      if (!detail.ok) throw new Error(detail.error.key);
      const ranking = rankSites(core.deps.repos.setup.rankingInput('DEMO'));
      const model = buildRekapModel(detail.value, ranking, new Date('2026-09-21T10:00:00Z'));
      expect(model.method[1]).toBe(chainId);

      // A tie-break (with the values it compared, the site above first) and a tie, as the PDF's column and rank's
      // line say them.
      const decided = {
        ...ranking,
        ranking: ranking.ranking.map((r, i) => ({ ...r, decidedBy: [null, 'phase:LAP', 'tied', 'total'][i]! })),
      };
      expect(buildRekapModel(detail.value, decided, new Date()).rows.map((r) => r.decidedBy)).toEqual([
        '',
        'S04 di atas S01: nilai tahap LAP 31,11 > 27,26',
        'Seri',
        '',
      ]);
    } finally {
      core.close();
    }
  });
});
