/**
 * The ledger's hash is a wire format (score packages carry entries between laptops and the receiver recomputes
 * it): sha256 of the previous hash (64 lowercase hex digits; 64 zeros for a chain's first entry) followed by the
 * canonical JSON of the entry (keys in code-point order, no whitespace, the payload as its JSON text). These
 * vectors were checked against an independent implementation (Python: json.dumps(sort_keys=True,
 * separators=(',', ':'), ensure_ascii=False) and hashlib.sha256); a change to the format breaks them.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { historyHash, ledgerHash, ledgerJson, ZERO_HASH, type LedgerFields } from '../../electron/core/platform/ledger.js';

const device = '0b6a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const first: LedgerFields = {
  uuid: '3f1c9d2e-8b7a-4c6d-9e0f-1a2b3c4d5e6f',
  competition: 'P2WKSS-BANTEN-2026',
  kind: 'score',
  site: 'S01',
  juror: 'J1',
  indicator: 'A1',
  oldValue: null,
  newValue: 4,
  oldText: null,
  newText: null,
  instrumentVersion: 1,
  actor: 'J1',
  device,
  reason: null,
  at: '2026-09-08T02:04:30.000Z',
  undoes: null,
  chain: device,
  seq: 1,
  payload: null,
  v: null,
};
const second: LedgerFields = {
  ...first,
  seq: 2,
  kind: 'setup.juror',
  site: null,
  indicator: null,
  newValue: null,
  instrumentVersion: null,
  actor: 'sekretariat',
  payload: '{"action":"add","after":{"code":"J4"},"before":null}',
  v: 1,
};

describe('the ledger hash (format 2)', () => {
  it('is the hand-written canonical JSON, key for key', () => {
    expect(ledgerJson(first)).toBe(canonicalJson(first));
    expect(ledgerJson(second)).toBe(canonicalJson(second));
  });

  it('gives the pinned hashes for a chain of two entries', () => {
    const h1 = ledgerHash(ZERO_HASH, first);
    expect(h1).toBe('bfd9d36a156c289dabcb77acc5b2fc498c851a2e99f82b02cb3999e199aa4b3c');
    expect(ledgerHash(h1, second)).toBe('ab197d87c61828061928e3ab64386d7673b1eebda2938349a31de8bce6e4c43d');
  });

  it('changes when any covered field changes: the place in the chain, the payload, its version', () => {
    const h = ledgerHash(ZERO_HASH, first);
    expect(ledgerHash(ZERO_HASH, { ...first, seq: 2 })).not.toBe(h);
    expect(ledgerHash(ZERO_HASH, { ...first, chain: 'another-device' })).not.toBe(h);
    expect(ledgerHash(ZERO_HASH, { ...first, payload: '{}' })).not.toBe(h);
    expect(ledgerHash(ZERO_HASH, { ...first, v: 2 })).not.toBe(h);
  });

  it('keeps the format of entries written before schema 6 (format 1: no chain, seq or payload)', () => {
    expect(historyHash(ZERO_HASH, first)).toBe('4a4150723157ed29d83f0db3446922b050355d4d9bcadd12be9356c7beac9443');
  });
});
