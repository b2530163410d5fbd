/**
 * The signatures domain's work with the database at hand: verification with the data hash compared, signing with
 * the competition's jurors, and the Berita Acara signed by every juror moving the result to `signed`. The command
 * line without `--db` uses the same pieces with no database (verify.ts, sign.ts).
 */
import type { PdfVerification, SignedFile } from '../../../shared/contract/signatures.js';
import { shortCode, type DocumentStamp } from '../../../shared/domain/doc-stamp.js';
import { UserError } from '../../../shared/domain/errors.js';
import type { JurorIdentity } from '../../../shared/domain/signer.js';
import type { Deps } from '../deps.js';
import type { Resources } from '../platform/resources.js';
import type { SigningLinks } from './links.js';
import { readP12 } from './p12.js';
import { signDocument } from './sign.js';
import { trustedCertificates } from './trust.js';
import { PDF_LIMITS, stampOfBytes, verifySignatures } from './verify.js';

/** What verification can ask of a database: its competitions' jurors and the documents' hashes now. */
export interface DatabaseView {
  jurors(competition: string): JurorIdentity[] | null;
  links: SigningLinks;
  now: Date;
}

export function databaseView(deps: Deps): DatabaseView {
  return {
    jurors: (competition) =>
      deps.repos.setup.listCompetitions().some((c) => c.code === competition)
        ? deps.repos.setup.loadCompetition(competition).jurors.map((j) => ({ code: j.code, name: j.name, nip: j.nip ?? null }))
        : null,
    links: deps.signing,
    now: deps.clock(),
  };
}

function compare(stamp: DocumentStamp | null, db: DatabaseView): Pick<PdfVerification, 'matchesDatabase' | 'databaseProblem'> {
  if (!stamp) return { matchesDatabase: null, databaseProblem: { key: 'signatures.noStamp', params: {} } };
  if (db.jurors(stamp.competition) === null)
    return { matchesDatabase: false, databaseProblem: { key: 'signatures.dbNoCompetition', params: { competition: stamp.competition } } };
  let current: { revision: number; sha256: string };
  try {
    current = db.links.currentDocument(stamp, db.now);
  } catch (error) {
    if (error instanceof UserError) return { matchesDatabase: false, databaseProblem: { key: error.key, params: error.params } };
    throw error;
  }
  if (current.revision !== stamp.revision)
    return {
      matchesDatabase: false,
      databaseProblem: {
        key: 'signatures.dbRevision',
        params: { competition: stamp.competition, revision: stamp.revision, current: current.revision },
      },
    };
  if (current.sha256 !== stamp.sha256)
    return {
      matchesDatabase: false,
      databaseProblem: {
        key: 'signatures.dbChanged',
        params: { competition: stamp.competition, doc: stamp.doc, printed: shortCode(stamp.sha256), current: shortCode(current.sha256) },
      },
    };
  return { matchesDatabase: true, databaseProblem: null };
}

/** A PDF larger than any Penilai prints is refused before it is read, naming the file and the limit. */
export function refuseLargePdf(size: number, file: string): void {
  if (size > PDF_LIMITS.fileBytes) throw new UserError('signatures.pdfTooLarge', { file, limit: PDF_LIMITS.fileBytes / (1024 * 1024) });
}

/** Every signature of the PDF and, with a database, whether its data hash matches. */
export async function verifyDocument(bytes: Uint8Array, home: string, db: DatabaseView | null, file = 'PDF'): Promise<PdfVerification> {
  refuseLargePdf(bytes.byteLength, file);
  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').indexOf('%PDF-') < 0)
    throw new UserError('signatures.notPdf', { file });
  const stamp = stampOfBytes(bytes);
  const jurors = db && stamp ? db.jurors(stamp.competition) : null;
  const signatures = await verifySignatures(bytes, { file, trusted: trustedCertificates(home), jurors });
  const database = db ? compare(stamp, db) : { matchesDatabase: null, databaseProblem: null };
  const ok = signatures.length > 0 && signatures.every((s) => s.valid) && (db === null || database.matchesDatabase === true);
  return { ok, signatures, stamp, dataHash: stamp?.sha256 ?? null, ...database };
}

export interface SignInput {
  file: { name: string; bytes: Uint8Array };
  p12: { name: string; bytes: Uint8Array };
  passphrase: string;
  juror: string | null;
}

/** The signed file's name: the original's, with the juror ("Rekapitulasi-DEMO.pdf" → "Rekapitulasi-DEMO-ttd-J1.pdf"). */
export function signedName(name: string, juror: string): string {
  const stem = name.replace(/\.pdf$/i, '').replace(/-ttd-[^/\\]*$/, '');
  return `${stem}-ttd-${juror}.pdf`;
}

/**
 * Signs with the database at hand: the certificate must be one of the stamp's competition's jurors. When the
 * Berita Acara of the current locked revision (its stamp's revision and hash are the database's snapshot) has every
 * signing space signed, each by a valid signature of its juror, the result moves to `signed`.
 */
export async function signWithDatabase(deps: Deps, input: SignInput, resources: Resources): Promise<SignedFile> {
  const now = deps.clock();
  const key = readP12(input.p12.name, input.p12.bytes, input.passphrase, now);
  const stamp = stampOfBytes(input.file.bytes);
  const db = databaseView(deps);
  const jurors = stamp ? db.jurors(stamp.competition) : null;
  if (stamp && jurors === null) throw new UserError('signatures.dbNoCompetition', { competition: stamp.competition }, 'not-found');
  const outcome = await signDocument({
    file: input.file.name,
    bytes: input.file.bytes,
    key,
    juror: input.juror,
    jurors,
    now,
    resources,
    // Every chain's head as it stands: the signed PDF is then an anchor for `verify --db --anchor`.
    heads: deps.repos.gate.ledger.heads(),
  });
  const competition = outcome.parsed.stamp!.competition;
  let state: string | null = deps.repos.pleno.status(competition).state;
  const signedStamp = outcome.parsed.stamp!;
  if (signedStamp.doc === 'berita-acara' && outcome.spacesLeft === 0) {
    const status = deps.repos.pleno.status(competition);
    if (status.state === 'locked' && status.revision === signedStamp.revision && status.snapshot === signedStamp.sha256) {
      const all = await verifySignatures(outcome.bytes, { trusted: [], jurors });
      const signers = all.filter((s) => s.valid && s.juror !== null).map((s) => s.juror!);
      const spaces = new Set([...outcome.parsed.signedJurors, ...outcome.parsed.spaces.map((s) => s.juror)]);
      if (all.every((s) => s.valid) && [...spaces].every((j) => signers.includes(j)))
        state = deps.signing.markSigned(competition, status.revision, status.snapshot, [...new Set(signers)]);
    }
  }
  return {
    name: signedName(input.file.name, outcome.juror),
    mime: 'application/pdf',
    bytes: outcome.bytes,
    signer: outcome.signer,
    juror: outcome.juror,
    state,
  };
}
