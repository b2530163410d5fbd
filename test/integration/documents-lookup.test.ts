/**
 * `documents.lookup`, what Verifikasi dokumen asks when a person types the code printed on a page or scans its QR:
 * the demo's recap is rendered (its data hash), its short code finds exactly that recap of that competition and
 * revision; once a score changes the old code finds nothing; once locked, the code is the locked snapshot's. A QR
 * text is read as a claim; garbage finds nothing and is not an error.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { DocumentLookup } from '../../shared/contract/schemas.js';
import { qrPayload, shortCode } from '../../shared/domain/doc-stamp.js';
import { copyClosedDatabase, openTestCore, tempDir } from '../support/core.js';
import { call, PNG, asSecretariat } from '../support/jury.js';

const temp = tempDir('penilai-lookup-');
const template = join(temp.dir, 'lookup.sqlite');
let core: Core;
let cases = 0;

beforeAll(async () => {
  const setup = openTestCore(template);
  await call(setup, 'setup.createDemo', {});
  setup.close();
});
afterAll(() => {
  core?.close();
  temp.cleanup();
});

/** Each test on its own copy of the demo (locked when asked), in the secretariat's session. */
async function fresh(step: 'draft' | 'locked' = 'draft'): Promise<void> {
  core?.close();
  const file = join(temp.dir, `case-${(cases += 1)}.sqlite`);
  copyClosedDatabase(template, file);
  core = openTestCore(file);
  await asSecretariat(core, 'DEMO');
  if (step === 'locked') {
    await call(core, 'pleno.open', { competition: 'DEMO' });
    await call(core, 'pleno.lock', { competition: 'DEMO' });
  }
}

async function rekapHash(): Promise<string> {
  return (await call(core, 'documents.render', { competition: 'DEMO', doc: 'rekap' })).dataHash;
}

async function lookup(text: string): Promise<DocumentLookup> {
  return call(core, 'documents.lookup', { text });
}

const demoName = async () => (await call(core, 'setup.get', { code: 'DEMO' })).info.name;

describe('documents.lookup', () => {
  it('finds the printed recap by its short code, as printed or typed loosely, and by the whole hash', async () => {
    await fresh();
    const draftHash = await rekapHash();
    const code = shortCode(draftHash);
    expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const expected = {
      claimed: null,
      hex: draftHash.slice(0, 12),
      matches: [
        {
          competition: 'DEMO',
          competitionName: await demoName(),
          revision: 0,
          state: 'draft',
          doc: 'rekap',
          title: 'Rekapitulasi Nilai',
          juror: null,
          site: null,
          sha256: draftHash,
        },
      ],
    };
    expect(await lookup(code)).toEqual(expected);
    expect(await lookup(` ${code.replaceAll('-', '').toLowerCase()} `)).toEqual(expected);
    expect(await lookup(code.replaceAll('-', ' '))).toEqual(expected);
    expect(await lookup(draftHash.toUpperCase())).toEqual({ ...expected, hex: draftHash });
  });

  it('reads the text of the page QR code as a claim and finds the document it names', async () => {
    await fresh();
    const draftHash = await rekapHash();
    const text = qrPayload({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: draftHash });
    const found = await lookup(text);
    expect(found.claimed).toEqual({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: draftHash });
    expect(found.hex).toBe(draftHash);
    expect(found.matches.map((m) => [m.competition, m.doc, m.revision, m.sha256])).toEqual([['DEMO', 'rekap', 0, draftHash]]);
  });

  it('finds nothing, without an error, for garbage and for codes of no document', async () => {
    await fresh();
    const draftHash = await rekapHash();
    for (const text of ['', 'halo', 'kode verifikasi', '0123-4567-89A', 'PENILAI:rekap:DEMO', 'PENILAI:surat:DEMO:0:' + draftHash]) {
      expect([text, await lookup(text)]).toEqual([text, { claimed: null, hex: null, matches: [] }]);
    }
    const wrong = draftHash.startsWith('000000000000') ? '1111-1111-1111' : '0000-0000-0000';
    expect(await lookup(wrong)).toEqual({ claimed: null, hex: wrong.replaceAll('-', ''), matches: [] });
  });

  it('no longer finds a page printed before a score changed (before the lock); the new print is found', async () => {
    await fresh();
    const draftHash = await rekapHash();
    const at = { competition: 'DEMO', juror: 'J1', site: 'S01' };
    const sheet = await call(core, 'scoring.sheet', at);
    const first = sheet.scores[0]!;
    const other = first.value === 1 ? 2 : 1; // the demo instrument scores 1 to 5
    await call(core, 'scoring.reopen', { ...at, reason: 'Salah ketik nilai' });
    await call(core, 'scoring.setScore', { ...at, indicator: first.indicator, value: other, reason: 'Salah ketik nilai' });
    await call(core, 'scoring.finalise', { ...at, signature: PNG });

    const changedHash = await rekapHash();
    expect(changedHash).not.toBe(draftHash);
    expect(await lookup(shortCode(draftHash))).toEqual({ claimed: null, hex: draftHash.slice(0, 12), matches: [] });
    const claimed = await lookup(qrPayload({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: draftHash }));
    expect(claimed.claimed).toEqual({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: draftHash });
    expect(claimed.matches).toEqual([]);
    expect((await lookup(shortCode(changedHash))).matches.map((m) => [m.doc, m.sha256, m.state])).toEqual([
      ['rekap', changedHash, 'draft'],
    ]);
  });

  it('after the lock, finds the recap by the locked snapshot: its code is the snapshot hash’s first 12 digits', async () => {
    await fresh();
    await call(core, 'pleno.open', { competition: 'DEMO' });
    const locked = await call(core, 'pleno.lock', { competition: 'DEMO' });
    expect(locked.state).toBe('locked');
    const snapshot = locked.snapshot!;
    expect(snapshot).toMatch(/^[0-9a-f]{64}$/);

    const printed = await rekapHash();
    expect(printed).toBe(snapshot);
    expect(shortCode(printed).replaceAll('-', '').toLowerCase()).toBe(snapshot.slice(0, 12));

    const found = await lookup(shortCode(printed));
    expect(found.hex).toBe(snapshot.slice(0, 12));
    // The recap for now; the Berita Acara carries the same snapshot hash once it is in the registry.
    const rekap = found.matches.filter((m) => m.doc === 'rekap');
    expect(rekap).toEqual([
      {
        competition: 'DEMO',
        competitionName: await demoName(),
        revision: 0,
        state: 'locked',
        doc: 'rekap',
        title: 'Rekapitulasi Nilai',
        juror: null,
        site: null,
        sha256: snapshot,
      },
    ]);
    expect(found.matches.every((m) => m.sha256 === snapshot && m.state === 'locked')).toBe(true);
  });

  it('after reopening (revision 1), the page printed at revision 0 is not found, and its QR still says what it claims', async () => {
    await fresh('locked');
    const before = (await call(core, 'pleno.status', { competition: 'DEMO' })).snapshot!;
    const reopened = await call(core, 'pleno.reopen', { competition: 'DEMO', reason: 'Keberatan peserta diterima' });
    expect(reopened.revision).toBe(1);
    const found = await lookup(qrPayload({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: before }));
    expect(found.claimed).toEqual({ doc: 'rekap', competition: 'DEMO', revision: 0, sha256: before });
    expect(found.matches).toEqual([]);
    const now = await rekapHash();
    expect((await lookup(shortCode(now))).matches.map((m) => [m.doc, m.revision, m.state])).toEqual([['rekap', 1, reopened.state]]);
  });
});
