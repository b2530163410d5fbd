/**
 * Files opened with the app: the paths the shell finds on the command line, and the core keeping each file's bytes
 * for the renderer (`app.openedFiles`, each handed over once) while `file.opened` announces it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openedFileKind, OpenedFiles } from '../../electron/core/app/opened.js';
import { openedPaths } from '../../electron/main/open-files.js';
import type { PenilaiEvent } from '../../shared/contract/events.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-opened-');
afterAll(() => temp.cleanup());

describe('the command line of the desktop app', () => {
  it('names the .penilai files to open, resolved, and skips options and the database', () => {
    expect(
      openedPaths(['.', '--db', 'x.penilai', 'nilai J1.penilai', '--inspect', 'README.md', '/tmp/B.PENILAI'], '/home/sekretariat'),
    ).toEqual(['/home/sekretariat/nilai J1.penilai', '/tmp/B.PENILAI']);
    expect(openedPaths([])).toEqual([]);
  });
});

describe('files opened with the app', () => {
  it('are told apart by their extension', () => {
    expect(['a.penilai', 'B.PENILAI', 'lomba.json', 'foto.jpg', 'penilai'].map(openedFileKind)).toEqual([
      'package',
      'package',
      'competition',
      'unknown',
      'unknown',
    ]);
  });

  it('are kept per kind and handed over once, oldest first', () => {
    const one = join(temp.dir, 'satu.penilai');
    const two = join(temp.dir, 'dua.penilai');
    const file = join(temp.dir, 'lomba.json');
    writeFileSync(one, 'A');
    writeFileSync(two, 'BB');
    writeFileSync(file, '{}');
    const opened = new OpenedFiles();
    expect([opened.add(one), opened.add(file), opened.add(two)]).toEqual([
      { name: 'satu.penilai', kind: 'package' },
      { name: 'lomba.json', kind: 'competition' },
      { name: 'dua.penilai', kind: 'package' },
    ]);
    expect(opened.take('package')).toEqual([
      { name: 'satu.penilai', bytes: new Uint8Array([65]) },
      { name: 'dua.penilai', bytes: new Uint8Array([66, 66]) },
    ]);
    expect(opened.take('package')).toEqual([]);
    expect(opened.take('competition')).toEqual([{ name: 'lomba.json', bytes: new TextEncoder().encode('{}') }]);
  });

  it('through the core: announced by file.opened (name and kind, no bytes), then taken through app.openedFiles', async () => {
    const core = openTestCore(join(temp.dir, 'core.sqlite'), undefined, { home: join(temp.dir, 'home') });
    try {
      const heard: PenilaiEvent[] = [];
      const off = core.events.subscribe((event) => heard.push(event));
      const path = join(temp.dir, 'JABAR-J1-nilai.penilai');
      writeFileSync(path, new Uint8Array([1, 2, 3]));
      core.openFile(path);
      off();
      expect(heard).toEqual([{ type: 'file.opened', data: { name: 'JABAR-J1-nilai.penilai', kind: 'package' } }]);
      const taken = await core.call('app.openedFiles', { kind: 'package' });
      expect(taken).toEqual({ ok: true, value: [{ name: 'JABAR-J1-nilai.penilai', bytes: new Uint8Array([1, 2, 3]) }] });
      expect(await core.call('app.openedFiles', { kind: 'package' })).toEqual({ ok: true, value: [] });
      // A file that cannot be read is said to the caller; nothing is announced.
      expect(() => core.openFile(join(temp.dir, 'hilang.penilai'))).toThrow(/ENOENT/);
    } finally {
      core.close();
    }
  });
});
