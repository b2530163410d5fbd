/** The ledger heads a signed PDF carries (shared/domain/ledger-heads.ts): written, found again, junk ignored. */
import { describe, expect, it } from 'vitest';
import { findHeads, formatHeads } from '../../shared/domain/ledger-heads.js';

const A = { chain: '4dd7d272-7732-484a-9eef-52d8ea86b758', seq: 262, hash: 'b'.repeat(64) };
const B = { chain: '0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', seq: 1, hash: '0123456789abcdef'.repeat(4) };

describe('ledger heads', () => {
  it('writes every head in one text and finds them again, from every signature of a file', () => {
    const text = formatHeads([A, B]);
    expect(text).toBe(`penilai.heads/1;${A.chain}:262:${A.hash};${B.chain}:1:${B.hash}`);
    expect(findHeads(`/Type /Sig\n/PenilaiHeads (${text})\n>>`)).toEqual([A, B]);
    expect(findHeads(`(${formatHeads([A])}) … (${formatHeads([B])})`)).toEqual([A, B]);
  });

  it('ignores what is not a head: no text, a short hash, a seq of 0, upper-case hex', () => {
    expect(findHeads('%PDF-1.7 nothing here')).toEqual([]);
    expect(findHeads(`penilai.heads/1;${A.chain}:5:abc`)).toEqual([]);
    expect(findHeads(`penilai.heads/1;${A.chain}:0:${A.hash}`)).toEqual([]);
    expect(findHeads(`penilai.heads/1;${A.chain}:3:${A.hash.toUpperCase()}`)).toEqual([]);
  });
});
