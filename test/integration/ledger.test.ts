/**
 * The ledger and the write gate as a secretariat and two laptops meet them: every change (scores and setup) is in
 * the history with who and when; two installations writing to copies of one database give two chains, both
 * verified; a unit of work that fails leaves nothing, not even an entry; `audit.verify` and `verify --db --json`
 * report every chain and always check the photo files.
 */
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { AppError } from '../../shared/domain/errors.js';
import { aCompetition, anInstrument, scoresFor } from '../support/builders.js';
import { runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

let temp: ReturnType<typeof tempDir>;
let clockAt: number;
const clock = () => new Date(clockAt);
beforeEach(() => {
  temp = tempDir('penilai-ledger-');
  clockAt = Date.parse('2026-09-08T02:00:00Z');
});
afterEach(() => temp.cleanup());

/** A laptop: its own home (device identity), on a database file. */
function laptop(name: string, database: string): Core {
  return openTestCore(database, clock, { home: join(temp.dir, `home-${name}`) });
}

/** The UJI competition with every cell of J1 at S01 scored (as J1, who has no PIN). */
async function scoredCompetition(core: Core): Promise<void> {
  await ok(core.call('setup.import', { name: 'uji.json', bytes: new TextEncoder().encode(JSON.stringify(aCompetition())) }));
  for (const cell of scoresFor(aCompetition()).filter((c) => c.juror === 'J1' && c.site === 'S01')) {
    clockAt += 60_000;
    await ok(core.call('scoring.setScore', { competition: 'UJI', juror: 'J1', site: 'S01', indicator: cell.indicator, value: cell.value }));
  }
}

describe('two installations on copies of one database', () => {
  it('write two chains, each under its own device, both verified', async () => {
    const dbA = join(temp.dir, 'a.sqlite');
    const a = laptop('a', dbA);
    await scoredCompetition(a);
    const deviceA = a.deps.identity.id;
    a.close();

    // The file is copied to a second laptop (a flash drive): its new entries go under that laptop's device.
    const dbB = join(temp.dir, 'b.sqlite');
    copyFileSync(dbA, dbB);
    const b = laptop('b', dbB);
    const deviceB = b.deps.identity.id;
    expect(deviceB).not.toBe(deviceA);
    clockAt += 60_000;
    await ok(b.call('scoring.setScore', { competition: 'UJI', juror: 'J2', site: 'S02', indicator: 'A1', value: 2 }));
    const result = await ok(b.call('audit.verify', {}));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    const heads = b.db.prepare('SELECT chain, max(seq) AS n FROM history GROUP BY chain ORDER BY n DESC').all() as {
      chain: string;
      n: number;
    }[];
    // A: the competition made (1 entry) and three scores; B: one score.
    expect(heads).toEqual([
      { chain: deviceA, n: 4 },
      { chain: deviceB, n: 1 },
    ]);
    expect(result.chains.map((c) => [c.device, c.entries]).sort()).toEqual(
      [
        [deviceA, 4],
        [deviceB, 1],
      ].sort(),
    );
    // Both devices are known to the database, each with its Ed25519 public key (32 bytes, base64).
    const devices = b.db.prepare('SELECT id, public_key FROM device ORDER BY first_seen, id').all() as { id: string; public_key: string }[];
    expect(devices.map((d) => d.id).sort()).toEqual([deviceA, deviceB].sort());
    for (const d of devices) expect(Buffer.from(d.public_key, 'base64')).toHaveLength(32);
    b.close();

    // The command line gives the same, as JSON, through --home (the installation) and --db.
    const run = await runCommand(['verify', '--db', dbB, '--json', '--home', join(temp.dir, 'home-b')]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      chains: { device: string; entries: number; head: string }[];
      problems: unknown[];
    };
    expect(json.ok).toBe(true);
    expect(json.problems).toEqual([]);
    expect(json.chains.map((c) => c.entries).sort()).toEqual([1, 4]);
    for (const c of json.chains) expect(c.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keep the identity in the home folder, never in the database: the same home is the same device', () => {
    const first = laptop('a', join(temp.dir, 'one.sqlite'));
    const id = first.deps.identity.id;
    first.close();
    const again = laptop('a', join(temp.dir, 'two.sqlite'));
    expect(again.deps.identity.id).toBe(id);
    again.close();
    expect(readdirSync(join(temp.dir, 'home-a')).sort()).toEqual(['device.json', 'device.key', 'device.secret']);
  });
});

describe('setup changes after scoring', () => {
  it('a recusal, a weight change and a new juror each appear in the history with actor, time and what changed', async () => {
    const c = laptop('a', join(temp.dir, 'setup.sqlite'));
    await scoredCompetition(c);
    const detail = await ok(c.call('setup.get', { code: 'UJI' }));

    // J2 is found to be from S01's kabupaten: recused. And a third juror joins the jury.
    clockAt = Date.parse('2026-09-09T08:00:00Z');
    const jurors = detail.jurors.map((j) => (j.code === 'J2' ? { ...j, recusedSites: ['S01'] } : j));
    await ok(
      c.call('setup.save', {
        code: 'UJI',
        competition: detail.info,
        sites: detail.sites,
        jurors: [...jurors, { code: 'J3', name: 'Juri Tiga', role: 'anggota', recusedSites: [] }],
      }),
    );
    // The weights move between A1 and A2: a new instrument version, since scores were given on the first.
    clockAt = Date.parse('2026-09-09T09:00:00Z');
    const reweighted = anInstrument();
    reweighted.aspects[0]!.indicators[0]!.weight = 35;
    reweighted.aspects[0]!.indicators[1]!.weight = 35;
    expect(await ok(c.call('setup.saveInstrument', { competition: 'UJI', instrument: reweighted, asNewVersion: true }))).toMatchObject({
      version: 2,
      kept: 3,
      dropped: 0,
    });

    const setup = (await ok(c.call('scoring.history', { competition: 'UJI' }))).filter((e) => e.kind.startsWith('setup.'));
    expect(setup.map((e) => [e.kind, e.juror, e.actor, e.at])).toEqual([
      ['setup.competition', null, 'sekretariat', '2026-09-08T02:00:00.000Z'],
      ['setup.juror', 'J2', 'sekretariat', '2026-09-09T08:00:00.000Z'],
      ['setup.juror', 'J3', 'sekretariat', '2026-09-09T08:00:00.000Z'],
      ['setup.instrument', null, 'sekretariat', '2026-09-09T09:00:00.000Z'],
    ]);
    expect(setup[1]!.payload).toMatchObject({
      action: 'change',
      before: { code: 'J2', recusedSites: [] },
      after: { code: 'J2', recusedSites: ['S01'] },
    });
    expect(setup[2]!.payload).toMatchObject({ action: 'add', before: null, after: { code: 'J3', name: 'Juri Tiga', role: 'anggota' } });
    expect(setup[3]!.payload).toMatchObject({
      action: 'move',
      before: { code: 'UJI-KECIL', version: 1 },
      after: { code: 'UJI-KECIL', version: 2 },
      kept: 3,
      dropped: 0,
    });
    // Saving the same setup again changes nothing and records nothing.
    const again = await ok(c.call('setup.get', { code: 'UJI' }));
    await ok(c.call('setup.save', { code: 'UJI', competition: again.info, sites: again.sites, jurors: again.jurors }));
    expect((await ok(c.call('scoring.history', { competition: 'UJI' }))).filter((e) => e.kind.startsWith('setup.'))).toHaveLength(4);
    expect((await ok(c.call('audit.verify', {}))).ok).toBe(true);
    c.close();
  });
});

describe('the write gate', () => {
  it('runs the after-commit hooks once per unit, with its entries, and never after a rollback', async () => {
    const c = laptop('a', join(temp.dir, 'gate.sqlite'));
    await scoredCompetition(c);
    const seen: string[][] = [];
    c.deps.repos.gate.afterCommit((entries) => seen.push(entries.map((e) => `${e.kind}:${e.indicator ?? ''}`)));
    await ok(c.call('scoring.setScore', { competition: 'UJI', juror: 'J1', site: 'S02', indicator: 'A1', value: 5 }));
    expect(seen).toEqual([['score:A1']]);

    const before = c.db.prepare('SELECT count(*) AS n FROM history').get() as { n: number };
    expect(() =>
      c.deps.repos.gate.run({ competition: 'UJI' }, (unit) => {
        unit.append({ competition: 'UJI', kind: 'setup.rules', actor: 'sekretariat', payload: { v: 1, text: '{}' } });
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(c.db.prepare('SELECT count(*) AS n FROM history').get()).toEqual(before);
    expect(seen).toHaveLength(1);

    // A kind no migration opened is refused by the database itself.
    expect(() =>
      c.deps.repos.gate.run({ competition: 'UJI' }, (unit) =>
        unit.append({ competition: 'UJI', kind: 'nothing.opened' as never, actor: 'sekretariat' }),
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(c.db.prepare('SELECT count(*) AS n FROM history').get()).toEqual(before);
    c.close();
  });

  it('checks the competition state through the guards before any change', async () => {
    const c = laptop('a', join(temp.dir, 'guard.sqlite'));
    await scoredCompetition(c);
    c.deps.repos.gate.guard((competition, change) => {
      if (competition === 'UJI' && change.ranking) throw new Error('locked');
    });
    const r = await c.call('scoring.setScore', { competition: 'UJI', juror: 'J1', site: 'S02', indicator: 'A1', value: 5 });
    expect(r.ok).toBe(false);
    expect(c.db.prepare(`SELECT count(*) AS n FROM score sc JOIN site s ON s.id = sc.site_id WHERE s.code = 'S02'`).get()).toEqual({
      n: 0,
    });
    c.close();
  });
});

describe('audit.verify', () => {
  it('always checks the photo files: a photo lost from the evidence folder is reported', async () => {
    const database = join(temp.dir, 'photos.sqlite');
    const c = laptop('a', database);
    await scoredCompetition(c);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await ok(
      c.call('evidence.add', {
        competition: 'UJI',
        juror: 'J1',
        site: 'S01',
        indicator: 'A1',
        name: 'foto.png',
        mime: 'image/png',
        bytes: png,
      }),
    );
    expect((await ok(c.call('audit.verify', {}))).ok).toBe(true);
    const folder = `${database}.bukti`;
    const file = readdirSync(folder).find((f) => f.endsWith('.png'))!;
    rmSync(join(folder, file));
    expect(existsSync(join(folder, file))).toBe(false);
    const result = await ok(c.call('audit.verify', {}));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(['evidenceFileMissing']);
    c.close();
  });
});
