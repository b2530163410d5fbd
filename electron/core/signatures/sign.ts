/**
 * One more signature on a PDF made by Penilai, as an incremental update appended to the file (PAdES baseline B-B):
 * the earlier bytes are never touched, so every earlier signature stays valid. The update holds the signature
 * dictionary (/SubFilter /ETSI.CAdES.detached, /ByteRange, /Contents, /M), the signature widget on the signer's
 * signing space with its appearance and an embedded font subset, the page with the space's Link annotation replaced
 * by the widget, the catalog with its /AcroForm, and a classic cross-reference section with /Prev.
 *
 * Which space: the certificate's juror (shared/domain/signer.ts: by NIP, else by name) among the competition's jurors
 * when the database is at hand; without one, the space of `juror` when given, else the first space not signed yet.
 */
import { randomBytes } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { UserError } from '../../../shared/domain/errors.js';
import { jurorsOf, type JurorIdentity } from '../../../shared/domain/signer.js';
import type { Resources } from '../platform/resources.js';
import { appearanceLines, signatureAppearance } from './appearance.js';
import { buildCms, sha256 } from './cms.js';
import type { SigningKey } from './p12.js';
import { pdfText, readPdf, type ParsedPdf, type SigningSpace } from './pdf.js';
import { signatureCertificates } from './verify.js';
import { formatHeads, type LedgerHead } from '../../../shared/domain/ledger-heads.js';

/** Bytes reserved for the CMS signature (hex-encoded in /Contents): room for a certificate chain of several CAs. */
export const CONTENTS_BYTES = 16384;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 ********** ********** **********]';

export interface SignRequest {
  file: string;
  bytes: Uint8Array;
  key: SigningKey;
  /** The block to sign in, when the signer says so (`--juror`). */
  juror: string | null;
  /** The jurors of the stamp's competition, when the database is at hand; null without one. */
  jurors: readonly JurorIdentity[] | null;
  now: Date;
  resources: Resources;
  /** The ledger heads of the database at hand (anchors for `verify --db --anchor`), carried in the signature; none without one. */
  heads?: readonly LedgerHead[];
}

export interface SignOutcome {
  bytes: Uint8Array;
  juror: string;
  signer: string;
  /** The signing spaces still free after this signature. */
  spacesLeft: number;
  parsed: ParsedPdf;
}

/** D:YYYYMMDDHHmmSS+hh'mm' in the machine's local time. */
export function pdfDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `D:${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}${sign}${p(Math.floor(abs / 60))}'${p(abs % 60)}'`;
}

function chooseSpace(request: SignRequest, parsed: ParsedPdf): SigningSpace {
  const { file, key } = request;
  const signer = key.holder.name;
  if (parsed.spaces.length === 0 && parsed.signedJurors.length === 0) throw new UserError('signatures.noSpaces', { file });
  let candidates: string[];
  if (request.jurors) {
    const matched = jurorsOf(key.holder, request.jurors).map((j) => j.code);
    if (matched.length === 0)
      throw new UserError('signatures.notAJuror', { signer, nip: key.holder.nip ?? '—', competition: parsed.stamp!.competition });
    if (request.juror && !matched.includes(request.juror)) throw new UserError('signatures.notThisJuror', { signer, juror: request.juror });
    candidates = request.juror ? [request.juror] : matched;
  } else {
    candidates = request.juror ? [request.juror] : [...new Set(parsed.spaces.map((s) => s.juror))];
  }
  const space = parsed.spaces.find((s) => candidates.includes(s.juror));
  if (space) return space;
  const signed = candidates.find((code) => parsed.signedJurors.includes(code));
  if (signed) throw new UserError('signatures.jurorSigned', { file, juror: signed });
  if (request.juror || request.jurors) throw new UserError('signatures.noSpaceFor', { file, juror: candidates.join(', ') });
  throw new UserError('signatures.allSigned', { file });
}

function serialise(object: PDFObject): string {
  return object.toString();
}

/** Signs: the whole file as it was, then the update. Refusals name the file and the cause; nothing is written here. */
export async function signDocument(request: SignRequest): Promise<SignOutcome> {
  const { file, bytes, key, now } = request;
  const parsed = await readPdf(file, bytes);
  if (!parsed.stamp) throw new UserError('signatures.notPenilai', { file });
  const fingerprint = key.certificate.fingerprint256;
  for (const certificate of await signatureCertificates(bytes, file))
    if (certificate.fingerprint256 === fingerprint) throw new UserError('signatures.alreadySigned', { file, signer: key.holder.name });
  const space = chooseSpace(request, parsed);
  const { doc } = parsed;

  const width = space.rect[2] - space.rect[0];
  const height = space.rect[3] - space.rect[1];
  const first = parsed.size;
  const sigNumber = first;
  const widgetNumber = first + 1;
  const appearanceNumber = first + 2;
  const appearance = signatureAppearance(
    request.resources,
    appearanceLines(key.holder.name, key.holder.nip, now),
    width,
    height,
    appearanceNumber,
  );
  const widgetRef = PDFRef.of(widgetNumber);

  const page = doc.context.lookup(space.page, PDFDict).clone(doc.context);
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const kept = (annots?.asArray() ?? []).filter((a) => !(a instanceof PDFRef && a === space.annotation));
  page.set(PDFName.of('Annots'), doc.context.obj([...kept, widgetRef]));

  const catalog = doc.catalog.clone(doc.context);
  const acroForm = doc.context.obj({}) as PDFDict;
  const oldForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (oldForm) for (const [k, v] of oldForm.entries()) if (k !== PDFName.of('Fields') && k !== PDFName.of('SigFlags')) acroForm.set(k, v);
  acroForm.set(PDFName.of('Fields'), doc.context.obj([...parsed.fields, widgetRef]));
  acroForm.set(PDFName.of('SigFlags'), doc.context.obj(3));
  catalog.set(PDFName.of('AcroForm'), acroForm);

  const contentsHex = '0'.repeat(CONTENTS_BYTES * 2);
  const sigDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${contentsHex}>`,
    `/M (${pdfDate(now)})`,
    `/Name ${pdfText(key.holder.name)}`,
    `/Reason ${pdfText(`Tanda tangan juri ${space.juror}`)}`,
    ...(request.heads && request.heads.length > 0 ? [`/PenilaiHeads (${formatHeads(request.heads)})`] : []),
    '>>',
  ].join('\n');
  const rect = space.rect.map((n) => Number(n.toFixed(4))).join(' ');
  const widget = [
    '<<',
    '/Type /Annot',
    '/Subtype /Widget',
    '/FT /Sig',
    `/T ${pdfText(`ttd-${space.juror}`)}`,
    `/TU ${pdfText(`Tanda tangan ${key.holder.name}`)}`,
    `/V ${sigNumber} 0 R`,
    `/P ${space.page.objectNumber} ${space.page.generationNumber} R`,
    `/Rect [${rect}]`,
    '/F 132',
    `/AP << /N ${appearanceNumber} 0 R >>`,
    '>>',
  ].join('\n');

  const objects: { number: number; generation: number; body: Buffer }[] = [
    { number: sigNumber, generation: 0, body: Buffer.from(sigDict, 'latin1') },
    { number: widgetNumber, generation: 0, body: Buffer.from(widget, 'latin1') },
    ...appearance.map((body, i) => ({ number: appearanceNumber + i, generation: 0, body })),
    { number: space.page.objectNumber, generation: space.page.generationNumber, body: Buffer.from(serialise(page), 'latin1') },
  ];
  const root = doc.context.trailerInfo.Root as PDFRef;
  objects.push({ number: root.objectNumber, generation: root.generationNumber, body: Buffer.from(serialise(catalog), 'latin1') });

  const original = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Buffer[] = [original];
  let offset = original.length;
  if (original[original.length - 1] !== 0x0a) {
    chunks.push(Buffer.from('\n'));
    offset += 1;
  }
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const object of objects) {
    const head = Buffer.from(`${object.number} ${object.generation} obj\n`, 'latin1');
    const tail = Buffer.from('\nendobj\n', 'latin1');
    offsets.set(object.number, { offset, generation: object.generation });
    chunks.push(head, object.body, tail);
    offset += head.length + object.body.length + tail.length;
  }
  const xrefOffset = offset;
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  const lines = ['xref'];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    lines.push(`${numbers[i]} ${j - i + 1}`);
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k]!)!;
      lines.push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n `);
    }
    i = j + 1;
  }
  const size = Math.max(parsed.size, appearanceNumber + appearance.length);
  const info = doc.context.trailerInfo.Info;
  const idArray = doc.context.trailerInfo.ID;
  const firstId = idArray instanceof PDFArray && idArray.size() > 0 ? idArray.get(0).toString() : `<${randomBytes(16).toString('hex')}>`;
  lines.push(
    'trailer',
    '<<',
    `/Size ${size}`,
    `/Root ${root.toString()}`,
    ...(info ? [`/Info ${info.toString()}`] : []),
    `/ID [${firstId} <${randomBytes(16).toString('hex')}>]`,
    `/Prev ${parsed.startxref}`,
    '>>',
    'startxref',
    String(xrefOffset),
    '%%EOF',
    '',
  );
  chunks.push(Buffer.from(lines.join('\n'), 'latin1'));
  const out = Buffer.concat(chunks);

  // The byte range: everything but the /Contents hex string of the signature dictionary (the first object written).
  const sigStart = offsets.get(sigNumber)!.offset;
  const contentsAt = out.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + 2 + contentsHex.length;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `/ByteRange [0 ${range
    .slice(1)
    .map((n) => String(n).padEnd(10, ' '))
    .join(' ')}]`;
  if (rangeText.length !== BYTE_RANGE_PLACEHOLDER.length) throw new Error('byte range does not fit its placeholder');
  out.write(rangeText, out.indexOf(BYTE_RANGE_PLACEHOLDER, sigStart, 'latin1'), 'latin1');
  const signed = Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]);
  const cms = await buildCms(sha256(signed), key.key, key.certificate, key.chain);
  if (cms.length > CONTENTS_BYTES) throw new Error('signature larger than its reserved space');
  out.write(Buffer.from(cms).toString('hex'), contentsAt + 1, 'latin1');
  return {
    bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
    juror: space.juror,
    signer: key.holder.name,
    spacesLeft: parsed.spaces.filter((s) => s !== space).length,
    parsed,
  };
}
