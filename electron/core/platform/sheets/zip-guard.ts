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
  | { ok: false; key: 'input.xlsxTotal' | 'input.xlsxParts' | 'file.notXlsx' };

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
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: LIMITS.xlsxPart }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          return { ok: false, key: 'input.xlsxPart', part };
        }
        return { ok: false, key: 'file.notXlsx' };
      }
    } else return { ok: false, key: 'file.notXlsx' };
    total += size;
    if (total > LIMITS.xlsxTotal) return { ok: false, key: 'input.xlsxTotal' };
  }
  return { ok: true };
}
