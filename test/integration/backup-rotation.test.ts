/**
 * Rotation on real backup folders with a fake clock: 43 backups over 40 days (two on the last two days and on day
 * 20) leave exactly the newest 10 and the newest of each of the last 30 days (the rule alone: test/unit/backup.test.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/core/backup/store.js';
import { tempDir } from '../support/core.js';

const temp = tempDir('penilai-rotation-');
afterAll(() => temp.cleanup());

/** Day `d` after 2026-08-01 at `hour` UTC (9 and 15: the same calendar day from UTC−8 to UTC+8). */
const dayAt = (d: number, hour = 12) => new Date(Date.UTC(2026, 7, 1 + d, hour, 0, 0));

describe('rotation keeps the newest 10 and one a day for 30 days', () => {
  it('43 backups over 40 days: 32 kept, exactly the ones the rule names', async () => {
    const database = join(temp.dir, 'rot.sqlite');
    const folder = join(temp.dir, 'rot.sqlite.cadangan');
    const db = new Database(database);
    db.exec('CREATE TABLE score (id INTEGER PRIMARY KEY, value REAL NOT NULL) STRICT');
    db.prepare('INSERT INTO score (value) VALUES (?)').run(7);
    const names = new Map<string, string>();
    for (let d = 0; d < 40; d++) {
      for (const hour of [9, ...([20, 38, 39].includes(d) ? [15] : [])]) {
        const made = await createBackup(db, database, folder, 'daily', dayAt(d, hour));
        names.set(`${d}@${hour}`, made.name);
        expect(made.scores).toBe(1);
      }
    }
    db.close();
    const expected = new Set<string>();
    // The newest 10: days 39 and 38 both times, days 37 to 32 in the morning.
    for (const k of ['39@15', '39@9', '38@15', '38@9', '37@9', '36@9', '35@9', '34@9', '33@9', '32@9']) expected.add(names.get(k)!);
    // The newest of each day from day 10 (39 − 29) to day 39.
    for (let d = 10; d <= 39; d++) expected.add(names.get(`${d}@${[20, 38, 39].includes(d) ? 15 : 9}`)!);
    expect(expected.size).toBe(32);
    expect(readdirSync(folder).sort()).toEqual([...expected].sort());
  });
});
