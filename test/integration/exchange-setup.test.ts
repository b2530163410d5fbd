/**
 * Setup packages on a juror's laptop (issue 9 point 1), and one laptop shared by two jurors: the first setup creates
 * the competition with the secretariat's uuid; a newer one from the same secretariat updates it (scores kept); a
 * package of another competition with the same code, or a setup of the same competition from another secretariat,
 * is refused with the laptop's database byte-identical. Two jurors on one laptop send two packages that carry each
 * other's entries as links only; both apply and the laptop's chain verifies whole at the secretariat.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { verifyFile } from '../../electron/core/audit/verify.js';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults } from '../../shared/contract/schemas.js';
import { describeError } from '../../shared/domain/errors.js';
import { databaseBytes, openTestCore, tempDir } from '../support/core.js';
import { call as run, JURY_COMPETITION, score as enter, WORK } from '../support/jury.js';

let temp: ReturnType<typeof tempDir>;
let clockAt: number;
const clock = () => new Date(clockAt);
const tick = () => (clockAt += 5_000);
const call = <C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelResults[C]> =>
  run(core, channel, input, tick);
const opened: Core[] = [];

function install(name: string, home = name): Core {
  const core = openTestCore(join(temp.dir, `${name}.sqlite`), clock, { home: join(temp.dir, `home-${home}`) });
  opened.push(core);
  return core;
}

async function secretariatWith(name: string, file = JURY_COMPETITION): Promise<Core> {
  const core = install(name);
  await call(core, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(file)) });
  return core;
}

async function refused(core: Core, channel: 'exchange.apply', input: ChannelInput<'exchange.apply'>, key: string): Promise<string> {
  const before = databaseBytes(core);
  const r = await core.call(channel, input);
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error.key).toBe(key);
  expect(databaseBytes(core)).toBe(before);
  return describeError(r.error, 'id');
}

beforeEach(() => {
  temp = tempDir('penilai-setup-pkg-');
  clockAt = Date.parse('2026-09-01T01:00:00Z');
});
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
  temp.cleanup();
});

describe('the setup package on a juror laptop', () => {
  it('a newer setup from the same secretariat updates the competition and keeps the scores', async () => {
    const sek = await secretariatWith('sekretariat');
    const first = await call(sek, 'exchange.setupPackage', { competition: 'JABAR' });
    const laptop = install('laptop');
    expect(await call(laptop, 'exchange.apply', { name: first.name, bytes: first.bytes })).toMatchObject({
      action: 'create',
      applied: true,
      setup: { sites: 3, jurors: 3 },
    });
    await enter(laptop, 'J1', WORK.J1!.slice(0, 2), tick);

    // The secretariat adds a site and renames the competition; the laptop takes the newer setup.
    const detail = await call(sek, 'setup.get', { code: 'JABAR' });
    await call(sek, 'setup.save', {
      code: 'JABAR',
      competition: { ...detail.info, name: 'Lomba P2WKSS Jawa Barat (revisi)' },
      sites: [...detail.sites, { code: 'S04', name: 'Desa Baru' }],
      jurors: detail.jurors,
    });
    const second = await call(sek, 'exchange.setupPackage', { competition: 'JABAR' });
    const plan = await call(laptop, 'exchange.plan', { name: second.name, bytes: second.bytes });
    expect(plan).toMatchObject({ action: 'update', applied: false, device: { trust: 'pinned' } });
    await call(laptop, 'exchange.apply', { name: second.name, bytes: second.bytes });
    const here = await call(laptop, 'setup.get', { code: 'JABAR' });
    expect(here.info.name).toBe('Lomba P2WKSS Jawa Barat (revisi)');
    expect(here.sites.map((s) => s.code)).toEqual(['S01', 'S02', 'S03', 'S04']);
    const sheet = await call(laptop, 'scoring.sheet', { competition: 'JABAR', juror: 'J1', site: 'S01' });
    expect(sheet.scores.map((s) => [s.indicator, s.value])).toEqual([
      ['A1', 4],
      ['A2', 5],
    ]);
    // The older setup, arriving late, changes nothing.
    expect(await call(laptop, 'exchange.apply', { name: first.name, bytes: first.bytes })).toMatchObject({
      action: 'unchanged',
      applied: false,
    });
    expect(verifyFile(join(temp.dir, 'laptop.sqlite')).problems).toEqual([]);
  });

  it('refuses a package of another competition with the same code, and a setup from another secretariat', async () => {
    const sek = await secretariatWith('sekretariat');
    const laptop = install('laptop');
    const setup = await call(sek, 'exchange.setupPackage', { competition: 'JABAR' });
    await call(laptop, 'exchange.apply', { name: setup.name, bytes: setup.bytes });

    // Another province's secretariat made its own JABAR: another uuid.
    const other = await secretariatWith('lain');
    const foreign = await call(other, 'exchange.setupPackage', { competition: 'JABAR' });
    const message = await refused(laptop, 'exchange.apply', { name: 'lain.penilai', bytes: foreign.bytes }, 'exchange.otherCompetition');
    expect(message).toBe(
      'Paket lain.penilai ditolak: paket ini milik lomba lain yang juga berkode JABAR. Minta paket dari sekretariat lomba ini.',
    );

    // A copy of the secretariat's database on another PC (another device key) writing a setup package of the same competition.
    const copy = install('sekretariat', 'salinan');
    const impostor = await call(copy, 'exchange.setupPackage', { competition: 'JABAR' });
    const said = await refused(laptop, 'exchange.apply', { name: 'salinan.penilai', bytes: impostor.bytes }, 'exchange.otherSecretariat');
    expect(said).toContain('berasal dari sekretariat lain');
    expect(said).toContain((await call(copy, 'exchange.identity', {})).device.fingerprint);
  });
});

describe('one laptop shared by two jurors', () => {
  it("carries each juror's entries whole in their own package and the other's as links; the chain verifies whole", async () => {
    const sek = await secretariatWith('sekretariat');
    const setup = await call(sek, 'exchange.setupPackage', { competition: 'JABAR' });
    const laptop = install('laptop');
    await call(laptop, 'exchange.apply', { name: setup.name, bytes: setup.bytes });
    // Interleaved: J1, then J2, then J1 again.
    await enter(laptop, 'J1', WORK.J1!.slice(0, 3), tick);
    await enter(laptop, 'J2', WORK.J2!, tick);
    await enter(laptop, 'J1', WORK.J1!.slice(3), tick);

    const p1 = await call(laptop, 'exchange.exportScores', { competition: 'JABAR', juror: 'J1' });
    const a = await call(sek, 'exchange.apply', { name: p1.file.name, bytes: p1.file.bytes });
    expect(a.counts.new).toBe(9);
    expect(verifyFile(join(temp.dir, 'sekretariat.sqlite')).problems).toEqual([]);

    const p2 = await call(laptop, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
    const b = await call(sek, 'exchange.apply', { name: p2.file.name, bytes: p2.file.bytes });
    // J2's entries were held as links only: they arrive whole now.
    expect(b.counts.new).toBe(6);
    expect(b.entries!.new).toBe(6);
    const report = verifyFile(join(temp.dir, 'sekretariat.sqlite'));
    expect(report.problems).toEqual([]);
    const laptopChain = verifyFile(join(temp.dir, 'laptop.sqlite')).chains.find((c) => c.device === laptop.deps.identity.id);
    expect(report.chains.find((c) => c.device === laptop.deps.identity.id)).toEqual(laptopChain);
    // J1's package again, after J2's: nothing new.
    expect(await call(sek, 'exchange.apply', { name: p1.file.name, bytes: p1.file.bytes })).toMatchObject({ action: 'unchanged' });
    // Both jurors' laptops are the same device, pinned for each.
    const board = await call(sek, 'exchange.board', { competition: 'JABAR' });
    expect(board.jurors.filter((j) => j.devices.length === 1).map((j) => j.juror)).toEqual(['J1', 'J2']);
  });

  it('sheets finalised in bulk (no drawn signature, as the demo makes them) travel as they are', async () => {
    const sek = await secretariatWith('sekretariat');
    const setup = await call(sek, 'exchange.setupPackage', { competition: 'JABAR' });
    const laptop = install('laptop');
    await call(laptop, 'exchange.apply', { name: setup.name, bytes: setup.bytes });
    laptop.deps.repos.scoring.insertScores(
      'JABAR',
      WORK.J2!.map((c) => ({ site: c.site, juror: 'J2', indicator: c.indicator, value: c.value! })),
      true,
    );
    const pkg = await call(laptop, 'exchange.exportScores', { competition: 'JABAR', juror: 'J2' });
    const plan = await call(sek, 'exchange.apply', { name: pkg.file.name, bytes: pkg.file.bytes });
    expect(plan.sheets).toEqual([
      { site: 'S01', status: 'finalised' },
      { site: 'S02', status: 'finalised' },
      { site: 'S03', status: 'finalised' },
    ]);
    expect((await call(sek, 'scoring.sheet', { competition: 'JABAR', juror: 'J2', site: 'S02' })).finalised).toBe(true);
    expect(verifyFile(join(temp.dir, 'sekretariat.sqlite')).problems).toEqual([]);
  });
});
