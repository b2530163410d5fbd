/**
 * The data hash and QR code every page carries (contract section 7): the SHA-256 of the canonical JSON of what a
 * document shows, or the locked snapshot's hash once the result is locked; and the QR matrix of its payload.
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { qrPayload, shortCode, type DocumentStamp } from '../../../shared/domain/doc-stamp.js';

export function dataHash(data: unknown): string {
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

/** What a page's footer prints: the short code, the whole hash, and the QR code's dark modules. */
export interface PageStamp {
  sha256: string;
  short: string;
  /** The QR matrix: `size` × `size`, row by row, '1' dark and '0' light. */
  qr: { size: number; cells: string };
}

export function pageStamp(stamp: Pick<DocumentStamp, 'doc' | 'competition' | 'revision' | 'sha256'>): PageStamp {
  const { modules } = QRCode.create(qrPayload(stamp), { errorCorrectionLevel: 'M' });
  let cells = '';
  for (let i = 0; i < modules.data.length; i++) cells += modules.data[i] ? '1' : '0';
  return { sha256: stamp.sha256, short: shortCode(stamp.sha256), qr: { size: modules.size, cells } };
}
