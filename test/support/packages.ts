/**
 * Tools for the exchange refusal, fuzz and command-line tests (issue 9): laptops made from a real setup package,
 * the state of a database as bytes (to show a refusal changed nothing), and forgers that take a real package apart
 * and sign it again with the laptop's own key, so that only the rule under test can catch the change.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import type { Core } from '../../electron/core/app.js';
import { readPackage, writePackage, type PackageMember } from '../../electron/core/exchange/package-file.js';
import { evidenceFolder } from '../../electron/core/platform/files.js';
import type { DeviceIdentity } from '../../electron/core/platform/identity.js';
import { historyHash, ledgerHash, type LedgerFields } from '../../electron/core/platform/ledger.js';
import type { LedgerKind } from '../../shared/contract/scoring.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { describeError, type AppError } from '../../shared/domain/errors.js';
import {
  isFullEntry,
  SCORES_LEDGER_FILE,
  SCORES_WORK_FILE,
  type PackageLedger,
  type PackageManifest,
  type PackageManifestDraft,
  type PackageWork,
} from '../../shared/domain/package.js';
import { fingerprint } from './cli.js';
import { call } from './jury.js';
import { openTestCore } from './core.js';

/** The bytes of a database, its side files, and its evidence folder (names and contents): what a refusal must not change. */
export function databaseState(file: string): string {
  const hash = createHash('sha256').update(fingerprint(file));
  const folder = evidenceFolder(file);
  if (existsSync(folder)) {
    for (const name of readdirSync(folder).sort()) hash.update(`${name}:`).update(readFileSync(join(folder, name)));
  } else hash.update('no evidence folder');
  return hash.digest('hex');
}

/** A copy of a database (checkpointed first) and its evidence folder, opened with the same home: the same installation, another file. */
export function copyDatabase(core: Core, from: string, to: string, home: string, clock: () => Date): Core {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(from, to);
  if (existsSync(evidenceFolder(from))) cpSync(evidenceFolder(from), evidenceFolder(to), { recursive: true });
  return openTestCore(to, clock, { home });
}

/** A juror's laptop: its own home and database, the setup package applied, the juror signed in with their PIN. */
export async function laptop(
  file: string,
  home: string,
  setup: Uint8Array,
  juror: string,
  pin: string,
  clock: () => Date,
  before: () => void = () => {},
): Promise<Core> {
  const core = openTestCore(file, clock, { home });
  await call(core, 'exchange.apply', { name: 'persiapan.penilai', bytes: setup }, before);
  await call(core, 'session.enter', { competition: 'JABAR', juror, pin }, before);
  return core;
}

/** A package taken apart: its manifest as a writer gives it, and its members. */
export interface Parts {
  manifest: PackageManifestDraft;
  members: PackageMember[];
}

export async function takeApart(bytes: Uint8Array): Promise<Parts> {
  const read = await readPackage(bytes, 'asli.penilai');
  const { format: _format, files: _files, ...draft } = read.manifest;
  return { manifest: draft as PackageManifestDraft, members: read.members };
}

/** A package changed by `edit` and signed properly with `signer`'s key (the laptop's own, unless said otherwise). */
export async function forge(bytes: Uint8Array, signer: DeviceIdentity, edit: (parts: Parts) => void): Promise<Uint8Array> {
  const parts = await takeApart(bytes);
  edit(parts);
  return writePackage({ manifest: parts.manifest, members: parts.members, sign: signer.sign });
}

const text = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));

export function memberJson<T>(parts: Parts, path: string): T {
  return JSON.parse(new TextDecoder().decode(parts.members.find((m) => m.path === path)!.bytes)) as T;
}

export function setMemberJson(parts: Parts, path: string, value: unknown): void {
  parts.members.find((m) => m.path === path)!.bytes = text(value);
}

export const work = (parts: Parts): PackageWork => memberJson(parts, SCORES_WORK_FILE);
export const ledger = (parts: Parts): PackageLedger => memberJson(parts, SCORES_LEDGER_FILE);

/**
 * Rewrites the chain from `from` (an index) on as a forger with the laptop's key would: every whole entry hashed
 * again, every link relinked, and the manifest's head moved, so that the chain holds together again.
 */
export function relink(parts: Parts, chain: PackageLedger, from: number): void {
  let prev = from === 0 ? '0'.repeat(64) : chain.entries[from - 1]!.hash;
  for (let i = from; i < chain.entries.length; i += 1) {
    const e = chain.entries[i]!;
    e.prevHash = prev;
    if (isFullEntry(e)) {
      const fields: LedgerFields = { ...e, chain: chain.chain, kind: e.kind as LedgerKind };
      e.hash = e.format === 1 ? historyHash(prev, fields) : ledgerHash(prev, fields);
    }
    prev = e.hash;
  }
  const manifest = parts.manifest as Extract<PackageManifest, { kind: 'scores' }>;
  manifest.entries = { ...manifest.entries, head: prev };
  setMemberJson(parts, SCORES_LEDGER_FILE, chain);
}

/** A zip laid out exactly as the app lays out a package (stored members, fixed times), of any members at all. */
export function zipOf(members: PackageMember[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const m of members)
    zip.addBuffer(Buffer.from(m.bytes), m.path, { mtime: new Date(2000, 0, 1), mode: 0o100644, compress: false, forceDosTimestamp: true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.outputStream.on('error', reject);
  });
}

/** A refusal as the person reads it, in both languages. */
export function said(error: AppError): { id: string; en: string } {
  return { id: describeError(error, 'id'), en: describeError(error, 'en') };
}
