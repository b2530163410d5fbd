/**
 * Digital signatures on Penilai's PDFs (issue 11, contract sections 1 and 7), through the command line on a real
 * demo database: a CA and a juror's leaf certificate made here with openssl (RSA 2048, PKCS#12 with a passphrase),
 * a self-signed key made with `keys new`; the demo's recap signed by J1 then J2 (each matched by NIP), checked by
 * poppler's pdfsig, qpdf, pdffonts and openssl cms as well as by `verify --pdf`; then what must be refused or
 * reported: a flipped byte, a score changed in the database, an unsigned PDF, a wrong passphrase, a truncated file,
 * a signature whose /Contents is garbage.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { verifyPdfJsonSchema } from '../../shared/domain/verify-format.js';
import { call, asSecretariat } from '../support/jury.js';
import { copyClosedDatabase, openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const temp = tempDir('penilai-signatures-');
afterAll(() => temp.cleanup());
const dir = temp.dir;
const path = (name: string) => join(dir, name);
const DB = path('demo.sqlite');
const HOME = path('home');
const PASS = path('pass.txt');
const NIP_J1 = '196501011990011001';
const NIP_J2 = '196602021991022002';

async function cli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { out: (t) => void (stdout += t + '\n'), err: (t) => void (stderr += t + '\n'), env });
  return { status, stdout, stderr };
}

function sh(command: string): void {
  execFileSync('sh', ['-c', command], { cwd: dir, stdio: 'pipe' });
}

/** pdfsig's report (it exits 0 even when a signature fails): each signature's field name and validation line. */
function pdfsig(file: string): { field: string; validation: string }[] {
  const out = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      field: /Signature Field Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
      validation: /Signature Validation: (.*)/.exec(block)?.[1]?.trim() ?? '',
    }));
}

/** Fonts pdffonts lists as not embedded, by name. */
function unembedded(file: string): string[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines
    .filter((line) => / no +(no|yes) +(no|yes) +\d+ +\d+\s*$/.test(line) && !/ yes +(no|yes) +(no|yes) +\d+ +\d+\s*$/.test(line))
    .map((l) => l.split(/\s+/)[0]!);
}

function byteRanges(bytes: Buffer): number[][] {
  return [...bytes.toString('latin1').matchAll(/\/ByteRange \[(\d+) +(\d+) +(\d+) +(\d+) *\]/g)].map((m) => m.slice(1, 5).map(Number));
}

beforeAll(async () => {
  writeFileSync(PASS, 'rahasia-uji-123\n');
  expect((await cli(['demo', '--db', DB, '--sites', '6', '--jurors', '3', '--home', HOME])).status).toBe(0);
  expect((await cli(['report', '--db', DB, '--out', path('rekap.pdf'), '--home', HOME])).status).toBe(0);
  // A CA and J1's leaf certificate issued by it (NIP in serialNumber), as a PKCS#12 protected by the passphrase.
  sh(
    [
      `openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj "/CN=CA Uji Penilai/O=Uji" -days 30 -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"`,
      `openssl req -newkey rsa:2048 -nodes -keyout j1.key -out j1.csr -subj "/CN=Siti Aminah/serialNumber=${NIP_J1}"`,
      `printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > leaf.ext`,
      `openssl x509 -req -in j1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out j1.pem -days 30 -extfile leaf.ext`,
      `openssl pkcs12 -export -inkey j1.key -in j1.pem -certfile ca.pem -out j1.p12 -passout file:pass.txt`,
    ].join(' && '),
  );
  // J2 has no certificate: a self-signed key made by the app.
  const made = await cli([
    'keys',
    'new',
    '--out',
    path('j2.p12'),
    '--name',
    'Ir. Bambang Hermawan, M.M.',
    '--nip',
    NIP_J2,
    '--passphrase-file',
    PASS,
  ]);
  expect(made.status, made.stderr).toBe(0);
  const one = await cli([
    'sign',
    '--pdf',
    path('rekap.pdf'),
    '--out',
    path('s1.pdf'),
    '--p12',
    path('j1.p12'),
    '--passphrase-file',
    PASS,
    '--db',
    DB,
    '--home',
    HOME,
  ]);
  expect(one.status, one.stderr).toBe(0);
  expect(one.stderr).toContain('(juri J1)');
  const two = await cli(['sign', '--pdf', path('s1.pdf'), '--out', path('s2.pdf'), '--p12', path('j2.p12'), '--db', DB, '--home', HOME], {
    PENILAI_PASSPHRASE: 'rahasia-uji-123',
  });
  expect(two.status, two.stderr).toBe(0);
  expect(two.stderr).toContain('(juri J2)');
}, 120_000);

describe('signing the recap, J1 then J2', () => {
  it('appends each signature as an incremental update that pdfsig reports valid, in the signers’ blocks', () => {
    const rekap = readFileSync(path('rekap.pdf'));
    const s1 = readFileSync(path('s1.pdf'));
    const s2 = readFileSync(path('s2.pdf'));
    expect(s1.subarray(0, rekap.length).equals(rekap)).toBe(true);
    expect(s2.subarray(0, s1.length).equals(s1)).toBe(true);
    expect(pdfsig(path('s1.pdf'))).toEqual([{ field: 'ttd-J1', validation: 'Signature is Valid.' }]);
    expect(pdfsig(path('s2.pdf'))).toEqual([
      { field: 'ttd-J1', validation: 'Signature is Valid.' },
      { field: 'ttd-J2', validation: 'Signature is Valid.' },
    ]);
    const ranges = byteRanges(s2);
    expect(ranges[0]![2]! + ranges[0]![3]!).toBe(s1.length);
    expect(ranges[1]![2]! + ranges[1]![3]!).toBe(s2.length);
    expect(spawnSync('qpdf', ['--check', path('s2.pdf')]).status).toBe(0);
    // The signatures add only embedded fonts (the subset of Noto Sans): the unembedded list is what the recap had.
    expect(unembedded(path('s2.pdf'))).toEqual(unembedded(path('rekap.pdf')));
    const fonts = execFileSync('pdffonts', [path('s2.pdf')], { encoding: 'utf8' });
    expect(fonts.match(/[A-Z]{6}\+NotoSans-Regular +CID TrueType +Identity-H +yes yes yes/g)!.length).toBeGreaterThanOrEqual(3);
    // For people to look at: the signed pages, as test/README.md asks of every document.
    mkdirSync(join(REPO_ROOT, 'test-results', 'signatures'), { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', path('s2.pdf'), join(REPO_ROOT, 'test-results', 'signatures', 'rekap-ttd-J1-J2')]);
    const text = execFileSync('pdftotext', ['-layout', path('s2.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Ditandatangani secara elektronik oleh');
    expect(text).toContain(`NIP ${NIP_J2}`);
    expect(text).toContain('Ir. Bambang Hermawan, M.M.');
  });

  it('carries a PAdES B-B CMS: contentType, messageDigest and signing-certificate-v2, no signingTime; openssl verifies it', () => {
    const s2 = readFileSync(path('s2.pdf'));
    const [a, b, c, d] = byteRanges(s2)[0]!;
    const hex = s2
      .subarray(b! + 1, c! - 1)
      .toString('latin1')
      .replace(/(00)+$/, '');
    writeFileSync(path('sig1.der'), Buffer.from(hex, 'hex'));
    writeFileSync(path('signed1.bin'), Buffer.concat([s2.subarray(a!, b!), s2.subarray(c!, c! + d!)]));
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', path('sig1.der')], { encoding: 'utf8' });
    const attributes = [...printed.matchAll(/object: (\S+) \(/g)].map((m) => m[1]);
    expect(attributes).toEqual(expect.arrayContaining(['contentType', 'messageDigest', 'id-smime-aa-signingCertificateV2']));
    expect(attributes).not.toContain('signingTime');
    expect(s2.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    const verified = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path('sig1.der'),
        '-content',
        path('signed1.bin'),
        '-CAfile',
        path('ca.pem'),
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(verified.stderr).toContain('Verification successful');
  });

  it('verify --pdf --json: both valid, J1 chains to the CA once it is trusted, J2 self-signed and never trusted', async () => {
    const before = await cli(['verify', '--pdf', path('s2.pdf'), '--json', '--home', HOME]);
    expect(before.status, before.stderr).toBe(0);
    const first = verifyPdfJsonSchema.parse(JSON.parse(before.stdout));
    expect(first.ok).toBe(true);
    expect(first.matchesDatabase).toBeNull();
    expect(
      first.signatures.map((s: Record<string, unknown>) => [s.signer, s.valid, s.coversWholeDocument, s.trusted, s.selfSigned]),
    ).toEqual([
      ['Siti Aminah', true, false, false, false],
      ['Ir. Bambang Hermawan, M.M.', true, true, false, true],
    ]);
    expect(first.signatures[0]!.issuer).toBe('CN=CA Uji Penilai, O=Uji');
    expect(first.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const trusted = await cli(['keys', 'trust', '--cert', path('ca.pem'), '--home', HOME]);
    expect(trusted.status, trusted.stderr).toBe(0);
    const after = JSON.parse((await cli(['verify', '--pdf', path('s2.pdf'), '--json', '--home', HOME])).stdout);
    expect(after.signatures.map((s: Record<string, unknown>) => [s.trusted, s.selfSigned])).toEqual([
      [true, false],
      [false, true],
    ]);
    const withDb = JSON.parse((await cli(['verify', '--pdf', path('s2.pdf'), '--db', DB, '--json', '--home', HOME])).stdout);
    expect(withDb.matchesDatabase).toBe(true);
    expect(withDb.signatures.map((s: Record<string, unknown>) => s.juror)).toEqual(['J1', 'J2']);
    const text = await cli(['verify', '--pdf', path('s2.pdf'), '--db', DB, '--home', HOME]);
    expect(text.stdout).toContain('✓ Tanda tangan 1: Siti Aminah (J1) — sah');
    expect(text.stdout).toContain('sertifikat tepercaya');
    expect(text.stdout).toContain('✓ Tanda tangan 2: Ir. Bambang Hermawan, M.M. (J2) — sah, mencakup seluruh berkas; sertifikat swa-tanda');
    expect(text.stdout).toContain('✓ Hash data cocok dengan basis data');
  });
});

describe('what verification reports and signing refuses', () => {
  it('a byte flipped inside a signed range: pdfsig says Digest Mismatch, verify exits non-zero naming the signature', async () => {
    const s2 = Buffer.from(readFileSync(path('s2.pdf')));
    const at = Math.floor(readFileSync(path('rekap.pdf')).length / 2);
    s2[at] = s2[at]! ^ 0x01;
    writeFileSync(path('flipped.pdf'), s2);
    expect(pdfsig(path('flipped.pdf')).map((s) => s.validation)).toEqual(['Digest Mismatch.', 'Digest Mismatch.']);
    const run = await cli(['verify', '--pdf', path('flipped.pdf'), '--home', HOME]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ Tanda tangan 1: Siti Aminah — TIDAK SAH: isi dokumen berubah setelah ditandatangani');
    const en = await cli(['verify', '--pdf', path('flipped.pdf'), '--home', HOME, '--lang', 'en']);
    expect(en.stdout).toContain('✗ Signature 2: Ir. Bambang Hermawan, M.M. — NOT VALID: the document changed after it was signed');
  });

  it('an unsigned PDF is reported as unsigned (non-zero)', async () => {
    const run = await cli(['verify', '--pdf', path('rekap.pdf'), '--json', '--home', HOME]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, signatures: [], matchesDatabase: null });
    const text = await cli(['verify', '--pdf', path('rekap.pdf'), '--home', HOME]);
    expect(text.stdout).toContain('tidak bertanda tangan digital');
  });

  it('a wrong passphrase is refused in words and leaves no file; a file that is not PKCS#12 too', async () => {
    writeFileSync(path('wrong.txt'), 'bukan-ini\n');
    const run = await cli([
      'sign',
      '--pdf',
      path('rekap.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('j1.p12'),
      '--passphrase-file',
      path('wrong.txt'),
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('penilai: Frasa sandi salah untuk berkas kunci j1.p12.');
    expect(existsSync(path('x.pdf'))).toBe(false);
    const notP12 = await cli([
      'sign',
      '--pdf',
      path('rekap.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('ca.pem'),
      '--passphrase-file',
      PASS,
    ]);
    expect(notP12.stderr.trim()).toBe('penilai: ca.pem bukan berkas kunci PKCS#12 (.p12/.pfx) yang dapat dibaca.');
    const missing = await cli(['sign', '--pdf', path('rekap.pdf'), '--out', path('x.pdf'), '--p12', path('j1.p12')]);
    expect(missing.stderr).toContain('--passphrase-file BERKAS atau variabel lingkungan PENILAI_PASSPHRASE');
    expect(existsSync(path('x.pdf'))).toBe(false);
  });

  it('refuses a second signature by the same certificate, a PDF not made by Penilai, a certificate of no juror', async () => {
    const again = await cli(['sign', '--pdf', path('s2.pdf'), '--out', path('x.pdf'), '--p12', path('j1.p12'), '--passphrase-file', PASS]);
    expect(again.stderr.trim()).toBe('penilai: s2.pdf sudah ditandatangani dengan sertifikat Siti Aminah ini.');
    const other = await PDFDocument.create();
    other.addPage();
    writeFileSync(path('other.pdf'), await other.save());
    const foreign = await cli([
      'sign',
      '--pdf',
      path('other.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('j1.p12'),
      '--passphrase-file',
      PASS,
    ]);
    expect(foreign.stderr).toContain('other.pdf bukan dokumen yang dibuat oleh Penilai');
    await cli(['keys', 'new', '--out', path('stranger.p12'), '--name', 'Orang Lain', '--passphrase-file', PASS]);
    const stranger = await cli([
      'sign',
      '--pdf',
      path('rekap.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('stranger.p12'),
      '--passphrase-file',
      PASS,
      '--db',
      DB,
      '--home',
      HOME,
    ]);
    expect(stranger.stderr).toContain('Sertifikat Orang Lain (NIP —) bukan milik juri mana pun di lomba DEMO');
    // Without a database the block is the one --juror names (else the next free one): a signed or missing block is refused.
    const taken = await cli([
      'sign',
      '--pdf',
      path('s2.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('stranger.p12'),
      '--passphrase-file',
      PASS,
      '--juror',
      'J1',
    ]);
    expect(taken.stderr.trim()).toBe('penilai: Ruang tanda tangan juri J1 di s2.pdf sudah ditandatangani.');
    const none = await cli([
      'sign',
      '--pdf',
      path('s2.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('stranger.p12'),
      '--passphrase-file',
      PASS,
      '--juror',
      'J9',
    ]);
    expect(none.stderr.trim()).toBe('penilai: s2.pdf tidak memiliki ruang tanda tangan untuk juri J9.');
    writeFileSync(path('short.txt'), 'pendek\n');
    const short = await cli(['keys', 'new', '--out', path('y.p12'), '--name', 'Orang Lain', '--passphrase-file', path('short.txt')]);
    expect(short.stderr.trim()).toBe('penilai: Frasa sandi kunci baru minimal 8 karakter.');
    const badNip = await cli(['keys', 'new', '--out', path('y.p12'), '--name', 'Orang Lain', '--nip', '123', '--passphrase-file', PASS]);
    expect(badNip.status).toBe(1);
    expect(existsSync(path('y.p12'))).toBe(false);
    expect(existsSync(path('x.pdf'))).toBe(false);
  });

  it('a truncated PDF and a signature whose /Contents is garbage are told in words, no crash', async () => {
    const s1 = readFileSync(path('s1.pdf'));
    writeFileSync(path('cut.pdf'), s1.subarray(0, s1.length - 2000));
    const cut = await cli(['verify', '--pdf', path('cut.pdf'), '--home', HOME]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain('di luar berkas');
    const signCut = await cli([
      'sign',
      '--pdf',
      path('cut.pdf'),
      '--out',
      path('x.pdf'),
      '--p12',
      path('j1.p12'),
      '--passphrase-file',
      PASS,
    ]);
    expect(signCut.status).toBe(1);
    expect(signCut.stderr).toContain('cut.pdf rusak atau terpotong');
    const garbage = Buffer.from(s1);
    const [, b] = byteRanges(garbage)[0]!;
    garbage.write('deadbeef'.repeat(64), b! + 1, 'latin1');
    writeFileSync(path('garbage.pdf'), garbage);
    const bad = await cli(['verify', '--pdf', path('garbage.pdf'), '--home', HOME]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('TIDAK SAH: isi tanda tangan (CMS) tidak dapat dibaca');
    const notPdf = await cli(['verify', '--pdf', path('ca.pem'), '--home', HOME]);
    expect([notPdf.status, notPdf.stderr.trim()]).toEqual([1, 'penilai: ca.pem bukan berkas PDF.']);
  });

  it('any byte of the signature update changed is told as a verdict, never a crash', async () => {
    const s1 = readFileSync(path('s1.pdf'));
    const start = readFileSync(path('rekap.pdf')).length;
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 12; i++) {
      const bytes = Buffer.from(s1);
      const at = start + (next() % (bytes.length - start));
      bytes[at] = next() % 256;
      writeFileSync(path('mutated.pdf'), bytes);
      const run = await cli(['verify', '--pdf', path('mutated.pdf'), '--home', HOME]);
      expect([0, 1], `byte ${at}: ${run.stderr}`).toContain(run.status);
      expect(run.stdout).toMatch(/^[✓✗] /);
    }
  });

  it('verify --pdf --db after a score changed in the database exits non-zero naming the mismatch', async () => {
    // On a copy of the database: the other tests verify against the unchanged one, whatever the order.
    const changed = copyClosedDatabase(DB, path('demo-berubah.sqlite'));
    const core = openTestCore(changed, undefined, { home: HOME });
    try {
      await asSecretariat(core, 'DEMO'); // reopening J1's sheet is the secretariat's
      await call(core, 'scoring.reopen', { competition: 'DEMO', juror: 'J1', site: 'S01', reason: 'Nilai A1 salah ketik, diperbaiki.' });
      await call(core, 'scoring.setScore', {
        competition: 'DEMO',
        juror: 'J1',
        site: 'S01',
        indicator: 'A1',
        value: 3,
        reason: 'Salah ketik',
      });
    } finally {
      core.close();
    }
    const run = await cli(['verify', '--pdf', path('s2.pdf'), '--db', changed, '--json', '--home', HOME]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.signatures.every((s: { valid: boolean }) => s.valid)).toBe(true);
    expect(result.matchesDatabase).toBe(false);
    expect(result.databaseProblem).toContain('data rekap lomba DEMO di basis data berubah sejak dokumen dicetak');
  });
});
