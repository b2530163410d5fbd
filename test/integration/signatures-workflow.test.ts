/**
 * Signing through the app's channels (signatures.*), as the UI does: the Berita Acara of the locked result signed by
 * every juror moves the result to `signed` (one `pleno.sign` entry, the snapshot kept); the refusals that need a
 * clock, a key or a file the command-line test does not make (an expired certificate, an EC key, an encrypted PDF);
 * the trust store in the home folder; and `report --p12` signing the document it has just rendered.
 *
 * The Berita Acara's own layout is another part of issue 11: here a one-page PDF stands in for it, made with react-pdf
 * and the same `SigningSpace` every signature block uses, stamped as the Berita Acara of the locked snapshot.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import type { Core } from '../../electron/core/app.js';
import { SigningSpace } from '../../electron/core/documents/components.js';
import { registerFonts } from '../../electron/core/documents/fonts.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import type { ChannelInput, ChannelResults } from '../../shared/contract/schemas.js';
import type { Channel } from '../../shared/contract/channels.js';
import { formatStamp } from '../../shared/domain/doc-stamp.js';
import { describeError } from '../../shared/domain/errors.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const temp = tempDir('penilai-signatures-flow-');
afterAll(() => temp.cleanup());
const path = (name: string) => join(temp.dir, name);
const DB = path('demo.sqlite');
const HOME = path('home');
const PASSPHRASE = 'rahasia-uji-123';

async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (t) => void (stdout += t + '\n'), err: (t) => void (stderr += t + '\n'), env: {} });
  return { status, stdout, stderr };
}

async function ok<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelResults[C]> {
  const r = await core.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${describeError(r.error, 'id')}`);
  return r.value;
}

async function refusal<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<string> {
  const r = await core.call(channel, input);
  if (r.ok) throw new Error(`${channel} was not refused`);
  return describeError(r.error, 'id');
}

/** A one-page stand-in for the Berita Acara with every juror's signing space, stamped with the locked snapshot. */
async function beritaAcara(snapshot: string, revision: number): Promise<Uint8Array> {
  registerFonts(repositoryResources());
  const stamp = formatStamp({ doc: 'berita-acara', competition: 'DEMO', revision, juror: null, site: null, sha256: snapshot });
  const block = (code: string) =>
    createElement(
      View,
      { key: code, style: { width: 170 } },
      createElement(Text, null, `Juri ${code}`),
      createElement(SigningSpace, { juror: code }),
    );
  const element = createElement(
    Document,
    { keywords: stamp, title: 'Berita Acara Penilaian — DEMO' },
    createElement(
      Page,
      { size: 'A4', style: { fontFamily: 'NotoSans', fontSize: 10, padding: 40 } },
      createElement(Text, null, 'BERITA ACARA PENILAIAN'),
      createElement(View, { style: { flexDirection: 'row', marginTop: 40 } }, ['J1', 'J2', 'J3'].map(block)),
    ),
  );
  const buffer = await renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
  return new Uint8Array(buffer);
}

let core: Core;
let snapshot: string;
const keys: Record<string, Uint8Array> = {};

beforeAll(async () => {
  expect((await cli(['demo', '--db', DB, '--sites', '6', '--jurors', '3', '--home', HOME])).status).toBe(0);
  expect((await cli(['pleno', 'open', '--db', DB, '--home', HOME])).status).toBe(0);
  expect((await cli(['pleno', 'lock', '--db', DB, '--home', HOME])).status).toBe(0);
  core = openTestCore(DB, undefined, { home: HOME });
  snapshot = core.deps.repos.pleno.status('DEMO').snapshot!;
  for (const juror of core.deps.repos.setup.loadCompetition('DEMO').jurors) {
    const made = await ok(core, 'signatures.newKey', { name: juror.name, nip: juror.nip!, passphrase: PASSPHRASE });
    keys[juror.code] = made.bytes;
  }
}, 120_000);
afterAll(() => core?.close());

describe('the Berita Acara signed by every juror', () => {
  it('moves the locked result to signed with the last signature, keeping the snapshot, in one pleno.sign entry', async () => {
    let bytes = await beritaAcara(snapshot, 0);
    const states: (string | null)[] = [];
    for (const juror of ['J2', 'J1', 'J3']) {
      const signed = await ok(core, 'signatures.sign', {
        file: { name: 'Berita-Acara-DEMO.pdf', bytes },
        p12: { name: `${juror}.p12`, bytes: keys[juror]! },
        passphrase: PASSPHRASE,
      });
      expect(signed.juror).toBe(juror);
      states.push(signed.state);
      bytes = signed.bytes;
    }
    expect(states).toEqual(['locked', 'locked', 'signed']);
    const status = core.deps.repos.pleno.status('DEMO');
    expect([status.state, status.revision, status.snapshot]).toEqual(['signed', 0, snapshot]);
    const signs = core.deps.repos.pleno.events('DEMO').filter((e) => e.kind === 'pleno.sign');
    expect(signs.map((e) => [e.revision, e.detail])).toEqual([[0, 'J2, J1, J3']]);
    writeFileSync(path('ba-signed.pdf'), bytes);
    mkdirSync(join(REPO_ROOT, 'test-results', 'signatures'), { recursive: true });
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      path('ba-signed.pdf'),
      join(REPO_ROOT, 'test-results', 'signatures', 'berita-acara-ttd'),
    ]);
    const sig = execFileSync('pdfsig', [path('ba-signed.pdf')], { encoding: 'utf8' });
    expect(sig.match(/Signature is Valid\./g)).toHaveLength(3);
    const verified = await ok(core, 'signatures.verify', { file: { name: 'ba.pdf', bytes }, database: false });
    expect(verified.ok).toBe(true);
    expect(verified.signatures.map((s) => [s.juror, s.selfSigned, s.valid])).toEqual([
      ['J2', true, true],
      ['J1', true, true],
      ['J3', true, true],
    ]);
    // The database's own check still holds after the new state and entry.
    expect((await cli(['verify', '--db', DB, '--home', HOME])).status).toBe(0);
  });
});

describe('refusals that need a clock, a key or a file of their own', () => {
  it('an expired certificate is refused at signing time', async () => {
    const later = openTestCore(DB, () => new Date('2040-01-01T00:00:00Z'), { home: HOME });
    try {
      const message = await refusal(later, 'signatures.sign', {
        file: { name: 'ba.pdf', bytes: await beritaAcara(snapshot, 0) },
        p12: { name: 'J1.p12', bytes: keys.J1! },
        passphrase: PASSPHRASE,
      });
      expect(message).toMatch(
        /^Sertifikat Dr\. Hj\. Siti Aminah, M\.Si\. di J1\.p12 sudah kedaluwarsa \(berlaku sampai \d{4}-\d{2}-\d{2}\)/,
      );
    } finally {
      later.close();
    }
  });

  it('a key that is not RSA is refused by name', async () => {
    execFileSync(
      'sh',
      [
        '-c',
        `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key -out ec.pem -subj "/CN=Kunci EC" -days 30 && openssl pkcs12 -export -inkey ec.key -in ec.pem -out ec.p12 -passout pass:${PASSPHRASE}`,
      ],
      { cwd: temp.dir, stdio: 'pipe' },
    );
    const message = await refusal(core, 'signatures.sign', {
      file: { name: 'ba.pdf', bytes: await beritaAcara(snapshot, 0) },
      p12: { name: 'ec.p12', bytes: new Uint8Array(readFileSync(path('ec.p12'))) },
      passphrase: PASSPHRASE,
    });
    expect(message).toBe('Kunci di ec.p12 adalah kunci EC, bukan RSA: Penilai hanya dapat menandatangani dengan kunci RSA.');
  });

  it('an encrypted PDF is refused', async () => {
    writeFileSync(path('plain.pdf'), await beritaAcara(snapshot, 0));
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', path('plain.pdf'), path('locked.pdf')]);
    const message = await refusal(core, 'signatures.sign', {
      file: { name: 'locked.pdf', bytes: new Uint8Array(readFileSync(path('locked.pdf'))) },
      p12: { name: 'J1.p12', bytes: keys.J1! },
      passphrase: PASSPHRASE,
    });
    expect(message).toBe('locked.pdf terenkripsi (dilindungi sandi): Penilai tidak menandatangani PDF terenkripsi.');
  });
});

describe('trusted certificates and report --p12', () => {
  it('keeps trusted certificates as files in the home folder, listed, added and removed through the channels', async () => {
    execFileSync(
      'sh',
      ['-c', 'openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -subj "/CN=Root Uji/O=BSrE Uji" -days 30'],
      {
        cwd: temp.dir,
        stdio: 'pipe',
      },
    );
    expect(await ok(core, 'signatures.trusted', {})).toEqual([]);
    const list = await ok(core, 'signatures.trust', { file: { name: 'root.pem', bytes: new Uint8Array(readFileSync(path('root.pem'))) } });
    expect(list.map((c) => [c.subject, c.issuer])).toEqual([['CN=Root Uji, O=BSrE Uji', 'CN=Root Uji, O=BSrE Uji']]);
    expect(readdirSync(join(HOME, 'trusted-certificates'))).toEqual([`${list[0]!.fingerprint}.pem`]);
    expect(await refusal(core, 'signatures.trust', { file: { name: 'ba.pdf', bytes: new Uint8Array([1, 2, 3]) } })).toBe(
      'ba.pdf bukan berkas sertifikat X.509 (PEM atau DER).',
    );
    expect(await ok(core, 'signatures.untrust', { fingerprint: list[0]!.fingerprint })).toEqual([]);
    expect(existsSync(join(HOME, 'trusted-certificates', `${list[0]!.fingerprint}.pem`))).toBe(false);
  });

  it('report --p12 writes the recap already signed by the key’s juror', async () => {
    writeFileSync(path('j3.p12'), keys.J3!);
    writeFileSync(path('pass.txt'), `${PASSPHRASE}\n`);
    const run = await cli([
      'report',
      '--db',
      DB,
      '--out',
      path('rekap-ttd.pdf'),
      '--p12',
      path('j3.p12'),
      '--passphrase-file',
      path('pass.txt'),
      '--home',
      HOME,
    ]);
    expect(run.status, run.stderr).toBe(0);
    const sig = spawnSync('pdfsig', [path('rekap-ttd.pdf')], { encoding: 'utf8' }).stdout;
    expect(sig).toContain('Signature Field Name: ttd-J3');
    expect(sig).toContain('Signature is Valid.');
    const verified = await cli(['verify', '--pdf', path('rekap-ttd.pdf'), '--db', DB, '--json', '--home', HOME]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      ok: true,
      matchesDatabase: true,
      signatures: [{ juror: 'J3', selfSigned: true, trusted: false }],
    });
  });
});
