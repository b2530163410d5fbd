/**
 * What Verifikasi dokumen says about a PDF and a looked-up code, as words: the overall verdict at the top (valid and
 * matching, not valid and why, unsigned), and the names of states and documents. Pure: the screen renders it.
 */
import type { PdfSignature, PdfVerification } from '../../../../shared/contract/schemas.js';
import type { DocumentChoice } from '../../../../shared/domain/doc-stamp.js';
import { t as message, type Lang } from '../../../../shared/i18n/messages.js';
import type { UiKey } from '../../i18n.js';

export type Tone = 'ok' | 'warn' | 'bad';

export interface Verdict {
  tone: Tone;
  key: UiKey;
  params: Record<string, string>;
}

const STATES: Record<string, UiKey> = {
  draft: 'verif.state.draft',
  pleno: 'verif.state.pleno',
  locked: 'verif.state.locked',
  signed: 'verif.state.signed',
};

/** The result's state in words (`draft` → "draf — hasil belum dibahas …"), or null for a state this app does not know. */
export function stateKey(state: string): UiKey | null {
  return STATES[state] ?? null;
}

const DOCS: Record<DocumentChoice, UiKey> = {
  rekap: 'verif.doc.rekap',
  'berita-acara': 'verif.doc.berita-acara',
  lembar: 'verif.doc.lembar',
  formulir: 'verif.doc.formulir',
  catatan: 'verif.doc.catatan',
  all: 'verif.doc.all',
};

export function docKey(doc: DocumentChoice): UiKey {
  return DOCS[doc];
}

/** Why a signature is not valid, in the reader's language (the core's message), or null when it gave none. */
export function problemText(signature: Pick<PdfSignature, 'problem'>, lang: Lang): string | null {
  return signature.problem ? message(lang, signature.problem.key, signature.problem.params) : null;
}

/**
 * The verdict at the top: the first invalid signature (named, with its reason); a change after the last signature;
 * unsigned (said plainly, not as an error); the data not matching this laptop's; else valid and matching (with a
 * word when a certificate is self-made or from an issuer this laptop does not trust).
 */
export function pdfVerdict(result: PdfVerification, lang: Lang, notValid: string): Verdict {
  const { signatures } = result;
  const invalid = signatures.find((s) => !s.valid);
  if (invalid)
    return { tone: 'bad', key: 'verif.pdf.invalid', params: { signer: invalid.signer, problem: problemText(invalid, lang) ?? notValid } };
  const last = signatures.at(-1);
  if (last && !last.coversWholeDocument) return { tone: 'bad', key: 'verif.pdf.changedAfter', params: {} };
  if (!last) return { tone: 'warn', key: 'verif.pdf.unsigned', params: {} };
  if (result.matchesDatabase === false) return { tone: 'bad', key: 'verif.pdf.validMismatch', params: {} };
  if (result.matchesDatabase === null) return { tone: 'warn', key: 'verif.pdf.validNoStamp', params: {} };
  return signatures.every((s) => s.trusted)
    ? { tone: 'ok', key: 'verif.pdf.ok', params: {} }
    : { tone: 'ok', key: 'verif.pdf.okUntrusted', params: {} };
}

/** How a signature's coverage reads: whole; before the next signer's (normal); or something added after the last. */
export function coverageKey(signatures: readonly PdfSignature[], index: number): UiKey {
  if (signatures[index]!.coversWholeDocument) return 'verif.pdf.coversWhole';
  return index < signatures.length - 1 ? 'verif.pdf.coversBefore' : 'verif.pdf.coversLastNot';
}

/** How far a signature's certificate is vouched for. */
export function trustKey(signature: Pick<PdfSignature, 'trusted' | 'selfSigned'>): UiKey {
  if (signature.trusted) return 'verif.pdf.trusted';
  return signature.selfSigned ? 'verif.pdf.selfSigned' : 'verif.pdf.untrusted';
}
