/**
 * Scoring on site visits through `dispatch`, on a real SQLite file: the history of every change (old, new, who,
 * on which laptop, why), undo, notes, household checklists, review, finalise with a signature and PIN, reopen with
 * a reason, PINs and sessions, progress and grid, and the hash chain that `verify --db` checks.
 */
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import type { Core } from '../../electron/core/app.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { ledgerJson, rowFields, ZERO_HASH, type HistoryRow } from '../../electron/core/platform/ledger.js';
import type { HistoryEntry } from '../../shared/contract/schemas.js';
import type { CompetitionFile } from '../../shared/domain/competition.js';
import { describeError, type AppError } from '../../shared/domain/errors.js';
import type { Instrument } from '../../shared/domain/instrument.js';
import { openTestCore, tempDir } from '../support/core.js';
import { withoutDigests } from '../support/jury.js';

const temp = tempDir('penilai-scoring-');
const START = new Date('2026-09-08T09:00:00.000Z');
let now = START;
const clock = () => now;
const tick = (ms = 1000) => {
  now = new Date(now.getTime() + ms);
};
let core: Core;
const C = 'NILAI';

const instrument: Instrument = {
  format: 'penilai.instrument/1',
  code: 'UJI-NILAI',
  name: 'Instrumen uji penilaian',
  version: 1,
  defaultScale: { min: 1, max: 5, step: 1 },
  phases: [{ code: 'LAP', name: 'Lapangan' }],
  aspects: [
    {
      code: 'A',
      name: 'Aspek A',
      indicators: [
        { code: 'A1', name: 'Dokumen', weight: 30, phase: 'LAP', evidence: { noteAt: ['1'], photoAt: ['5'] } },
        { code: 'A2', name: 'Kegiatan', weight: 30, phase: 'LAP' },
      ],
    },
    {
      code: 'B',
      name: 'Aspek B',
      indicators: [
        {
          code: 'B1',
          name: 'Kunjungan rumah',
          weight: 40,
          phase: 'LAP',
          household: {
            sampleSize: 3,
            items: ['Jamban sehat', 'Air bersih'],
            bands: [
              { below: 50, score: 1 },
              { below: 80, score: 3 },
              { atLeast: 80, score: 5 },
            ],
          },
        },
      ],
    },
  ],
};

const competitionFile: CompetitionFile = {
  format: 'penilai.competition/1',
  competition: {
    code: C,
    name: 'Lomba Uji Penilaian',
    year: 2026,
    rules: {
      aggregation: 'mean',
      normalise: 'max',
      tieBreak: [],
      precision: 2,
      rankBy: 'all',
      labels: ['Juara I', 'Juara II', 'Juara III'],
    },
  },
  instrument,
  sites: [
    { code: 'S01', name: 'Desa Satu' },
    { code: 'S02', name: 'Desa Dua' },
    { code: 'S03', name: 'Desa Tiga' },
  ],
  jurors: [
    { code: 'J1', name: 'Ketua', role: 'ketua' },
    { code: 'J2', name: 'Anggota A', role: 'anggota', aspects: ['A'] },
    { code: 'J3', name: 'Anggota Berpin', role: 'anggota', recusedSites: ['S02'] },
    { code: 'J4', name: 'Anggota Lain', role: 'anggota' },
  ],
};

/** A real 1×1 PNG, as a signature pad would give. */
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(describeError(r.error, 'en'));
  return r.value;
}

async function fails(result: Promise<{ ok: true; value: unknown } | { ok: false; error: AppError }>): Promise<AppError> {
  const r = await result;
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

const score = (juror: string, site: string, indicator: string, value: number | null, extra: { reason?: string; entry?: boolean } = {}) =>
  core.call('scoring.setScore', { competition: C, juror, site, indicator, value, ...extra });
const sheet = (juror: string, site: string) => ok(core.call('scoring.sheet', { competition: C, juror, site }));
const history = (filter: { juror?: string; site?: string; indicator?: string } = {}) =>
  ok(core.call('scoring.history', { competition: C, ...filter }));
const valueOf = async (juror: string, site: string, indicator: string) =>
  (await sheet(juror, site)).scores.find((s) => s.indicator === indicator)?.value ?? null;
const device = () => core.deps.identity.id;

/** The secretariat's PIN of the test competitions: typing up paper sheets (`entry: true`) needs its session. */
const SECRETARIAT_PIN = '1357';

/** Brings a competition file in through `setup.import`, as the secretariat does. */
async function importCompetition(on: Core, file: CompetitionFile): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  await ok(on.call('setup.import', { name: `${file.competition.code}.penilai.json`, bytes }));
}

// Every test starts from its own database holding only the competition, at the same moment; what else a test needs
// it builds itself with the setup functions below, so the tests pass alone and in any order.
let databases = 0;
beforeEach(async () => {
  now = START;
  databases += 1;
  core = openTestCore(join(temp.dir, `scoring-${databases}.db`), clock);
  await importCompetition(core, competitionFile);
});
afterEach(() => {
  core.close();
});

/** Opens the secretariat's session on `on` (its PIN set the first time), as the secretariat does before typing up. */
async function asSecretariat(on: Core = core, competition = C): Promise<void> {
  const state = await ok(on.call('session.secretariat', { competition }));
  if (!state.hasPin) await ok(on.call('session.setSecretariatPin', { competition, pin: SECRETARIAT_PIN }));
  await ok(on.call('session.enterSecretariat', { competition, pin: SECRETARIAT_PIN }));
}
afterAll(() => {
  temp.cleanup();
});

/** J1's A2 at S01: 3, then 4 by J1, then 2 typed up by the secretariat from the paper sheet (its session stays open). */
async function j1ScoredA2(): Promise<void> {
  await ok(score('J1', 'S01', 'A2', 3));
  tick();
  await ok(score('J1', 'S01', 'A2', 4));
  tick();
  await asSecretariat();
  await ok(score('J1', 'S01', 'A2', 2, { entry: true, reason: 'salah ketik dari lembar kertas' }));
}

/** A photo as the juror takes it, through `evidence.add`. */
function addPhoto(juror: string, site: string, indicator: string) {
  return ok(core.call('evidence.add', { competition: C, juror, site, indicator, name: 'foto.png', mime: 'image/png', bytes: png() }));
}

/** J2's sheet at S01 complete for review: A1 5 with its note and photo, A2 as given. */
async function j2ReadyAtS01(a2 = 4): Promise<void> {
  await ok(score('J2', 'S01', 'A1', 5));
  await ok(score('J2', 'S01', 'A2', a2));
  await ok(core.call('scoring.setNote', { competition: C, juror: 'J2', site: 'S01', indicator: 'A1', note: 'Dokumen tidak ada' }));
  await addPhoto('J2', 'S01', 'A1');
}

/** J2's sheet at S01 complete and finalised with J2's PIN 2468 (A2 as given). */
async function j2FinalisedAtS01(a2 = 4): Promise<void> {
  await j2ReadyAtS01(a2);
  await asSecretariat();
  await ok(core.call('session.setJurorPin', { competition: C, juror: 'J2', pin: '2468' }));
  await ok(core.call('scoring.finalise', { competition: C, juror: 'J2', site: 'S01', signature: png(), pin: '2468' }));
}

describe('history of scores', () => {
  it('records old and new value, actor, device and time for each change; the same value again writes nothing', async () => {
    const first = await ok(score('J1', 'S01', 'A2', 3));
    expect(first).toEqual({ indicator: 'A2', value: 3, savedAt: now.toISOString() });
    tick();
    await ok(score('J1', 'S01', 'A2', 4));
    tick();
    const again = await ok(score('J1', 'S01', 'A2', 4));
    expect(again.value).toBe(4);
    tick();
    await asSecretariat();
    await ok(score('J1', 'S01', 'A2', 2, { entry: true, reason: 'salah ketik dari lembar kertas' }));
    const entries = await history({ juror: 'J1', site: 'S01', indicator: 'A2' });
    expect(entries.map((e) => [e.kind, e.oldValue, e.newValue, e.actor, e.reason])).toEqual([
      ['score', null, 3, 'J1', null],
      ['score', 3, 4, 'J1', null],
      ['score', 4, 2, 'sekretariat', 'salah ketik dari lembar kertas'],
    ]);
    expect(entries.every((e) => e.device === device())).toBe(true);
    expect(device()).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries[1]!.at).toBe('2026-09-08T09:00:01.000Z');
    expect(new Set(entries.map((e) => e.uuid)).size).toBe(3);
    expect(await valueOf('J1', 'S01', 'A2')).toBe(2);
  });

  it('refuses what is not the juror’s to score or off the scale, writing no history', async () => {
    const before = (await history()).length;
    expect((await fails(score('J2', 'S01', 'B1', 3))).key).toBe('score.notEligible');
    expect((await fails(score('J3', 'S02', 'A1', 3))).key).toBe('score.notEligible');
    expect((await fails(score('J1', 'S01', 'A1', 6))).key).toBe('score.offRange');
    expect((await fails(score('J1', 'S01', 'ZZ', 3))).key).toBe('indicator.notFound');
    expect((await history()).length).toBe(before);
  });

  it('stores a score within 1e-9 of a level as the level exactly, in the score and in the history', async () => {
    const saved = await ok(score('J4', 'S03', 'A2', 3.0000000004));
    expect(saved.value).toBe(3);
    expect(await valueOf('J4', 'S03', 'A2')).toBe(3);
    expect((await history({ juror: 'J4', site: 'S03', indicator: 'A2' })).map((e) => e.newValue)).toEqual([3]);
    // The same level again, with other noise, writes nothing.
    await ok(score('J4', 'S03', 'A2', 2.9999999996));
    expect((await history({ juror: 'J4', site: 'S03', indicator: 'A2' })).length).toBe(1);
  });

  it('hashes each entry over the previous hash of its device chain and its canonical JSON, from 64 zeros; verify finds the chain whole', async () => {
    await j1ScoredA2();
    const rows = core.db.prepare('SELECT * FROM history ORDER BY chain, seq').all() as HistoryRow[];
    const device = core.deps.identity.id;
    expect(rows.map((r) => r.chain)).toEqual(rows.map(() => device));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_r, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe(ZERO_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const r = rows[0]!;
    const fields = rowFields(r);
    expect(ledgerJson(fields)).toBe(canonicalJson(fields));
    const { createHash } = await import('node:crypto');
    expect(r.format).toBe(2);
    expect(r.hash).toBe(
      createHash('sha256')
        .update(ZERO_HASH + canonicalJson(fields))
        .digest('hex'),
    );
    expect(verifyDatabase(core.db)).toMatchObject({
      count: 0,
      problems: [],
      chains: [{ device, entries: rows.length, head: rows.at(-1)!.hash }],
    });
  });

  it('refuses to change or delete a history entry (append-only)', async () => {
    await j1ScoredA2();
    expect(() => core.db.prepare('UPDATE history SET new_value = 5 WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM history WHERE id = 1').run()).toThrow(/append-only/);
  });
});

describe('notes', () => {
  const noteOf = async (juror: string, site: string, indicator: string) =>
    (await sheet(juror, site)).notes.find((n) => n.indicator === indicator)?.note ?? null;

  it('may come before the score; an empty note clears it; each change is a note entry; clearing the score keeps the note', async () => {
    await asSecretariat(); // the secretariat types up a note from paper below
    // A juror writes what they see before choosing a score.
    const first = await ok(core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: 'catatan' }));
    expect(first.note).toBe('catatan');
    expect(await noteOf('J1', 'S02', 'A2')).toBe('catatan');
    expect(await valueOf('J1', 'S02', 'A2')).toBeNull();
    await ok(core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: '' }));
    await ok(score('J1', 'S02', 'A2', 3));
    const saved = await ok(core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: 'Ada SK' }));
    expect(saved.note).toBe('Ada SK');
    await ok(core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: 'Ada SK' }));
    expect(await noteOf('J1', 'S02', 'A2')).toBe('Ada SK');
    await ok(core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: '' }));
    expect(await noteOf('J1', 'S02', 'A2')).toBeNull();
    await ok(
      core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: 'Foto kegiatan', entry: true }),
    );
    await ok(score('J1', 'S02', 'A2', null));
    const entries = await history({ juror: 'J1', site: 'S02', indicator: 'A2' });
    expect(entries.map((e) => [e.kind, e.oldText, e.newText, e.oldValue, e.newValue, e.actor])).toEqual([
      ['note', null, 'catatan', null, null, 'J1'],
      ['note', 'catatan', null, null, null, 'J1'],
      ['score', null, null, null, 3, 'J1'],
      ['note', null, 'Ada SK', null, null, 'J1'],
      ['note', 'Ada SK', null, null, null, 'J1'],
      ['note', null, 'Foto kegiatan', null, null, 'sekretariat'],
      ['score', null, null, 3, null, 'J1'],
    ]);
    expect(await valueOf('J1', 'S02', 'A2')).toBeNull();
    expect(await noteOf('J1', 'S02', 'A2')).toBe('Foto kegiatan');
    // undo brings back the score, then takes back the note
    const here = { competition: C, juror: 'J1', site: 'S02' };
    expect(await ok(core.call('scoring.undo', here))).toEqual({ undone: { kind: 'score', indicator: 'A2' } });
    expect((await sheet('J1', 'S02')).scores).toMatchObject([{ indicator: 'A2', value: 3 }]);
    expect(await ok(core.call('scoring.undo', here))).toEqual({ undone: { kind: 'note', indicator: 'A2' } });
    expect(await noteOf('J1', 'S02', 'A2')).toBeNull();
    expect(verifyDatabase(core.db).count).toBe(0);
  });

  it('are checked by verify against the history: a note changed or left behind outside the app is reported', async () => {
    await ok(core.call('scoring.setNote', { competition: C, juror: 'J1', site: 'S02', indicator: 'A2', note: 'Kader aktif' }));
    expect(verifyDatabase(core.db).count).toBe(0);
    core.db.prepare(`UPDATE note SET note = 'Kader tidak aktif' WHERE indicator_code = 'A2'`).run();
    expect(verifyDatabase(core.db).problems).toEqual([
      { key: 'verify.note', params: { competition: C, juror: 'J1', site: 'S02', indicator: 'A2' } },
    ]);
    core.db.prepare(`UPDATE note SET note = 'Kader aktif' WHERE indicator_code = 'A2'`).run();
    core.db.prepare(`DELETE FROM note WHERE indicator_code = 'A2'`).run();
    expect(verifyDatabase(core.db).problems.map((p) => p.key)).toEqual(['verify.note']);
    core.db
      .prepare(
        `INSERT INTO note (site_id, juror_id, indicator_code, note, updated_at)
         SELECT s.id, j.id, 'A2', 'Kader aktif', 'now' FROM site s JOIN juror j ON j.competition_id = s.competition_id
         JOIN competition c ON c.id = s.competition_id WHERE c.code = ? AND s.code = 'S02' AND j.code = 'J1'`,
      )
      .run(C);
    expect(verifyDatabase(core.db).count).toBe(0);
  });
});

describe('undo', () => {
  it('takes back the latest change not yet taken back, walking further back on each call', async () => {
    const where = { competition: C, juror: 'J4', site: 'S01' };
    expect((await sheet('J4', 'S01')).canUndo).toBe(false);
    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: null });
    await ok(score('J4', 'S01', 'A2', 3));
    await ok(score('J4', 'S01', 'A2', 5));
    await ok(core.call('scoring.setNote', { ...where, indicator: 'A2', note: 'baik' }));
    await ok(score('J4', 'S01', 'A1', 2));
    expect((await sheet('J4', 'S01')).canUndo).toBe(true);

    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: { kind: 'score', indicator: 'A1' } });
    expect(await valueOf('J4', 'S01', 'A1')).toBeNull();
    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: { kind: 'note', indicator: 'A2' } });
    expect((await sheet('J4', 'S01')).scores.find((s) => s.indicator === 'A2')).toMatchObject({ value: 5 });
    expect((await sheet('J4', 'S01')).notes).toEqual([]);
    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: { kind: 'score', indicator: 'A2' } });
    expect(await valueOf('J4', 'S01', 'A2')).toBe(3);
    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: { kind: 'score', indicator: 'A2' } });
    expect(await valueOf('J4', 'S01', 'A2')).toBeNull();
    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: null });
    expect((await sheet('J4', 'S01')).canUndo).toBe(false);

    // Every undo is itself an entry: old and new swapped, by the one who undid it.
    const entries = await history({ juror: 'J4', site: 'S01' });
    expect(entries).toHaveLength(8);
    expect(entries.slice(4).map((e) => [e.kind, e.indicator, e.oldValue, e.newValue, e.oldText, e.newText])).toEqual([
      ['score', 'A1', 2, null, null, null],
      ['note', 'A2', null, null, 'baik', null],
      ['score', 'A2', 5, 3, null, null],
      ['score', 'A2', 3, null, null, null],
    ]);
    // A new change after undoing can be undone in its turn.
    await ok(score('J4', 'S01', 'A2', 4));
    expect(await ok(core.call('scoring.undo', where))).toEqual({ undone: { kind: 'score', indicator: 'A2' } });
    expect(await valueOf('J4', 'S01', 'A2')).toBeNull();
    expect(verifyDatabase(core.db).count).toBe(0);
  });
});

describe('household checklists', () => {
  const where = { competition: C, juror: 'J1', site: 'S03', indicator: 'B1' };
  const setHousehold = (answers: (boolean | null)[][]) => core.call('scoring.setHousehold', { ...where, answers });

  it('gives no score while an answer is missing, a score by the bands once complete, and none again when an answer is cleared', async () => {
    expect(await ok(setHousehold([[true, null]]))).toMatchObject({ score: null });
    expect(await valueOf('J1', 'S03', 'B1')).toBeNull();
    expect((await sheet('J1', 'S03')).household).toEqual([{ indicator: 'B1', answers: [[true, null]] }]);
    // 3 yes of 4 = 75 % → band below 80 → 3 (two families visited of a sample of three)
    expect(
      await ok(
        setHousehold([
          [true, false],
          [true, true],
        ]),
      ),
    ).toMatchObject({ score: 3 });
    expect(await valueOf('J1', 'S03', 'B1')).toBe(3);
    // 4 of 4 = 100 % → 5
    expect(
      await ok(
        setHousehold([
          [true, true],
          [true, true],
        ]),
      ),
    ).toMatchObject({ score: 5 });
    const entriesBefore = (await history({ indicator: 'B1' })).length;
    expect(
      await ok(
        setHousehold([
          [true, true],
          [true, true],
        ]),
      ),
    ).toMatchObject({ score: 5 });
    expect((await history({ indicator: 'B1' })).length).toBe(entriesBefore);
    expect(
      await ok(
        setHousehold([
          [true, true],
          [true, null],
        ]),
      ),
    ).toMatchObject({ score: null });
    expect(await valueOf('J1', 'S03', 'B1')).toBeNull();
    const entries = await history({ juror: 'J1', site: 'S03', indicator: 'B1' });
    expect(entries.map((e) => [e.kind, e.oldValue, e.newValue])).toEqual([
      ['household', null, null],
      ['household', null, 3],
      ['household', 3, 5],
      ['household', 5, null],
    ]);
    expect(entries[3]!.newText).toBe(
      JSON.stringify([
        [true, true],
        [true, null],
      ]),
    );
    // undo brings back the complete checklist and its score
    expect(await ok(core.call('scoring.undo', { competition: C, juror: 'J1', site: 'S03' }))).toEqual({
      undone: { kind: 'household', indicator: 'B1' },
    });
    expect(await valueOf('J1', 'S03', 'B1')).toBe(5);
    expect((await sheet('J1', 'S03')).household[0]!.answers).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(verifyDatabase(core.db).count).toBe(0);
  });

  it('refuses more families than the sample, a family with the wrong number of answers, and an indicator without a checklist', async () => {
    expect(
      (
        await fails(
          setHousehold([
            [true, true],
            [true, true],
            [true, true],
            [true, true],
          ]),
        )
      ).key,
    ).toBe('household.tooManyFamilies');
    expect((await fails(setHousehold([[true]]))).key).toBe('household.badFamily');
    expect((await fails(core.call('scoring.setHousehold', { ...where, indicator: 'A2', answers: [[true, true]] }))).key).toBe(
      'household.notHousehold',
    );
  });

  it('accepts a score typed directly for a household indicator', async () => {
    await asSecretariat();
    await ok(score('J4', 'S03', 'B1', 4, { entry: true }));
    expect(await valueOf('J4', 'S03', 'B1')).toBe(4);
  });
});

describe('review, finalise and reopen', () => {
  const where = { competition: C, juror: 'J2', site: 'S01' };
  const review = () => ok(core.call('scoring.review', where));

  it('lists a missing score, a missing note where the instrument asks one, and a missing photo', async () => {
    expect((await review()).problems).toEqual([
      { indicator: 'A1', need: 'score' },
      { indicator: 'A2', need: 'score' },
    ]);
    await ok(score('J2', 'S01', 'A1', 1));
    await ok(score('J2', 'S01', 'A2', 4));
    expect((await review()).problems).toEqual([{ indicator: 'A1', need: 'note' }]);
    await ok(core.call('scoring.setNote', { ...where, indicator: 'A1', note: 'Dokumen tidak ada' }));
    expect((await review()).problems).toEqual([]);
    await ok(score('J2', 'S01', 'A1', 5));
    expect((await review()).problems).toEqual([{ indicator: 'A1', need: 'photo' }]);
    const removed = await addPhoto('J2', 'S01', 'A1');
    expect(await ok(core.call('evidence.remove', { uuid: removed.uuid }))).toEqual({ removed: true });
    expect((await review()).problems).toEqual([{ indicator: 'A1', need: 'photo' }]); // a removed photo does not count
    const kept = await addPhoto('J2', 'S01', 'A1');
    expect((await review()).problems).toEqual([]);
    expect((await sheet('J2', 'S01')).evidence.map((e) => e.uuid)).toEqual([kept.uuid]);
  });

  it('refuses to finalise while the review has problems, with a bad signature, or with a wrong PIN', async () => {
    await j2ReadyAtS01();
    const incomplete = await fails(core.call('scoring.finalise', { competition: C, juror: 'J2', site: 'S02', signature: png() }));
    expect(incomplete).toMatchObject({ key: 'sheet.incomplete', params: { count: 2 } });
    const bad = await fails(
      core.call('scoring.finalise', { ...where, signature: new TextEncoder().encode('not a png at all, just some text here') }),
    );
    expect(bad.key).toBe('sheet.badSignature');
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J2', pin: '2468' }));
    expect((await fails(core.call('scoring.finalise', { ...where, signature: png() }))).key).toBe('session.pinRequired');
    expect((await fails(core.call('scoring.finalise', { ...where, signature: png(), pin: '3917' }))).key).toBe('session.badPin');
    expect((await sheet('J2', 'S01')).finalised).toBe(false);
  });

  it('finalises with the signature and the PIN; the sheet then refuses every write', async () => {
    await j2ReadyAtS01();
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J2', pin: '2468' }));
    await asSecretariat(); // so that typing up is refused for the sheet being final, not for a missing session
    const signature = png();
    const done = await ok(core.call('scoring.finalise', { ...where, signature, pin: '2468' }));
    expect(done.finalisedAt).toBe(now.toISOString());
    const s = await sheet('J2', 'S01');
    expect(s).toMatchObject({ finalised: true, finalisedAt: done.finalisedAt, canUndo: false });
    expect(s.events).toEqual([{ kind: 'finalise', at: done.finalisedAt, actor: 'J2', reason: null }]);
    expect(new Uint8Array(core.deps.repos.scoring.signature(where)!)).toEqual(signature);

    await ok(core.call('session.enter', { competition: C, juror: 'J2', pin: '2468' }));
    const refusals = [
      await fails(score('J2', 'S01', 'A2', 3)),
      await fails(score('J2', 'S01', 'A2', 3, { entry: true })),
      await fails(core.call('scoring.setNote', { ...where, indicator: 'A2', note: 'x' })),
      await fails(core.call('scoring.undo', where)),
      await fails(core.call('scoring.finalise', { ...where, signature, pin: '2468' })),
    ];
    expect(refusals.map((e) => e.key)).toEqual(Array(5).fill('score.sheetFinal'));
    expect(() => core.deps.repos.scoring.assertOpen(where)).toThrow(/finalised/);
    expect(() => core.deps.repos.scoring.setScore({ ...where, indicator: 'A2', value: 2, actor: 'impor' })).toThrow(/finalised/);
    expect(await valueOf('J2', 'S01', 'A2')).toBe(4);
    await ok(core.call('session.leave', {}));
  });

  it('reopens with a reason (kept in the events); then changing an existing score needs a reason, kept in the history', async () => {
    await j2FinalisedAtS01();
    // Not in J2's session: reopening is the secretariat's, refused until its session is open.
    await ok(core.call('session.leaveSecretariat', {}));
    expect((await fails(core.call('scoring.reopen', { ...where, reason: 'Salah input nilai A2 saat kunjungan' }))).key).toBe(
      'session.secretariatForReopen',
    );
    await asSecretariat();
    expect((await fails(core.call('scoring.reopen', { competition: C, juror: 'J1', site: 'S03', reason: 'tidak perlu' }))).key).toBe(
      'sheet.notFinal',
    );
    expect((await fails(core.call('scoring.reopen', { ...where, reason: 'x' }))).key).toBe('validate.tooSmall');
    tick();
    const reopened = await ok(core.call('scoring.reopen', { ...where, reason: 'Salah input nilai A2 saat kunjungan' }));
    const s = await sheet('J2', 'S01');
    expect(s.finalised).toBe(false);
    expect(s.events.map((e) => [e.kind, e.actor, e.reason])).toEqual([
      ['finalise', 'J2', null],
      ['reopen', 'sekretariat', 'Salah input nilai A2 saat kunjungan'],
    ]);
    expect(s.events[1]!.at).toBe(reopened.reopenedAt);
    expect(core.deps.repos.scoring.signature(where)).toBeNull();

    await ok(core.call('session.enter', { competition: C, juror: 'J2', pin: '2468' }));
    expect((await fails(score('J2', 'S01', 'A2', 3))).key).toBe('score.reasonRequired');
    expect((await fails(score('J2', 'S01', 'A2', 3, { reason: '   ' }))).key).toBe('score.reasonRequired');
    await ok(score('J2', 'S01', 'A2', 3, { reason: 'Kegiatan hanya sebagian' }));
    await ok(score('J2', 'S01', 'A2', 3)); // the same value: no change, no reason needed
    const last = (await history({ juror: 'J2', site: 'S01', indicator: 'A2' })).at(-1)!;
    expect(last).toMatchObject({ kind: 'score', oldValue: 4, newValue: 3, reason: 'Kegiatan hanya sebagian', actor: 'J2' });
    await ok(core.call('scoring.finalise', { ...where, signature: png(), pin: '2468' }));
    expect((await sheet('J2', 'S01')).events.map((e) => e.kind)).toEqual(['finalise', 'reopen', 'finalise']);
    await ok(core.call('session.leave', {}));
    expect(verifyDatabase(core.db).count).toBe(0);
  });

  it('refuses to finalise a sheet with nothing to score', async () => {
    expect((await fails(core.call('scoring.finalise', { competition: C, juror: 'J3', site: 'S02', signature: png() }))).key).toBe(
      'sheet.none',
    );
  });
});

describe('PINs and the session', () => {
  it('lets the secretariat set and reset a PIN (recorded, never the PIN itself) and the juror change it with the current one', async () => {
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J2', pin: '2468' }));
    expect(await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '8642' }))).toEqual({ juror: 'J3', hasPin: true });
    const stored = (core.db.prepare(`SELECT pin_hash FROM juror WHERE code = 'J3'`).get() as { pin_hash: string }).pin_hash;
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('8642');
    expect((await ok(core.call('setup.get', { code: C }))).pins).toEqual(['J2', 'J3']);

    expect((await fails(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '6150', currentPin: '0000' }))).key).toBe(
      'session.badPin',
    );
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '6150', currentPin: '8642' }));
    expect((await fails(core.call('session.enter', { competition: C, juror: 'J3', pin: '8642' }))).key).toBe('session.badPin');
    expect(await ok(core.call('session.enter', { competition: C, juror: 'J3', pin: '6150' }))).toEqual({
      competition: C,
      juror: 'J3',
      name: 'Anggota Berpin',
      locked: false,
    });
    await ok(core.call('session.leave', {}));
    // forgotten: the secretariat resets it
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '7391' }));
    expect((await fails(core.call('session.setJurorPin', { competition: C, juror: 'J4', pin: '3917', currentPin: '3917' }))).key).toBe(
      'session.noPin',
    );
    expect((await fails(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '12' }))).key).toBe('validate.pin');

    const pins = (await history({ juror: 'J3' })).filter((e) => e.kind === 'pin');
    expect(pins.map((e) => e.actor)).toEqual(['sekretariat', 'J3', 'sekretariat']);
    const text = withoutDigests(pins);
    expect(text).toContain('"newText":"sha256:<digest>"');
    for (const pin of ['8642', '6150', '7391']) expect(text).not.toContain(pin);
    expect(pins.every((e: HistoryEntry) => e.newText?.startsWith('sha256:'))).toBe(true);
    expect(verifyDatabase(core.db).count).toBe(0);
  });

  it('needs the PIN to enter, locks a juror out for 30 s after five wrong PINs, and keeps the session in the core', async () => {
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J2', pin: '2468' }));
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '7391' }));
    expect(await ok(core.call('session.get', {}))).toBeNull();
    expect((await fails(core.call('session.enter', { competition: C, juror: 'J3' }))).key).toBe('session.pinRequired');
    for (let i = 0; i < 5; i += 1)
      expect((await fails(core.call('session.enter', { competition: C, juror: 'J3', pin: '0000' }))).key).toBe('session.badPin');
    const locked = await fails(core.call('session.enter', { competition: C, juror: 'J3', pin: '7391' }));
    expect(locked).toMatchObject({ key: 'session.locked', params: { seconds: 30 } });
    tick(29_000);
    expect((await fails(core.call('session.enter', { competition: C, juror: 'J3', pin: '7391' }))).key).toBe('session.locked');
    // another juror is not locked out
    expect(await ok(core.call('session.enter', { competition: C, juror: 'J2', pin: '2468' }))).toMatchObject({ juror: 'J2' });
    tick(1_000);
    expect(await ok(core.call('session.enter', { competition: C, juror: 'J3', pin: '7391' }))).toMatchObject({ juror: 'J3' });
    expect(await ok(core.call('session.get', {}))).toEqual({ competition: C, juror: 'J3', name: 'Anggota Berpin', locked: false });
    // a juror without a PIN enters without one
    expect(await ok(core.call('session.enter', { competition: C, juror: 'J4' }))).toMatchObject({ juror: 'J4' });
    expect(await ok(core.call('session.leave', {}))).toBeNull();
    expect(await ok(core.call('session.get', {}))).toBeNull();
    // locked out again, the juror asks the secretariat: a PIN they set starts afresh
    for (let i = 0; i < 5; i += 1) await fails(core.call('session.enter', { competition: C, juror: 'J3', pin: '0000' }));
    expect((await fails(core.call('session.enter', { competition: C, juror: 'J3', pin: '7391' }))).key).toBe('session.locked');
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '7391' }));
    expect(await ok(core.call('session.enter', { competition: C, juror: 'J3', pin: '7391' }))).toMatchObject({ juror: 'J3' });
    await ok(core.call('session.leave', {}));
  });

  it('lets a juror with a PIN write as themselves only in their own session; entry mode writes as the secretariat', async () => {
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '7391' }));
    await asSecretariat(); // for the score typed up from paper below
    expect((await fails(score('J3', 'S01', 'A2', 2))).key).toBe('session.required');
    expect(
      (await fails(core.call('scoring.setHousehold', { competition: C, juror: 'J3', site: 'S01', indicator: 'B1', answers: [] }))).key,
    ).toBe('session.required');
    expect((await fails(core.call('scoring.undo', { competition: C, juror: 'J3', site: 'S01' }))).key).toBe('session.required');
    await ok(score('J3', 'S01', 'A2', 2, { entry: true }));
    await ok(core.call('session.enter', { competition: C, juror: 'J3', pin: '7391' }));
    await ok(score('J3', 'S01', 'A2', 3));
    // someone else's sheet is not writable from this session, even a juror without a PIN
    expect((await fails(score('J4', 'S01', 'A2', 2))).key).toBe('session.otherJuror');
    await ok(core.call('session.leave', {}));
    const entries = await history({ juror: 'J3', site: 'S01', indicator: 'A2' });
    expect(entries.map((e) => [e.actor, e.newValue])).toEqual([
      ['sekretariat', 2],
      ['J3', 3],
    ]);
  });
});

describe('progress and grid', () => {
  // J2 has finalised S01 (A1 5, A2 3); J3 has scored A2 at S01.
  beforeEach(async () => {
    await j2FinalisedAtS01(3);
    await ok(score('J3', 'S01', 'A2', 3));
  });

  it('shows, per site, the scored and assigned indicators, finalisation and recusal', async () => {
    const progress = await ok(core.call('scoring.progress', { competition: C, juror: 'J3' }));
    expect(progress).toEqual([
      { site: 'S01', scored: 1, total: 3, finalised: false, recused: false },
      { site: 'S02', scored: 0, total: 0, finalised: false, recused: true },
      { site: 'S03', scored: 0, total: 3, finalised: false, recused: false },
    ]);
    const j2 = await ok(core.call('scoring.progress', { competition: C, juror: 'J2' }));
    expect(j2[0]).toEqual({ site: 'S01', scored: 2, total: 2, finalised: true, recused: false });
  });

  it('gives one juror’s scores over all sites for typing up', async () => {
    const grid = await ok(core.call('scoring.grid', { competition: C, juror: 'J2' }));
    expect(grid).toEqual({
      juror: 'J2',
      indicators: ['A1', 'A2'],
      rows: [
        { site: 'S01', eligible: ['A1', 'A2'], values: { A1: 5, A2: 3 }, finalised: true },
        { site: 'S02', eligible: ['A1', 'A2'], values: {}, finalised: false },
        { site: 'S03', eligible: ['A1', 'A2'], values: {}, finalised: false },
      ],
    });
    const j3 = await ok(core.call('scoring.grid', { competition: C, juror: 'J3' }));
    expect(j3.rows[1]).toEqual({ site: 'S02', eligible: [], values: {}, finalised: false });
  });
});

describe('moving to a new instrument version', () => {
  it('reopens a finalised sheet that has something new to score, with the reason in its events and the history', async () => {
    const dir = tempDir('penilai-scoring-move-');
    const other = openTestCore(join(dir.dir, 'move.db'), clock);
    try {
      await importCompetition(other, { ...competitionFile, competition: { ...competitionFile.competition, code: 'GESER' } });
      await asSecretariat(other, 'GESER');
      const where = { competition: 'GESER', juror: 'J4', site: 'S01' };
      for (const [indicator, value] of [
        ['A1', 3],
        ['A2', 3],
        ['B1', 3],
      ] as const) {
        await ok(other.call('scoring.setScore', { ...where, indicator, value, entry: true }));
      }
      await ok(other.call('scoring.finalise', { ...where, signature: png() }));
      const v2: Instrument = structuredClone(instrument);
      v2.version = 2;
      v2.aspects[0]!.indicators[1]!.scale = { min: 0, max: 10, step: 1 };
      expect(other.deps.repos.setup.moveInstrument('GESER', v2)).toEqual({ kept: 2, dropped: 1 });
      const moved = await ok(other.call('scoring.sheet', where));
      expect(moved.finalised).toBe(false);
      expect(moved.events.map((e) => [e.kind, e.actor])).toEqual([
        ['finalise', 'J4'],
        ['reopen', 'sekretariat'],
      ]);
      expect(moved.events[1]!.reason).toBe('Dibuka kembali karena lomba pindah ke instrumen UJI-NILAI versi 2.');
      // A2 is scored again on the new scale: no existing score on this version, so no reason is needed.
      await ok(other.call('scoring.setScore', { ...where, indicator: 'A2', value: 8 }));
      expect((await ok(other.call('scoring.history', { ...where, indicator: 'A2' }))).at(-1)).toMatchObject({
        oldValue: null,
        newValue: 8,
      });
      expect(verifyDatabase(other.db).count).toBe(0);
    } finally {
      other.close();
      dir.cleanup();
    }
  });
});

describe('tampering', () => {
  it('is found by the chain and by comparing the tables with the history', async () => {
    // J1's A2 at S01 is 2, J2 has finalised S01, J3 has a PIN
    await j1ScoredA2();
    await j2FinalisedAtS01();
    await asSecretariat();
    await ok(core.call('session.setJurorPin', { competition: C, juror: 'J3', pin: '7391' }));
    expect(verifyDatabase(core.db).count).toBe(0);
    // a score changed without a history entry
    core.db
      .prepare(
        `UPDATE score SET value = 1 WHERE indicator_code = 'A2' AND site_id = (SELECT id FROM site WHERE code = 'S01') AND juror_id = (SELECT id FROM juror WHERE code = 'J1')`,
      )
      .run();
    const changed = verifyDatabase(core.db);
    expect(changed.count).toBe(1);
    expect(changed.problems[0]).toMatchObject({
      key: 'verify.score',
      params: { juror: 'J1', site: 'S01', indicator: 'A2', found: 1, expected: '2' },
    });
    core.db
      .prepare(
        `UPDATE score SET value = 2 WHERE indicator_code = 'A2' AND site_id = (SELECT id FROM site WHERE code = 'S01') AND juror_id = (SELECT id FROM juror WHERE code = 'J1')`,
      )
      .run();
    expect(verifyDatabase(core.db).count).toBe(0);

    // an entry rewritten behind the triggers' back
    core.db.exec('DROP TRIGGER history_no_update');
    // the first score entry (entries before it record the competition's setup)
    const first = core.db.prepare(`SELECT id, new_value AS value FROM history WHERE kind = 'score' ORDER BY id LIMIT 1`).get() as {
      id: number;
      value: number;
    };
    core.db.prepare('UPDATE history SET new_value = 5 WHERE id = ?').run(first.id);
    const rewritten = verifyDatabase(core.db);
    expect(rewritten.problems.map((p) => p.key)).toEqual(['verify.trigger', 'verify.hash']);
    // ... even when its hash is recomputed: the next entry no longer links to it, and the head signed when it was
    // written (the entry was the last of its commit) is no longer the chain's
    const row = core.db.prepare('SELECT hash FROM history WHERE id = ?').get(first.id) as { hash: string };
    core.db.prepare('UPDATE history SET hash = ? WHERE id = ?').run('f'.repeat(64), first.id);
    expect(verifyDatabase(core.db).problems.map((p) => p.key)).toEqual([
      'verify.trigger',
      'verify.hash',
      'verify.chainLink',
      'verify.sealHead',
    ]);
    core.db.prepare('UPDATE history SET hash = ?, new_value = ? WHERE id = ?').run(row.hash, first.value, first.id);
    core.db.exec(`CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;`);
    expect(verifyDatabase(core.db).count).toBe(0);

    // a finalised sheet unlocked, a PIN removed, a deleted entry
    core.db
      .prepare(
        `UPDATE sheet SET finalised_at = NULL WHERE juror_id = (SELECT id FROM juror WHERE code = 'J2') AND site_id = (SELECT id FROM site WHERE code = 'S01')`,
      )
      .run();
    core.db.prepare(`UPDATE juror SET pin_hash = NULL WHERE code = 'J3'`).run();
    core.db.exec('DROP TRIGGER history_no_delete');
    core.db.prepare('DELETE FROM history WHERE id = 2').run();
    expect(verifyDatabase(core.db).problems.map((p) => p.key)).toEqual([
      'verify.trigger',
      'verify.chainGap', // the device's chain skips a number…
      'verify.chainLink', // …and the next entry no longer links to the one before it
      'verify.sealHead', // …and the head signed when entry 2 was written is gone
      'verify.sheet',
      'verify.pin',
    ]);
  });
});
