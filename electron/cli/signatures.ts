/**
 * The signature commands (contract sections 1 and 7): `sign`, `keys new`, `keys trust` (an addition: the trusted
 * certificates of this installation) and `verify --pdf`; and the signing of `report … --p12`. Passphrases come from
 * `--passphrase-file` (its content, one trailing newline removed) or PENILAI_PASSPHRASE, never from an option's value;
 * they are passed on and forgotten, never printed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { PdfVerification, RenderedFile } from '../../shared/contract/schemas.js';
import { shortCode } from '../../shared/domain/doc-stamp.js';
import { UserError } from '../../shared/domain/errors.js';
import { VERIFY_PDF_FORMAT, type VerifyPdfJson } from '../../shared/domain/verify-format.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { homeDir, type Core } from '../core/app.js';
import { newSelfSignedKey, readP12 } from '../core/signatures/p12.js';
import { repositoryResources } from '../core/platform/resources.js';
import { refuseLargePdf, verifyDocument } from '../core/signatures/service.js';
import { signDocument } from '../core/signatures/sign.js';
import { fingerprintOf, readCertificate, trust } from '../core/signatures/trust.js';
import { value, withCore } from './core.js';
import { requireOutDir, writeAtomically, type Io } from './files.js';

export interface SignatureOptions {
  db?: string | undefined;
  out?: string | undefined;
  pdf?: string | undefined;
  p12?: string | undefined;
  'passphrase-file'?: string | undefined;
  juror?: string | undefined;
  name?: string | undefined;
  nip?: string | undefined;
  cert?: string | undefined;
  home?: string | undefined;
  json?: boolean | undefined;
}

function required(values: SignatureOptions, option: 'out' | 'pdf' | 'p12' | 'name' | 'cert', command: string): string {
  const found = values[option];
  if (!found) throw new UserError('cli.missingOption', { option: `--${option}`, command });
  return found;
}

function readInput(file: string): Uint8Array {
  if (!existsSync(file)) throw new UserError('setup.fileMissing', { file }, 'not-found');
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new UserError('file.unreadable', { file, detail: (error as Error).message });
  }
}

/** The passphrase: `--passphrase-file` (one trailing newline removed), else PENILAI_PASSPHRASE. */
export function readPassphrase(values: SignatureOptions, env: Record<string, string | undefined>, command: string): string {
  const file = values['passphrase-file'];
  if (file) {
    try {
      return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new UserError('signatures.passphraseUnreadable', { file });
    }
  }
  const fromEnv = env.PENILAI_PASSPHRASE;
  if (fromEnv) return fromEnv;
  throw new UserError('signatures.passphraseMissing', { command });
}

function home(values: SignatureOptions): string {
  return values.home ? resolve(values.home) : homeDir();
}

/** `sign --pdf FILE --out FILE --p12 FILE --passphrase-file FILE [--db FILE] [--juror CODE]`. */
export async function commandSign(values: SignatureOptions, io: Io, lang: Lang, env: Record<string, string | undefined>): Promise<void> {
  const pdf = resolve(required(values, 'pdf', 'sign'));
  const out = resolve(required(values, 'out', 'sign'));
  const p12File = resolve(required(values, 'p12', 'sign'));
  const passphrase = readPassphrase(values, env, 'sign');
  requireOutDir(out);
  const file = { name: basename(pdf), bytes: readInput(pdf) };
  const p12 = { name: basename(p12File), bytes: readInput(p12File) };
  let result: { bytes: Uint8Array; signer: string; juror: string | null; state: string | null };
  if (values.db) {
    result = await withCore(resolve(values.db), { mustExist: true, home: values.home }, (core) =>
      value(core.call('signatures.sign', { file, p12, passphrase, ...(values.juror ? { juror: values.juror } : {}) })),
    );
  } else {
    const now = new Date();
    const key = readP12(p12.name, p12.bytes, passphrase, now);
    const outcome = await signDocument({
      file: file.name,
      bytes: file.bytes,
      key,
      juror: values.juror ?? null,
      jurors: null,
      now,
      resources: repositoryResources(),
    });
    result = { bytes: outcome.bytes, signer: outcome.signer, juror: outcome.juror, state: null };
  }
  writeAtomically(out, result.bytes);
  io.err(t(lang, 'signatures.cliSigned', { signer: result.signer, juror: result.juror ?? '—', file: out }));
  if (result.state === 'signed') io.err(t(lang, 'signatures.cliState', { state: t(lang, 'pleno.state.signed').toLowerCase() }));
}

/** `report … --p12 FILE --passphrase-file FILE`: the freshly rendered document signed in the same core. */
export async function signRendered(
  core: Core,
  rendered: RenderedFile,
  values: SignatureOptions,
  env: Record<string, string | undefined>,
): Promise<RenderedFile> {
  const p12File = resolve(required(values, 'p12', 'report'));
  const passphrase = readPassphrase(values, env, 'report');
  const signed = await value(
    core.call('signatures.sign', {
      file: { name: rendered.name, bytes: rendered.bytes },
      p12: { name: basename(p12File), bytes: readInput(p12File) },
      passphrase,
    }),
  );
  return { ...rendered, bytes: signed.bytes };
}

/** `keys new --out FILE.p12 --name NAME [--nip NIP] --passphrase-file FILE`; `keys trust --cert FILE`. */
export async function commandKeys(
  sub: string | undefined,
  values: SignatureOptions,
  io: Io,
  lang: Lang,
  env: Record<string, string | undefined>,
): Promise<void> {
  if (sub === 'new') {
    const out = resolve(required(values, 'out', 'keys new'));
    const name = required(values, 'name', 'keys new').trim();
    const nip = values.nip === undefined ? null : values.nip.replace(/[\s\u00a0]+/g, '');
    if (nip !== null && !/^\d{18}$/.test(nip))
      throw new UserError('cli.badOption', { option: '--nip', value: values.nip!, expected: '18 digit' });
    const passphrase = readPassphrase(values, env, 'keys new');
    if (passphrase.length < 8) throw new UserError('signatures.passphraseShort');
    requireOutDir(out);
    writeAtomically(out, newSelfSignedKey({ name, nip, passphrase, now: new Date() }));
    io.err(t(lang, 'signatures.cliKeyWritten', { name, file: out }));
    return;
  }
  if (sub === 'trust') {
    const cert = resolve(required(values, 'cert', 'keys trust'));
    const bytes = readInput(cert);
    const print = fingerprintOf(readCertificate(basename(cert), bytes));
    const added = trust(home(values), basename(cert), bytes).find((c) => c.fingerprint === print)!;
    io.err(t(lang, 'signatures.cliTrusted', { subject: added.subject, fingerprint: added.fingerprint }));
    return;
  }
  throw new UserError('cli.usage', { detail: `keys ${sub ?? ''}`.trim() });
}

function reason(lang: Lang, p: { key: Parameters<typeof t>[1]; params: Parameters<typeof t>[2] }): string {
  return t(lang, p.key, p.params);
}

/** The human text of a verification: one line per signature, then the database line. */
export function verificationText(result: PdfVerification, file: string, lang: Lang): string {
  const lines: string[] = [];
  if (result.signatures.length === 0) lines.push(t(lang, 'signatures.cliUnsigned', { file }));
  result.signatures.forEach((s, i) => {
    const signer = s.signer || '—';
    if (s.valid) {
      const trust = s.trusted ? 'signatures.cliTrustedYes' : s.selfSigned ? 'signatures.cliSelfSigned' : 'signatures.cliUnknownIssuer';
      lines.push(
        t(lang, 'signatures.cliLineOk', {
          n: i + 1,
          signer,
          juror: s.juror ? ` (${s.juror})` : '',
          covers: t(lang, s.coversWholeDocument ? 'signatures.cliCovers' : 'signatures.cliCoversPart'),
          trust: t(lang, trust),
          time: s.signedAt ?? '—',
        }),
      );
    } else lines.push(t(lang, 'signatures.cliLineBad', { n: i + 1, signer, problem: s.problem ? reason(lang, s.problem) : '—' }));
  });
  if (result.matchesDatabase === true && result.stamp) lines.push(t(lang, 'signatures.cliDbOk', { code: shortCode(result.stamp.sha256) }));
  else if (result.databaseProblem) lines.push(t(lang, 'signatures.cliDbBad', { problem: reason(lang, result.databaseProblem) }));
  return lines.join('\n');
}

/** `verify --pdf FILE [--db FILE] [--json]`: exit 0 only when every signature is valid, there is one, and the hash matches (with --db). */
export async function commandVerifyPdf(values: SignatureOptions, io: Io, lang: Lang): Promise<number> {
  const pdf = resolve(required(values, 'pdf', 'verify'));
  if (existsSync(pdf)) refuseLargePdf(statSync(pdf).size, basename(pdf));
  const bytes = readInput(pdf);
  const result = values.db
    ? await withCore(resolve(values.db), { mustExist: true, home: values.home }, (core) =>
        value(core.call('signatures.verify', { file: { name: basename(pdf), bytes }, database: true })),
      )
    : await verifyDocument(bytes, home(values), null, basename(pdf));
  if (values.json) {
    const json: VerifyPdfJson = {
      format: VERIFY_PDF_FORMAT,
      ok: result.ok,
      signatures: result.signatures.map((s) => ({ ...s, reason: s.problem ? reason(lang, s.problem) : null })),
      dataHash: result.dataHash,
      matchesDatabase: result.matchesDatabase,
      stamp: result.stamp,
      databaseProblem: result.databaseProblem ? reason(lang, result.databaseProblem) : null,
    };
    io.out(JSON.stringify(json, null, 2));
  } else io.out(verificationText(result, pdf, lang));
  if (!result.ok) io.err(`penilai: ${t(lang, 'signatures.cliVerifyFailed', { file: pdf })}`);
  return result.ok ? 0 : 1;
}
