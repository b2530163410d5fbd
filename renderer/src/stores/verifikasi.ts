/**
 * Verifikasi dokumen: a printed page's code looked up (`documents.lookup`), a PDF file verified
 * (`signatures.verify`), and the certificates this laptop trusts (`signatures.trusted|trust|untrust`).
 */
import { create } from 'zustand';
import type { DocumentLookup, PdfVerification, TrustedCertificate } from '../../../shared/contract/schemas.js';
import type { AppError } from '../../../shared/domain/errors.js';
import type { PlenoState } from '../../../shared/domain/pleno.js';
import { call } from '../api.js';

/** A competition's people by code, to name the juror and site of a document. */
export interface Names {
  name: string;
  jurors: Record<string, string>;
  sites: Record<string, string>;
}

export interface CodeCheck {
  lookup: DocumentLookup;
  /**
   * When the text was a QR payload that matched nothing: the competition it claims as this laptop has it now
   * (its name, revision and state), or null when this laptop has no such competition.
   */
  claimedNow: { name: string; revision: number; state: PlenoState } | null;
  /** The people of each competition named (the matches', the claim's). */
  names: Record<string, Names>;
}

export interface PdfCheck {
  name: string;
  result: PdfVerification;
  names: Names | null;
}

interface VerifikasiState {
  code: CodeCheck | null;
  codeBusy: boolean;
  codeError: AppError | null;
  pdf: PdfCheck | null;
  /** The name of the file being checked. */
  pdfBusy: string | null;
  pdfError: { error: AppError } | { notPdf: string } | null;
  /** The PDF last checked, checked again when the trusted certificates change (its verdict may change with them). */
  lastPdf: { name: string; bytes: Uint8Array } | null;
  trusted: TrustedCertificate[] | null;
  trustError: AppError | null;
  trustDone: 'added' | 'removed' | null;
  checkCode(text: string): Promise<void>;
  checkPdf(file: { name: string; bytes: Uint8Array }): Promise<void>;
  loadTrusted(): Promise<void>;
  trust(file: { name: string; bytes: Uint8Array }): Promise<void>;
  untrust(fingerprint: string): Promise<void>;
}

async function namesOf(competition: string): Promise<Names | null> {
  const got = await call('setup.get', { code: competition });
  if (!got.ok) return null;
  return {
    name: got.value.info.name,
    jurors: Object.fromEntries(got.value.jurors.map((j) => [j.code, j.name])),
    sites: Object.fromEntries(got.value.sites.map((s) => [s.code, s.name])),
  };
}

/** A PDF, by its first bytes ("%PDF-"), whatever the file is called. */
function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

let codeRun = 0;
let pdfRun = 0;

export const useVerifikasiStore = create<VerifikasiState>((set, get) => ({
  code: null,
  codeBusy: false,
  codeError: null,
  pdf: null,
  pdfBusy: null,
  pdfError: null,
  lastPdf: null,
  trusted: null,
  trustError: null,
  trustDone: null,

  checkCode: async (text) => {
    const run = ++codeRun;
    set({ codeBusy: true, codeError: null });
    const found = await call('documents.lookup', { text: text.slice(0, 400) });
    if (run !== codeRun) return;
    if (!found.ok) return set({ codeBusy: false, code: null, codeError: found.error });
    const lookup = found.value;
    const competitions = new Set(lookup.matches.map((m) => m.competition));
    if (lookup.claimed) competitions.add(lookup.claimed.competition);
    const names: Record<string, Names> = {};
    for (const competition of competitions) {
      const named = await namesOf(competition);
      if (named) names[competition] = named;
    }
    let claimedNow: CodeCheck['claimedNow'] = null;
    const claim = lookup.claimed;
    if (claim && lookup.matches.length === 0 && names[claim.competition]) {
      const status = await call('pleno.status', { competition: claim.competition });
      if (status.ok) claimedNow = { name: names[claim.competition]!.name, revision: status.value.revision, state: status.value.state };
    }
    if (run !== codeRun) return;
    set({ codeBusy: false, code: { lookup, claimedNow, names } });
  },

  checkPdf: async (file) => {
    const run = ++pdfRun;
    if (!isPdf(file.bytes)) return set({ pdf: null, pdfBusy: null, pdfError: { notPdf: file.name } });
    set({ pdfBusy: file.name, pdfError: null, pdf: null, lastPdf: file });
    const verified = await call('signatures.verify', { file, database: true });
    if (run !== pdfRun) return;
    if (!verified.ok) return set({ pdfBusy: null, pdfError: { error: verified.error } });
    const stamp = verified.value.stamp;
    const names = stamp ? await namesOf(stamp.competition) : null;
    if (run !== pdfRun) return;
    set({ pdfBusy: null, pdf: { name: file.name, result: verified.value, names } });
  },

  loadTrusted: async () => {
    const listed = await call('signatures.trusted', {});
    if (listed.ok) set({ trusted: listed.value, trustError: null });
    else set({ trusted: null, trustError: listed.error });
  },

  trust: async (file) => {
    set({ trustDone: null });
    const done = await call('signatures.trust', { file });
    if (!done.ok) return set({ trustError: done.error });
    set({ trusted: done.value, trustError: null, trustDone: 'added' });
    const last = get().lastPdf;
    if (last) await get().checkPdf(last);
  },

  untrust: async (fingerprint) => {
    set({ trustDone: null });
    const done = await call('signatures.untrust', { fingerprint });
    if (!done.ok) return set({ trustError: done.error });
    set({ trusted: done.value, trustError: null, trustDone: 'removed' });
    const last = get().lastPdf;
    if (last) await get().checkPdf(last);
  },
}));
