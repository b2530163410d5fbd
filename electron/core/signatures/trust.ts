/**
 * The certificates this installation trusts (such as the BSrE root CA): PEM files in the home folder's
 * `trusted-certificates/`, one per certificate, named by its SHA-256 fingerprint. They belong to the installation
 * (like its device key), not to a database: a database copied elsewhere does not carry trust with it.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustedCertificate } from '../../../shared/contract/signatures.js';
import { UserError } from '../../../shared/domain/errors.js';
import { oneLine } from './p12.js';

export const TRUST_FOLDER = 'trusted-certificates';

export function fingerprintOf(certificate: X509Certificate): string {
  return certificate.fingerprint256.replace(/:/g, '').toLowerCase();
}

function describe(certificate: X509Certificate): TrustedCertificate {
  return {
    fingerprint: fingerprintOf(certificate),
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validTo: new Date(certificate.validTo).toISOString(),
  };
}

/** The trusted certificates themselves. */
export function trustedCertificates(home: string): X509Certificate[] {
  const dir = join(home, TRUST_FOLDER);
  if (!existsSync(dir)) return [];
  const found: X509Certificate[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.pem')) continue;
    try {
      found.push(new X509Certificate(readFileSync(join(dir, name))));
    } catch {
      // a damaged file trusts nothing
    }
  }
  return found;
}

export function listTrusted(home: string): TrustedCertificate[] {
  return trustedCertificates(home).map(describe);
}

/** A certificate file (PEM or DER, .cer/.crt/.pem), or a refusal naming the file. */
export function readCertificate(file: string, bytes: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new UserError('signatures.notCertificate', { file });
  }
}

export function trust(home: string, file: string, bytes: Uint8Array): TrustedCertificate[] {
  const certificate = readCertificate(file, bytes);
  const dir = join(home, TRUST_FOLDER);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${fingerprintOf(certificate)}.pem`);
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, certificate.toString());
  renameSync(temp, target);
  return listTrusted(home);
}

export function untrust(home: string, fingerprint: string): TrustedCertificate[] {
  const target = join(home, TRUST_FOLDER, `${fingerprint}.pem`);
  if (!existsSync(target)) throw new UserError('signatures.notTrusted', { fingerprint }, 'not-found');
  rmSync(target);
  return listTrusted(home);
}
