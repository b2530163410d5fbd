/** Backups, the pure part: which backups rotation keeps (the newest 10, the newest of each of the last 30 days), sizes in words. */
import { describe, expect, it } from 'vitest';
import { backupsToKeep, daysBefore, formatBytes, localDay } from '../../shared/domain/backup.js';

describe('backup rotation and sizes', () => {
  it('the rule alone: fewer than 10 are all kept; a day outside the 30 is dropped; a backup from the future day is not a day kept', () => {
    const e = (name: string, createdAt: string) => ({ name, createdAt, day: createdAt.slice(0, 10) });
    const few = [e('a', '2026-01-01T10:00:00Z'), e('b', '2026-03-01T10:00:00Z')];
    expect([...backupsToKeep(few, '2026-09-01')].sort()).toEqual(['a', 'b']);
    const many = Array.from({ length: 12 }, (_, i) => e(`n${i}`, `2026-09-01T${String(10 + i).padStart(2, '0')}:00:00Z`));
    const old = e('old', '2026-08-02T10:00:00Z'); // 30 days before 2026-09-01 (not in the last 30 days)
    const edge = e('edge', '2026-08-03T10:00:00Z'); // 29 days before: kept
    const kept = backupsToKeep([...many, old, edge], '2026-09-01');
    expect([...kept].sort()).toEqual(['edge', ...many.slice(2).map((x) => x.name)].sort());
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });

  it('sizes in words', () => {
    expect(formatBytes(512, 'id')).toBe('512 B');
    expect(formatBytes(950272, 'id')).toBe('928 KB');
    expect(formatBytes(12.34 * 1024 * 1024, 'id')).toBe('12,3 MB');
    expect(formatBytes(12.34 * 1024 * 1024, 'en')).toBe('12.3 MB');
  });

  it('the local day of an instant, by the offset east of UTC', () => {
    expect(localDay(new Date('2026-09-08T18:30:00Z'), 420)).toBe('2026-09-09');
    expect(localDay(new Date('2026-09-08T18:30:00Z'), 0)).toBe('2026-09-08');
  });
});
