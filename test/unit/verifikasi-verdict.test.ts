/**
 * The verdict Verifikasi dokumen puts at the top of a checked PDF (renderer/src/screens/verifikasi/verdict.ts): an
 * invalid signature is named with its reason, a change after the last signature is not valid, unsigned is said
 * plainly, a data mismatch is not hidden by valid signatures; and how each signature's coverage and trust read.
 */
import { describe, expect, it } from 'vitest';
import type { PdfSignature, PdfVerification } from '../../shared/contract/schemas.js';

// The renderer is its own TypeScript project: its modules are loaded by path (as test/unit/events.test.ts does).
type Lang = 'id' | 'en';
interface Verdict {
  tone: 'ok' | 'warn' | 'bad';
  key: string;
  params: Record<string, string>;
}
const VERDICT = '../../renderer/src/screens/verifikasi/verdict.js';
const I18N = '../../renderer/src/i18n.js';
const { coverageKey, docKey, pdfVerdict, stateKey, trustKey } = (await import(VERDICT)) as {
  coverageKey: (signatures: PdfSignature[], index: number) => string;
  docKey: (doc: string) => string;
  pdfVerdict: (result: PdfVerification, lang: Lang, notValid: string) => Verdict;
  stateKey: (state: string) => string | null;
  trustKey: (signature: Pick<PdfSignature, 'trusted' | 'selfSigned'>) => string;
};
const { translate } = (await import(I18N)) as { translate: (lang: Lang, key: string, params?: Record<string, string>) => string };

const HASH = 'ab'.repeat(32);

function signature(over: Partial<PdfSignature> = {}): PdfSignature {
  return {
    signer: 'Dr. Hj. Siti Aminah',
    subject: 'CN=Dr. Hj. Siti Aminah',
    issuer: 'CN=Dr. Hj. Siti Aminah',
    signedAt: '2026-09-21T03:00:00.000Z',
    coversWholeDocument: true,
    valid: true,
    trusted: false,
    selfSigned: true,
    problem: null,
    juror: 'J1',
    ...over,
  };
}

function verification(over: Partial<PdfVerification> = {}): PdfVerification {
  return {
    ok: true,
    signatures: [signature()],
    stamp: { doc: 'rekap', competition: 'DEMO', revision: 0, juror: null, site: null, sha256: HASH },
    dataHash: HASH,
    matchesDatabase: true,
    databaseProblem: null,
    ...over,
  };
}

const said = (v: PdfVerification, lang: 'id' | 'en' = 'id') => {
  const verdict = pdfVerdict(v, lang, translate(lang, 'verif.pdf.notValidUnknown'));
  return [verdict.tone, translate(lang, verdict.key, verdict.params)];
};

describe('the verdict on a PDF', () => {
  it('is valid and matching when every signature is valid, the last covers the file and the data matches', () => {
    const trusted = signature({ trusted: true, selfSigned: false, issuer: 'CN=BSrE' });
    expect(said(verification({ signatures: [trusted] }))).toEqual(['ok', 'Dokumen sah dan cocok dengan data']);
    expect(said(verification({ signatures: [trusted] }), 'en')).toEqual(['ok', 'The document is valid and matches the data']);
    expect(said(verification())).toEqual([
      'ok',
      'Dokumen sah dan cocok dengan data, tetapi tidak semua sertifikat dari penerbit tepercaya',
    ]);
  });

  it('names the first invalid signature with its reason, in the reader’s language', () => {
    const bad = signature({ signer: 'Ir. Bambang', valid: false, problem: { key: 'documents.notAvailable', params: { doc: 'x' } } });
    expect(said(verification({ ok: false, signatures: [signature({ coversWholeDocument: false }), bad] }))).toEqual([
      'bad',
      'Dokumen TIDAK sah: tanda tangan Ir. Bambang tidak berlaku — Dokumen "x" belum dapat dibuat oleh versi aplikasi ini.',
    ]);
    expect(said(verification({ ok: false, signatures: [signature({ valid: false })] }), 'en')).toEqual([
      'bad',
      'The document is NOT valid: the signature of Dr. Hj. Siti Aminah does not hold — Not valid',
    ]);
  });

  it('is not valid when the file was changed after the last signature', () => {
    expect(said(verification({ ok: false, signatures: [signature({ coversWholeDocument: false })] }))).toEqual([
      'bad',
      'Dokumen TIDAK sah: berkas diubah sesudah tanda tangan terakhir',
    ]);
  });

  it('says unsigned plainly, as a warning and not as an error, whatever the data', () => {
    expect(said(verification({ ok: false, signatures: [] }))).toEqual(['warn', 'Dokumen ini belum ditandatangani secara digital']);
    expect(said(verification({ ok: false, signatures: [], matchesDatabase: false }))).toEqual([
      'warn',
      'Dokumen ini belum ditandatangani secara digital',
    ]);
  });

  it('does not let valid signatures hide data that no longer matches, nor a missing stamp', () => {
    expect(said(verification({ ok: false, matchesDatabase: false }))).toEqual([
      'bad',
      'Tanda tangan sah, tetapi data dokumen TIDAK cocok dengan data di laptop ini',
    ]);
    expect(said(verification({ ok: true, stamp: null, dataHash: null, matchesDatabase: null }))).toEqual([
      'warn',
      'Tanda tangan sah, tetapi dokumen tidak memuat stempel data Penilai untuk dicocokkan',
    ]);
  });
});

describe('each signature in words', () => {
  it('reads an earlier signer’s partial coverage as normal, a last one’s as a change after it', () => {
    const earlier = signature({ coversWholeDocument: false });
    const last = signature();
    expect([coverageKey([earlier, last], 0), coverageKey([earlier, last], 1)]).toEqual(['verif.pdf.coversBefore', 'verif.pdf.coversWhole']);
    expect(coverageKey([earlier], 0)).toBe('verif.pdf.coversLastNot');
  });

  it('says trusted, self-made, or an issuer this laptop does not trust', () => {
    expect(trustKey({ trusted: true, selfSigned: false })).toBe('verif.pdf.trusted');
    expect(trustKey({ trusted: false, selfSigned: true })).toBe('verif.pdf.selfSigned');
    expect(trustKey({ trusted: false, selfSigned: false })).toBe('verif.pdf.untrusted');
    expect(translate('id', trustKey({ trusted: false, selfSigned: true }))).toBe(
      'Sertifikat buatan sendiri — tidak dijamin penerbit tepercaya',
    );
  });

  it('names every state of the result and every document', () => {
    expect(['draft', 'pleno', 'locked', 'signed', 'lain'].map((s) => stateKey(s))).toEqual([
      'verif.state.draft',
      'verif.state.pleno',
      'verif.state.locked',
      'verif.state.signed',
      null,
    ]);
    expect(translate('id', docKey('berita-acara'))).toBe('Berita Acara Penilaian');
    expect(translate('en', docKey('all'))).toBe('bundle of assessment documents');
  });
});
