/**
 * The `.penilai` package (contract.md section 5): written with a real device identity and read back exactly; every
 * change to it refused with the message naming the member and the cause; 1,000 seeded random mutations of a valid
 * package, none accepted and none failing with anything but a user's message; `package inspect` on the command line.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, openIdentity } from '../../electron/core/platform/identity.js';
import { readPackage, writePackage, type PackageMember } from '../../electron/core/exchange/package-file.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { UserError } from '../../shared/domain/errors.js';
import type { PackageManifestDraft } from '../../shared/domain/package.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-exchange-');
afterAll(() => temp.cleanup());

const identity = openIdentity(join(temp.dir, 'home-a'));
const other = openIdentity(join(temp.dir, 'home-b'));

const draft: PackageManifestDraft = {
  kind: 'scores',
  competition: { uuid: '3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10', code: 'P2WKSS-JABAR-2026' },
  instrument: { code: 'P2WKSS', version: 3, sha256: 'a'.repeat(64) },
  device: { id: identity.id, publicKey: identity.publicKey },
  juror: 'J01',
  entries: { chain: identity.id, from: 1, to: 42, head: 'b'.repeat(64) },
  created: '2026-08-01T09:30:00.000Z',
};
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const members: PackageMember[] = [
  { path: 'scores.json', bytes: text('[{"site":"S01","indicator":"1.1","value":4}]') },
  { path: 'photos/0a1b2c.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]) },
];
const original = await writePackage({ manifest: draft, members, sign: identity.sign });

/** A zip laid out as the app lays it out, of any members (manifest and signature included), to forge packages. */
function zip(entries: PackageMember[], compress = false): Promise<Uint8Array> {
  const file = new yazl.ZipFile();
  for (const e of entries) {
    file.addBuffer(Buffer.from(e.bytes), e.path, { mtime: new Date(2000, 0, 1), mode: 0o100644, compress, forceDosTimestamp: true });
  }
  file.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (c: Buffer) => chunks.push(c));
    file.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

const manifestBytes = text(
  canonicalJson({
    ...draft,
    format: 'penilai.package/1',
    files: [
      { path: 'scores.json', sha256: '', size: 0 },
      { path: 'photos/0a1b2c.jpg', sha256: '', size: 0 },
    ].map((f, i) => ({ ...f, ...fileOf(members[i]!) })),
  }),
);
/** A member's entry in the manifest, computed with node:crypto directly rather than the app's own helper. */
function fileOf(m: PackageMember): { sha256: string; size: number } {
  return { sha256: createHash('sha256').update(m.bytes).digest('hex'), size: m.bytes.length };
}

/** The package's members as the app wrote them, manifest and signature first. */
function parts(): PackageMember[] {
  return [{ path: 'manifest.json', bytes: manifestBytes }, { path: 'manifest.sig', bytes: identity.sign(manifestBytes) }, ...members];
}

async function refusal(bytes: Uint8Array): Promise<{ key: string; params: Record<string, unknown>; id: string }> {
  try {
    await readPackage(bytes, 'nilai-J01.penilai');
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { key: error.key, params: error.params, id: error.describe('id') };
  }
  throw new Error('accepted');
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x20;
  return copy;
}

describe('a package', () => {
  it('is read back exactly as it was written, with the signed manifest listing every member', async () => {
    expect(Buffer.from(await zip(parts())).equals(Buffer.from(original))).toBe(true);
    const read = await readPackage(original, 'nilai-J01.penilai');
    expect(read.manifest).toEqual({
      ...draft,
      format: 'penilai.package/1',
      files: [
        { path: 'scores.json', ...fileOf(members[0]!) },
        { path: 'photos/0a1b2c.jpg', size: 11, sha256: fileOf(members[1]!).sha256 },
      ],
    });
    expect(read.members.map((m) => [m.path, Buffer.from(m.bytes).toString('hex')])).toEqual(
      members.map((m) => [m.path, Buffer.from(m.bytes).toString('hex')]),
    );
  });

  it('is refused when any member is altered, naming the member', async () => {
    for (const [i, member] of members.entries()) {
      const altered = parts().map((p) => (p.path === member.path ? { ...p, bytes: flip(p.bytes, p.bytes.length - 1) } : p));
      expect(await refusal(await zip(altered))).toMatchObject({ key: 'exchange.altered', params: { member: members[i]!.path } });
    }
    const [manifest, sig, ...rest] = parts();
    const changedManifest = text(new TextDecoder().decode(manifest!.bytes).replace('"to":42', '"to":43'));
    expect((await refusal(await zip([{ ...manifest!, bytes: changedManifest }, sig!, ...rest]))).key).toBe('exchange.badSignature');
    expect((await refusal(await zip([{ ...manifest!, bytes: flip(manifest!.bytes, 0) }, sig!, ...rest]))).key).toBe('exchange.badManifest');
    const refused = await refusal(await zip([manifest!, { ...sig!, bytes: flip(sig!.bytes, 10) }, ...rest]));
    expect(refused.id).toBe(
      'Paket nilai-J01.penilai ditolak: tanda tangan perangkat tidak cocok. Paket telah diubah setelah dibuat, atau bukan dari perangkat yang disebutnya.',
    );
  });

  it('is refused when signed by another key than the one it names', async () => {
    const [manifest, , ...rest] = parts();
    expect((await refusal(await zip([manifest!, { path: 'manifest.sig', bytes: other.sign(manifest!.bytes) }, ...rest]))).key).toBe(
      'exchange.badSignature',
    );
    const claimsOther = await writePackage({
      manifest: { ...draft, device: { id: other.id, publicKey: other.publicKey } },
      members,
      sign: identity.sign,
    });
    expect((await refusal(claimsOther)).key).toBe('exchange.badSignature');
  });

  it('is refused when truncated, not a zip, or a member is missing or extra', async () => {
    expect(await refusal(original.subarray(0, original.length - 30))).toMatchObject({ key: 'exchange.truncated' });
    expect((await refusal(original.subarray(0, 100))).key).toBe('exchange.truncated');
    expect((await refusal(text('bukan paket'))).id).toBe('Berkas nilai-J01.penilai bukan paket Penilai (.penilai).');
    const whole = parts();
    expect(await refusal(await zip(whole.filter((p) => p.path !== 'photos/0a1b2c.jpg')))).toMatchObject({
      key: 'exchange.missing',
      params: { member: 'photos/0a1b2c.jpg' },
    });
    expect(await refusal(await zip(whole.filter((p) => p.path !== 'manifest.sig')))).toMatchObject({
      key: 'exchange.missing',
      params: { member: 'manifest.sig' },
    });
    const extra = await refusal(await zip([...whole, { path: 'notes.txt', bytes: text('x') }]));
    expect(extra.id).toBe('Paket nilai-J01.penilai ditolak: berisi berkas notes.txt yang tidak tercantum di daftar isinya.');
    expect(await refusal(await zip([...whole, whole[2]!]))).toMatchObject({ key: 'exchange.duplicate', params: { member: 'scores.json' } });
  });

  it('is refused when a member name leaves the package', async () => {
    for (const path of ['../evil.txt', 'photos/../../evil.txt', '/etc/passwd', 'photos\\evil.txt', 'C:/evil.txt']) {
      // yazl refuses to write such a name, so it is written as a placeholder of the same length and put in by hand.
      const placeholder = 'q'.repeat(path.length);
      const forged = Buffer.from(await zip([...parts(), { path: placeholder, bytes: text('x') }]));
      for (let at = forged.indexOf(placeholder); at >= 0; at = forged.indexOf(placeholder, at + 1)) forged.write(path, at, 'latin1');
      expect(await refusal(forged)).toMatchObject({ key: 'exchange.badPath', params: { member: JSON.stringify(path) } });
    }
  });

  it('is refused when made by a newer Penilai, naming the format', async () => {
    const newer = text(new TextDecoder().decode(manifestBytes).replace('penilai.package/1', 'penilai.package/2'));
    const refused = await refusal(
      await zip([{ path: 'manifest.json', bytes: newer }, { path: 'manifest.sig', bytes: identity.sign(newer) }, ...members]),
    );
    expect(refused.key).toBe('exchange.newerFormat');
    expect(refused.id).toBe(
      'Paket nilai-J01.penilai dibuat oleh Penilai yang lebih baru (format penilai.package/2). Perbarui Penilai untuk membukanya.',
    );
  });

  it('is refused when repacked by another zip tool, its members intact', async () => {
    expect((await refusal(await zip(parts(), true))).key).toBe('exchange.repacked');
  });

  it('is refused when a member is over 100 MB, before it is read', async () => {
    const huge = { path: 'photos/huge.jpg', bytes: new Uint8Array(100 * 1024 * 1024 + 1) };
    expect(await refusal(await zip([...parts(), huge], true))).toMatchObject({
      key: 'exchange.tooLarge',
      params: { member: 'photos/huge.jpg', limit: 100 },
    });
  });

  it('is refused when its members declare more than 2 GB together, before any is read', async () => {
    // 21 small compressed members, each declaring 100 MB in the zip's directory (as a zip bomb would).
    const forged = Buffer.from(
      await zip([...parts(), ...Array.from({ length: 21 }, (_, i) => ({ path: `photos/p${i}.jpg`, bytes: text('z'.repeat(1000)) }))], true),
    );
    let seen = 0;
    for (let at = forged.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = forged.indexOf('PK\x01\x02', at + 1, 'latin1')) {
      if (forged.toString('latin1', at + 46, at + 54) === 'photos/p') {
        forged.writeUInt32LE(100 * 1024 * 1024, at + 24);
        seen++;
      }
    }
    expect(seen).toBe(21);
    expect(await refusal(forged)).toMatchObject({ key: 'exchange.totalTooLarge', params: { limit: 2048 } });
  });

  it('survives 1,000 seeded random mutations: every one refused with a user message', async () => {
    const random = seededRandom(9);
    const keys = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const kind = i % 3;
      const at = Math.floor(random() * original.length);
      let mutated: Uint8Array;
      if (kind === 0) {
        mutated = new Uint8Array(original);
        mutated[at] = mutated[at]! ^ (1 + Math.floor(random() * 255));
      } else if (kind === 1) mutated = original.subarray(0, at);
      else mutated = new Uint8Array([...original.subarray(0, at), Math.floor(random() * 256), ...original.subarray(at)]);
      let key: string;
      try {
        await readPackage(mutated, 'fuzz.penilai');
        key = Buffer.from(mutated).equals(Buffer.from(original)) ? 'identical' : 'ACCEPTED';
      } catch (error) {
        key = error instanceof UserError ? error.key : `THREW ${String(error)}`;
      }
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    const outcomes = [...keys.keys()].sort();
    expect(outcomes.filter((k) => !k.startsWith('exchange.'))).toEqual([]);
    expect([...keys.values()].reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('package inspect', () => {
  const file = join(temp.dir, 'nilai-J01.penilai');
  writeFileSync(file, original);
  const print = fingerprint(identity.publicKey);

  it('prints a short summary in Indonesian, or English with --lang en', async () => {
    const run = await runCommand(['package', 'inspect', '--file', file]);
    expect(run).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Paket nilai lomba P2WKSS-JABAR-2026, instrumen P2WKSS versi 3',
        `Perangkat ${identity.id}`,
        `Sidik jari kunci: ${print}`,
        'Juri J01, riwayat nomor 1–42',
        `Dibuat 2026-08-01T09:30:00.000Z; 2 berkas, ${members[0]!.bytes.length + 11} bita`,
        '',
      ].join('\n'),
    });
    const en = await runCommand(['package', 'inspect', '--file', file, '--lang', 'en']);
    expect(en.stdout.split('\n')[0]).toBe('Scores package of competition P2WKSS-JABAR-2026, instrument P2WKSS version 3');
  });

  it('prints the summary as JSON with --json', async () => {
    const run = await runCommand(['package', 'inspect', '--file', file, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      kind: 'scores',
      competition: draft.competition,
      instrument: draft.instrument,
      device: { id: identity.id, fingerprint: print },
      juror: 'J01',
      entries: { chain: identity.id, from: 1, to: 42, head: 'b'.repeat(64) },
      created: '2026-08-01T09:30:00.000Z',
      files: { count: 2, size: members[0]!.bytes.length + 11 },
    });
  });

  it('refuses an altered package in one line, exit 1', async () => {
    const bad = join(temp.dir, 'rusak.penilai');
    writeFileSync(bad, original.subarray(0, 200));
    const run = await runCommand(['package', 'inspect', '--file', bad]);
    expect(run).toEqual({
      status: 1,
      stdout: '',
      stderr: `penilai: Paket ${bad} rusak atau terpotong (mungkin belum selesai disalin). Salin ulang dari laptop asalnya.\n`,
    });
  });
});

describe('exchange.inspect', () => {
  it('answers the summary, or the refusal as a value, through the core', async () => {
    const core = openTestCore(join(temp.dir, 'inspect.db'));
    try {
      const ok = await core.call('exchange.inspect', { name: 'nilai-J01.penilai', bytes: original });
      expect(ok).toEqual({
        ok: true,
        value: {
          kind: 'scores',
          competition: draft.competition,
          instrument: draft.instrument,
          device: { id: identity.id, fingerprint: fingerprint(identity.publicKey) },
          juror: 'J01',
          entries: { chain: identity.id, from: 1, to: 42, head: 'b'.repeat(64) },
          created: '2026-08-01T09:30:00.000Z',
          files: { count: 2, size: members[0]!.bytes.length + 11 },
        },
      });
      const refused = await core.call('exchange.inspect', { name: 'nilai-J01.penilai', bytes: text('bukan paket') });
      expect(refused).toEqual({ ok: false, error: { code: 'invalid', key: 'exchange.notPackage', params: { file: 'nilai-J01.penilai' } } });
    } finally {
      core.close();
    }
  });
});
