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

/** The QR code's dark modules as horizontal runs: row, first column, length (each drawn as one rectangle). */
export function qrRuns(qr: PageStamp['qr']): { row: number; col: number; run: number }[] {
  const runs: { row: number; col: number; run: number }[] = [];
  for (let row = 0; row < qr.size; row++) {
    let col = 0;
    while (col < qr.size) {
      if (qr.cells[row * qr.size + col] !== '1') {
        col++;
        continue;
      }
      let run = 1;
      while (col + run < qr.size && qr.cells[row * qr.size + col + run] === '1') run++;
      runs.push({ row, col, run });
      col += run;
    }
  }
  return runs;
}
