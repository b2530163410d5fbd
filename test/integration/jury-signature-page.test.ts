/**
 * Issue 11: the signature blocks of the documents the whole jury signs never stand alone on a page. For the demo
 * with 6, 12, 27 and 40 sites and 3, 5 and 9 jurors, the Rekapitulasi Nilai and the Berita Acara Penilaian are
 * rendered by `report` (in-process, a real SQLite file) and read page by page with pdftotext: the page that holds
 * the signature blocks holds every juror's block, the document's title and a reference tying it to the rest (the
 * rekap: rows of the table; the Berita Acara: the closing sentence), and every page after the first carries the
 * running head "(lanjutan)" with the title and the competition.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';
import { call } from '../support/jury.js';
import { pageTexts } from '../support/jury-pdf.js';
import { qpdfCheck } from '../support/pdf.js';

const temp = tempDir('penilai-ttd-page-');
afterAll(() => temp.cleanup());

const COMPETITION = 'Lomba P2WKSS Tingkat Provinsi Banten Tahun 2026 (Demo)';
/** A row of the rekap's table: rank (with "=" when shared), site code, then the site's name. */
const TABLE_ROW = /^\d+=? S\d{2} Desa /m;

async function render(db: string, doc: 'rekap' | 'berita-acara'): Promise<string[]> {
  const out = join(temp.dir, `${doc}-${Math.random().toString(36).slice(2)}.pdf`);
  const run = await runCommand(['report', '--db', db, '--out', out, '--doc', doc]);
  expect(run.status, run.stderr).toBe(0);
  expect(qpdfCheck(out).ok).toBe(true);
  return pageTexts(out);
}

/**
 * The demo's juror names, after giving it the tallest signature section: a rekap number and a "Mengetahui" official
 * whose position takes a long line.
 */
async function prepare(db: string): Promise<string[]> {
  const core = openTestCore(db);
  try {
    const detail = await call(core, 'setup.get', { code: 'DEMO' });
    await call(core, 'setup.save', {
      code: 'DEMO',
      competition: {
        ...detail.info,
        documentNumbers: { ...detail.info.documentNumbers, rekap: '400.10.2.1/574/DP3AKKB/2026' },
        acknowledgedBy: {
          title: 'Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan dan Keluarga Berencana Provinsi Banten',
          name: 'Dra. Hj. Nurhayati Sulaeman, M.Si.',
          nip: '196805121990032004',
        },
      },
      sites: detail.sites,
      jurors: detail.jurors,
    });
    return detail.jurors.map((j) => j.name);
  } finally {
    core.close();
  }
}

describe.each([6, 12, 27, 40])('%i sites', (sites) => {
  it.each([3, 5, 9])(
    '%i jurors: the signature page holds table rows, the title, and every juror',
    async (jurors) => {
      const db = join(temp.dir, `demo-${sites}-${jurors}.db`);
      const made = await runCommand(['demo', '--db', db, '--sites', String(sites), '--jurors', String(jurors)]);
      expect(made.status, made.stderr).toBe(0);
      const names = await prepare(db);
      expect(names).toHaveLength(jurors);

      const rekap = await render(db, 'rekap');
      const signing = rekap.map((text, i) => ({ text, page: i + 1 })).filter((p) => p.text.includes('TIM PENILAI'));
      expect(signing.map((p) => p.page)).toEqual([rekap.length]);
      const last = signing[0]!.text;
      expect(last).toMatch(TABLE_ROW);
      expect(last).toMatch(/REKAPITULASI NILAI|Rekapitulasi Nilai · /);
      for (const name of names) expect(last).toContain(name);
      expect(last).toContain('Dra. Hj. Nurhayati Sulaeman, M.Si.');
      rekap
        .slice(1)
        .forEach((text) =>
          expect(text.split('\n')).toContain(`SEMENTARA · hasil belum dikunci dalam rapat pleno · bukan untuk ditandatangani`),
        );
      rekap
        .slice(1)
        .forEach((text) => expect(text).toContain(`Rekapitulasi Nilai · ${COMPETITION} · Nomor 400.10.2.1/574/DP3AKKB/2026 (lanjutan)`));

      const ba = await render(db, 'berita-acara');
      const baSigning = ba.map((text, i) => ({ text, page: i + 1 })).filter((p) => p.text.includes('TIM PENILAI'));
      expect(baSigning.map((p) => p.page)).toEqual([ba.length]);
      const baLast = baSigning[0]!.text;
      expect(baLast).toContain('Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.');
      expect(baLast).toMatch(/BERITA ACARA PENILAIAN|Berita Acara Penilaian · /);
      for (const name of names) expect(baLast).toContain(name);
      expect(baLast).toContain('Dra. Hj. Nurhayati Sulaeman, M.Si.');
      ba.slice(1).forEach((text) =>
        expect(text).toContain(`Berita Acara Penilaian · ${COMPETITION} · Nomor: 400.10.2.1/573/DP3AKKB/2026 (lanjutan)`),
      );
    },
    180_000,
  );
});

describe('more jurors than one page of blocks holds (27 sites, 12 jurors and the Mengetahui official)', () => {
  it('the blocks continue on the next page under the running head, none split, none lost', async () => {
    const db = join(temp.dir, 'demo-27-12.db');
    const made = await runCommand(['demo', '--db', db, '--sites', '27', '--jurors', '12']);
    expect(made.status, made.stderr).toBe(0);
    const names = await prepare(db);
    const rekap = await render(db, 'rekap');
    const from = rekap.findIndex((p) => p.includes('TIM PENILAI'));
    expect(from).toBeGreaterThan(0);
    expect(rekap[from]).toMatch(TABLE_ROW);
    const rest = rekap.slice(from);
    rest
      .slice(1)
      .forEach((text) => expect(text).toContain(`Rekapitulasi Nilai · ${COMPETITION} · Nomor 400.10.2.1/574/DP3AKKB/2026 (lanjutan)`));
    // Every juror's name, and the official's, on exactly one page, with the NIP on that page too (no block split).
    for (const name of [...names, 'Dra. Hj. Nurhayati Sulaeman, M.Si.']) {
      expect(rest.filter((text) => text.includes(name))).toHaveLength(1);
    }
    expect(rest.at(-1)).toContain('NIP 196805121990032004');
  }, 180_000);
});
