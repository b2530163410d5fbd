/**
 * Every refusal of a score package (issue 9, contract.md section 5), each on real packages: a secretariat and
 * jurors' laptops, each its own home (device key) and database, the packages written by `exchange.exportScores`.
 * Wrong packages are forged from real ones and signed again with the laptop's own key, so that only the rule under
 * test can catch them. Each is refused through `exchange.apply` with the database byte-identical (the file, its
 * side files and the evidence folder) and a message, in Indonesian and in English, that names the cause.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openIdentity } from '../../electron/core/platform/identity.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import type { AppError } from '../../shared/domain/errors.js';
import { isFullEntry, type PackageEntry, type PackageWork } from '../../shared/domain/package.js';
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
import { openTestCore, tempDir } from '../support/core.js';
import {
  copyDatabase,
  databaseState,
  forge,
  laptop,
  ledger,
  relink,
  said,
  setMemberJson,
  takeApart,
  work,
  zipOf,
  type Parts,
} from '../support/packages.js';

const temp = tempDir('penilai-refusals-');
let clockAt = Date.parse('2026-09-07T01:00:00Z');
const clock = () => new Date(clockAt);
const tick = () => (clockAt += 5_000);
const call: typeof run = (core, channel, input) => run(core, channel, input, tick);

const SEK = join(temp.dir, 'sekretariat.sqlite');
const SEK_HOME = join(temp.dir, 'home-sekretariat');
const home = (name: string) => join(temp.dir, `home-${name}`);
const db = (name: string) => join(temp.dir, `${name}.sqlite`);

let secretariat: Core;
let setupBytes: Uint8Array;
const cores: Core[] = [];
/** J1's real package from its laptop: every score, a photo with its thumbnail, and a finalised sheet's signature. */
let j1: { name: string; bytes: Uint8Array };
let j1Laptop: Core;

async function newLaptop(name: string, juror: string): Promise<Core> {
  const core = await laptop(db(name), home(name), setupBytes, juror, JUROR_PIN[juror]!, clock, tick);
  cores.push(core);
  return core;
}

async function exported(core: Core, juror: string): Promise<{ name: string; bytes: Uint8Array }> {
  const summary = await call(core, 'exchange.exportScores', { competition: 'JABAR', juror });
  return { name: summary.file.name, bytes: summary.file.bytes };
}

/**
 * Applies a package that must be refused: the refusal (a user's error, never `internal`), with the database, its
 * side files and its evidence folder byte-identical before and after. The plan refuses it the same way.
 */
async function refused(core: Core, file: string, pkg: { name: string; bytes: Uint8Array }, acceptKey?: string): Promise<AppError> {
  // A read first: after a write, SQLite's first read marks its place in the -shm index; that is not a change.
  core.db.prepare('SELECT count(*) FROM history').get();
  const before = databaseState(file);
  const input = { name: pkg.name, bytes: pkg.bytes, ...(acceptKey ? { acceptKey } : {}) };
  const plan = await core.call('exchange.plan', input);
  const applied = await core.call('exchange.apply', input);
  expect(databaseState(file)).toBe(before);
  if (plan.ok || applied.ok) throw new Error(`${pkg.name} was not refused`);
  expect(applied.error.code).not.toBe('internal');
  expect(plan.error).toEqual(applied.error);
  return applied.error;
}

beforeAll(async () => {
  secretariat = openTestCore(SEK, clock, { home: SEK_HOME });
  await call(secretariat, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  await asSecretariat(secretariat, 'JABAR');
  for (const juror of ['J1', 'J2', 'J3'])
    await call(secretariat, 'session.setJurorPin', { competition: 'JABAR', juror, pin: JUROR_PIN[juror]! });
  setupBytes = (await call(secretariat, 'exchange.setupPackage', { competition: 'JABAR' })).bytes;

  j1Laptop = await newLaptop('laptop-J1', 'J1');
  await enter(j1Laptop, 'J1', WORK.J1!, tick);
  await call(j1Laptop, 'evidence.add', REGISTER_PHOTO);
  await call(j1Laptop, 'scoring.finalise', { competition: 'JABAR', juror: 'J1', site: 'S01', signature: PNG, pin: '3917' });
  j1 = await exported(j1Laptop, 'J1');
  // The secretariat holds J1's first package: J1's laptop is pinned, its device and chain known.
  expect(await call(secretariat, 'exchange.apply', j1)).toMatchObject({ applied: true, device: { trust: 'first' } });
});

afterAll(() => {
  for (const core of [secretariat, ...cores]) core?.close();
  temp.cleanup();
});

describe('a score package is refused, the database byte-identical, the cause named', () => {
  it('a flipped byte in any member: the member is named as changed', async () => {
    const parts = await takeApart(j1.bytes);
    const paths = ['manifest.json', 'manifest.sig', ...parts.members.map((m) => m.path)];
    // The package holds the work, its ledger, the drawn signature, the photo and its thumbnail.
    expect(paths).toEqual([
      'manifest.json',
      'manifest.sig',
      'work.json',
      'ledger.json',
      expect.stringMatching(/^signatures\/S01-[0-9a-f]{12}\.png$/),
      `photos/${sha(PHOTO)}.jpg`,
      `thumbs/${sha(THUMB)}.thumb.jpg`,
    ]);
    const whole = Buffer.from(j1.bytes);
    const contents: Record<string, Uint8Array> = Object.fromEntries(parts.members.map((m) => [m.path, m.bytes]));
    const seen: string[] = [];
    for (const path of paths) {
      const bytes = path === 'manifest.json' || path === 'manifest.sig' ? memberInZip(whole, path) : contents[path]!;
      const at = whole.indexOf(Buffer.from(bytes));
      expect(at, path).toBeGreaterThan(0);
      expect(whole.lastIndexOf(Buffer.from(bytes)), path).toBe(at);
      const flipped = new Uint8Array(whole);
      flipped[at + Math.floor(bytes.length / 2)]! ^= 0x01;
      const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes: flipped });
      const message = said(error);
      if (path === 'manifest.json' || path === 'manifest.sig') {
        expect(error.key, path).toBe('exchange.badSignature');
        expect(message.id).toBe(
          'Paket nilai-J1.penilai ditolak: tanda tangan perangkat tidak cocok. Paket telah diubah setelah dibuat, atau bukan dari perangkat yang disebutnya.',
        );
        expect(message.en).toBe(
          "Package nilai-J1.penilai refused: the device's signature does not match. The package was changed after it was made, or it is not from the device it names.",
        );
      } else {
        expect(error.key, path).toBe('exchange.altered');
        expect(message.id).toBe(`Paket nilai-J1.penilai ditolak: berkas ${path} telah diubah atau rusak.`);
        expect(message.en).toBe(`Package nilai-J1.penilai refused: file ${path} was changed or is damaged.`);
      }
      seen.push(path);
    }
    expect(seen).toEqual(paths);
  });

  it('a truncated file, cut anywhere', async () => {
    for (const cut of [1, 100, Math.floor(j1.bytes.length / 2), j1.bytes.length - 23, j1.bytes.length - 1]) {
      const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes: j1.bytes.slice(0, cut) });
      expect(error.key, `cut at ${cut}`).toBe(cut < 4 ? 'exchange.notPackage' : 'exchange.truncated');
      if (cut >= 4)
        expect(said(error)).toEqual({
          id: 'Paket nilai-J1.penilai rusak atau terpotong (mungkin belum selesai disalin). Salin ulang dari laptop asalnya.',
          en: 'Package nilai-J1.penilai is damaged or cut short (perhaps not fully copied). Copy it again from the laptop it came from.',
        });
    }
  });

  it('a photo removed from a properly signed package', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const photo = `photos/${sha(PHOTO)}.jpg`;
    const bytes = await forge(j1.bytes, signer, (p) => {
      p.members = p.members.filter((m) => m.path !== photo);
    });
    const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes });
    expect(error.key).toBe('exchange.photoMissing');
    expect(said(error)).toEqual({
      id: `Paket nilai-J1.penilai ditolak: foto ${photo} tidak ada di dalamnya.`,
      en: `Package nilai-J1.penilai refused: photo ${photo} is missing from it.`,
    });
  });

  it('a photo added to a properly signed package', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const extra = new Uint8Array([...PHOTO, 0x00]);
    const path = `photos/${sha(extra)}.jpg`;
    const bytes = await forge(j1.bytes, signer, (p) => {
      p.members.push({ path, bytes: extra });
    });
    const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes });
    expect(error.key).toBe('exchange.photoExtra');
    expect(said(error)).toEqual({
      id: `Paket nilai-J1.penilai ditolak: berisi berkas ${path} yang bukan bagian dari penilaian.`,
      en: `Package nilai-J1.penilai refused: it holds file ${path}, which is not part of the scoring.`,
    });
  });

  it('a package of another competition with the same code', async () => {
    // Another secretariat sets up a competition coded JABAR too (its own uuid); its juror J1 scores and sends.
    const other = openTestCore(db('lain'), clock, { home: home('lain') });
    cores.push(other);
    await call(other, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
    await asSecretariat(other, 'JABAR');
    await call(other, 'session.setJurorPin', { competition: 'JABAR', juror: 'J1', pin: '3917' });
    const otherSetup = (await call(other, 'exchange.setupPackage', { competition: 'JABAR' })).bytes;
    const foreign = await laptop(db('laptop-lain'), home('laptop-lain'), otherSetup, 'J1', '3917', clock, tick);
    cores.push(foreign);
    await enter(foreign, 'J1', WORK.J1!.slice(0, 2), tick);
    const pkg = await exported(foreign, 'J1');
    const theirs = (await call(other, 'setup.get', { code: 'JABAR' })).info.uuid;
    const ours = (await call(secretariat, 'setup.get', { code: 'JABAR' })).info.uuid;
    expect(theirs).not.toBe(ours);
    const error = await refused(secretariat, SEK, pkg);
    expect(error.key).toBe('exchange.otherCompetition');
    expect(said(error)).toEqual({
      id: `Paket ${pkg.name} ditolak: paket ini milik lomba lain yang juga berkode JABAR. Minta paket dari sekretariat lomba ini.`,
      en: `Package ${pkg.name} refused: it belongs to another competition that also has the code JABAR. Ask this competition's secretariat for the package.`,
    });
  });

  it('a package signed by an unknown key for a known juror is held, then taken once the secretariat accepts the new laptop', async () => {
    // J1's laptop broke: J1 scores on another laptop (another home, another key).
    const spare = await newLaptop('laptop-J1-baru', 'J1');
    await enter(spare, 'J1', [{ site: 'S02', indicator: 'A1', value: 3 }], tick);
    const pkg = await exported(spare, 'J1');
    const fp = (await call(spare, 'exchange.identity', {})).device.fingerprint;
    const known = (await call(j1Laptop, 'exchange.identity', {})).device.fingerprint;
    // On a copy of the secretariat's database, so that the other refusals keep theirs.
    const file = db('sekretariat-kunci');
    const sek = copyDatabase(secretariat, SEK, file, SEK_HOME, clock);
    cores.push(sek);
    const error = await refused(sek, file, pkg);
    expect(error).toMatchObject({ code: 'forbidden', key: 'exchange.untrustedKey' });
    expect(said(error)).toEqual({
      id: `Paket ${pkg.name} ditahan: ditandatangani laptop baru (sidik jari ${fp}), bukan laptop juri J1 yang dikenal (${known}). Cocokkan sidik jari dengan juri, lalu terima laptop baru ini.`,
      en: `Package ${pkg.name} held: it is signed by a new laptop (fingerprint ${fp}), not juror J1's known laptop (${known}). Compare the fingerprint with the juror, then accept the new laptop.`,
    });
    // Another fingerprint than the package's accepts nothing.
    expect((await refused(sek, file, pkg, known)).key).toBe('exchange.untrustedKey');
    // The right one, but outside the secretariat's session: accepting a juror's new laptop is the secretariat's.
    expect((await refused(sek, file, pkg, fp)).key).toBe('session.secretariatForLaptop');
    await asSecretariat(sek, 'JABAR');
    const plan = await call(sek, 'exchange.apply', { ...pkg, acceptKey: fp });
    expect(plan).toMatchObject({ applied: true, device: { id: spare.deps.identity.id, fingerprint: fp, trust: 'accepted' } });
    const board = await call(sek, 'exchange.board', { competition: 'JABAR' });
    const row = board.jurors.find((r) => r.juror === 'J1')!;
    expect(row.devices.map((d) => [d.id, d.fingerprint])).toEqual([
      [j1Laptop.deps.identity.id, known],
      [spare.deps.identity.id, fp],
    ]);
    expect(row.lastPackage).toMatchObject({ device: spare.deps.identity.id, fingerprint: fp });
    // The acceptance is in the history, and the new laptop's next package needs no acceptance.
    const trust = sek.db.prepare(`SELECT juror, actor FROM history WHERE kind = 'exchange.trust'`).all();
    expect(trust).toEqual([{ juror: 'J1', actor: 'sekretariat' }]);
    await call(spare, 'scoring.setScore', { competition: 'JABAR', juror: 'J1', site: 'S02', indicator: 'A2', value: 3 });
    const next = await exported(spare, 'J1');
    expect((await call(sek, 'exchange.apply', next)).device.trust).toBe('pinned');
  });

  it('a package from a newer format names the version', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const parts = await takeApart(j1.bytes);
    const files = parts.members.map((m) => ({ path: m.path, sha256: sha(m.bytes), size: m.bytes.length }));
    const manifest = new TextEncoder().encode(canonicalJson({ ...parts.manifest, format: 'penilai.package/2', files }));
    const bytes = await zipOf([
      { path: 'manifest.json', bytes: manifest },
      { path: 'manifest.sig', bytes: signer.sign(manifest) },
      ...parts.members,
    ]);
    const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes });
    expect(error.key).toBe('exchange.newerFormat');
    expect(said(error)).toEqual({
      id: 'Paket nilai-J1.penilai dibuat oleh Penilai yang lebih baru (format penilai.package/2). Perbarui Penilai untuk membukanya.',
      en: 'Package nilai-J1.penilai was made by a newer Penilai (format penilai.package/2). Update Penilai to open it.',
    });
  });

  it('a package whose juror is not eligible for a cell: J2 scores aspect B on a laptop whose setup was changed', async () => {
    const j2 = await newLaptop('laptop-J2', 'J2');
    // On the laptop, someone with the secretariat's PIN gives J2 every aspect; J2 then scores B1 at S01.
    await call(j2, 'session.enterSecretariat', { competition: 'JABAR', pin: '7391' });
    const detail = await call(j2, 'setup.get', { code: 'JABAR' });
    await call(j2, 'setup.save', {
      code: 'JABAR',
      competition: detail.info,
      sites: detail.sites,
      jurors: detail.jurors.map(({ aspects: _aspects, ...j }) => j),
    });
    await call(j2, 'session.enter', { competition: 'JABAR', juror: 'J2', pin: '4826' });
    await enter(
      j2,
      'J2',
      [
        { site: 'S01', indicator: 'A1', value: 5 },
        { site: 'S01', indicator: 'B1', value: 3 },
      ],
      tick,
    );
    const pkg = await exported(j2, 'J2');
    const error = await refused(secretariat, SEK, pkg);
    expect(error.key).toBe('exchange.notEligible');
    expect(said(error)).toEqual({
      id: `Paket ${pkg.name} ditolak: juri J2 tidak berhak menilai S01 indikator B1 (aspek tidak ditugaskan atau juri dikecualikan dari lokasi ini).`,
      en: `Package ${pkg.name} refused: juror J2 may not score S01 indicator B1 (aspect not assigned, or the juror is recused from this site).`,
    });
  });

  it("a package of a recused site: J3's entries for S02 forged and signed again with the laptop's key", async () => {
    const j3 = await newLaptop('laptop-J3', 'J3');
    await enter(j3, 'J3', WORK.J3!, tick);
    const pkg = await exported(j3, 'J3');
    const signer = openIdentity(home('laptop-J3'));
    const bytes = await forge(pkg.bytes, signer, (p) => {
      const chain = ledger(p);
      const i = chain.entries.findIndex((e) => isFullEntry(e) && e.site === 'S03');
      (chain.entries[i] as PackageEntry).site = 'S02';
      relink(p, chain, i);
      const w = work(p);
      w.cells = w.cells.map((c) => (c.site === 'S03' ? { ...c, site: 'S02' } : c));
      w.sheets = w.sheets.map((s) => (s.site === 'S03' ? { ...s, site: 'S02' } : s));
      setMemberJson(p, 'work.json', w);
    });
    const error = await refused(secretariat, SEK, { name: pkg.name, bytes });
    expect(error.key).toBe('exchange.notEligible');
    expect(said(error).en).toBe(
      `Package ${pkg.name} refused: juror J3 may not score S02 indicator B1 (aspect not assigned, or the juror is recused from this site).`,
    );
  });

  it('an older instrument: the secretariat moved the competition to a new version after the setup package went out', async () => {
    const file = db('sekretariat-instrumen');
    const sek = copyDatabase(secretariat, SEK, file, SEK_HOME, clock);
    cores.push(sek);
    await call(sek, 'session.enterSecretariat', { competition: 'JABAR', pin: '7391' });
    const detail = await call(sek, 'setup.get', { code: 'JABAR' });
    const edited = structuredClone(detail.instrument);
    edited.aspects[0]!.indicators[0]!.name = 'Dokumen administrasi';
    const moved = await call(sek, 'setup.saveInstrument', { competition: 'JABAR', instrument: edited, asNewVersion: true });
    expect(moved.version).toBe(detail.instrument.version + 1);
    await call(j1Laptop, 'scoring.reopen', { competition: 'JABAR', juror: 'J1', site: 'S01', reason: 'Foto kurang jelas' });
    const pkg = await exported(j1Laptop, 'J1');
    const error = await refused(sek, file, pkg);
    expect(error.key).toBe('exchange.instrumentMismatch');
    const { code, version } = detail.instrument;
    expect(said(error)).toEqual({
      id: `Paket ${pkg.name} ditolak: dinilai dengan instrumen ${code} v${version}, sedangkan lomba ini memakai ${code} v${version + 1}. Perbarui laptop juri dengan paket persiapan terbaru, lalu kirim ulang.`,
      en: `Package ${pkg.name} refused: it was scored on instrument ${code} v${version}, while this competition uses ${code} v${version + 1}. Update the juror's laptop with the latest setup package, then send again.`,
    });
  });

  it('a device id the secretariat knows with another key', async () => {
    // A home that claims J1's laptop's device id with a key of its own.
    const clone = home('tiruan');
    const fresh = openIdentity(clone);
    const info = { format: 'penilai.device/1', id: j1Laptop.deps.identity.id, publicKey: fresh.publicKey, created: clock().toISOString() };
    mkdirSync(clone, { recursive: true });
    writeFileSync(join(clone, 'device.json'), JSON.stringify(info));
    const core = await laptop(db('laptop-tiruan'), clone, setupBytes, 'J1', '3917', clock, tick);
    cores.push(core);
    expect(core.deps.identity.id).toBe(j1Laptop.deps.identity.id);
    await enter(core, 'J1', [{ site: 'S02', indicator: 'A1', value: 1 }], tick);
    const pkg = await exported(core, 'J1');
    const fp = (await call(core, 'exchange.identity', {})).device.fingerprint;
    const error = await refused(secretariat, SEK, pkg);
    expect(error.key).toBe('exchange.deviceKeyChanged');
    expect(said(error)).toEqual({
      id: `Paket ${pkg.name} ditolak: laptop ini dikenal dengan kunci lain, bukan ${fp}. Paket mungkin dipalsukan.`,
      en: `Package ${pkg.name} refused: this laptop is known by another key, not ${fp}. The package may be forged.`,
    });
  });

  it('a chain whose entry was rewritten: broken where it was changed, or, rehashed whole, different from what the secretariat holds', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const first = ledger(await takeApart(j1.bytes)).entries.findIndex((e) => isFullEntry(e) && e.kind === 'score');
    const seq = first + 1;
    const rewrite = (rehash: boolean) =>
      forge(j1.bytes, signer, (p) => {
        const chain = ledger(p);
        const entry = chain.entries[first] as PackageEntry;
        expect(entry).toMatchObject({ site: 'S01', indicator: 'A1', newValue: 4 });
        entry.newValue = 5;
        if (rehash) relink(p, chain, first);
        else setMemberJson(p, 'ledger.json', chain);
        // The work says what the rewritten entry says, so that only the chain can tell.
        const w = work(p);
        w.cells = w.cells.map((c) => (c.site === 'S01' && c.indicator === 'A1' ? { ...c, value: 5 } : c));
        setMemberJson(p, 'work.json', w);
      });
    const broken = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes: await rewrite(false) });
    expect(broken).toMatchObject({ key: 'exchange.chainBroken', params: { seq } });
    expect(said(broken)).toEqual({
      id: `Paket nilai-J1.penilai ditolak: riwayat di dalamnya tidak utuh pada nomor ${seq} (diubah atau terpotong).`,
      en: `Package nilai-J1.penilai refused: its history is broken at entry ${seq} (changed or cut short).`,
    });
    const forked = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes: await rewrite(true) });
    expect(forked).toMatchObject({ key: 'exchange.chainForked', params: { seq } });
    expect(said(forked)).toEqual({
      id: `Paket nilai-J1.penilai ditolak: riwayat nomor ${seq} berbeda dari yang sudah diterima dari laptop yang sama sebelumnya.`,
      en: `Package nilai-J1.penilai refused: history entry ${seq} differs from the one received earlier from the same laptop.`,
    });
  });

  it('a work.json that disagrees with its ledger', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const bytes = await forge(j1.bytes, signer, (p) => {
      const w = work(p);
      w.cells = w.cells.map((c) => (c.site === 'S02' && c.indicator === 'A2' ? { ...c, value: 5 } : c));
      setMemberJson(p, 'work.json', w);
    });
    const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes });
    expect(error.key).toBe('exchange.workMismatch');
    expect(said(error)).toEqual({
      id: 'Paket nilai-J1.penilai ditolak: nilai S02 indikator A2 tidak sesuai dengan riwayatnya.',
      en: 'Package nilai-J1.penilai refused: the scores of S02 indicator A2 do not match their history.',
    });
  });

  it('a member that is not valid UTF-8, or not JSON, even signed by the laptop', async () => {
    const signer = openIdentity(home('laptop-J1'));
    // A byte that is not UTF-8 inside the photo's name (read leniently, it would be another name), and a cut JSON.
    const original = (await takeApart(j1.bytes)).members.find((m) => m.path === 'work.json')!.bytes;
    const at = Buffer.from(original).indexOf('register.jpg') + 'register'.length;
    const invalid = new Uint8Array([...original.subarray(0, at), 0xff, ...original.subarray(at)]);
    for (const [member, bytes] of [
      ['work.json', invalid],
      ['ledger.json', new TextEncoder().encode('{"chain": ')],
    ] as const) {
      const forged = await forge(j1.bytes, signer, (p) => {
        p.members.find((m) => m.path === member)!.bytes = bytes;
      });
      const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes: forged });
      expect(error.key).toBe('exchange.badMember');
      expect(said(error)).toEqual({
        id: `Paket nilai-J1.penilai ditolak: isi berkas ${member} tidak dapat dibaca.`,
        en: `Package nilai-J1.penilai refused: file ${member} cannot be read.`,
      });
    }
  });

  it('a work.json holding what no entry wrote: a note, answers on a plain score, a cell, a time of finalising, a photo', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const other = new Uint8Array([...PHOTO, 0x01]);
    const forgeries: [string, (w: PackageWork, p: Parts) => void, string, string][] = [
      ['a note', (w) => (w.cells.find((c) => c.site === 'S02' && c.indicator === 'A1')!.note = 'Ditambahkan kemudian'), 'S02', 'A1'],
      ['answers on a plain score', (w) => (w.cells.find((c) => c.site === 'S03' && c.indicator === 'A2')!.answers = []), 'S03', 'A2'],
      ['a cell', (w) => (w.cells = w.cells.filter((c) => !(c.site === 'S03' && c.indicator === 'B1'))), 'S03', 'B1'],
      ['another cell', (w) => w.cells.push({ site: 'S02', indicator: 'X9', value: 5, note: null, answers: null }), 'S02', 'X9'],
      ['a time of finalising', (w) => (w.sheets.find((s) => s.site === 'S01')!.finalisedAt = '2026-09-01T00:00:00.000Z'), 'S01', '—'],
      ['a sheet never written on', (w) => w.sheets.push({ site: 'S09', finalisedAt: null, signature: null }), 'S09', '—'],
      [
        'a photo',
        (w, p) => {
          w.photos.push({
            ...w.photos[0]!,
            uuid: '0b9d2c6e-8f3a-4d1b-9c7e-5a4f3e2d1c0b',
            site: 'S02',
            sha256: sha(other),
            size: other.length,
          });
          p.members.push({ path: `photos/${sha(other)}.jpg`, bytes: other });
        },
        'S02',
        'A1',
      ],
      ['the size of a photo', (w) => (w.photos[0]!.size += 1), 'S01', 'A1'],
    ];
    for (const [what, change, site, indicator] of forgeries) {
      const bytes = await forge(j1.bytes, signer, (p) => {
        const w = work(p);
        change(w, p);
        setMemberJson(p, 'work.json', w);
      });
      const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes });
      expect(error, what).toMatchObject({ key: 'exchange.workMismatch', params: { site, indicator } });
    }
  });

  it('a manifest naming another instrument version than the one it was scored on, signed again', async () => {
    const signer = openIdentity(home('laptop-J1'));
    const bytes = await forge(j1.bytes, signer, (p) => {
      p.manifest.instrument = { ...p.manifest.instrument, version: p.manifest.instrument.version + 1 };
    });
    const error = await refused(secretariat, SEK, { name: 'nilai-J1.penilai', bytes });
    const { code, version } = JURY_COMPETITION.instrument;
    expect(error).toMatchObject({
      key: 'exchange.instrumentMismatch',
      params: { found: `${code} v${version + 1}`, expected: `${code} v${version}` },
    });
  });
});

/** A member's bytes as they lie in the zip (stored): found between its local header and the next one. */
function memberInZip(zip: Buffer, path: string): Uint8Array {
  const name = Buffer.from(path);
  let at = 0;
  while ((at = zip.indexOf(Buffer.from('PK\x03\x04', 'latin1'), at)) >= 0) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const size = zip.readUInt32LE(at + 18);
    if (zip.subarray(at + 30, at + 30 + nameLength).equals(name)) {
      const start = at + 30 + nameLength + extraLength;
      return zip.subarray(start, start + size);
    }
    at += 4;
  }
  throw new Error(`${path} not in the zip`);
}
