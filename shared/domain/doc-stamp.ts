/**
 * A document's stamp: which document of which competition and revision it is, and the SHA-256 of the data it shows
 * (contract section 7). The stamp travels three ways: in the PDF's Keywords (read back by `verify --pdf`), in each
 * page's footer as the short code (its first 12 hex digits, what a person types into Verifikasi dokumen), and in
 * each page's QR code as the payload below (what a phone or scanner reads). Pure: the hashing is the caller's.
 */

export const DOCUMENT_KINDS = ['rekap', 'berita-acara', 'lembar', 'formulir', 'catatan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** A document, or `all`: the bundle of every document in one PDF. */
export type DocumentChoice = DocumentKind | 'all';

export const STAMP_FORMAT = 'penilai.document/1';

export interface DocumentStamp {
  doc: DocumentChoice;
  competition: string;
  /** The plenary revision the data belongs to (0 before any reopening). */
  revision: number;
  /** The juror and site the document was limited to, when it was. */
  juror: string | null;
  site: string | null;
  /** SHA-256, 64 lowercase hex digits. */
  sha256: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The short code printed on each page: the hash's first 12 hex digits, upper case, in three groups (AB12-CD34-EF56). */
export function shortCode(sha256: string): string {
  const head = sha256.slice(0, 12).toUpperCase();
  return `${head.slice(0, 4)}-${head.slice(4, 8)}-${head.slice(8, 12)}`;
}

/** What a person typed as a short code, reduced to 12 lowercase hex digits, or null when it cannot be one. */
export function normaliseShortCode(typed: string): string | null {
  const hex = typed.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{12,64}$/.test(hex) ? hex : null;
}

function encodePart(value: string): string {
  return encodeURIComponent(value);
}

/** The Keywords text of a PDF: `penilai.document/1;doc=…;competition=…;revision=…;juror=…;site=…;sha256=…`. */
export function formatStamp(stamp: DocumentStamp): string {
  return [
    STAMP_FORMAT,
    `doc=${stamp.doc}`,
    `competition=${encodePart(stamp.competition)}`,
    `revision=${stamp.revision}`,
    `juror=${encodePart(stamp.juror ?? '')}`,
    `site=${encodePart(stamp.site ?? '')}`,
    `sha256=${stamp.sha256}`,
  ].join(';');
}

/** The stamp in a Keywords text (or in any text holding one), or null. Never throws. */
export function parseStamp(text: string): DocumentStamp | null {
  const start = text.indexOf(STAMP_FORMAT + ';');
  if (start < 0) return null;
  const fields = new Map<string, string>();
  for (const part of text.slice(start + STAMP_FORMAT.length + 1).split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) break;
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const doc = fields.get('doc');
  const sha256 = fields.get('sha256')?.slice(0, 64);
  const revision = Number(fields.get('revision'));
  if (!doc || !(doc === 'all' || (DOCUMENT_KINDS as readonly string[]).includes(doc))) return null;
  if (!sha256 || !HEX64.test(sha256) || !Number.isInteger(revision) || revision < 0) return null;
  try {
    const competition = decodeURIComponent(fields.get('competition') ?? '');
    if (!competition) return null;
    const juror = decodeURIComponent(fields.get('juror') ?? '') || null;
    const site = decodeURIComponent(fields.get('site') ?? '') || null;
    return { doc: doc as DocumentChoice, competition, revision, juror, site, sha256 };
  } catch {
    return null;
  }
}

/** The QR payload of a page: `PENILAI:<doc>:<competition>:<revision>:<sha256>` (upper-case prefix keeps QR small). */
export function qrPayload(stamp: Pick<DocumentStamp, 'doc' | 'competition' | 'revision' | 'sha256'>): string {
  return `PENILAI:${stamp.doc}:${encodePart(stamp.competition)}:${stamp.revision}:${stamp.sha256}`;
}

/** A scanned QR payload, or null when the text is not one. */
export function parseQrPayload(text: string): Pick<DocumentStamp, 'doc' | 'competition' | 'revision' | 'sha256'> | null {
  const m = /^PENILAI:([a-z-]+):([^:]+):(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) return null;
  const doc = m[1]!;
  if (!(doc === 'all' || (DOCUMENT_KINDS as readonly string[]).includes(doc))) return null;
  try {
    return { doc: doc as DocumentChoice, competition: decodeURIComponent(m[2]!), revision: Number(m[3]), sha256: m[4]! };
  } catch {
    return null;
  }
}

/**
 * The named destination (a PDF `/Dests` entry, react-pdf's `id`) at the top left of a juror's signing space in a
 * document: where `sign` puts that juror's visible signature. The space is `SIGNING_SPACE` points wide and high.
 */
export function signingDestination(juror: string): string {
  return `ttd-${encodeURIComponent(juror)}`;
}

export const SIGNING_SPACE = { width: 150, height: 44 } as const;
