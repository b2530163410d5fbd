/**
 * The signatures channels (contract section 7): a PDF signed with a PKCS#12 key (PAdES baseline B-B, visible in
 * the signer's block, an incremental update), a self-signed key made for a juror without a certificate, the
 * certificates the secretariat trusts, and a PDF verified (every signature, and its data hash against this
 * database). Passphrases are only ever arguments: never stored, never logged.
 */
import { z } from 'zod';
import { nipSchema } from '../domain/competition.js';
import type { DocumentStamp } from '../domain/doc-stamp.js';
import type { MessageKey, Params } from '../i18n/messages.js';
import { type FileBytes, code, fileInput } from './common.js';

const passphrase = z.string().min(1).max(1024);

export const signaturesInputs = {
  /** Every signature of the PDF, and (with `database`) whether its data hash matches this database. */
  'signatures.verify': z.strictObject({ file: fileInput, database: z.boolean() }),
  /**
   * One more signature on a PDF made by Penilai, in the block of the juror whose certificate it is. Signing the
   * current Berita Acara by the last juror moves a locked result to `signed`. `juror` (an addition of issue 11's
   * signing): the block to sign in, which must be the certificate's juror; left out, the certificate's juror's block.
   */
  'signatures.sign': z.strictObject({ file: fileInput, p12: fileInput, passphrase, juror: code.optional() }),
  /** A self-signed key (PKCS#12, RSA 2048) for a juror without a certificate; said so at verification. */
  'signatures.newKey': z.strictObject({
    name: z.string().trim().min(1).max(200),
    nip: nipSchema.optional(),
    passphrase: z.string().min(8).max(1024),
  }),
  /** The certificates this installation trusts (such as the BSrE root). */
  'signatures.trusted': z.strictObject({}),
  'signatures.trust': z.strictObject({ file: fileInput }),
  'signatures.untrust': z.strictObject({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
};

/** One signature of a PDF, as `verify --pdf --json` prints it (contract section 7), with what the app adds. */
export interface PdfSignature {
  /** The signer's name (the certificate's common name). */
  signer: string;
  subject: string;
  issuer: string;
  /** ISO 8601, from the signature (its claimed time: B-B has no time-stamp). */
  signedAt: string | null;
  /** Whether the signature covers the whole file as it is (false for every signature but the last, when later ones were added). */
  coversWholeDocument: boolean;
  /** The bytes it covers are unchanged and the CMS signature checks out with the certificate it carries. */
  valid: boolean;
  /** The certificate chains to one this installation trusts. */
  trusted: boolean;
  selfSigned: boolean;
  /** Why it is not valid, in words, or null. */
  problem: { key: MessageKey; params: Params } | null;
  /**
   * The juror of the document's competition this signature belongs to (by NIP, else by name) when verified with the
   * database; without it, the juror of the block it was signed in (its field `ttd-<juror>`); or null.
   */
  juror: string | null;
}

export interface PdfVerification {
  /** Every signature valid, at least one present, and (when checked) the data hash matching. */
  ok: boolean;
  signatures: PdfSignature[];
  /** The stamp the PDF carries (which document of which competition and revision, its data hash), or null. */
  stamp: DocumentStamp | null;
  dataHash: string | null;
  /** null when the database was not asked, or the PDF has no stamp. */
  matchesDatabase: boolean | null;
  /** What differs, in words, when the hash does not match (e.g. the revision moved on, a score changed). */
  databaseProblem: { key: MessageKey; params: Params } | null;
}

export interface SignedFile extends FileBytes {
  signer: string;
  juror: string | null;
  /** The result's state after signing (`signed` once every juror has signed the current Berita Acara). */
  state: string | null;
}

export interface TrustedCertificate {
  fingerprint: string;
  subject: string;
  issuer: string;
  validTo: string;
}

export interface SignaturesResults {
  'signatures.verify': PdfVerification;
  'signatures.sign': SignedFile;
  'signatures.newKey': FileBytes;
  'signatures.trusted': TrustedCertificate[];
  'signatures.trust': TrustedCertificate[];
  'signatures.untrust': TrustedCertificate[];
}
