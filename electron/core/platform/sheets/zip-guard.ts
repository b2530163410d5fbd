/**
 * An .xlsx is a zip: before exceljs unpacks it, every part is measured by unpacking it here with a ceiling
 * (zlib's `maxOutputLength`), so that a zip bomb (a few kilobytes that unpack to gigabytes) is refused in
 * milliseconds instead of filling the memory. Sizes the zip declares are not trusted: each part is inflated.
 */
import { inflateRawSync } from 'node:zlib';
import { LIMITS } from '../../../../shared/domain/text-hygiene.js';

export type ZipGuard =
  | { ok: true }
  | { ok: false; key: 'input.xlsxPart'; part: string }
  | { ok: false; key: 'input.xlsxTotal' | 'input.xlsxParts' | 'file.notXlsx' }
  | { ok: false; key: 'input.xlsxRange'; part: string; ref: string };

/** The largest sheet a spreadsheet program makes: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
/** Cells a merged area of the table files may cover (exceljs visits every one of them). */
const MAX_MERGED = 100_000;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A worksheet's XML that points outside any real sheet (a column range to 10^400, a row past 1,048,576, a merged
 * area over millions of cells): exceljs would build every column or visit every cell of it, so it is refused here.
 */
export function sheetRangeProblem(xml: string): string | null {
  for (const tag of xml.matchAll(/<col\b[^>]*>/g)) {
    for (const m of tag[0].matchAll(/\b(?:min|max)="([^"]*)"/g)) {
      if (!/^\d{1,5}$/.test(m[1]!) || Number(m[1]) > MAX_COLUMN) return m[0].slice(0, 20);
    }
  }
  for (const m of xml.matchAll(/<row\b[^>]*?\br="([^"]*)"/g)) {
    if (!/^\d{1,7}$/.test(m[1]!) || Number(m[1]) > MAX_ROW) return `r="${m[1]!.slice(0, 20)}"`;
  }
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([^"]*)"/g)) {
    const ref = /^([A-Z]{1,3})(\d{1,7})$/.exec(m[1]!);
    if (!ref || columnNumber(ref[1]!) > MAX_COLUMN || Number(ref[2]) > MAX_ROW) return m[1]!.slice(0, 20);
  }
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"/g)) {
    const ref = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(m[1]!);
    if (!ref) return m[1]!.slice(0, 20);
    const cells = (Math.abs(columnNumber(ref[3]!) - columnNumber(ref[1]!)) + 1) * (Math.abs(Number(ref[4]) - Number(ref[2])) + 1);
    if (cells > MAX_MERGED) return m[1]!.slice(0, 20);
  }
  return null;
}

/** Checks the parts of a zip against LIMITS (xlsxParts, xlsxPart, xlsxTotal). */
export function guardZip(bytes: Uint8Array): ZipGuard {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record: its signature within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, key: 'file.notXlsx' };
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count > LIMITS.xlsxParts) return { ok: false, key: 'input.xlsxParts' };
  let total = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return { ok: false, key: 'file.notXlsx' };
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const part = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (declared > LIMITS.xlsxPart || compressed === 0xffffffff) return { ok: false, key: 'input.xlsxPart', part };
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return { ok: false, key: 'file.notXlsx' };
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + compressed));
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: LIMITS.xlsxPart });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          return { ok: false, key: 'input.xlsxPart', part };
        }
        return { ok: false, key: 'file.notXlsx' };
      }
    } else return { ok: false, key: 'file.notXlsx' };
    total += content.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(part)) {
      const ref = sheetRangeProblem(content.toString('utf8'));
      if (ref !== null) return { ok: false, key: 'input.xlsxRange', part, ref };
    }
    if (total > LIMITS.xlsxTotal) return { ok: false, key: 'input.xlsxTotal' };
  }
  return { ok: true };
}
