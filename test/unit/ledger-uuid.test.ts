/**
 * Ledger entries are named by UUIDs of version 7 (RFC 9562): the time first, so that entries made one after the
 * other sort one after the other and the history's unique index on `uuid` grows at its end (a package of thousands
 * of entries, imported, touches a few pages of that index instead of one at random per entry).
 */
import { describe, expect, it } from 'vitest';
import { timeOrderedUuid } from '../../electron/core/platform/ledger.js';

describe('ledger entry uuids', () => {
  it('are version 7 with the RFC variant and carry the time in their first 48 bits', () => {
    const at = Date.UTC(2026, 8, 21, 3, 4, 5, 678);
    const uuid = timeOrderedUuid(at);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(uuid.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sort by the time they were made, and differ when made in the same millisecond', () => {
    const times = [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2026, 0, 2), Date.UTC(2027, 5, 30)];
    const uuids = times.map((t) => timeOrderedUuid(t));
    expect([...uuids].sort()).toEqual(uuids);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(times[0])));
    expect(same.size).toBe(1000);
  });
});
