/**
 * What the signatures domain asks of other domains, through `Deps.signing` (wired in app.ts), never by importing
 * them: the data hash the database gives now for a stamped document (the documents domain's `planDocument`), and
 * the result moved to `signed` when every juror has signed the current Berita Acara (the pleno domain's
 * `markSigned`). Also the installation's home, where the trusted certificates live.
 */
import type { DocumentStamp } from '../../../shared/domain/doc-stamp.js';

export interface SigningLinks {
  /** The installation's home folder (the device identity's): the trust store is in it. */
  home: string;
  /** The revision and data hash of the stamped document as the database has it now (throws a UserError when it cannot be planned). */
  currentDocument(stamp: DocumentStamp, now: Date): { revision: number; sha256: string };
  /** Locked → signed, for that revision and snapshot; the state after. */
  markSigned(competition: string, revision: number, snapshot: string, signers: string[]): string;
}
