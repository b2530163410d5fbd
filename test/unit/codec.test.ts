import { describe, it, expect } from 'vitest';
import { decodeJson, encodeJson, fromBase64, fromBase64Chunked, toBase64, toBase64Chunked } from '../../shared/contract/codec.js';

/** Deterministic pseudo-random bytes (a small LCG), so a failure can be reproduced. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('toBase64', () => {
  it('matches Node’s Buffer base64 for lengths 0..5 (every padding case)', () => {
    for (let n = 0; n <= 5; n += 1) {
      const bytes = randomBytes(n, 7 + n);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('matches known values', () => {
    // RFC 4648 test vectors
    const enc = (s: string) => toBase64(new TextEncoder().encode(s));
    expect(enc('')).toBe('');
    expect(enc('f')).toBe('Zg==');
    expect(enc('fo')).toBe('Zm8=');
    expect(enc('foo')).toBe('Zm9v');
    expect(enc('foobar')).toBe('Zm9vYmFy');
    // bytes whose 6-bit groups hit the last alphabet characters '+' and '/'
    expect(toBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/');
  });

  it('matches Buffer for 1000 random bytes and every byte value', () => {
    const bytes = randomBytes(1000, 42);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });
});

describe('fromBase64', () => {
  it('reads what Buffer writes', () => {
    const bytes = randomBytes(1000, 3);
    expect(Array.from(fromBase64(Buffer.from(bytes).toString('base64')))).toEqual(Array.from(bytes));
  });

  it('refuses text that is not base64', () => {
    expect(() => fromBase64('ab$d')).toThrow();
    expect(() => fromBase64('abcde')).toThrow(); // 5 characters: one left over is impossible
  });
});

describe('encodeJson / decodeJson', () => {
  it('round-trips nested Uint8Array of lengths 0..5 as bytes', () => {
    const arrays = [0, 1, 2, 3, 4, 5].map((n) => randomBytes(n, 100 + n));
    const value = {
      name: 'paket juri J1',
      photos: arrays,
      nested: { deeper: [{ pdf: arrays[3] }, null, 3.5, 'teks'] },
    };
    const text = encodeJson(value);
    // bytes travel as {"$bytes": base64}, not as an object of indexed numbers
    expect(text).not.toContain('"0":');
    expect(JSON.parse(text).photos[1]).toEqual({ $bytes: Buffer.from(arrays[1]!).toString('base64') });
    const back = decodeJson(text) as typeof value;
    expect(back.name).toBe('paket juri J1');
    expect(back.photos).toHaveLength(6);
    back.photos.forEach((b, n) => {
      expect(b).toBeInstanceOf(Uint8Array);
      expect(Array.from(b)).toEqual(Array.from(arrays[n]!));
    });
    const pdf = (back.nested.deeper[0] as { pdf: Uint8Array }).pdf;
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Array.from(pdf)).toEqual(Array.from(arrays[3]!));
    expect(back.nested.deeper.slice(1)).toEqual([null, 3.5, 'teks']);
  });

  it('round-trips 1000 random bytes, at the top level too', () => {
    const bytes = randomBytes(1000, 9);
    const back = decodeJson(encodeJson({ data: bytes })) as { data: Uint8Array };
    expect(back.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.data)).toEqual(Array.from(bytes));
    const top = decodeJson(encodeJson(bytes));
    expect(top).toBeInstanceOf(Uint8Array);
    expect(Array.from(top as Uint8Array)).toEqual(Array.from(bytes));
  });

  it('leaves ordinary objects alone, including one with a $bytes key among others', () => {
    const value = { $bytes: 'QUJD', other: 1 };
    expect(decodeJson(encodeJson(value))).toEqual(value);
    expect(decodeJson(encodeJson({ a: [1, 'x', true, null] }))).toEqual({ a: [1, 'x', true, null] });
  });
});

describe('encodeJson with Node Buffers', () => {
  it('keeps a Buffer (what better-sqlite3 returns for BLOBs) as bytes', () => {
    const decoded = decodeJson(encodeJson({ blob: Buffer.from([1, 2, 3]) })) as { blob: Uint8Array };
    expect(decoded.blob).toBeInstanceOf(Uint8Array);
    expect([...decoded.blob]).toEqual([1, 2, 3]);
  });
});

describe('a 25 MB photo', () => {
  const SIZE = 25 * 1024 * 1024 + 1; // one byte over a multiple of 3: the padding case at full size
  const photo = randomBytes(SIZE, 25);
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b));

  it('round-trips byte-exactly through encodeJson / decodeJson, with the same base64 as Buffer on the wire', () => {
    const text = encodeJson({ name: 'foto.jpg', bytes: photo });
    const expected = Buffer.from(photo).toString('base64');
    expect(text.length).toBe(expected.length + '{"name":"foto.jpg","bytes":{"$bytes":""}}'.length);
    expect(text.startsWith('{"name":"foto.jpg","bytes":{"$bytes":"')).toBe(true);
    expect(text.slice('{"name":"foto.jpg","bytes":{"$bytes":"'.length, -3) === expected).toBe(true);
    const back = decodeJson(text) as { name: string; bytes: Uint8Array };
    expect(back.name).toBe('foto.jpg');
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(back.bytes.byteLength).toBe(SIZE);
    // A plain array owning exactly its bytes, not a view into a larger (pooled) buffer.
    expect(back.bytes.buffer.byteLength).toBe(SIZE);
    expect(same(back.bytes, photo)).toBe(true);
  });

  it('round-trips byte-exactly through the btoa/atob fallback of a browser without Uint8Array.toBase64', () => {
    const text = toBase64Chunked(photo);
    expect(text === Buffer.from(photo).toString('base64')).toBe(true);
    const back = fromBase64Chunked(text.replace(/=+$/, ''));
    expect(back.byteLength).toBe(SIZE);
    expect(same(back, photo)).toBe(true);
  });
});

describe('the btoa/atob fallback', () => {
  it('matches Buffer for every length 0..40 (chunk joins, padding) and a subarray view', () => {
    for (let n = 0; n <= 40; n += 1) {
      const bytes = randomBytes(n, 300 + n);
      const text = Buffer.from(bytes).toString('base64');
      expect(toBase64Chunked(bytes)).toBe(text);
      expect(Array.from(fromBase64Chunked(text.replace(/=+$/, '')))).toEqual(Array.from(bytes));
    }
    const whole = randomBytes(100_000, 5);
    const view = whole.subarray(7, 70_007); // spans several chunks, starts inside the buffer
    expect(toBase64Chunked(view)).toBe(Buffer.from(view).toString('base64'));
    expect(toBase64(view)).toBe(Buffer.from(view).toString('base64'));
  });
});
