/**
 * Reading a PDF made by Penilai, for signing: its stamp (the Keywords), its trailer, the signing spaces left (Link
 * annotations going to a `ttd-<juror>` destination, whose /Rect is the space on the page) and the signatures already
 * in it. Read with pdf-lib's parser only: the file is never saved by pdf-lib (that would rewrite it and break every
 * signature in it); updates are appended by sign.ts.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { parseStamp, type DocumentStamp } from '../../../shared/domain/doc-stamp.js';
import { UserError } from '../../../shared/domain/errors.js';

export interface SigningSpace {
  juror: string;
  page: PDFRef;
  /** The Link annotation that marks the space (removed from the page when it is signed). */
  annotation: PDFRef;
  rect: [number, number, number, number];
}

export interface ParsedPdf {
  doc: PDFDocument;
  stamp: DocumentStamp | null;
  /** Where the last cross-reference section starts (the update's /Prev). */
  startxref: number;
  /** The next free object number. */
  size: number;
  /** The spaces not signed yet, in page order. */
  spaces: SigningSpace[];
  /** The jurors whose space already holds a signature (the widget's field name ttd-<juror>). */
  signedJurors: string[];
  /** The signature fields already in the document (references), for the AcroForm's /Fields. */
  fields: PDFRef[];
}

function text(object: PDFObject | undefined): string | null {
  if (object instanceof PDFString || object instanceof PDFHexString) return object.decodeText();
  return null;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The offset of the last cross-reference section and the trailer's /Size, read from the end of the file. */
export function lastTrailer(bytes: Uint8Array): { startxref: number; size: number } | null {
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 4096)));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return null;
  const all = latin1(bytes);
  const trailer = all.lastIndexOf('trailer');
  const size = trailer >= 0 ? /\/Size\s+(\d+)/.exec(all.slice(trailer, trailer + 2000)) : null;
  return { startxref: Number(m[1]), size: size ? Number(size[1]) : 0 };
}

function juror(destination: string): string | null {
  if (!destination.startsWith('ttd-')) return null;
  try {
    return decodeURIComponent(destination.slice(4)) || null;
  } catch {
    return null;
  }
}

/**
 * Parses a PDF for signing. Refuses (naming the file): not a PDF, unreadable, encrypted, or written with
 * cross-reference streams (Penilai's documents use a classic table; its updates do too).
 */
export async function readPdf(file: string, bytes: Uint8Array): Promise<ParsedPdf> {
  if (latin1(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new UserError('signatures.notPdf', { file });
  const trailer = lastTrailer(bytes);
  if (!trailer) throw new UserError('signatures.pdfDamaged', { file });
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    throw new UserError('signatures.pdfDamaged', { file });
  }
  if (doc.isEncrypted) throw new UserError('signatures.pdfEncrypted', { file });
  const stamp = parseStamp(doc.getKeywords() ?? '');
  const spaces: SigningSpace[] = [];
  const signedJurors: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const annot = doc.context.lookup(ref);
      if (!(ref instanceof PDFRef) || !(annot instanceof PDFDict)) continue;
      const subtype = annot.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Link')) {
        const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
        const destination = action && action.get(PDFName.of('S')) === PDFName.of('GoTo') ? text(action.lookup(PDFName.of('D'))) : null;
        const code = destination ? juror(destination) : null;
        const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
        if (code && rect && rect.size() === 4) {
          const [x1, y1, x2, y2] = rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) as [
            number,
            number,
            number,
            number,
          ];
          if ([x1, y1, x2, y2].every(Number.isFinite))
            spaces.push({
              juror: code,
              page: page.ref,
              annotation: ref,
              rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)],
            });
        }
      } else if (subtype === PDFName.of('Widget') && annot.get(PDFName.of('FT')) === PDFName.of('Sig')) {
        const name = text(annot.lookup(PDFName.of('T')));
        const code = name ? juror(name) : null;
        if (code) signedJurors.push(code);
      }
    }
  }
  const fields: PDFRef[] = [];
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const existing = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (const field of existing?.asArray() ?? []) if (field instanceof PDFRef) fields.push(field);
  const size = Math.max(trailer.size, doc.context.largestObjectNumber + 1);
  return { doc, stamp, startxref: trailer.startxref, size, spaces, signedJurors, fields };
}

/** A text as a PDF string that any reader shows right: UTF-16BE with its byte-order mark, in hex. */
export function pdfText(value: string): string {
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}
