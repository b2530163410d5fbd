/**
 * JSON for the HTTP bridge that keeps bytes as bytes: a Uint8Array travels as {"$bytes": "<base64>"}.
 * (IPC needs none of this: structured clone carries Uint8Array as it is.)
 *
 * Base64 uses what the platform offers, found at run time (shared/ imports neither Node nor the DOM): Chromium 140+
 * and recent Node have `Uint8Array.prototype.toBase64` and `Uint8Array.fromBase64`; Node has `Buffer`; every
 * browser and Node ≥ 16 have `btoa`/`atob` (used on chunks). Each is native code: a 25 MB photo is encoded in
 * milliseconds, where the per-byte string concatenation used before took seconds.
 */
interface NodeBufferLike {
  from(
    data: ArrayBufferLike,
    byteOffset?: number,
    length?: number,
  ): { toString(encoding: 'base64'): string; write(text: string, encoding: 'base64'): number };
}
interface Base64Platform {
  Buffer?: NodeBufferLike;
  btoa?: (binary: string) => string;
  atob?: (text: string) => string;
}
type NativeBase64 = { toBase64?: () => string };
type NativeFromBase64 = { fromBase64?: (text: string) => Uint8Array };

const platform = globalThis as Base64Platform;

/** Bytes per btoa call: a multiple of 3, so that the pieces' base64 joins into the whole one's without padding inside. */
const ENCODE_CHUNK = 3 * 8192;
/** Characters per atob call: a multiple of 4, for the same reason. */
const DECODE_CHUNK = 4 * 8192;

/** The fallback where neither `toBase64` nor `Buffer` exists: `btoa` over chunks of bytes (exported for its test). */
export function toBase64Chunked(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += ENCODE_CHUNK) {
    parts.push(platform.btoa!(String.fromCharCode.apply(null, bytes.subarray(i, i + ENCODE_CHUNK) as never)));
  }
  return parts.join('');
}

/** The fallback decoder, `atob` over chunks; `clean` is valid base64 without padding (exported for its test). */
export function fromBase64Chunked(clean: string): Uint8Array {
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += DECODE_CHUNK) {
    const binary = platform.atob!(clean.slice(i, i + DECODE_CHUNK));
    for (let j = 0; j < binary.length; j += 1) out[o++] = binary.charCodeAt(j);
  }
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  if (platform.Buffer) return platform.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return toBase64Chunked(bytes);
}

/** Strict: only the base64 alphabet (padding only at the end), never a length that leaves one character over. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) throw new Error('invalid base64');
  const native = (Uint8Array as NativeFromBase64).fromBase64;
  if (typeof native === 'function') return native.call(Uint8Array, clean);
  if (platform.Buffer) {
    // Into a plain Uint8Array owning exactly its bytes (a Buffer of its own could be a view into Node's shared pool).
    const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
    platform.Buffer.from(out.buffer).write(clean, 'base64');
    return out;
  }
  return fromBase64Chunked(clean);
}

export function encodeJson(value: unknown): string {
  // The raw value (this[key]) and not `v`: a Node Buffer's own toJSON runs before the replacer sees it.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Uint8Array ? { $bytes: toBase64(raw) } : v;
  });
}

export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $bytes?: unknown }).$bytes === 'string') {
      return fromBase64((v as { $bytes: string }).$bytes);
    }
    return v;
  });
}
