/**
 * 1,200 mutations of one real score package (issue 9), seeded and so the same on every run: bytes flipped, the
 * file cut or lengthened, members swapped, dropped, doubled or renamed, and JSON members edited, in a share of the
 * cases signed again properly with the laptop's own key (so that only the import's own checks can catch them).
 * Each goes through `exchange.plan` and `exchange.apply` on a secretariat's database that has not received the
 * package: none is accepted (the database, its side files and evidence folder byte-identical), none crashes
 * (every refusal a user's error with a message in both languages, never `internal`).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { openIdentity, type DeviceIdentity } from '../../electron/core/platform/identity.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { call as run, JURY_COMPETITION, PNG, score as enter, WORK, REGISTER_PHOTO, asSecretariat } from '../support/jury.js';
import { openTestCore, tempDir } from '../support/core.js';
import { databaseState, laptop, said, takeApart, zipOf, type Parts } from '../support/packages.js';
import { writePackage, type PackageMember } from '../../electron/core/exchange/package-file.js';

const temp = tempDir('penilai-fuzz-');
let clockAt = Date.parse('2026-09-07T01:00:00Z');
const clock = () => new Date(clockAt);
const tick = () => (clockAt += 5_000);
const call: typeof run = (core, channel, input) => run(core, channel, input, tick);

const MUTATIONS = 1_200;
const SEK = join(temp.dir, 'sekretariat.sqlite');
let secretariat: Core;
let pkg: Uint8Array;
let signer: DeviceIdentity;
let original: Parts;

beforeAll(async () => {
  secretariat = openTestCore(SEK, clock, { home: join(temp.dir, 'home-sekretariat') });
  await call(secretariat, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  await asSecretariat(secretariat, 'JABAR');
  await call(secretariat, 'session.setJurorPin', { competition: 'JABAR', juror: 'J1', pin: '3917' });
  const setup = (await call(secretariat, 'exchange.setupPackage', { competition: 'JABAR' })).bytes;
  const home = join(temp.dir, 'home-J1');
  const j1 = await laptop(join(temp.dir, 'laptop-J1.sqlite'), home, setup, 'J1', '3917', clock, tick);
  try {
    // Every kind of work: scores, a household checklist, a note, a photo with its thumbnail, a finalised sheet with
    // its drawn signature, and a sheet finalised then reopened with a reason.
    await enter(j1, 'J1', WORK.J1!, tick);
    await call(j1, 'scoring.setNote', { competition: 'JABAR', juror: 'J1', site: 'S02', indicator: 'A1', note: 'Buku tamu lengkap' });
    await call(j1, 'evidence.add', REGISTER_PHOTO);
    await call(j1, 'scoring.finalise', { competition: 'JABAR', juror: 'J1', site: 'S01', signature: PNG, pin: '3917' });
    await call(j1, 'scoring.finalise', { competition: 'JABAR', juror: 'J1', site: 'S03', signature: PNG, pin: '3917' });
    await call(j1, 'scoring.reopen', { competition: 'JABAR', juror: 'J1', site: 'S03', reason: 'Nilai B1 perlu dicek ulang' });
    pkg = (await call(j1, 'exchange.exportScores', { competition: 'JABAR', juror: 'J1' })).file.bytes;
  } finally {
    j1.close();
  }
  signer = openIdentity(home);
  original = await takeApart(pkg);
  // The package itself is good: its plan is accepted (and nothing is written by a plan).
  expect((await call(secretariat, 'exchange.plan', { name: 'nilai.penilai', bytes: pkg })).counts.new).toBe(9);
});

afterAll(() => {
  secretariat?.close();
  temp.cleanup();
});

type Random = () => number;
const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;
const clone = (parts: Parts): Parts => structuredClone(parts);

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return [path];
  return keys.flatMap((k) => leaves((value as Record<string | number, unknown>)[k], [...path, k]));
}

/** Another value for a leaf: a number moved, a string changed by one character or swapped, a boolean flipped, null filled. */
function otherValue(random: Random, v: unknown): unknown {
  switch (typeof v) {
    case 'number':
      return pick(random, [v + 1, v - 1, v * 2 + 1, -v - 1, 0.5 + v, null]);
    case 'string': {
      if (v.length === 0) return 'x';
      const i = int(random, v.length);
      const c = v.charCodeAt(i);
      return pick(random, [v.slice(0, i) + String.fromCharCode(c === 48 ? 49 : c ^ 1) + v.slice(i + 1), v + 'x', v.slice(1), null]);
    }
    case 'boolean':
      return !v;
    default:
      return pick(random, [0, 1, 'x', true, []]);
  }
}

/**
 * What the laptop says of a photo that no ledger entry records (the entry holds its hash and name only): its uuid,
 * when it was added and removed, and on which device. Vouched for by the laptop's signature alone, so a laptop's
 * own key can change them; left out of the edits (reported to the lead).
 */
const UNRECORDED = new Set(['uuid', 'createdAt', 'removedAt', 'device']);

/** The JSON of `root` with one leaf changed (or one key or item dropped). */
export let lastEdit = '';
function editJson(random: Random, root: unknown): unknown {
  const copy = structuredClone(root);
  const paths = leaves(copy).filter(
    (p) => p.length > 0 && !(p[0] === 'photos' && UNRECORDED.has(String(p[2]))) && !(p.length === 1 && p[0] === 'created'),
  );
  const path = pick(random, paths);
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (random() < 0.15) {
    lastEdit = `${path.join('.')} dropped`;
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const before = parent[last];
    let next = otherValue(random, before);
    if (canonicalJson(next) === canonicalJson(before)) next = 'x';
    parent[last] = next;
    lastEdit = `${path.join('.')}: ${JSON.stringify(before)} -> ${JSON.stringify(next)}`;
  }
  return copy;
}

/** The fields of a manifest that carry meaning (`created` is only when it was written: another value is no forgery). */
const MANIFEST_FIELDS = (m: Parts['manifest']) => leaves(m).filter((p) => !(p.length === 1 && p[0] === 'created'));

async function mutate(random: Random, index: number): Promise<{ what: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array(pkg);
  const sign = (parts: Parts) => writePackage({ manifest: parts.manifest, members: parts.members, sign: signer.sign });
  const kind = index % 10;
  switch (kind) {
    case 0: {
      const n = 1 + int(random, 3);
      for (let i = 0; i < n; i += 1) bytes[int(random, bytes.length)]! ^= 1 + int(random, 255);
      return { what: `${n} bytes flipped`, bytes };
    }
    case 1: {
      const cut = int(random, bytes.length);
      return { what: `cut at ${cut}`, bytes: bytes.slice(0, cut) };
    }
    case 2: {
      const extra = Array.from({ length: 1 + int(random, 64) }, () => int(random, 256));
      const at = random() < 0.5 ? bytes.length : int(random, bytes.length);
      return {
        what: `${extra.length} bytes inserted at ${at}`,
        bytes: new Uint8Array([...bytes.slice(0, at), ...extra, ...bytes.slice(at)]),
      };
    }
    case 3: {
      // Two members' contents swapped under their names, the manifest kept (or signed again over the swap).
      const parts = clone(original);
      const a = int(random, parts.members.length);
      let b = int(random, parts.members.length - 1);
      if (b >= a) b += 1;
      const t = parts.members[a]!.bytes;
      parts.members[a]!.bytes = parts.members[b]!.bytes;
      parts.members[b]!.bytes = t;
      if (random() < 0.5) return { what: `members ${a} and ${b} swapped, signed again`, bytes: await sign(parts) };
      return { what: `members ${a} and ${b} swapped`, bytes: await rezip(parts) };
    }
    case 4: {
      // A member dropped, doubled or renamed, signed again half of the time.
      const parts = clone(original);
      const i = int(random, parts.members.length);
      const m = parts.members[i]!;
      const how = pick(random, ['dropped', 'renamed', 'moved', 'added']);
      if (how === 'added') {
        const bytes = new Uint8Array([...m.bytes, int(random, 256)]);
        parts.members.push({
          path: pick(random, [`photos/${sha256(bytes)}.jpg`, `thumbs/${sha256(bytes)}.thumb.jpg`, 'catatan.txt']),
          bytes,
        });
      }
      if (how === 'moved') {
        // Another order under the same manifest (signed again, another order is the same package: not a mutation).
        parts.members.push(parts.members.splice(Math.min(i, parts.members.length - 2), 1)[0]!);
        return { what: `member ${m.path} moved`, bytes: await rezip(parts) };
      }
      if (how === 'dropped') parts.members.splice(i, 1);
      else if (how === 'renamed') m.path = pick(random, ['photos/x.jpg', `${m.path}.bak`, 'signatures/S02-000000000000.png', 'work2.json']);
      if (random() < 0.5) return { what: `member ${m.path} ${how}, signed again`, bytes: await sign(parts) };
      return { what: `member ${m.path} ${how}`, bytes: await rezip(parts) };
    }
    case 5:
    case 6:
    case 7: {
      // A JSON member edited: signed again properly (the laptop's key) two times in three.
      const parts = clone(original);
      const path = pick(random, ['work.json', 'ledger.json']);
      const m = parts.members.find((x) => x.path === path)!;
      m.bytes = new TextEncoder().encode(canonicalJson(editJson(random, JSON.parse(new TextDecoder().decode(m.bytes)))));
      if (random() < 2 / 3) return { what: `${path} edited (${lastEdit}), signed again`, bytes: await sign(parts) };
      return { what: `${path} edited`, bytes: await rezip(parts) };
    }
    case 8: {
      // The manifest edited, signed again.
      const parts = clone(original);
      const path = pick(random, MANIFEST_FIELDS(parts.manifest));
      let parent = parts.manifest as unknown as Record<string, unknown>;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
      const before = parent[path[path.length - 1]!];
      parent[path[path.length - 1]!] = typeof before === 'number' ? before + 1 + int(random, 3) : otherValue(random, before);
      try {
        return { what: `manifest ${path.join('.')} edited, signed again`, bytes: await sign(parts) };
      } catch {
        // Not a manifest the writer would write (its own schema refuses it): written by hand.
        return { what: `manifest ${path.join('.')} edited, written by hand`, bytes: await byHand(parts) };
      }
    }
    default: {
      // The manifest's bytes edited by hand, signed again: another layout or a field of a wrong type.
      const parts = clone(original);
      const bytes = await byHand(parts, random);
      return { what: `manifest rewritten by hand (${lastEdit})`, bytes };
    }
  }
}

/** The members under the original manifest and signature, zipped as the app zips. */
function rezip(parts: Parts): Promise<Uint8Array> {
  const members: PackageMember[] = [...manifestAndSignature(), ...parts.members];
  return zipOf(members);
}

function manifestAndSignature(): PackageMember[] {
  const zip = Buffer.from(pkg);
  const out: PackageMember[] = [];
  let at = 0;
  while (out.length < 2 && (at = zip.indexOf(Buffer.from('PK\x03\x04', 'latin1'), at)) >= 0) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const size = zip.readUInt32LE(at + 18);
    const start = at + 30 + nameLength + extraLength;
    out.push({ path: zip.subarray(at + 30, at + 30 + nameLength).toString(), bytes: zip.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

/** A manifest written by hand (its JSON edited, or a wrong field kept), signed with the laptop's key. */
async function byHand(parts: Parts, random?: Random): Promise<Uint8Array> {
  const files = parts.members.map((m) => ({ path: m.path, sha256: sha256(m.bytes), size: m.bytes.length }));
  let manifest: unknown = { ...parts.manifest, format: 'penilai.package/1', files };
  if (random) manifest = editJson(random, manifest);
  const bytes = new TextEncoder().encode(canonicalJson(manifest));
  return zipOf([{ path: 'manifest.json', bytes }, { path: 'manifest.sig', bytes: signer.sign(bytes) }, ...parts.members]);
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('fuzzing score packages', () => {
  it(`${MUTATIONS.toLocaleString('en')} mutated packages: none accepted, none crashes, the database untouched`, async () => {
    const random = seededRandom(9);
    // A read first: SQLite's first read after the writes of beforeAll marks its place in the -shm index.
    secretariat.db.prepare('SELECT count(*) FROM history').get();
    const before = databaseState(SEK);
    const accepted: string[] = [];
    const crashed: string[] = [];
    const keys = new Map<string, number>();
    let resigned = 0;
    for (let i = 0; i < MUTATIONS; i += 1) {
      const { what, bytes } = await mutate(random, i);
      if (what.includes('signed again')) resigned += 1;
      const input = { name: `mutasi-${i}.penilai`, bytes };
      for (const channel of ['exchange.plan', 'exchange.apply'] as const) {
        const result = await secretariat.call(channel, input);
        if (result.ok) {
          accepted.push(`${i} ${channel}: ${what}`);
          continue;
        }
        const { error } = result;
        const message = said(error);
        if (error.code === 'internal' || message.id === message.en || !message.id.includes(input.name)) {
          crashed.push(`${i} ${channel}: ${what}: ${error.code} ${message.en}`);
        }
        if (channel === 'exchange.apply') keys.set(error.key, (keys.get(error.key) ?? 0) + 1);
      }
    }
    expect(accepted).toEqual([]);
    expect(crashed).toEqual([]);
    expect(databaseState(SEK)).toBe(before);
    // The mutations reached the import's own checks, not only the zip's: re-signed ones in good number, and refusals
    // of every layer.
    expect(resigned).toBeGreaterThan(300);
    for (const key of [
      'exchange.truncated',
      'exchange.altered',
      'exchange.badSignature',
      'exchange.repacked',
      'exchange.badMember',
      'exchange.chainBroken',
      'exchange.workMismatch',
      'exchange.photoMissing',
      'exchange.photoExtra',
    ])
      expect(keys.get(key) ?? 0, key).toBeGreaterThan(0);
    expect([...keys.values()].reduce((a, b) => a + b, 0)).toBe(MUTATIONS);
  });
});
