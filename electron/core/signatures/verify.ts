/**
 * Verifying every signature of a PDF (contract section 7). The signature dictionaries are found in the bytes as they
 * are (every `/ByteRange [a b c d]`), not through a parser that could repair a damaged file; for each: the byte
 * range is sane (starts at 0, its gap is exactly the /Contents hex string, inside the file), the SHA-256 of the
 * ranges equals the CMS messageDigest, the CMS signature checks out with the certificate it carries, the ESS
 * signing-certificate-v2 hash is that certificate's, the /SubFilter is a detached CMS. Then whether the certificate
 * chains to one this installation trusts, or is self-signed, and which juror it belongs to.
 */
import type { X509Certificate } from 'node:crypto';
import type { PdfSignature } from '../../../shared/contract/signatures.js';
import { parseStamp, type DocumentStamp } from '../../../shared/domain/doc-stamp.js';
import { jurorsOf, type JurorIdentity } from '../../../shared/domain/signer.js';
import type { MessageKey, Params } from '../../../shared/i18n/messages.js';
import { UserError } from '../../../shared/domain/errors.js';
import { checkCms } from './cms.js';
import { certificateHolder, oneLine } from './p12.js';

const SUBFILTERS = ['ETSI.CAdES.detached', 'adbe.pkcs7.detached'];

/**
 * What a PDF given to verify may hold (found by test/integration/signatures-fuzz.test.ts: 20,000 byte ranges in a
 * 400 KB file ran the process out of memory): at most 64 signatures (a recap has one a juror), each /Contents at most
 * 1 MB of CMS (Penilai reserves 16 KB; others up to a few hundred with timestamps and revocation data), each
 * signature dictionary read at most 4,000 characters either side of its /ByteRange; the file itself at most 256 MB
 * (the bundle of the largest competition, 473 pages, is under 10 MB), checked before it is read.
 */
export const PDF_LIMITS = { signatures: 64, contentsBytes: 1024 * 1024, dictionary: 4000, fileBytes: 256 * 1024 * 1024 };

interface FoundSignature {
  /** Where its /ByteRange is in the file. */
  at: number;
  /** Its object number, when the dictionary is an indirect object. */
  number: number | null;
  range: number[];
  /** The text of its dictionary around the byte range (the /Contents gap left out). */
  dict: string;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Every signature dictionary's byte range, in file order; more than the limit refused, naming the file. */
function findSignatures(text: string, file: string): FoundSignature[] {
  const found: FoundSignature[] = [];
  const pattern = /\/ByteRange\s*\[\s*(-?\d+)\s+(-?\d+)\s+(-?\d+)\s+(-?\d+)\s*\]/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (found.length === PDF_LIMITS.signatures) throw new UserError('signatures.tooManySignatures', { file, limit: PDF_LIMITS.signatures });
    const range = m.slice(1, 5).map(Number);
    const start = Math.max(text.lastIndexOf(' obj', m.index), m.index - PDF_LIMITS.dictionary, 0);
    const gapEnd = range[2]! > m.index && range[2]! < text.length ? range[2]! : m.index;
    const end = text.slice(0, Math.max(gapEnd, m.index) + PDF_LIMITS.dictionary).indexOf('endobj', Math.max(gapEnd, m.index));
    const before = text.slice(start, Math.min(m.index, range[1]! > start ? range[1]! : m.index));
    const after = text.slice(m.index, end < 0 ? Math.min(text.length, m.index + 4000) : end);
    const dict = (before + after).replace(/<[0-9a-fA-F\s]{200,}>/g, '<…>');
    const head = /(\d+)\s+\d+\s*$/.exec(text.slice(Math.max(0, start - 24), start));
    found.push({ at: m.index, number: head ? Number(head[1]) : null, range, dict });
  }
  return found;
}

/** /M (D:20261202151500+07'00') as ISO 8601, or null. */
export function parsePdfDate(value: string | null): string | null {
  if (!value) return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m;
  let offset = 'Z';
  if (zone && zone !== 'Z') {
    const z = /([+-])(\d{2})'?(\d{2})/.exec(zone)!;
    offset = `${z[1]}${z[2]}:${z[3]}`;
  }
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

function pdfName(dict: string, key: string): string | null {
  return new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(dict)?.[1] ?? null;
}

/** The juror of the block a signature was made in: the name `ttd-<juror>` of the widget whose /V is the signature. */
function fieldJuror(text: string, number: number | null): string | null {
  if (number === null) return null;
  const m = new RegExp(`/T\\s*(<[0-9A-Fa-f]+>|\\([^)]*\\))[^]{0,400}?/V\\s+${number}\\s+0\\s+R`).exec(text);
  if (!m) return null;
  const raw = m[1]!;
  let name: string;
  if (raw.startsWith('<')) {
    const bytes = Buffer.from(raw.slice(1, -1), 'hex');
    name = bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
  } else name = raw.slice(1, -1);
  if (!name.startsWith('ttd-')) return null;
  try {
    return decodeURIComponent(name.slice(4)) || null;
  } catch {
    return null;
  }
}

function problem(key: MessageKey, params: Params = {}): { key: MessageKey; params: Params } {
  return { key, params };
}

/** Whether the certificate chains, through the certificates given, to one of the trusted ones (each checked by its issuer's key). */
export function chainsToTrusted(certificate: X509Certificate, pool: X509Certificate[], trusted: X509Certificate[]): boolean {
  const trustedPrints = new Set(trusted.map((c) => c.fingerprint256));
  let current = certificate;
  for (let depth = 0; depth < 8; depth++) {
    if (trustedPrints.has(current.fingerprint256)) return true;
    const issuer = [...trusted, ...pool].find((c) => current.checkIssued(c) && verifies(current, c));
    if (!issuer || issuer.fingerprint256 === current.fingerprint256) return false;
    current = issuer;
  }
  return false;
}

function verifies(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function isSelfSigned(certificate: X509Certificate): boolean {
  // Not checkIssued: OpenSSL wants keyCertSign in an issuer's key usage, which a signing-only certificate lacks.
  return certificate.subject === certificate.issuer && verifies(certificate, certificate);
}

function hexBytes(text: string): Buffer | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(clean)) return null;
  return Buffer.from(clean.length % 2 ? clean + '0' : clean, 'hex');
}

export interface VerifyOptions {
  /** The file's name, for a refusal. */
  file?: string;
  trusted: X509Certificate[];
  /** The stamp's competition's jurors, when the database is at hand. */
  jurors: readonly JurorIdentity[] | null;
}

/** Every signature of the file, in the order they were added. Never throws for a damaged file: each problem is told. */
export async function verifySignatures(bytes: Uint8Array, options: VerifyOptions): Promise<PdfSignature[]> {
  const text = latin1(bytes);
  const results: PdfSignature[] = [];
  for (const found of findSignatures(text, options.file ?? 'PDF')) {
    const [a, b, c, d] = found.range as [number, number, number, number];
    const signature: PdfSignature = {
      signer: '',
      subject: '',
      issuer: '',
      signedAt: parsePdfDate(/\/M\s*\((D:[^)]*)\)/.exec(found.dict)?.[1] ?? null),
      coversWholeDocument: c + d === bytes.length && a === 0,
      valid: false,
      trusted: false,
      selfSigned: false,
      problem: null,
      juror: null,
    };
    results.push(signature);
    const subFilter = pdfName(found.dict, 'SubFilter');
    if (a !== 0 || b <= 0 || c <= b || d < 0) {
      signature.problem = problem('signatures.badByteRange', { range: found.range.join(' ') });
      continue;
    }
    if (c + d > bytes.length) {
      signature.problem = problem('signatures.rangeOutside', { end: c + d, size: bytes.length });
      continue;
    }
    if (c - b > 2 * PDF_LIMITS.contentsBytes + 1024) {
      signature.problem = problem('signatures.contentsTooLong', { limit: PDF_LIMITS.contentsBytes / 1024 });
      continue;
    }
    const gap = text.slice(b, c);
    const der = gap.startsWith('<') && gap.endsWith('>') ? hexBytes(gap.slice(1, -1)) : null;
    if (!der) {
      signature.problem = problem('signatures.badByteRange', { range: found.range.join(' ') });
      continue;
    }
    const signed = Buffer.concat([Buffer.from(bytes.subarray(a, b)), Buffer.from(bytes.subarray(c, c + d))]);
    let check;
    try {
      check = await checkCms(der, signed);
    } catch {
      signature.problem = problem('signatures.cmsUnreadable');
      continue;
    }
    const certificate = check.certificate;
    if (certificate) {
      const holder = certificateHolder(certificate);
      signature.signer = holder.name;
      signature.subject = oneLine(certificate.subject);
      signature.issuer = oneLine(certificate.issuer);
      signature.selfSigned = isSelfSigned(certificate);
      signature.trusted = chainsToTrusted(certificate, check.certificates, options.trusted);
      signature.juror = options.jurors ? (jurorsOf(holder, options.jurors)[0]?.code ?? null) : fieldJuror(text, found.number);
    }
    if (!certificate) signature.problem = problem('signatures.noCertificate');
    else if (!subFilter || !SUBFILTERS.includes(subFilter))
      signature.problem = problem('signatures.subFilter', { subFilter: subFilter ?? '—' });
    else if (!check.sha256) signature.problem = problem('signatures.notSha256');
    else if (!check.digestMatches) signature.problem = problem('signatures.digestMismatch');
    else if (!check.signatureValid) signature.problem = problem('signatures.signatureInvalid');
    else if (subFilter === 'ETSI.CAdES.detached' && !check.signingCertificateMatches) signature.problem = problem('signatures.essMismatch');
    signature.valid = signature.problem === null;
  }
  return results;
}

/** The certificates of every signature already in a file (to refuse a second signature by the same one). */
export async function signatureCertificates(bytes: Uint8Array, file: string): Promise<X509Certificate[]> {
  const text = latin1(bytes);
  const found: X509Certificate[] = [];
  for (const sig of findSignatures(text, file)) {
    const [, b, c] = sig.range as [number, number, number, number];
    if (c - b > 2 * PDF_LIMITS.contentsBytes + 1024) continue;
    const gap = text.slice(b, c);
    const der = gap.startsWith('<') && gap.endsWith('>') ? hexBytes(gap.slice(1, -1)) : null;
    if (!der) continue;
    try {
      const check = await checkCms(der, new Uint8Array());
      if (check.certificate) found.push(check.certificate);
    } catch {
      // an unreadable signature names no certificate
    }
  }
  return found;
}

/** The stamp in the PDF's Keywords, read from the bytes (the Info dictionary is never compressed in Penilai's PDFs). */
export function stampOfBytes(bytes: Uint8Array): DocumentStamp | null {
  const text = latin1(bytes);
  const at = text.lastIndexOf('penilai.document/1;');
  if (at < 0) return null;
  const end = text.indexOf(')', at);
  return parseStamp(text.slice(at, end < 0 ? at + 400 : end));
}
