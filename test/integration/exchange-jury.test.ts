/**
 * A jury plays the whole exchange (issue 9): a secretariat and three laptops, each its own home (device and key)
 * and database. The setup package goes out; each juror signs in with the PIN the secretariat set and scores on their
 * laptop through the handlers (aspect-split jurors, a recusal, a household checklist, photos, a finalised and a
 * reopened sheet); the score packages come back. The secretariat's ranking equals the ranking of the same scores
 * typed into one database, `verify --db` passes, every photo is there with its hash, and importing every package
 * again changes nothing: no score, no history entry, no file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { verifyFile } from '../../electron/core/audit/verify.js';
import { evidenceFolder } from '../../electron/core/platform/files.js';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults } from '../../shared/contract/schemas.js';
import {
  call as run,
  JURY_COMPETITION,
  PHOTO,
  PNG,
  score as enter,
  sha,
  THUMB,
  WORK,
  REGISTER_PHOTO,
  asSecretariat,
  JUROR_PIN,
} from '../support/jury.js';
import { runCommand } from '../support/cli.js';
import { copyClosedDatabase, openTestCore, tempDir } from '../support/core.js';
import { copyDatabase } from '../support/packages.js';

const temp = tempDir('penilai-jury-');
let clockAt = Date.parse('2026-09-07T01:00:00Z');
const clock = () => new Date(clockAt);
const tick = () => (clockAt += 5_000);

const call = <C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelResults[C]> =>
  run(core, channel, input, tick);
const score = (core: Core, juror: string, cells: (typeof WORK)[string]) => enter(core, juror, cells, tick);

let secretariat: Core;
const laptops: Record<string, Core> = {};
const packages: Record<string, { name: string; bytes: Uint8Array }> = {};
let setupBytes: Uint8Array;
const pristine = join(temp.dir, 'sekretariat-sebelum-paket.sqlite');
let direct: Core;

function historyCount(core: Core): number {
  return (core.db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
}

function scoresOf(core: Core): unknown[] {
  return core.db
    .prepare(
      `SELECT s.code AS site, j.code AS juror, sc.indicator_code AS indicator, sc.value FROM score sc
       JOIN site s ON s.id = sc.site_id JOIN juror j ON j.id = sc.juror_id ORDER BY 1, 2, 3`,
    )
    .all();
}

/** Every juror's package applied at the secretariat (again: applying a package twice changes nothing). */
async function appliedAll(): Promise<void> {
  for (const juror of ['J1', 'J2', 'J3']) await call(secretariat, 'exchange.apply', packages[juror]!);
}

let copies = 0;
/**
 * A test that goes on from the merged state (a newer package, a correction) works on copies of the secretariat's
 * database and of J2's laptop, opened with the same homes (the same installations), so that the other tests see the
 * state they expect whatever the order.
 */
async function ownCopies(): Promise<{ sek: Core; sekFile: string; j2: Core }> {
  await appliedAll();
  copies += 1;
  const sek = copyDatabase(
    secretariat,
    join(temp.dir, 'sekretariat.sqlite'),
    join(temp.dir, `sekretariat-${copies}.sqlite`),
    join(temp.dir, 'home-sekretariat'),
    clock,
  );
  const j2 = copyDatabase(
    laptops.J2!,
    join(temp.dir, 'laptop-J2.sqlite'),
    join(temp.dir, `laptop-J2-${copies}.sqlite`),
    join(temp.dir, 'home-J2'),
    clock,
  );
  onTestFinished(() => {
    sek.close();
    j2.close();
  });
  await call(j2, 'session.enter', { competition: 'JABAR', juror: 'J2', pin: JUROR_PIN.J2! });
  return { sek, sekFile: join(temp.dir, `sekretariat-${copies}.sqlite`), j2 };
}

beforeAll(async () => {
  secretariat = openTestCore(join(temp.dir, 'sekretariat.sqlite'), clock, { home: join(temp.dir, 'home-sekretariat') });
  await call(secretariat, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  await asSecretariat(secretariat, 'JABAR');
  for (const [juror, pin] of [
    ['J1', '3917'],
    ['J2', '4826'],
    ['J3', '5938'],
  ] as const)
    await call(secretariat, 'session.setJurorPin', { competition: 'JABAR', juror, pin });
  setupBytes = (await call(secretariat, 'exchange.setupPackage', { competition: 'JABAR' })).bytes;
  // The secretariat's database before any package, for the test that plans the first import.
  secretariat.db.pragma('wal_checkpoint(TRUNCATE)');
  copyClosedDatabase(join(temp.dir, 'sekretariat.sqlite'), pristine);

  for (const juror of ['J1', 'J2', 'J3']) {
    const core = openTestCore(join(temp.dir, `laptop-${juror}.sqlite`), clock, { home: join(temp.dir, `home-${juror}`) });
    laptops[juror] = core;
    const plan = await call(core, 'exchange.apply', { name: 'persiapan.penilai', bytes: setupBytes });
    expect(plan).toMatchObject({ kind: 'setup', action: 'create', applied: true });
    await call(core, 'session.enter', { competition: 'JABAR', juror, pin: JUROR_PIN[juror]! });
    await score(core, juror, WORK[juror]!);
  }
  // J1 photographs the register at S01 A1 and finalises S01; J2 finalises S01, then reopens it with a reason and
  // changes A2 there; J3 finalises S01.
  await call(laptops.J1!, 'evidence.add', REGISTER_PHOTO);
  await call(laptops.J1!, 'scoring.finalise', { competition: 'JABAR', juror: 'J1', site: 'S01', signature: PNG, pin: '3917' });
  await call(laptops.J2!, 'scoring.finalise', { competition: 'JABAR', juror: 'J2', site: 'S01', signature: PNG, pin: '4826' });
  await call(laptops.J2!, 'scoring.reopen', { competition: 'JABAR', juror: 'J2', site: 'S01', reason: 'Salah baca rubrik A2' });
  await call(laptops.J2!, 'scoring.setScore', {
    competition: 'JABAR',
    juror: 'J2',
    site: 'S01',
    indicator: 'A2',
    value: 3,
    reason: 'Salah baca rubrik A2',
  });
  await call(laptops.J3!, 'scoring.finalise', { competition: 'JABAR', juror: 'J3', site: 'S01', signature: PNG, pin: '5938' });
  for (const juror of ['J1', 'J2', 'J3']) {
    const summary = await call(laptops[juror]!, 'exchange.exportScores', { competition: 'JABAR', juror });
    packages[juror] = { name: summary.file.name, bytes: summary.file.bytes };
  }

  // The same scores typed into one database directly.
  direct = openTestCore(join(temp.dir, 'langsung.sqlite'), clock, { home: join(temp.dir, 'home-langsung') });
  await call(direct, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  for (const juror of ['J1', 'J2', 'J3']) await score(direct, juror, WORK[juror]!);
  await call(direct, 'scoring.setScore', { competition: 'JABAR', juror: 'J2', site: 'S01', indicator: 'A2', value: 3 });
});

afterAll(() => {
  for (const core of [secretariat, direct, ...Object.values(laptops)]) core?.close();
  temp.cleanup();
});

describe('a jury without a server', () => {
  it('each laptop knows the secretariat it reports to, by the same fingerprint the secretariat shows', async () => {
    const own = await call(secretariat, 'exchange.identity', {});
    for (const juror of ['J1', 'J2', 'J3']) {
      const id = await call(laptops[juror]!, 'exchange.identity', { competition: 'JABAR' });
      expect(id.reportsTo?.fingerprint).toBe(own.device.fingerprint);
      expect(id.device.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
      expect(id.device.fingerprint).not.toBe(own.device.fingerprint);
    }
    // The laptop holds the competition with the secretariat's uuid, and the PINs it set.
    const here = await call(laptops.J1!, 'setup.get', { code: 'JABAR' });
    const there = await call(secretariat, 'setup.get', { code: 'JABAR' });
    expect(here.info.uuid).toBe(there.info.uuid);
    expect(here.pins).toEqual(['J1', 'J2', 'J3']);
    // Each laptop's own database verifies: the setup it received and the juror's work are in its ledger.
    for (const juror of ['J1', 'J2', 'J3']) expect(verifyFile(join(temp.dir, `laptop-${juror}.sqlite`)).problems).toEqual([]);
  });

  it('shows the plan of each package before applying it, then applies it', async () => {
    // On a copy of the secretariat's database as it was before any package, whatever ran before.
    const sek = openTestCore(copyClosedDatabase(pristine, join(temp.dir, 'sekretariat-awal.sqlite')), clock, {
      home: join(temp.dir, 'home-sekretariat'),
    });
    onTestFinished(() => sek.close());
    const plan = await call(sek, 'exchange.plan', packages.J1!);
    expect(plan).toMatchObject({ kind: 'scores', action: 'update', applied: false, juror: { code: 'J1' } });
    expect(plan.device.trust).toBe('first');
    expect(plan.counts).toEqual({ new: 9, changed: 0, unchanged: 0, conflicts: 0, photos: 1, sheets: 1 });
    expect(plan.cells.find((c) => c.site === 'S01' && c.indicator === 'B1')).toMatchObject({
      status: 'new',
      incoming: { value: 3, household: { families: 2, yes: 3, answered: 4 } },
    });
    // Nothing was written by the plan.
    expect(scoresOf(sek)).toEqual([]);
    for (const juror of ['J1', 'J2', 'J3']) {
      const applied = await call(sek, 'exchange.apply', packages[juror]!);
      expect(applied.applied).toBe(true);
    }
    expect(scoresOf(sek)).toEqual(scoresOf(direct));
  });

  it('ranks exactly as the same scores typed into one database, verifies, and holds every photo with its hash', async () => {
    await appliedAll();
    const merged = await call(secretariat, 'compile.ranking', { competition: 'JABAR' });
    const one = await call(direct, 'compile.ranking', { competition: 'JABAR' });
    expect(merged.ranking).toEqual(one.ranking);
    expect(scoresOf(secretariat)).toEqual(scoresOf(direct));
    const report = verifyFile(join(temp.dir, 'sekretariat.sqlite'));
    expect(report.problems).toEqual([]);
    // The secretariat's history keeps each laptop's chain whole, next to its own.
    expect(report.chains.map((c) => c.device).sort()).toEqual(
      [secretariat.deps.identity.id, ...['J1', 'J2', 'J3'].map((j) => laptops[j]!.deps.identity.id)].sort(),
    );
    for (const juror of ['J1', 'J2', 'J3']) {
      const laptopChain = verifyFile(join(temp.dir, `laptop-${juror}.sqlite`)).chains.find(
        (c) => c.device === laptops[juror]!.deps.identity.id,
      );
      expect(report.chains.find((c) => c.device === laptops[juror]!.deps.identity.id)).toEqual(laptopChain);
    }
    const folder = evidenceFolder(join(temp.dir, 'sekretariat.sqlite'));
    expect(readdirSync(folder).sort()).toEqual([`${sha(PHOTO)}.jpg`, `${sha(THUMB)}.thumb.jpg`].sort());
    expect(sha(readFileSync(join(folder, `${sha(PHOTO)}.jpg`)))).toBe(sha(PHOTO));
    const sheet = await call(secretariat, 'scoring.sheet', { competition: 'JABAR', juror: 'J1', site: 'S01' });
    expect(sheet.finalised).toBe(true);
    expect(sheet.evidence.map((e) => e.sha256)).toEqual([sha(PHOTO)]);
    const j2 = await call(secretariat, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site: 'S01' });
    expect(j2.finalised).toBe(false);
    expect(j2.events.map((e) => [e.kind, e.reason])).toEqual([
      ['finalise', null],
      ['reopen', 'Salah baca rubrik A2'],
    ]);
    expect((await runCommand(['verify', '--db', join(temp.dir, 'sekretariat.sqlite')])).status).toBe(0);
  });

  it('importing every package again changes nothing: no score, no history entry, no file', async () => {
    await appliedAll();
    const db = join(temp.dir, 'sekretariat.sqlite');
    const before = { history: historyCount(secretariat), scores: scoresOf(secretariat), files: readdirSync(evidenceFolder(db)).sort() };
    for (const juror of ['J1', 'J2', 'J3']) {
      const again = await call(secretariat, 'exchange.apply', packages[juror]!);
      expect(again).toMatchObject({ action: 'unchanged', applied: false, counts: { new: 0, changed: 0, conflicts: 0, photos: 0 } });
      expect(again.device.trust).toBe('pinned');
    }
    expect(historyCount(secretariat)).toBe(before.history);
    expect(scoresOf(secretariat)).toEqual(before.scores);
    expect(readdirSync(evidenceFolder(db)).sort()).toEqual(before.files);
    // The setup package again on a laptop changes nothing either.
    const laptopHistory = historyCount(laptops.J1!);
    expect(await call(laptops.J1!, 'exchange.apply', { name: 'persiapan.penilai', bytes: setupBytes })).toMatchObject({
      action: 'unchanged',
    });
    expect(historyCount(laptops.J1!)).toBe(laptopHistory);
  });

  it('a newer package from the same laptop supersedes: only the new entries are written', async () => {
    const { sek, sekFile, j2 } = await ownCopies();
    await call(j2, 'scoring.setScore', { competition: 'JABAR', juror: 'J2', site: 'S03', indicator: 'A1', value: 5 });
    const newer = await call(j2, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
    const before = historyCount(sek);
    const plan = await call(sek, 'exchange.apply', { name: newer.file.name, bytes: newer.file.bytes });
    expect(plan.counts).toMatchObject({ new: 0, changed: 1, unchanged: 0, conflicts: 0 });
    expect(plan.entries).toMatchObject({ new: 1 });
    // One entry of the laptop and the import's own record.
    expect(historyCount(sek)).toBe(before + 2);
    expect(
      (await call(sek, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site: 'S03' })).scores.find((s) => s.indicator === 'A1')
        ?.value,
    ).toBe(5);
    // The older package, arriving late, changes nothing.
    expect(await call(sek, 'exchange.apply', packages.J2!)).toMatchObject({ action: 'unchanged', applied: false });
    expect(verifyFile(sekFile).problems).toEqual([]);
  });

  it('a cell the secretariat corrected since is a conflict: kept, shown side by side, decided, recorded', async () => {
    const { sek, sekFile, j2 } = await ownCopies();
    await call(sek, 'session.enterSecretariat', { competition: 'JABAR', pin: '7391' });
    await call(sek, 'scoring.setScore', { competition: 'JABAR', juror: 'J2', site: 'S02', indicator: 'A2', value: 1, entry: true });
    await call(j2, 'scoring.setScore', { competition: 'JABAR', juror: 'J2', site: 'S02', indicator: 'A2', value: 5 });
    const pkg = await call(j2, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
    const plan = await call(sek, 'exchange.apply', { name: pkg.file.name, bytes: pkg.file.bytes });
    const cell = plan.cells.find((c) => c.site === 'S02' && c.indicator === 'A2')!;
    expect(cell).toMatchObject({ status: 'conflict', local: { value: 1, actor: 'sekretariat' }, incoming: { value: 5, actor: 'J2' } });
    // The value held here stays until decided; the history still verifies.
    const value = async () =>
      (await call(sek, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site: 'S02' })).scores.find((s) => s.indicator === 'A2')
        ?.value;
    expect(await value()).toBe(1);
    expect(verifyFile(sekFile).problems).toEqual([]);
    const open = await call(sek, 'exchange.conflicts', { competition: 'JABAR' });
    expect(open.map((c) => [c.juror, c.site, c.indicator, c.local.value, c.incoming.value])).toEqual([['J2', 'S02', 'A2', 1, 5]]);
    expect((await call(sek, 'exchange.board', { competition: 'JABAR' })).openConflicts).toBe(1);
    expect(await call(sek, 'exchange.resolve', { competition: 'JABAR', ids: [open[0]!.id], choice: 'incoming' })).toEqual({
      resolved: 1,
    });
    expect(await value()).toBe(5);
    expect(await call(sek, 'exchange.conflicts', { competition: 'JABAR' })).toEqual([]);
    const history = await call(sek, 'scoring.history', { competition: 'JABAR', juror: 'J2', site: 'S02', indicator: 'A2' });
    expect(history.at(-1)).toMatchObject({ kind: 'exchange.resolve', actor: 'sekretariat', payload: { choice: 'incoming' } });
    expect(verifyFile(sekFile).problems).toEqual([]);
  });

  it('the board says who still owes what, with the last package from each laptop', async () => {
    await appliedAll();
    const board = await call(secretariat, 'exchange.board', { competition: 'JABAR' });
    const row = (j: string) => board.jurors.find((r) => r.juror === j)!;
    expect(row('J1').cells.map((c) => [c.site, c.state])).toEqual([
      ['S01', 'finalised'],
      ['S02', 'scoring'],
      ['S03', 'scoring'],
    ]);
    expect(row('J2').cells[0]).toMatchObject({ site: 'S01', state: 'reopened', scored: 2, total: 2, missing: [] });
    expect(row('J3').cells.map((c) => [c.site, c.state, c.total])).toEqual([
      ['S01', 'finalised', 1],
      ['S02', 'none', 0],
      ['S03', 'scoring', 1],
    ]);
    const id = await call(laptops.J3!, 'exchange.identity', {});
    expect(row('J3').lastPackage).toMatchObject({ device: laptops.J3!.deps.identity.id, fingerprint: id.device.fingerprint });
    expect(row('J3').devices.map((d) => d.fingerprint)).toEqual([id.device.fingerprint]);
  });
});
