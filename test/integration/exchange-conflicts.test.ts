/**
 * Conflicts are shown, never guessed (issue 9 point 5): a juror whose laptop broke goes on on a second laptop; the
 * secretariat accepts the new laptop after comparing its fingerprint; the cells the juror changed on both laptops
 * differently are conflicts, side by side (value, note, laptop, time, who); the secretariat decides them in bulk,
 * keeping its own value for all, and the decision is in the ledger. A later package changing a decided cell again
 * is a conflict again; cells changed to the same value on both sides are not conflicts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { verifyFile } from '../../electron/core/audit/verify.js';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults } from '../../shared/contract/schemas.js';
import { describeError } from '../../shared/domain/errors.js';
import { copyClosedDatabase, databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call as run, JURY_COMPETITION } from '../support/jury.js';

const temp = tempDir('penilai-conflicts-');
let clockAt = Date.parse('2026-09-10T01:00:00Z');
const clock = () => new Date(clockAt);
const tick = () => (clockAt += 5_000);
const call = <C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelResults[C]> =>
  run(core, channel, input, tick);
const opened: Core[] = [];
const install = (name: string): Core => {
  const core = openTestCore(join(temp.dir, `${name}.sqlite`), clock, { home: join(temp.dir, `home-${name}`) });
  opened.push(core);
  return core;
};
const cell = (site: string, indicator: string) => ({ competition: 'JABAR', juror: 'J2', site, indicator });

let sek: Core;
let sekFile = '';
let first: Core;
let second: Core;
type Made = ChannelResults['exchange.exportScores'];
/** J2's package from the old laptop, and the one from the new laptop after the old one broke. */
let old: Made;
let fresh: Made;
const pristine = join(temp.dir, 'sekretariat-awal.sqlite');
let cases = 0;

beforeAll(async () => {
  const setupCore = install('sekretariat');
  await call(setupCore, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  const setup = await call(setupCore, 'exchange.setupPackage', { competition: 'JABAR' });
  setupCore.close();
  copyClosedDatabase(join(temp.dir, 'sekretariat.sqlite'), pristine);
  first = install('laptop-lama');
  second = install('laptop-baru');
  for (const laptop of [first, second]) await call(laptop, 'exchange.apply', { name: setup.name, bytes: setup.bytes });
  await call(first, 'scoring.setScore', { ...cell('S01', 'A1'), value: 4 });
  await call(first, 'scoring.setNote', { ...cell('S01', 'A1'), note: 'SK ada, belum ditandatangani.' });
  await call(first, 'scoring.setScore', { ...cell('S01', 'A2'), value: 3 });
  old = await call(first, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
  // The old laptop broke; the juror goes on on another one and gives S01 A1 another value, S01 A2 the same.
  await call(second, 'scoring.setScore', { ...cell('S01', 'A1'), value: 2 });
  await call(second, 'scoring.setScore', { ...cell('S01', 'A2'), value: 3 });
  await call(second, 'scoring.setScore', { ...cell('S02', 'A1'), value: 5 });
  fresh = await call(second, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
});

/** Each test on its own copy of the secretariat's database as set up, before any package (the same installation). */
beforeEach(() => {
  sekFile = join(temp.dir, `sekretariat-${(cases += 1)}.sqlite`);
  copyClosedDatabase(pristine, sekFile);
  sek = openTestCore(sekFile, clock, { home: join(temp.dir, 'home-sekretariat') });
  opened.push(sek);
});
afterAll(() => {
  for (const core of opened) core.close();
  temp.cleanup();
});

describe('the same juror on two laptops', () => {
  it('holds the new laptop until accepted, then shows the differing cells side by side', async () => {
    await call(sek, 'exchange.apply', { name: old.file.name, bytes: old.file.bytes });
    const pkg = fresh;
    const input = { name: pkg.file.name, bytes: pkg.file.bytes };
    const held = await sek.call('exchange.apply', input);
    expect(held.ok).toBe(false);
    if (held.ok) return;
    expect(held.error.key).toBe('exchange.untrustedKey');
    expect(describeError(held.error, 'id')).toBe(
      `Paket ${pkg.file.name} ditahan: ditandatangani laptop baru (sidik jari ${pkg.fingerprint}), bukan laptop juri J2 yang dikenal (${old.fingerprint}). Cocokkan sidik jari dengan juri, lalu terima laptop baru ini.`,
    );

    // Accepting the new laptop is the secretariat's: outside its session, refused in words.
    await asSecretariat(sek, 'JABAR'); // the secretariat PIN set, the session then left
    await sek.call('session.leaveSecretariat', {});
    const outside = await sek.call('exchange.apply', { ...input, acceptKey: pkg.fingerprint });
    expect(outside.ok ? null : describeError(outside.error, 'id')).toBe(
      'Menerima laptop baru juri adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.',
    );
    await asSecretariat(sek, 'JABAR');
    const plan = await call(sek, 'exchange.apply', { ...input, acceptKey: pkg.fingerprint });
    expect(plan.device.trust).toBe('accepted');
    expect(plan.counts).toMatchObject({ new: 1, changed: 0, unchanged: 1, conflicts: 1 });
    const conflict = plan.cells.find((c) => c.status === 'conflict')!;
    expect(conflict).toMatchObject({
      site: 'S01',
      indicator: 'A1',
      local: { value: 4, note: 'SK ada, belum ditandatangani.', actor: 'J2', device: first.deps.identity.id },
      incoming: { value: 2, note: 'SK ada, belum ditandatangani.', actor: 'J2', device: second.deps.identity.id },
    });
    expect(conflict.local.at! < conflict.incoming.at!).toBe(true);
    // Both laptops are pinned for J2 now; the value held stays 4 until decided.
    const board = await call(sek, 'exchange.board', { competition: 'JABAR' });
    expect(board.jurors.find((j) => j.juror === 'J2')!.devices.map((d) => d.fingerprint)).toEqual([old.fingerprint, pkg.fingerprint]);
    expect(board.openConflicts).toBe(1);
    const sheet = await call(sek, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site: 'S01' });
    expect(sheet.scores.map((s) => [s.indicator, s.value])).toEqual([
      ['A1', 4],
      ['A2', 3],
    ]);
    expect(verifyFile(sekFile).problems).toEqual([]);
  });

  it('decides conflicts in bulk, keeping the value here, with the decision in the ledger; a later change is a conflict again', async () => {
    // Both laptops' packages in, the new laptop accepted: S01 A1 is a conflict (4 here, 2 from the new laptop).
    await call(sek, 'exchange.apply', { name: old.file.name, bytes: old.file.bytes });
    await asSecretariat(sek, 'JABAR');
    await call(sek, 'exchange.apply', { name: fresh.file.name, bytes: fresh.file.bytes, acceptKey: fresh.fingerprint });
    // A second conflict: the secretariat corrects S02 A1 while the new laptop changes it again.
    await call(sek, 'scoring.setScore', { ...cell('S02', 'A1'), value: 1, entry: true });
    await call(second, 'scoring.setScore', { ...cell('S02', 'A1'), value: 4 });
    const pkg = await call(second, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
    await call(sek, 'exchange.apply', { name: pkg.file.name, bytes: pkg.file.bytes });
    const open = await call(sek, 'exchange.conflicts', { competition: 'JABAR' });
    expect(open.map((c) => [c.site, c.indicator, c.local.value, c.incoming.value])).toEqual([
      ['S01', 'A1', 4, 2],
      ['S02', 'A1', 1, 4],
    ]);
    // Resolving is the secretariat's: without its session (left, or never opened) it is refused in words, nothing written.
    await call(sek, 'session.leaveSecretariat', {});
    const before = databaseBytes(sek);
    const refused = await sek.call('exchange.resolve', { competition: 'JABAR', ids: open.map((c) => c.id), choice: 'local' });
    expect(refused.ok ? null : [describeError(refused.error, 'id'), describeError(refused.error, 'en')]).toEqual([
      'Menyelesaikan konflik paket adalah tugas sekretariat: masukkan PIN sekretariat dahulu. Tidak ada yang berubah.',
      "Resolving a package's conflicts is the secretariat's task: enter the secretariat PIN first. Nothing was changed.",
    ]);
    expect(databaseBytes(sek)).toBe(before);
    await call(sek, 'session.enterSecretariat', { competition: 'JABAR', pin: '7391' });
    expect(await call(sek, 'exchange.resolve', { competition: 'JABAR', ids: open.map((c) => c.id), choice: 'local' })).toEqual({
      resolved: 2,
    });
    expect(await call(sek, 'exchange.conflicts', { competition: 'JABAR' })).toEqual([]);
    const decided = await call(sek, 'exchange.conflicts', { competition: 'JABAR', all: true });
    expect(decided.map((c) => c.resolution)).toEqual(['local', 'local']);
    const values = async (site: string) =>
      (await call(sek, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site })).scores.find((s) => s.indicator === 'A1')?.value;
    expect([await values('S01'), await values('S02')]).toEqual([4, 1]);
    const entries = await call(sek, 'scoring.history', { competition: 'JABAR', juror: 'J2' });
    expect(entries.filter((e) => e.kind === 'exchange.resolve').map((e) => [e.site, (e.payload as { choice: string }).choice])).toEqual([
      ['S01', 'local'],
      ['S02', 'local'],
    ]);
    // Deciding one again is refused in words.
    const again = await sek.call('exchange.resolve', { competition: 'JABAR', ids: [open[0]!.id], choice: 'incoming' });
    expect(again.ok ? null : describeError(again.error, 'en')).toBe(`Conflict ${open[0]!.id} is already decided or does not exist.`);

    // The juror changes S01 A1 once more on the new laptop: the secretariat decided it since, so it is a conflict again.
    await call(second, 'scoring.setScore', { ...cell('S01', 'A1'), value: 5 });
    const later = await call(second, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
    const plan = await call(sek, 'exchange.apply', { name: later.file.name, bytes: later.file.bytes });
    expect(plan.cells.map((c) => [c.site, c.indicator, c.status])).toEqual([['S01', 'A1', 'conflict']]);
    expect(verifyFile(sekFile).problems).toEqual([]);
  });
});
