/**
 * Evidence photos through the handlers on a real SQLite file: the photo and its thumbnail land as files beside the
 * database (`<database>.bukti/`, named by SHA-256), never inside it; they come back byte for byte; identical content
 * is stored once; removal is soft (the file stays for the audit) and recorded in the history; every refusal leaves
 * no file and no row.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import type { Core } from '../../electron/core/app.js';
import { evidenceFolder, listEvidence, MAX_EVIDENCE_BYTES } from '../../electron/core/evidence/repository.js';
import type { ChannelInput, EvidenceInfo } from '../../shared/contract/schemas.js';
import { describeError } from '../../shared/domain/errors.js';
import type { Instrument } from '../../shared/domain/instrument.js';
import { aCompetition } from '../support/builders.js';
import { openTestCore, tempDir } from '../support/core.js';

/** A real 1×1 PNG. */
const PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
/** Real JPEGs (4×4 and 2×2, made by poppler's pdftoppm): a photo and a thumbnail. */
const JPEG =
  '/9j/4AAQSkZJRgABAQEABAAEAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXz/2wBDARUXFx4aHjshITt8U0ZTfHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHz/wAARCAAEAAQDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDMooorkPoD/9k=';
const PHOTO = new Uint8Array(Buffer.from(JPEG, 'base64'));
const THUMB = new Uint8Array(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEAAgACAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXz/2wBDARUXFx4aHjshITt8U0ZTfHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHz/wAARCAACAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDMooorkPoD/9k=',
    'base64',
  ),
);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const temp = tempDir('penilai-evidence-');
let databases = 0;
let database: string;
let folder: string;
let core: Core;

const competitionFile = aCompetition({
  competition: { name: 'Lomba Uji Bukti' },
  instrument: JSON.parse(readFileSync(new URL('../../resources/instruments/p2wkss-provinsi.json', import.meta.url), 'utf8')) as Instrument,
  jurors: [
    { code: 'J1', name: 'Ketua', role: 'ketua' },
    { code: 'J2', name: 'Anggota Administrasi', role: 'anggota', aspects: ['A', 'B'], recusedSites: ['S02'] },
  ],
});

function photo(overrides: Partial<ChannelInput<'evidence.add'>> = {}): ChannelInput<'evidence.add'> {
  return {
    competition: 'UJI',
    juror: 'J1',
    site: 'S01',
    indicator: 'A1',
    name: 'sk-pokja.jpg',
    mime: 'image/jpeg',
    bytes: PHOTO,
    thumbnail: THUMB,
    ...overrides,
  };
}

async function add(input: ChannelInput<'evidence.add'>): Promise<EvidenceInfo> {
  const result = await core.call('evidence.add', input);
  if (!result.ok) throw new Error(describeError(result.error, 'en'));
  return result.value;
}

function files(): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

function evidenceRows(): Record<string, unknown>[] {
  return core.db.prepare('SELECT * FROM evidence ORDER BY id').all() as Record<string, unknown>[];
}

function evidenceHistory(): Record<string, unknown>[] {
  return core.db.prepare(`SELECT * FROM history WHERE kind = 'evidence' ORDER BY id`).all() as Record<string, unknown>[];
}

// Each test on its own fresh database (UJI and the demo), so that it passes alone and in any order.
beforeEach(async () => {
  database = join(temp.dir, `penilai-${(databases += 1)}.sqlite`);
  folder = `${database}.bukti`;
  core = openTestCore(database, () => new Date('2026-09-08T09:00:00Z'));
  const created = await core.call('setup.import', {
    name: 'uji.json',
    bytes: new TextEncoder().encode(JSON.stringify(competitionFile)),
  });
  expect(created.ok).toBe(true);
  expect((await core.call('setup.createDemo', {})).ok).toBe(true);
});
afterEach(() => core.close());
afterAll(() => temp.cleanup());

describe('evidence refusals leave no file and no row', () => {
  async function refused(input: ChannelInput<'evidence.add'>, key: string, message: RegExp): Promise<void> {
    const beforeFiles = files();
    const beforeRows = evidenceRows().length;
    const beforeHistory = evidenceHistory().length;
    const result = await core.call('evidence.add', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(key);
    expect(describeError(result.error, 'id')).toMatch(message);
    expect(files()).toEqual(beforeFiles);
    expect(evidenceRows()).toHaveLength(beforeRows);
    expect(evidenceHistory()).toHaveLength(beforeHistory);
  }

  it('refuses bytes that are not the declared type, not an image, empty or too big', async () => {
    await refused(
      photo({ mime: 'image/jpeg', bytes: PNG, name: 'foto.jpg' }),
      'evidence.wrongType',
      /foto\.jpg disebut gambar JPEG, tetapi isinya gambar PNG/,
    );
    await refused(
      photo({ mime: 'image/png', bytes: new TextEncoder().encode('bukan gambar'), name: 'catatan.png' }),
      'evidence.notImage',
      /catatan\.png bukan gambar JPEG, PNG, atau WebP/,
    );
    await refused(photo({ bytes: new Uint8Array(0) }), 'evidence.empty', /kosong/);
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PHOTO.subarray(0, 4));
    await refused(
      photo({ bytes: big, name: 'besar.jpg' }),
      'evidence.tooBig',
      /Foto besar\.jpg terlalu besar \(25 MB\); paling besar 25 MB/,
    );
    await refused(photo({ thumbnail: PNG }), 'evidence.thumbnailType', /thumbnail.*bukan JPEG/);
    // nothing was written at all: not even the folder
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses a cell the juror is not eligible for, an unknown code, and a finalised sheet', async () => {
    await refused(photo({ juror: 'J2', indicator: 'C1' }), 'score.notEligible', /Juri J2 tidak menilai indikator C1 di lokus S01/);
    await refused(
      photo({ juror: 'J2', site: 'S02', indicator: 'A1' }),
      'score.notEligible',
      /Juri J2 tidak menilai indikator A1 di lokus S02/,
    );
    await refused(photo({ indicator: 'Z9' }), 'indicator.notFound', /Z9/);
    await refused(photo({ site: 'S99' }), 'site.notFound', /S99/);
    await refused(photo({ competition: 'DEMO', site: 'S01', juror: 'J1' }), 'score.sheetFinal', /sudah difinalkan/);
    expect(existsSync(folder)).toBe(false);
  });
  it('refuses a juror with a PIN who is not signed in on this laptop, and writing for another juror', async () => {
    // The secretariat sets J2's PIN in its own session, then leaves it.
    expect((await core.call('session.setSecretariatPin', { competition: 'UJI', pin: '1357' })).ok).toBe(true);
    expect((await core.call('session.enterSecretariat', { competition: 'UJI', pin: '1357' })).ok).toBe(true);
    expect((await core.call('session.setJurorPin', { competition: 'UJI', juror: 'J2', pin: '2468' })).ok).toBe(true);
    expect((await core.call('session.leaveSecretariat', {})).ok).toBe(true);
    await refused(photo({ juror: 'J2' }), 'session.required', /masuk dulu sebagai juri J2/);
    expect((await core.call('session.enter', { competition: 'UJI', juror: 'J2', pin: '2468' })).ok).toBe(true);
    await refused(photo({ juror: 'J1' }), 'session.otherJuror', /sedang dipakai juri J2/);
    expect((await core.call('session.leave', {})).ok).toBe(true);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('evidence stored beside the database', () => {
  let first: EvidenceInfo;

  beforeEach(async () => {
    first = await add(photo());
  });

  it('writes the photo and its thumbnail as files named by SHA-256, and the row without any image bytes', () => {
    expect(first).toMatchObject({
      indicator: 'A1',
      name: 'sk-pokja.jpg',
      mime: 'image/jpeg',
      size: PHOTO.length,
      sha256: sha256(PHOTO),
      hasThumbnail: true,
      createdAt: '2026-09-08T09:00:00.000Z',
    });
    expect(evidenceFolder(database)).toBe(folder);
    expect(files()).toEqual([`${sha256(PHOTO)}.jpg`, `${sha256(THUMB)}.thumb.jpg`].sort());
    expect(sha256(readFileSync(join(folder, `${sha256(PHOTO)}.jpg`)))).toBe(sha256(PHOTO));
    expect(sha256(readFileSync(join(folder, `${sha256(THUMB)}.thumb.jpg`)))).toBe(sha256(THUMB));
    // no temporary file is left behind
    expect(files().some((f) => f.endsWith('.tmp'))).toBe(false);

    const [row] = evidenceRows();
    expect(row).toMatchObject({
      uuid: first.uuid,
      name: 'sk-pokja.jpg',
      mime: 'image/jpeg',
      size: PHOTO.length,
      sha256: sha256(PHOTO),
      thumb_sha256: sha256(THUMB),
      removed_at: null,
    });
    expect(Object.values(row!).some((v) => v instanceof Uint8Array)).toBe(false);
    // and the image bytes are nowhere in the database's files
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const stored = Buffer.concat([readFileSync(database), ...(existsSync(`${database}-wal`) ? [readFileSync(`${database}-wal`)] : [])]);
    expect(stored.indexOf(Buffer.from(PHOTO.subarray(PHOTO.length - 64)))).toBe(-1);
    expect(stored.indexOf(Buffer.from(THUMB.subarray(THUMB.length - 64)))).toBe(-1);
  });

  it('records the addition in the hash-chained history as the juror’s act', () => {
    const [entry] = evidenceHistory();
    expect(entry).toMatchObject({
      competition: 'UJI',
      kind: 'evidence',
      site: 'S01',
      juror: 'J1',
      indicator: 'A1',
      old_text: null,
      new_text: `sha256:${sha256(PHOTO)} sk-pokja.jpg`,
      actor: 'J1',
    });
  });

  it('gives the photo and the thumbnail back byte for byte', async () => {
    const full = await core.call('evidence.get', { uuid: first.uuid, thumbnail: false });
    expect(full.ok && full.value).toMatchObject({ name: 'sk-pokja.jpg', mime: 'image/jpeg' });
    expect(full.ok && Buffer.from(full.value.bytes).equals(Buffer.from(PHOTO))).toBe(true);
    const thumb = await core.call('evidence.get', { uuid: first.uuid, thumbnail: true });
    expect(thumb.ok && thumb.value).toMatchObject({ name: 'sk-pokja.thumb.jpg', mime: 'image/jpeg' });
    expect(thumb.ok && Buffer.from(thumb.value.bytes).equals(Buffer.from(THUMB))).toBe(true);
  });

  it('stores identical content once; the same photo dropped twice on one cell is one photo', async () => {
    const again = await add(photo({ name: 'sk-pokja (salinan).jpg' }));
    expect(again.uuid).toBe(first.uuid);
    const elsewhere = await add(photo({ indicator: 'A3', name: 'notulen.jpg' }));
    expect(elsewhere.uuid).not.toBe(first.uuid);
    expect(elsewhere.sha256).toBe(first.sha256);
    const png = await add(photo({ indicator: 'A3', name: 'bagan.png', mime: 'image/png', bytes: PNG, thumbnail: undefined }));
    expect(png).toMatchObject({ mime: 'image/png', hasThumbnail: false, sha256: sha256(PNG) });
    expect(files()).toEqual([`${sha256(PHOTO)}.jpg`, `${sha256(THUMB)}.thumb.jpg`, `${sha256(PNG)}.png`].sort());
    expect(evidenceRows()).toHaveLength(3);
    // without a thumbnail, the thumbnail asked for is the photo itself
    const thumb = await core.call('evidence.get', { uuid: png.uuid, thumbnail: true });
    expect(thumb.ok && thumb.value.mime).toBe('image/png');
    expect(listEvidence(core.db, 'UJI', 'J1', 'S01').map((e) => [e.indicator, e.name])).toEqual([
      ['A1', 'sk-pokja.jpg'],
      ['A3', 'notulen.jpg'],
      ['A3', 'bagan.png'],
    ]);
    expect(listEvidence(core.db, 'UJI', 'J2', 'S01')).toEqual([]);
  });

  it('removes softly: the row is marked, the file stays, the history says so', async () => {
    // the cell's other photos, as "stores identical content once" adds them
    await add(photo({ indicator: 'A3', name: 'notulen.jpg' }));
    await add(photo({ indicator: 'A3', name: 'bagan.png', mime: 'image/png', bytes: PNG, thumbnail: undefined }));
    const removed = await core.call('evidence.remove', { uuid: first.uuid });
    expect(removed).toEqual({ ok: true, value: { removed: true } });
    expect(await core.call('evidence.remove', { uuid: first.uuid })).toEqual({ ok: true, value: { removed: false } });
    expect(evidenceRows().find((r) => r.uuid === first.uuid)!.removed_at).toBe('2026-09-08T09:00:00.000Z');
    expect(existsSync(join(folder, `${sha256(PHOTO)}.jpg`))).toBe(true);
    expect(listEvidence(core.db, 'UJI', 'J1', 'S01').map((e) => e.name)).toEqual(['notulen.jpg', 'bagan.png']);
    expect(evidenceHistory().at(-1)).toMatchObject({
      kind: 'evidence',
      indicator: 'A1',
      old_text: `sha256:${sha256(PHOTO)} sk-pokja.jpg`,
      new_text: null,
    });
    // still readable for the audit
    const full = await core.call('evidence.get', { uuid: first.uuid, thumbnail: false });
    expect(full.ok).toBe(true);
    // and a new addition of the same photo to that cell is a new photo
    const back = await add(photo());
    expect(back.uuid).not.toBe(first.uuid);
  });

  it('says so when a file is missing or was changed, and when a uuid is unknown', async () => {
    // the cell's other photos, as "stores identical content once" adds them
    await add(photo({ indicator: 'A3', name: 'notulen.jpg' }));
    await add(photo({ indicator: 'A3', name: 'bagan.png', mime: 'image/png', bytes: PNG, thumbnail: undefined }));
    const png = listEvidence(core.db, 'UJI', 'J1', 'S01').find((e) => e.name === 'bagan.png')!;
    const path = join(folder, `${sha256(PNG)}.png`);
    writeFileSync(path, Buffer.concat([Buffer.from(PNG), Buffer.from([0])]));
    const damaged = await core.call('evidence.get', { uuid: png.uuid, thumbnail: false });
    expect(!damaged.ok && damaged.error.key).toBe('evidence.damaged');
    // adding the same content again repairs the file
    await add(photo({ indicator: 'A4', name: 'bagan-lagi.png', mime: 'image/png', bytes: PNG, thumbnail: undefined }));
    expect(sha256(readFileSync(path))).toBe(sha256(PNG));
    const unknown = await core.call('evidence.get', { uuid: '00000000-0000-4000-8000-000000000000', thumbnail: false });
    expect(!unknown.ok && unknown.error.key).toBe('evidence.notFound');
  });

  it('refuses to remove a photo once its sheet is finalised', async () => {
    const scores = core.deps.repos.scoring;
    // DEMO's sheets are complete and finalised: reopen one, add a photo, finalise again.
    scores.reopen({ competition: 'DEMO', juror: 'J1', site: 'S01', reason: 'tambah foto bukti', actor: 'sekretariat' });
    const added = await add(photo({ competition: 'DEMO', name: 'demo.jpg' }));
    scores.finalise({ competition: 'DEMO', juror: 'J1', site: 'S01', signature: PNG, actor: 'J1' });
    const result = await core.call('evidence.remove', { uuid: added.uuid });
    expect(!result.ok && result.error.key).toBe('score.sheetFinal');
    expect(evidenceRows().find((r) => r.uuid === added.uuid)!.removed_at).toBeNull();
  });

  it('adds as the signed-in juror with a PIN, recorded as theirs', async () => {
    expect((await core.call('session.enter', { competition: 'UJI', juror: 'J2', pin: '2468' })).ok).toBe(true);
    const added = await add(photo({ juror: 'J2', indicator: 'B1', name: 'kader.jpg' }));
    expect(listEvidence(core.db, 'UJI', 'J2', 'S01').map((e) => e.uuid)).toEqual([added.uuid]);
    expect(evidenceHistory().at(-1)).toMatchObject({ juror: 'J2', indicator: 'B1', actor: 'J2' });
    expect((await core.call('session.leave', {})).ok).toBe(true);
  });
});

describe('undo of photos', () => {
  it('takes back an addition (the photo is removed, its file stays) and then a removal (the photo is back), verify stays clean', async () => {
    const where = { competition: 'UJI', juror: 'J1', site: 'S02' };
    const added = await add(photo({ site: 'S02', indicator: 'B1', name: 'posyandu.jpg' }));
    const undo = async () => {
      const result = await core.call('scoring.undo', where);
      if (!result.ok) throw new Error(describeError(result.error, 'en'));
      return result.value.undone;
    };
    expect(await undo()).toEqual({ kind: 'evidence', indicator: 'B1' });
    expect(listEvidence(core.db, 'UJI', 'J1', 'S02').filter((e) => e.indicator === 'B1')).toEqual([]);
    expect(files()).toContain(`${sha256(PHOTO)}.jpg`);
    const removed = await core.call('evidence.remove', { uuid: added.uuid });
    expect(removed.ok && removed.value).toEqual({ removed: false }); // already taken back

    const again = await add(photo({ site: 'S02', indicator: 'B1', name: 'posyandu.jpg' }));
    expect((await core.call('evidence.remove', { uuid: again.uuid })).ok).toBe(true);
    expect(await undo()).toEqual({ kind: 'evidence', indicator: 'B1' });
    const back = listEvidence(core.db, 'UJI', 'J1', 'S02').filter((e) => e.indicator === 'B1');
    expect(back.map((e) => [e.name, e.sha256, e.hasThumbnail])).toEqual([['posyandu.jpg', sha256(PHOTO), true]]);
    const got = await core.call('evidence.get', { uuid: back[0]!.uuid, thumbnail: false });
    expect(got.ok && sha256(got.value.bytes)).toBe(sha256(PHOTO));
    const entries = evidenceHistory().filter((e) => e.site === 'S02' && e.indicator === 'B1');
    expect(entries.map((e) => [e.old_text === null, e.new_text === null, e.undoes === null])).toEqual([
      [true, false, true], // added
      [false, true, false], // undo: removed
      [true, false, true], // added again
      [false, true, true], // removed
      [true, false, false], // undo: back
    ]);
    expect(verifyDatabase(core.db, database)).toMatchObject({ count: 0, problems: [] });
  });
});
