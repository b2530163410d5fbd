/**
 * The plenary meeting (contract.md sections 4 and 6), played through the handlers and the command line on a real
 * SQLite file: a ranking computed by hand with a tie decided by the tie-break chain, a tie left to the jury and
 * decided by it, a decision made void by a score change, locking (refused while a labelled tie stands, then the
 * snapshot), every change that would alter a locked ranking refused with the database byte-identical, and reopening
 * as revision 1.
 *
 * The competition PLENO, scale 1–5, normalise max, mean over two jurors who give the same scores:
 *   A1 weight 30 phase DOK, A2 weight 30 phase LAP, B1 weight 40 phase LAP; points = weight × score / 5.
 *   S01 5,5,5 → 30 + 30 + 40 = 100, LAP 70
 *   S02 5,3,4 → 30 + 18 + 32 =  80, LAP 50
 *   S03 3,5,4 → 18 + 30 + 32 =  80, LAP 62
 *   S04 4,4,4 → 24 + 24 + 32 =  80, LAP 56
 *   S05 4,4,4 → 24 + 24 + 32 =  80, LAP 56
 * Tie-break phase:LAP: S01 1 (Juara I); S03 2 by total (Juara II); S04 and S05 3 = by LAP over S03, then tied (Juara
 * III both); S02 5 by LAP (no label: three labels).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Core } from '../../electron/core/app.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import type { OfficialRanking } from '../../shared/domain/pleno.js';
import { createHash } from 'node:crypto';
import { aCompetition, anInstrument } from '../support/builders.js';
import { databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { call, PNG, asSecretariat } from '../support/jury.js';

const temp = tempDir('penilai-pleno-');
afterAll(() => temp.cleanup());

const FILE = aCompetition({
  competition: {
    code: 'PLENO',
    name: 'Lomba Uji Pleno',
    rules: {
      aggregation: 'mean',
      normalise: 'max',
      precision: 2,
      tieBreak: ['phase:LAP'],
      rankBy: 'all',
      labels: ['Juara I', 'Juara II', 'Juara III'],
    },
  } as never,
  instrument: anInstrument({
    phases: [
      { code: 'DOK', name: 'Dokumen' },
      { code: 'LAP', name: 'Lapangan' },
    ],
    aspects: [
      {
        code: 'A',
        name: 'Aspek A',
        indicators: [
          { code: 'A1', name: 'Indikator A1', weight: 30, phase: 'DOK' },
          { code: 'A2', name: 'Indikator A2', weight: 30, phase: 'LAP' },
        ],
      },
      { code: 'B', name: 'Aspek B', indicators: [{ code: 'B1', name: 'Indikator B1', weight: 40, phase: 'LAP' }] },
    ],
  } as never),
  sites: ['S01', 'S02', 'S03', 'S04', 'S05'].map((code, i) => ({ code, name: `Desa ${i + 1}`, regency: `Kabupaten ${i + 1}` })),
  jurors: [
    { code: 'J1', name: 'Juri Satu', role: 'ketua' },
    { code: 'J2', name: 'Juri Dua', role: 'anggota' },
  ],
});

const SCORES: Record<string, [number, number, number]> = {
  S01: [5, 5, 5],
  S02: [5, 3, 4],
  S03: [3, 5, 4],
  S04: [4, 4, 4],
  S05: [4, 4, 4],
};

function csv(): Uint8Array {
  const lines = ['site,juror,indicator,score'];
  for (const [site, values] of Object.entries(SCORES))
    for (const juror of ['J1', 'J2']) ['A1', 'A2', 'B1'].forEach((ind, i) => lines.push(`${site},${juror},${ind},${values[i]}`));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

let n = 0;
/** A fresh database holding PLENO, every score given and (unless `finalise` is false) every sheet finalised. */
async function jury(finalise = true): Promise<{ core: Core; db: string }> {
  const db = join(temp.dir, `pleno-${(n += 1)}.sqlite`);
  const core = openTestCore(db);
  await call(core, 'setup.import', { name: 'pleno.json', bytes: new TextEncoder().encode(JSON.stringify(FILE)) });
  // Importing scores and the plenary's decisions, locking and reopening are the secretariat's: its session is open.
  await asSecretariat(core, 'PLENO');
  await call(core, 'scoring.importScores', { competition: 'PLENO', name: 'nilai.csv', bytes: csv() });
  if (finalise)
    for (const site of Object.keys(SCORES))
      for (const juror of ['J1', 'J2']) await call(core, 'scoring.finalise', { competition: 'PLENO', juror, site, signature: PNG });
  return { core, db };
}

const brief = (r: OfficialRanking) =>
  r.ranking.map((s) => [s.rank, s.site, s.total, s.label, s.tied, s.decidedBy, s.decision?.reason ?? null] as const);

async function refusal(core: Core, channel: Parameters<Core['call']>[0], input: unknown): Promise<string> {
  const r = await core.call(channel, input as never);
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error.key;
}

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (t) => void (stdout += t + '\n'), err: (t) => void (stderr += t + '\n') });
  return { status, stdout, stderr };
}

describe('the ranking at the plenary', () => {
  let core: Core;
  beforeEach(async () => {
    ({ core } = await jury());
    return () => core.close();
  });

  it('explains the hand-computed case: a place decided by the chain, a tie left to the jury', async () => {
    const r = await call(core, 'compile.ranking', { competition: 'PLENO' });
    expect(r.state).toBe('draft');
    expect(r.revision).toBe(0);
    expect(r.snapshot).toBeNull();
    expect(brief(r)).toEqual([
      [1, 'S01', 100, 'Juara I', false, null, null],
      [2, 'S03', 80, 'Juara II', false, 'total', null],
      [3, 'S04', 80, 'Juara III', true, 'phase:LAP', null],
      [3, 'S05', 80, 'Juara III', true, 'tied', null],
      [5, 'S02', 80, null, false, 'phase:LAP', null],
    ]);
    expect(r.ranking.map((s) => s.phases.LAP)).toEqual([70, 62, 56, 56, 50]);
  });

  it('records the jury order for the tied sites: consecutive ranks, labels follow, the decision in the ledger', async () => {
    await call(core, 'pleno.open', { competition: 'PLENO' });
    const view = await call(core, 'pleno.decide', {
      competition: 'PLENO',
      order: ['S05', 'S04'],
      reason: 'S05 lebih berkelanjutan menurut hasil kunjungan.',
    });
    expect(view.state).toBe('pleno');
    expect(view.ties).toEqual([]);
    expect(view.decisions.map((d) => [d.order, d.status, d.rank])).toEqual([[['S05', 'S04'], 'applied', 3]]);
    const r = await call(core, 'compile.ranking', { competition: 'PLENO' });
    expect(brief(r)).toEqual([
      [1, 'S01', 100, 'Juara I', false, null, null],
      [2, 'S03', 80, 'Juara II', false, 'total', null],
      [3, 'S05', 80, 'Juara III', false, 'phase:LAP', null],
      [4, 'S04', 80, null, false, 'pleno', 'S05 lebih berkelanjutan menurut hasil kunjungan.'],
      [5, 'S02', 80, null, false, 'phase:LAP', null],
    ]);
    expect(view.history.map((e) => [e.kind, e.revision, e.reason, e.detail])).toEqual([
      ['pleno.open', 0, null, null],
      ['pleno.decide', 0, 'S05 lebih berkelanjutan menurut hasil kunjungan.', 'S05 > S04'],
    ]);
  });

  it('shows a decision whose sites no longer tie as void, and never applies it', async () => {
    ({ core } = await jury(false));
    await call(core, 'pleno.open', { competition: 'PLENO' });
    await call(core, 'pleno.decide', { competition: 'PLENO', order: ['S05', 'S04'], reason: 'Alasan pleno.' });
    // J2 changes S04's B1 from 4 to 5: S04 = 24 + 24 + 40 × 4,5 / 5 = 84, alone in second place.
    await call(core, 'scoring.setScore', { competition: 'PLENO', juror: 'J2', site: 'S04', indicator: 'B1', value: 5 });
    const view = await call(core, 'pleno.status', { competition: 'PLENO' });
    expect(view.decisions.map((d) => [d.order, d.status, d.rank])).toEqual([[['S05', 'S04'], 'void', null]]);
    const r = await call(core, 'compile.ranking', { competition: 'PLENO' });
    expect(brief(r)).toEqual([
      [1, 'S01', 100, 'Juara I', false, null, null],
      [2, 'S04', 84, 'Juara II', false, 'total', null],
      [3, 'S03', 80, 'Juara III', false, 'total', null],
      [4, 'S05', 80, null, false, 'phase:LAP', null],
      [5, 'S02', 80, null, false, 'phase:LAP', null],
    ]);
  });

  it('refuses a decision outside the pleno, on sites that do not tie, or on part of a tie', async () => {
    expect(await refusal(core, 'pleno.decide', { competition: 'PLENO', order: ['S05', 'S04'], reason: 'x' })).toBe('pleno.notOpen');
    await call(core, 'pleno.open', { competition: 'PLENO' });
    expect(await refusal(core, 'pleno.open', { competition: 'PLENO' })).toBe('pleno.alreadyOpen');
    expect(await refusal(core, 'pleno.decide', { competition: 'PLENO', order: ['S03', 'S04'], reason: 'x' })).toBe('pleno.notTied');
    expect(await refusal(core, 'pleno.decide', { competition: 'PLENO', order: ['S04', 'S04'], reason: 'x' })).toBe('pleno.repeatedSite');
    expect(await refusal(core, 'pleno.decide', { competition: 'PLENO', order: ['S04', 'S09'], reason: 'x' })).toBe('site.notFound');
    expect(await refusal(core, 'pleno.decide', { competition: 'PLENO', order: ['S04', 'S05'], reason: '   ' })).toBe('validate.required');
  });
});

describe('locking', () => {
  it('is refused while a labelled tie stands, while a sheet is not final, and before the pleno opens', async () => {
    const { core } = await jury(false);
    try {
      expect(await refusal(core, 'pleno.lock', { competition: 'PLENO' })).toBe('pleno.notOpen');
      await call(core, 'pleno.open', { competition: 'PLENO' });
      const view = await call(core, 'pleno.status', { competition: 'PLENO' });
      expect(view.blockers.map((b) => b.key)).toEqual(['pleno.block.notFinalised', 'pleno.block.tie']);
      expect(view.blockers[1]!.params).toEqual({ sites: 'S04, S05', rank: 3, label: 'Juara III' });
      expect(view.ties).toEqual([{ rank: 3, category: null, sites: ['S04', 'S05'], label: 'Juara III' }]);
      expect(await refusal(core, 'pleno.lock', { competition: 'PLENO' })).toBe('pleno.block.notFinalised');
    } finally {
      core.close();
    }
  });

  it('freezes a snapshot that rank reads, and refuses every change that would alter the ranking', async () => {
    const { core, db } = await jury();
    try {
      await call(core, 'pleno.open', { competition: 'PLENO' });
      expect(await refusal(core, 'pleno.lock', { competition: 'PLENO' })).toBe('pleno.block.tie');
      await call(core, 'pleno.decide', { competition: 'PLENO', order: ['S04', 'S05'], reason: 'Urutan sesuai musyawarah.' });
      const locked = await call(core, 'pleno.lock', { competition: 'PLENO' });
      expect(locked.state).toBe('locked');
      expect(locked.revision).toBe(0);
      const snapshot = core.deps.repos.pleno.snapshot('PLENO');
      expect(locked.snapshot).toBe(createHash('sha256').update(canonicalJson(snapshot)).digest('hex'));
      expect(snapshot.input.scores).toHaveLength(30);
      const r = await call(core, 'compile.ranking', { competition: 'PLENO' });
      expect([r.state, r.revision, r.snapshot]).toEqual(['locked', 0, locked.snapshot]);
      expect(brief(r).map((s) => [s[0], s[1], s[3], s[5]])).toEqual([
        [1, 'S01', 'Juara I', null],
        [2, 'S03', 'Juara II', 'total'],
        [3, 'S04', 'Juara III', 'phase:LAP'],
        [4, 'S05', null, 'pleno'],
        [5, 'S02', null, 'phase:LAP'],
      ]);

      await asSecretariat(core, 'PLENO'); // so that the reopened sheet is refused for the lock, not for the role
      const before = databaseBytes(core);
      // A score, a reopened sheet, a rule, a recusal, a CSV import: each refused as locked, nothing written.
      expect(
        await refusal(core, 'scoring.reopen', { competition: 'PLENO', juror: 'J1', site: 'S02', reason: 'Salah ketik nilai A1' }),
      ).toBe('pleno.locked');
      const detail = await call(core, 'setup.get', { code: 'PLENO' });
      const file = JSON.parse(new TextDecoder().decode((await call(core, 'setup.export', { code: 'PLENO' })).bytes)) as typeof FILE;
      expect(await refusal(core, 'setup.save', saveInput(detail, { precision: 1 }))).toBe('pleno.locked');
      expect(await refusal(core, 'setup.save', saveInput(detail, {}, { J2: ['S01'] }))).toBe('pleno.locked');
      expect(file.competition.code).toBe('PLENO');
      // A weight (a new instrument version), and deleting the competition.
      const weights = structuredClone(detail.instrument);
      weights.aspects[0]!.indicators[0]!.weight = 20;
      weights.aspects[1]!.indicators[0]!.weight = 50;
      expect(await refusal(core, 'setup.saveInstrument', { competition: 'PLENO', instrument: weights, asNewVersion: true })).toBe(
        'pleno.locked',
      );
      expect(await refusal(core, 'setup.delete', { code: 'PLENO', confirm: 'PLENO' })).toBe('pleno.locked');
      expect(databaseBytes(core)).toBe(before);
      // The place of the meeting and a juror's position change no ranking: they are written.
      const saved = await call(core, 'setup.save', {
        ...(saveInput(detail, {}) as object),
        competition: { ...detail.info, rules: detail.rules, place: 'Aula Bappeda' },
        jurors: detail.jurors.map((j) => (j.code === 'J2' ? { ...j, position: 'Kepala Bidang' } : j)),
      } as never);
      expect([saved.info.place, saved.jurors[1]!.position]).toEqual(['Aula Bappeda', 'Kepala Bidang']);
      expect(databaseBytes(core)).not.toBe(before);
    } finally {
      core.close();
    }
    // The command line: rank --json carries the state; import-scores is refused, the file unchanged.
    const rank = await cli(['rank', '--db', db, '--json']);
    const json = JSON.parse(rank.stdout) as OfficialRanking;
    expect([json.state, json.revision, json.snapshot?.length]).toEqual(['locked', 0, 64]);
    expect(json.ranking[3]).toMatchObject({ site: 'S05', decidedBy: 'pleno', decision: { reason: 'Urutan sesuai musyawarah.' } });
    const scores = join(temp.dir, 'ubah.csv');
    writeFileSync(scores, 'site,juror,indicator,score\nS02,J1,A1,1\n');
    const bytes = readFileSync(db);
    const imported = await cli(['import-scores', '--db', db, '--file', scores]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('sudah dikunci');
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });
});

/** The setup.save input of a competition as it is, with rules and recusals changed. */
function saveInput(
  detail: Awaited<ReturnType<typeof call<'setup.get'>>>,
  rules: Partial<(typeof detail)['rules']>,
  recusals: Record<string, string[]> = {},
): unknown {
  return {
    code: detail.info.code,
    competition: { ...detail.info, rules: { ...detail.rules, ...rules } },
    sites: detail.sites,
    jurors: detail.jurors.map((j) => ({ ...j, recusedSites: recusals[j.code] ?? j.recusedSites })),
  };
}

describe('the plenary from the command line', () => {
  it('opens, decides, locks and reopens as revision 1, after which changes are taken again', async () => {
    const { core, db } = await jury();
    core.close();
    const reason = join(temp.dir, 'alasan.txt');
    writeFileSync(reason, 'Musyawarah juri: S05 lebih unggul dalam keberlanjutan.\n');
    expect((await cli(['pleno', 'open', '--db', db])).status).toBe(0);
    const decided = await cli(['pleno', 'decide', '--db', db, '--sites', 'S04,S05', '--order', 'S05,S04', '--reason-file', reason]);
    expect(decided.stderr).toBe('');
    expect(decided.stdout).toContain(
      'Keputusan pleno, peringkat 3: S05 > S04. Alasan: Musyawarah juri: S05 lebih unggul dalam keberlanjutan.',
    );
    const locked = await cli(['pleno', 'lock', '--db', db, '--json']);
    expect((JSON.parse(locked.stdout) as { state: string }).state).toBe('locked');
    const status = await cli(['pleno', 'status', '--db', db]);
    expect(status.stdout.split('\n')[0]).toBe('Lomba PLENO: Dikunci, revisi 0');
    expect((await cli(['verify', '--db', db])).status).toBe(0);

    const scores = join(temp.dir, 'ubah-2.csv');
    writeFileSync(scores, 'site,juror,indicator,score\nS02,J1,A1,1\n');
    expect((await cli(['import-scores', '--db', db, '--file', scores])).status).toBe(1);

    writeFileSync(reason, 'Ada salah ketik nilai S02 pada lembar J1.');
    const reopened = await cli(['pleno', 'reopen', '--db', db, '--reason-file', reason, '--json']);
    const view = JSON.parse(reopened.stdout) as {
      state: string;
      revision: number;
      history: { kind: string; revision: number; reason: string | null }[];
    };
    expect([view.state, view.revision]).toEqual(['pleno', 1]);
    expect(view.history.at(-1)).toMatchObject({ kind: 'pleno.reopen', revision: 1, reason: 'Ada salah ketik nilai S02 pada lembar J1.' });
    // Reopened: the sheet is reopened and the CSV taken.
    const c = openTestCore(db);
    try {
      await asSecretariat(c, 'PLENO'); // reopening J1's sheet is the secretariat's
      await call(c, 'scoring.reopen', { competition: 'PLENO', juror: 'J1', site: 'S02', reason: 'Salah ketik nilai A1' });
    } finally {
      c.close();
    }
    const imported = await cli(['import-scores', '--db', db, '--file', scores]);
    expect(imported.status).toBe(0);
    const rank = JSON.parse((await cli(['rank', '--db', db, '--json'])).stdout) as OfficialRanking;
    expect([rank.state, rank.revision, rank.snapshot]).toEqual(['pleno', 1, null]);
    // S02: A1 mean (1 + 5) / 2 = 3 → 18 + 18 + 32 = 68.
    expect(rank.ranking.find((s) => s.site === 'S02')!.total).toBe(68);
  });

  it('refuses a missing or empty reason file and an order that is not the sites, changing nothing', async () => {
    const { core, db } = await jury();
    core.close();
    expect((await cli(['pleno', 'open', '--db', db])).status).toBe(0);
    const bytes = readFileSync(db);
    const empty = join(temp.dir, 'kosong.txt');
    writeFileSync(empty, '\n');
    const r1 = await cli(['pleno', 'decide', '--db', db, '--sites', 'S04,S05', '--order', 'S05,S04', '--reason-file', empty]);
    expect([r1.status, r1.stderr.trim()]).toEqual([1, `penilai: Berkas alasan ${empty} kosong: tuliskan alasan pleno di dalamnya.`]);
    const r2 = await cli(['pleno', 'decide', '--db', db, '--sites', 'S04,S05', '--order', 'S05,S03', '--reason-file', empty]);
    expect(r2.status).toBe(1);
    const r3 = await cli(['pleno', 'reopen', '--db', db]);
    expect([r3.status, r3.stderr]).toEqual([2, 'penilai: Opsi --reason-file wajib diisi untuk perintah pleno reopen.\n']);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });
});

describe('a score package arriving after the lock', () => {
  it('is refused as locked, the database byte-identical; after reopening it is taken', async () => {
    // The secretariat has J1's scores (typed from paper); J2 scores on a laptop of its own.
    const secretariat = openTestCore(join(temp.dir, 'sekretariat.sqlite'), undefined, { home: join(temp.dir, 'home-s') });
    const laptop = openTestCore(join(temp.dir, 'laptop-j2.sqlite'), undefined, { home: join(temp.dir, 'home-j2') });
    try {
      await call(secretariat, 'setup.import', { name: 'pleno.json', bytes: new TextEncoder().encode(JSON.stringify(FILE)) });
      const j1 = new TextDecoder()
        .decode(csv())
        .split('\n')
        .filter((l) => !l.includes(',J2,'))
        .join('\n');
      await asSecretariat(secretariat, 'PLENO');
      await call(secretariat, 'scoring.importScores', { competition: 'PLENO', name: 'j1.csv', bytes: new TextEncoder().encode(j1) });
      const setup = (await call(secretariat, 'exchange.setupPackage', { competition: 'PLENO' })).bytes;
      await call(laptop, 'exchange.apply', { name: 'persiapan.penilai', bytes: setup });
      for (const [site, values] of Object.entries(SCORES)) {
        for (const [i, indicator] of ['A1', 'A2', 'B1'].entries())
          await call(laptop, 'scoring.setScore', { competition: 'PLENO', juror: 'J2', site, indicator, value: values[i]! });
        await call(laptop, 'scoring.finalise', { competition: 'PLENO', juror: 'J2', site, signature: PNG });
        await call(secretariat, 'scoring.finalise', { competition: 'PLENO', juror: 'J1', site, signature: PNG });
      }
      const first = (await call(laptop, 'exchange.exportScores', { competition: 'PLENO', juror: 'J2' })).file;
      expect((await call(secretariat, 'exchange.apply', { name: first.name, bytes: first.bytes })).applied).toBe(true);
      await call(secretariat, 'pleno.open', { competition: 'PLENO' });
      await call(secretariat, 'pleno.decide', { competition: 'PLENO', order: ['S04', 'S05'], reason: 'Musyawarah.' });
      await call(secretariat, 'pleno.lock', { competition: 'PLENO' });

      // On the laptop J2 (signed in as themselves, as the app does) reopens S02 and changes a score, then sends the newer package.
      await call(laptop, 'session.enter', { competition: 'PLENO', juror: 'J2' });
      await call(laptop, 'scoring.reopen', { competition: 'PLENO', juror: 'J2', site: 'S02', reason: 'Salah ketik nilai B1' });
      await call(laptop, 'scoring.setScore', {
        competition: 'PLENO',
        juror: 'J2',
        site: 'S02',
        indicator: 'B1',
        value: 2,
        reason: 'Salah ketik',
      });
      const newer = (await call(laptop, 'exchange.exportScores', { competition: 'PLENO', juror: 'J2' })).file;
      const before = databaseBytes(secretariat);
      const plan = await call(secretariat, 'exchange.plan', { name: newer.name, bytes: newer.bytes });
      expect(plan.counts.changed).toBe(1);
      const refused = await secretariat.call('exchange.apply', { name: newer.name, bytes: newer.bytes });
      expect(refused.ok ? null : refused.error.key).toBe('pleno.locked');
      expect(databaseBytes(secretariat)).toBe(before);

      await call(secretariat, 'pleno.reopen', { competition: 'PLENO', reason: 'J2 membetulkan salah ketik.' });
      expect((await call(secretariat, 'exchange.apply', { name: newer.name, bytes: newer.bytes })).applied).toBe(true);
      const r = await call(secretariat, 'compile.ranking', { competition: 'PLENO' });
      // S02 B1: mean of 4 (J1) and 2 (J2) = 3 → 30 + 18 + 24 = 72.
      expect([r.state, r.revision, r.ranking.find((s) => s.site === 'S02')!.total]).toEqual(['pleno', 1, 72]);
    } finally {
      secretariat.close();
      laptop.close();
    }
  });
});
