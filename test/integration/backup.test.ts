/**
 * Backups end to end on real files: a database with scores, an evidence photo and a locked result is backed up
 * (listed and verified from its manifest), then damaged on purpose. Opening it refuses in words and offers the newest
 * good backup, in the core and on the command line; `restore` brings back every score and photo of the backup, keeps
 * the damaged files, and `verify --db` passes. Restoring through the channel backs up the current state first.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import { DatabaseDamaged } from '../../electron/core/backup/start.js';
import { ledgerHeads } from '../../electron/core/backup/store.js';
import { evidenceFolder } from '../../electron/core/platform/files.js';
import { contents, damageMiddle, lockedDemoWithPhoto } from '../support/backup.js';
import { runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { asSecretariat, call, PHOTO, sha, THUMB } from '../support/jury.js';

const temp = tempDir('penilai-backup-');
afterAll(() => temp.cleanup());
let n = 0;
const fresh = () => {
  const dir = join(temp.dir, `case-${(n += 1)}`);
  return { database: join(dir, 'penilai.sqlite'), home: join(dir, 'home') };
};
const T0 = new Date('2026-09-08T09:00:00Z');

describe('a damaged database is refused in words and the newest backup restores it', () => {
  it('backs up, refuses the damaged file with the backup offered, restores every score and photo, verify passes', async () => {
    const { database, home } = fresh();
    const core = openTestCore(database, () => T0, { home });
    await lockedDemoWithPhoto(core);
    const before = contents(core);
    const heads = ledgerHeads(core.db);
    const made = await call(core, 'backup.create', {});
    expect(made.trigger).toBe('manual');
    expect(made.createdAt).toBe(T0.toISOString());
    expect(made.scores).toBe(before.scores.length);
    expect(made.photos).toBe(1);
    expect(made.heads).toEqual(heads);
    const listed = await call(core, 'backup.list', {});
    expect(listed.folder).toBe(`${database}.cadangan`);
    expect(listed.isDefault).toBe(true);
    expect(listed.backups.map((b) => b.name)).toEqual([made.name]);
    expect(listed.backups[0]!.bytes).toBe(made.bytes);
    const checked = await call(core, 'backup.verify', { name: made.name });
    expect(checked).toMatchObject({ ok: true, problems: [] });
    const inBackup = readdirSync(join(listed.folder, made.name, 'bukti')).sort();
    expect(inBackup).toEqual([`${sha(PHOTO)}.jpg`, `${sha(THUMB)}.thumb.jpg`].sort());
    core.close();

    damageMiddle(database);
    let refusal: unknown;
    try {
      openTestCore(database, () => T0, { home }).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseDamaged);
    const damaged = refusal as DatabaseDamaged;
    expect(damaged.damage.newest?.name).toBe(made.name);
    // No score was recorded after the backup: 0 when the damaged file's score table still reads, null when it does not.
    expect([0, null]).toContain(damaged.damage.scoresSince);
    expect(damaged.describe('id')).toContain(`Basis data ${database} rusak dan tidak dibuka`);
    expect(damaged.describe('id')).toContain(`Cadangan utuh terbaru: 2026-09-08 09:00 UTC (${made.name})`);
    expect(damaged.describe('en')).toContain(`Newest good backup: 2026-09-08 09:00 UTC (${made.name})`);

    // The command line says the same in one line, and changes nothing.
    const rank = await runCommand(['rank', '--db', database, '--home', home]);
    expect(rank.status).toBe(1);
    expect(rank.stderr.trim().split('\n')).toHaveLength(1);
    expect(rank.stderr).toContain(`restore --db ${database} --from ${join(listed.folder, made.name)}`);

    const restore = await runCommand(['restore', '--db', database, '--from', join(listed.folder, made.name), '--home', home]);
    expect(restore.stderr).toContain(
      `Cadangan ${made.name} (2026-09-08 09:00 UTC) dipulihkan ke ${database}: ${made.scores} nilai, 1 foto.`,
    );
    expect(restore.status).toBe(0);
    const kept = readdirSync(join(listed.folder, 'rusak'));
    expect(kept).toHaveLength(1);
    expect(existsSync(join(listed.folder, 'rusak', kept[0]!, 'penilai.sqlite'))).toBe(true);

    const verify = await runCommand(['verify', '--db', database]);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    const db = new Database(database, { readonly: true });
    expect(verifyDatabase(db, database).problems).toEqual([]);
    db.close();
    const reopened = openTestCore(database, () => T0, { home });
    expect(contents(reopened)).toEqual(before);
    expect(ledgerHeads(reopened.db)).toEqual(heads);
    expect((await call(reopened, 'pleno.status', { competition: 'DEMO' })).state).toBe('locked');
    const photos = readdirSync(evidenceFolder(database)).sort();
    expect(photos).toEqual([`${sha(PHOTO)}.jpg`, `${sha(THUMB)}.thumb.jpg`].sort());
    reopened.close();
  });

  it('a ledger head changed behind the app is refused at start too, with no backup to offer', async () => {
    const { database, home } = fresh();
    const core = openTestCore(database, () => T0, { home });
    await call(core, 'setup.createDemo', {});
    core.close();
    const raw = new Database(database);
    raw.exec('DROP TRIGGER history_no_update');
    raw.exec("UPDATE history SET reason = 'diubah diam-diam' WHERE id = (SELECT max(id) FROM history)");
    raw.close();
    let refusal: unknown;
    try {
      openTestCore(database, () => T0, { home }).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseDamaged);
    expect((refusal as DatabaseDamaged).damage.problem.key).toBe('backup.headBroken');
    expect((refusal as DatabaseDamaged).describe('en')).toMatch(
      new RegExp(
        `^Database ${database} is damaged and was not opened: the head of device [0-9a-f]{8}'s ledger chain is not whole\\. There is no good backup in ${database}\\.cadangan\\.$`,
      ),
    );
  });

  it('restores through the channel in place: the current state backed up first, the core working on the restored data', async () => {
    const { database, home } = fresh();
    let now = T0;
    const core = openTestCore(database, () => now, { home });
    await lockedDemoWithPhoto(core);
    const locked = contents(core);
    const made = await call(core, 'backup.create', {});
    now = new Date('2026-09-08T10:00:00Z');
    await asSecretariat(core, 'DEMO');
    await call(core, 'pleno.reopen', { competition: 'DEMO', reason: 'Salah ketik nama lokus' });
    expect((await call(core, 'pleno.status', { competition: 'DEMO' })).state).not.toBe('locked');

    const restored = await call(core, 'backup.restore', { name: made.name });
    expect(restored.restored.name).toBe(made.name);
    expect(restored.before?.trigger).toBe('restore');
    expect(restored.before?.createdAt).toBe(now.toISOString());
    expect(restored.keptDamaged).toBe(null);
    expect((await call(core, 'pleno.status', { competition: 'DEMO' })).state).toBe('locked');
    expect(contents(core)).toEqual(locked);
    expect(verifyDatabase(core.db, database).problems).toEqual([]);
    // The state that was replaced is itself a backup that verifies, and restoring it brings the reopening back.
    expect((await call(core, 'backup.verify', { name: restored.before!.name })).ok).toBe(true);
    await call(core, 'backup.restore', { name: restored.before!.name });
    expect((await call(core, 'pleno.status', { competition: 'DEMO' })).state).not.toBe('locked');
    core.close();
  });

  it('backup --db on the command line writes a backup that verifies, to --out or beside the database', async () => {
    const { database, home } = fresh();
    const core = openTestCore(database, () => T0, { home });
    await call(core, 'setup.createDemo', {});
    const scores = core.db.prepare('SELECT count(*) AS n FROM score').get() as { n: number };
    core.close();
    const out = join(temp.dir, `flashdisk-${n}`);
    const run = await runCommand(['backup', '--db', database, '--out', out, '--home', home]);
    expect(run.status).toBe(0);
    const [name] = readdirSync(out);
    expect(run.stderr).toContain(`Cadangan ${name} ditulis ke ${out}: ${scores.n} nilai, 0 foto,`);
    expect(name).toMatch(/^\d{8}-\d{6}-\d{3}-manual$/);
    const restore = await runCommand(['restore', '--db', database, '--from', join(out, name!), '--home', home]);
    expect(restore.status).toBe(0);
    // The state replaced was backed up first, beside the database.
    expect(restore.stderr).toMatch(/Keadaan sebelumnya dicadangkan dahulu sebagai \d{8}-\d{6}-\d{3}-restore\./);
    expect(readdirSync(`${database}.cadangan`)).toHaveLength(1);
  });
});
