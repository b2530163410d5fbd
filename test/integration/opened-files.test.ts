/**
 * A `.penilai` package double-clicked (or given on the command line) reaches the renderer as the `file.opened`
 * event with a name and kind, never a path; the renderer asks for its bytes by that name, once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesInArguments, openedKind } from '../../electron/core/platform/opened.js';
import type { PenilaiEvent } from '../../shared/contract/events.js';
import { describeError } from '../../shared/domain/errors.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-opened-');
afterAll(() => temp.cleanup());

describe('files opened with the app', () => {
  it('are announced by name and kind, and their bytes given once by that name', async () => {
    const core = openTestCore(join(temp.dir, 'a.sqlite'));
    const seen: PenilaiEvent[] = [];
    core.events.subscribe((e) => seen.push(e));
    const a = join(temp.dir, 'J1-nilai.penilai');
    const sub = join(temp.dir, 'lain');
    writeFileSync(a, 'paket satu');
    mkdirSync(sub);
    writeFileSync(join(sub, 'J1-nilai.penilai'), 'paket dua');
    core.openFile(a);
    core.openFile(join(sub, 'J1-nilai.penilai'));
    expect(seen).toEqual([
      { type: 'file.opened', data: { name: 'J1-nilai.penilai', kind: 'package' } },
      { type: 'file.opened', data: { name: 'J1-nilai (2).penilai', kind: 'package' } },
    ]);
    const second = await core.call('app.openedFile', { name: 'J1-nilai (2).penilai' });
    expect(second.ok && new TextDecoder().decode(second.value.bytes)).toBe('paket dua');
    const again = await core.call('app.openedFile', { name: 'J1-nilai (2).penilai' });
    expect(again.ok ? null : describeError(again.error, 'id')).toBe(
      'Berkas J1-nilai (2).penilai sudah dibuka atau tidak ada lagi. Buka lagi berkasnya.',
    );
    core.close();
  });

  it('are found among the arguments by their kind, options left out', () => {
    expect(
      filesInArguments(['--db', 'x.sqlite', 'C:\\Unduhan\\J2-nilai.penilai', '--allow-file-access', 'lomba.json', 'catatan.txt']),
    ).toEqual(['C:\\Unduhan\\J2-nilai.penilai', 'lomba.json']);
    expect([openedKind('PAKET.PENILAI'), openedKind('a.json'), openedKind('a.zip')]).toEqual(['package', 'competition', 'unknown']);
  });
});
