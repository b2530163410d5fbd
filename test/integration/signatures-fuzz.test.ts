/**
 * Hostile input (issue 12, point 6), the two formats of the signatures: 1,000 seeded mutations of a really signed
 * recap through `verify --pdf` (in-process, `runCommand`; every 10th with `--db`, and half of them `--json`), and
 * 1,000 of two real PKCS#12 files (one from `keys new`, one from openssl) through the channel `signatures.sign`,
 * with a share through `sign --p12` and `report --p12` on the command line.
 *
 * PDF mutations: bytes flipped (anywhere, or only inside the signed bytes), the file cut, chunks spliced in or
 * removed, a /ByteRange number made huge or negative, a /Contents of absurd length (its byte range fitted to it half
 * the time), deep nesting, garbage DER in /Contents, an update appended, 63 or 20,000 byte ranges appended.
 * P12 mutations: bytes flipped, cut, spliced, a DER length made huge, garbage DER (deep nesting, lengths past the
 * end), iteration counts made huge (the MAC kept, or removed so that the bags' own counts are reached), a file
 * padded to 2 MB, wrong passphrases.
 *
 * Checks: no crash (never `internal`, never an exit other than 0 or 1), no hang (the test's timeout); a PDF whose
 * signed bytes changed never verifies as valid (each signature said valid covers exactly the bytes one of the seed's
 * signatures covered); a changed P12 never opens (an accepted one signs as the seed's own certificate); every
 * refusal and every reason is one line in both languages (the Indonesian differs from the English and holds no
 * parser's English), names the file, and leaves the database byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { t, type MessageKey, type Params } from '../../shared/i18n/messages.js';
import { fingerprint, runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { fuzz, PER_FORMAT, type Random } from '../support/fuzz.js';

const temp = tempDir('penilai-signatures-fuzz-');
const path = (name: string) => join(temp.dir, name);
const DB = path('demo.sqlite');
const HOME = path('home');
const PASS = path('pass.txt');
const PASSPHRASE = 'rahasia-uji-123';
const NIP_J1 = '196501011990011001';
const NIP_J2 = '196602021991022002';

let signed: Buffer;
/** What each signature of the seed covers (its two ranges' bytes joined). */
let covered: Buffer[];
let recap: Uint8Array;
const p12s: { name: string; bytes: Uint8Array; signer: string }[] = [];

function sh(command: string): void {
  execFileSync('sh', ['-c', command], { cwd: temp.dir, stdio: 'pipe' });
}

async function ok(args: string[], env: Record<string, string> = {}): Promise<void> {
  const run = await runCommand(args, { env });
  expect(run.status, run.stderr).toBe(0);
}

const RANGE = /\/ByteRange\s*\[\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s*\]/g;

/** The bytes each signature's /ByteRange covers, in file order (null where the range is outside the file). */
function coveredBytes(bytes: Buffer): (Buffer | null)[] {
  return [...bytes.toString('latin1').matchAll(RANGE)].map((m) => {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    if (a < 0 || b < a || c < b || d < 0 || c + d > bytes.length) return null;
    return Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  });
}

beforeAll(async () => {
  writeFileSync(PASS, PASSPHRASE + '\n');
  await ok(['demo', '--db', DB, '--sites', '3', '--jurors', '3', '--home', HOME]);
  await ok(['report', '--db', DB, '--out', path('rekap.pdf'), '--home', HOME]);
  sh(
    [
      `openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj "/CN=CA Uji Penilai/O=Uji" -days 30 -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"`,
      `openssl req -newkey rsa:2048 -nodes -keyout j1.key -out j1.csr -subj "/CN=Siti Aminah/serialNumber=${NIP_J1}"`,
      `printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > leaf.ext`,
      `openssl x509 -req -in j1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out j1.pem -days 30 -extfile leaf.ext`,
      `openssl pkcs12 -export -inkey j1.key -in j1.pem -certfile ca.pem -out j1.p12 -passout file:pass.txt`,
    ].join(' && '),
  );
  await ok(['keys', 'new', '--out', path('j2.p12'), '--name', 'Ir. Bambang Hermawan, M.M.', '--nip', NIP_J2, '--passphrase-file', PASS]);
  const sign = ['--db', DB, '--home', HOME, '--passphrase-file', PASS];
  await ok(['sign', '--pdf', path('rekap.pdf'), '--out', path('s1.pdf'), '--p12', path('j1.p12'), ...sign]);
  await ok(['sign', '--pdf', path('s1.pdf'), '--out', path('s2.pdf'), '--p12', path('j2.p12'), ...sign]);
  signed = readFileSync(path('s2.pdf'));
  covered = coveredBytes(signed) as Buffer[];
  expect(covered.length).toBe(2);
  recap = new Uint8Array(readFileSync(path('rekap.pdf')));
  p12s.push({ name: 'j1.p12', bytes: new Uint8Array(readFileSync(path('j1.p12'))), signer: 'Siti Aminah' });
  p12s.push({ name: 'j2.p12', bytes: new Uint8Array(readFileSync(path('j2.p12'))), signer: 'Ir. Bambang Hermawan, M.M.' });
}, 180_000);

afterAll(() => temp.cleanup());

const int = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const ENGLISH =
  /\b(Unexpected|token|undefined|Error|Invalid|expected|position|Cannot|failed|Maximum call|stack|is not|must be|Bad|Unsupported|Too few|bytes|ASN\.1|DER)\b/;

/** A sentence in both languages: differs, one line, no control character, no English in the Indonesian. */
function wrongWith(key: MessageKey, params: Params): string[] {
  const id = t('id', key, params);
  const en = t('en', key, params);
  const wrong: string[] = [];
  if (key === 'error.internal') wrong.push('internal');
  if (id === en) wrong.push('not translated');
  if (UNSAFE.test(id) || UNSAFE.test(en)) wrong.push('control character');
  if (ENGLISH.test(id)) wrong.push(`English in "${id.slice(0, 200)}"`);
  if (id.includes('\n') || en.includes('\n')) wrong.push('more than one line');
  return wrong;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations of bytes.

const latin = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const bytesOf = (s: string): Buffer => Buffer.from(s, 'latin1');

function flip(random: Random, seed: Uint8Array): { what: string; bytes: Buffer } {
  const bytes = Buffer.from(seed);
  const n = 1 + int(random, 3);
  for (let i = 0; i < n; i += 1) bytes[int(random, bytes.length)]! ^= 1 + int(random, 255);
  return { what: `${n} bytes flipped`, bytes };
}

function generic(random: Random, seed: Uint8Array, choice: number): { what: string; bytes: Buffer } {
  const at = int(random, seed.length);
  switch (choice) {
    case 0:
      return flip(random, seed);
    case 1:
      return { what: `cut at ${at}`, bytes: Buffer.from(seed.subarray(0, at)) };
    case 2: {
      // A chunk of the file spliced in elsewhere.
      const from = int(random, seed.length);
      const chunk = seed.subarray(from, from + 1 + int(random, 400));
      return { what: `chunk of ${chunk.length} spliced at ${at}`, bytes: Buffer.concat([seed.subarray(0, at), chunk, seed.subarray(at)]) };
    }
    case 3: {
      const end = at + 1 + int(random, 400);
      return { what: `chunk ${at}-${end} removed`, bytes: Buffer.concat([seed.subarray(0, at), seed.subarray(end)]) };
    }
    default: {
      const junk = Buffer.from(Array.from({ length: 1 + int(random, 64) }, () => int(random, 256)));
      return { what: `${junk.length} random bytes at ${at}`, bytes: Buffer.concat([seed.subarray(0, at), junk, seed.subarray(at)]) };
    }
  }
}

/** DER no parser should choke on: lengths beyond the file, indefinite nesting, deep nesting, random bytes. */
function garbageDer(random: Random): Buffer {
  switch (int(random, 5)) {
    case 0:
      return Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x01]);
    case 1:
      return Buffer.from([0x30, 0x89, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]);
    case 2:
      return Buffer.from(Array.from({ length: pick(random, [1_000, 20_000]) }, () => [0x30, 0x80]).flat());
    case 3: {
      // 5,000 sequences each holding the next, with exact definite lengths.
      let inner = Buffer.from([0x05, 0x00]);
      for (let i = 0; i < 5_000; i += 1) {
        const n = inner.length;
        const len =
          n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
        inner = Buffer.concat([Buffer.from([0x30, ...len]), inner]);
      }
      return inner;
    }
    default:
      return Buffer.from(Array.from({ length: 1 + int(random, 3000) }, () => int(random, 256)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PDF.

function mutatePdf(random: Random, index: number): { what: string; bytes: Buffer } {
  const text = latin(signed);
  const ranges = [...text.matchAll(RANGE)];
  const contents = [...text.matchAll(/\/Contents\s*<([0-9a-fA-F]*)>/g)].filter((m) => m[1]!.length > 1000);
  const choice = index % 10;
  if (choice < 4) return generic(random, signed, choice === 3 ? int(random, 5) : choice);
  if (choice === 4) {
    // A number of a /ByteRange made huge, negative or moved by one.
    const m = pick(random, ranges);
    const k = int(random, 4);
    const numbers = m.slice(1, 5);
    numbers[k] = pick(random, [
      '99999999999',
      '9'.repeat(40),
      '1e308',
      '-1',
      '0',
      String(Number(numbers[k]) + 1),
      String(Number(numbers[k]) - 1),
    ]);
    const replacement = `/ByteRange [${numbers.join(' ')}]`;
    return {
      what: `ByteRange number ${k} set to ${numbers[k]}`,
      bytes: bytesOf(text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length)),
    };
  }
  if (choice === 5) {
    // /Contents of absurd length, its byte range made to fit half the time (written in the same width, so that no
    // other offset moves).
    const m = pick(random, contents);
    const length = pick(random, [200_000, 3_000_000]);
    const body = `/Contents <30${'0'.repeat(length)}>`;
    let edited = text.slice(0, m.index) + body + text.slice(m.index + m[0].length);
    const lt = m.index + m[0].indexOf('<');
    const range = ranges.find((r) => Number(r[2]) === lt);
    if (range && random() < 0.5) {
      const c = lt + length + 4;
      const fitted = `/ByteRange [0 ${lt} ${c} ${edited.length - c}]`;
      const at = range.index < m.index ? range.index : range.index + body.length - m[0].length;
      if (fitted.length <= range[0].length)
        edited = edited.slice(0, at) + fitted.padEnd(range[0].length) + edited.slice(at + range[0].length);
    }
    return { what: `Contents of ${length} hex digits`, bytes: bytesOf(edited) };
  }
  if (choice === 6) {
    // Garbage DER in /Contents, padded to the same length so that the byte range still fits.
    const m = pick(random, contents);
    const der = garbageDer(random).toString('hex').slice(0, m[1]!.length);
    const hex = der + '0'.repeat(m[1]!.length - der.length);
    return {
      what: 'garbage DER in Contents',
      bytes: bytesOf(text.slice(0, m.index) + `/Contents <${hex}>` + text.slice(m.index + m[0].length)),
    };
  }
  if (choice === 7) {
    // Deep nesting, in a signature's dictionary or anywhere.
    const n = pick(random, [1_000, 100_000]);
    const nest = random() < 0.5 ? '['.repeat(n) + ']'.repeat(n) : '<</A '.repeat(n) + '1' + '>>'.repeat(n);
    const at = random() < 0.5 ? pick(random, ranges).index : int(random, text.length);
    return { what: `nesting ${n} deep at ${at}`, bytes: bytesOf(text.slice(0, at) + nest + ' ' + text.slice(at)) };
  }
  if (choice === 8) {
    // An update appended after the last signature (the signed bytes untouched), with a byte range of its own now and then.
    const r = random();
    if (r < 0.3) {
      // As many byte ranges as the file can hold, none closed by an endobj.
      const n = pick(random, [63, 20_000]);
      return { what: `${n} byte ranges appended`, bytes: Buffer.concat([signed, bytesOf(' /ByteRange [0 1 2 3] '.repeat(n))]) };
    }
    const tail = r < 0.65 ? `\n99 0 obj\n<</ByteRange [0 10 20 ${signed.length}] /Contents <3080>>>\nendobj\n` : `\n%%EOF\n% appended\n`;
    return { what: 'update appended', bytes: Buffer.concat([signed, bytesOf(tail)]) };
  }
  // A flip inside the signed bytes only (outside the /Contents gaps): must never verify.
  const bytes = Buffer.from(signed);
  const [a, b, c, d] = ranges[int(random, ranges.length)]!.slice(1, 5).map(Number) as [number, number, number, number];
  const at = random() < 0.5 ? a + int(random, b) : c + int(random, d);
  bytes[at]! ^= 1 + int(random, 255);
  return { what: `signed byte ${at} flipped`, bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// PKCS#12.

/**
 * The file with every iteration count 2048 made `count`: the MAC's (kept, its value now wrong), or with the MAC
 * removed (node-forge then derives the bags' keys unchecked) those of the DER inside its OCTET STRINGs.
 */
function hugeIterations(seed: Uint8Array, count: number, withMac: boolean): Buffer {
  const top = forge.asn1.fromDer(Buffer.from(seed).toString('binary'));
  const big = forge.util.hexToBytes(count.toString(16).padStart(8, '0'));
  const children = top.value as forge.asn1.Asn1[];
  if (withMac) (children[2]!.value as forge.asn1.Asn1[])[2]!.value = big;
  else {
    children.splice(2, 1);
    const edit = (node: forge.asn1.Asn1): void => {
      if (Array.isArray(node.value)) return node.value.forEach(edit);
      if (node.type === forge.asn1.Type.INTEGER && forge.util.bytesToHex(node.value) === '0800') node.value = big;
      if (node.type !== forge.asn1.Type.OCTETSTRING || node.value.length < 2) return;
      try {
        const inner = forge.asn1.fromDer(node.value, { strict: true, parseAllBytes: true } as never);
        edit(inner);
        node.value = forge.asn1.toDer(inner).getBytes();
      } catch {
        // not DER: a salt or encrypted bytes
      }
    };
    edit(top);
  }
  return Buffer.from(forge.asn1.toDer(top).getBytes(), 'binary');
}

describe('fuzzing what the signatures read', () => {
  it(`signed PDF: ${PER_FORMAT} mutations through verify --pdf`, async () => {
    const random = seededRandom(126);
    const problems: string[] = [];
    const reasons = new Map<string, number>();
    let valid = 0;
    let refused = 0;
    let wholeRefusals = 0;
    const file = path('terima.pdf');
    const before = fingerprint(DB);
    for (let i = 0; i < PER_FORMAT; i += 1) {
      const { what, bytes } = mutatePdf(random, i);
      const label = `${i} ${what}`;
      writeFileSync(file, bytes);
      const json = Math.floor(i / 10) % 2 === 0;
      const withDb = i % 10 === 3 || i % 10 === 9;
      const run = await runCommand([
        'verify',
        '--pdf',
        file,
        '--home',
        HOME,
        ...(json ? ['--json'] : []),
        ...(withDb ? ['--db', DB] : []),
        ...(i % 7 === 0 ? ['--lang', 'en'] : []),
      ]);
      if (run.status !== 0 && run.status !== 1) {
        problems.push(`${label}: exit ${run.status}: ${run.stderr.slice(0, 300)}`);
        continue;
      }
      if (withDb && fingerprint(DB) !== before) problems.push(`${label}: the database changed`);
      const err = run.stderr.split('\n').filter(Boolean);
      if (run.status === 1) {
        refused += 1;
        if (err.length !== 1 || !err[0]!.includes('terima.pdf') || UNSAFE.test(err[0]!))
          problems.push(`${label}: refusal ${JSON.stringify(run.stderr)}`);
        if (i % 7 !== 0 && ENGLISH.test(err[0] ?? '')) problems.push(`${label}: English in ${err[0]}`);
      } else if (err.length !== 0) problems.push(`${label}: stderr on success ${run.stderr}`);
      // Which signatures the file's own byte ranges say are valid: in JSON, each one; in text, all or none.
      const now = coveredBytes(bytes);
      if (run.stdout === '') {
        // Refused as a whole (too many signatures): said on stderr alone.
        if (run.status !== 1) problems.push(`${label}: nothing said`);
        wholeRefusals += 1;
      } else if (json) {
        const out = JSON.parse(run.stdout) as {
          ok: boolean;
          signatures: { valid: boolean; problem: { key: MessageKey; params: Params } | null }[];
        };
        out.signatures.forEach((s, k) => {
          if (s.valid) {
            valid += 1;
            const mine = now[k];
            if (!mine || !covered.some((c) => c.equals(mine))) problems.push(`${label}: signature ${k + 1} valid over changed bytes`);
          } else if (!s.problem) problems.push(`${label}: signature ${k + 1} invalid without a reason`);
          else {
            reasons.set(s.problem.key, (reasons.get(s.problem.key) ?? 0) + 1);
            const wrong = wrongWith(s.problem.key, s.problem.params);
            if (wrong.length > 0) problems.push(`${label}: reason ${s.problem.key}: ${wrong.join(', ')}`);
          }
        });
        if (out.ok !== (run.status === 0)) problems.push(`${label}: ok ${out.ok} with exit ${run.status}`);
      } else if (run.status === 0) {
        valid += 1;
        if (now.length === 0 || now.some((mine) => !mine || !covered.some((c) => c.equals(mine))))
          problems.push(`${label}: verified over changed bytes`);
      }
      if (i % 10 === 9 && run.status === 0) problems.push(`${label}: a changed signed byte verified`);
    }
    expect(problems).toEqual([]);
    expect(refused).toBeGreaterThan(PER_FORMAT * 0.7);
    expect(valid).toBeGreaterThan(0);
    expect(wholeRefusals).toBeGreaterThan(0);
    for (const key of ['signatures.badByteRange', 'signatures.digestMismatch', 'signatures.cmsUnreadable', 'signatures.contentsTooLong'])
      expect(reasons.get(key) ?? 0, key).toBeGreaterThan(0);
  }, 240_000);

  it('a PDF over 256 MB is refused before it is read, naming the file and the limit, in both languages', async () => {
    // A sparse file: 257 MB long, a real PDF header, no disk used.
    const big = path('besar.pdf');
    writeFileSync(big, signed.subarray(0, 1024));
    truncateSync(big, 257 * 1024 * 1024);
    expect(await runCommand(['verify', '--pdf', big, '--home', HOME])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'penilai: Berkas besar.pdf terlalu besar (lebih dari 256 MB) untuk dokumen Penilai; tidak diperiksa.\n',
    });
    expect((await runCommand(['verify', '--pdf', big, '--home', HOME, '--lang', 'en'])).stderr).toBe(
      'penilai: File besar.pdf is too large (over 256 MB) to be a Penilai document; not checked.\n',
    );
  });

  it(`PKCS#12: ${PER_FORMAT} mutations through signatures.sign, sign --p12 and report --p12`, async () => {
    const core: Core = openTestCore(DB, () => new Date('2026-09-07T01:00:00Z'), { home: HOME });
    let passphrase = PASSPHRASE;
    let seedName = '';
    try {
      const tally = await fuzz(
        127,
        'kunci.p12',
        DB,
        () => core,
        (random, index) => {
          const seed = p12s[index % 2]!;
          seedName = seed.signer;
          passphrase = PASSPHRASE;
          const choice = int(random, 10);
          if (choice < 5) return generic(random, seed.bytes, choice);
          if (choice === 5) {
            passphrase = pick(random, [
              '',
              'rahasia-uji-124',
              PASSPHRASE.toUpperCase(),
              PASSPHRASE + ' ',
              'x'.repeat(10_000),
              '\u0000\u202e',
            ]);
            return { what: `wrong passphrase ${JSON.stringify(passphrase.slice(0, 20))}`, bytes: Buffer.from(seed.bytes) };
          }
          if (choice === 6) return { what: 'garbage DER', bytes: garbageDer(random) };
          if (choice === 7) {
            // A DER length inside the file made huge (long form, 4 bytes).
            const bytes = Buffer.from(seed.bytes);
            const at = 1 + int(random, bytes.length - 6);
            bytes[at] = 0x84;
            bytes[at + 1] = 0x7f;
            return { what: `length at ${at} made huge`, bytes };
          }
          if (choice === 8) {
            const count = pick(random, [0x7fffffff, 16_000_000, 1_000_001]);
            const withMac = random() < 0.5;
            return {
              what: `iteration counts made ${count}${withMac ? '' : ', MAC removed'}`,
              bytes: hugeIterations(seed.bytes, count, withMac),
            };
          }
          if (random() < 0.5) return { what: 'padded to 2 MB', bytes: Buffer.concat([seed.bytes, Buffer.alloc(2 * 1024 * 1024)]) };
          return { what: 'empty', bytes: Buffer.alloc(0) };
        },
        (c, input) => c.call('signatures.sign', { file: { name: 'rekap.pdf', bytes: recap }, p12: input, passphrase }),
        (t, label, value) => {
          // Only a file that still holds the seed's own key and certificate may open.
          const signer = (value as { signer: string }).signer;
          if (signer !== seedName) t.problems.push(`${label}: opened as ${signer}`);
        },
      );
      expect(tally.problems).toEqual([]);
      expect(tally.refused).toBeGreaterThan(PER_FORMAT * 0.9);
      for (const key of ['signatures.p12NotPkcs12', 'signatures.p12Passphrase', 'signatures.p12Iterations', 'signatures.p12TooLarge'])
        expect(tally.keys.get(key) ?? 0, key).toBeGreaterThan(0);
    } finally {
      core.close();
    }
    // The command line: `sign --p12` (no database) and `report --p12` (the database byte-identical on a refusal).
    const random = seededRandom(128);
    const cliProblems: string[] = [];
    let before = fingerprint(DB);
    for (let i = 0; i < 40; i += 1) {
      const seed = p12s[i % 2]!;
      const { what, bytes } = generic(random, seed.bytes, int(random, 5));
      const label = `cli ${i} ${what}`;
      const p12 = path('kunci-cli.p12');
      writeFileSync(p12, bytes);
      const report = i % 4 === 0;
      const run = await runCommand(
        report
          ? ['report', '--db', DB, '--home', HOME, '--out', path('out.pdf'), '--p12', p12, '--passphrase-file', PASS]
          : ['sign', '--pdf', path('rekap.pdf'), '--out', path('out.pdf'), '--p12', p12, '--passphrase-file', PASS],
      );
      if (run.status === 0) {
        before = fingerprint(DB);
        continue;
      }
      const err = run.stderr.split('\n').filter(Boolean);
      if (run.status !== 1 || err.length !== 1 || !err[0]!.includes('kunci-cli.p12') || ENGLISH.test(err[0]!))
        cliProblems.push(`${label}: exit ${run.status} ${JSON.stringify(run.stderr.slice(0, 300))}`);
      if (report && fingerprint(DB) !== before) cliProblems.push(`${label}: the database changed`);
    }
    expect(cliProblems).toEqual([]);
  }, 240_000);
});
