/**
 * `agreement` and `sensitivity` (contract.md sections 1 and 6), run in-process on a real demo database: the JSON of
 * section 6, the text with a plain reading beside each figure in Indonesian and English, and the refusals.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, Sensitivity } from '../../shared/contract/analysis.js';
import { agreement } from '../../shared/domain/analysis.js';
import { agreementJsonSchema, sensitivityJsonSchema } from '../../shared/domain/analysis-format.js';
import { cli, runCommand, fingerprint } from '../support/cli.js';
import { openTestCore, tempDir } from '../support/core.js';

const temp = tempDir('penilai-cli-analysis-');
const db = join(temp.dir, 'demo.db');
const home = join(temp.dir, 'home');

beforeAll(async () => {
  // 8 sites, 5 jurors, seed 1: the same seed always gives the same scores (contract section 1).
  const made = await runCommand(['demo', '--db', db, '--sites', '8', '--home', home]);
  expect(made.status, made.stderr).toBe(0);
});

afterAll(() => temp.cleanup());

describe('agreement', () => {
  it('--json: per aspect W, jurors and sites; per juror leniency and cells; the outliers (contract section 6)', async () => {
    const run = await runCommand(['agreement', '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as Agreement;
    // the versioned format of docs/schemas/agreement.schema.json
    expect(agreementJsonSchema.parse(json).format).toBe('penilai.agreement/1');
    expect(Object.keys(json.aspects)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    const sites = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08'];
    // the demo gives each aspect three jurors (J1, the ketua, scores everything); every site fully scored
    expect(json.aspects.A).toEqual({ w: expect.closeTo(0.938776, 6), jurors: ['J1', 'J2', 'J3'], sites });
    expect(json.aspects.B).toEqual({ w: expect.closeTo(0.950067, 6), jurors: ['J1', 'J3', 'J4'], sites });
    expect(Object.keys(json.jurors)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5']);
    expect(json.jurors.J1!.cells).toBe(224);
    expect(json.jurors.J2).toEqual({ leniency: expect.closeTo(0.052, 3), cells: 120 });
    expect(json.outliers).toEqual([{ site: 'S02', juror: 'J2', indicator: 'H2', score: 4, median: 2 }]);
    // what the command prints is what the pure function computes from the database's ranking input
    const core = openTestCore(db);
    try {
      const computed = agreement(core.deps.repos.setup.rankingInput('DEMO'));
      expect(json).toEqual(JSON.parse(JSON.stringify({ format: 'penilai.agreement/1', ...computed })));
    } finally {
      core.close();
    }
  });

  it('prints each figure with its plain reading, in Indonesian and with --lang en in English', async () => {
    const id = await runCommand(['agreement', '--db', db, '--competition', 'DEMO']);
    expect(id.status, id.stderr).toBe(0);
    const lines = id.stdout.split('\n');
    expect(lines[0]).toBe('Kesepakatan juri, lomba DEMO');
    expect(lines).toContain('  A Kelembagaan & Administrasi Program: W 0,94 — kesepakatan tinggi (3 juri, 8 lokus)');
    expect(lines).toContain('  J2 rata-rata 5,2 poin (dari 100) lebih tinggi dari juri lain: lebih royal (120 sel)');
    expect(lines).toContain('  J1 rata-rata 2,2 poin (dari 100) lebih rendah dari juri lain: lebih pelit (224 sel)');
    expect(lines).toContain('  Lokus S02, indikator H2: J2 memberi 4, median juri lain 2');
    const en = await runCommand(['agreement', '--db', db, '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toContain('  A Kelembagaan & Administrasi Program: W 0.94 — high agreement (3 jurors, 8 sites)');
    expect(en.stdout).toContain('  J2 on average 5.2 points (of 100) above the other jurors: more generous (120 cells)');
    expect(en.stdout).toContain("  Site S02, indicator H2: J2 gave 4, the other jurors' median 2");
  });
});

describe('sensitivity', () => {
  it('--json: for each juror the ranking without them and the labels that change (contract section 6)', async () => {
    const run = await runCommand(['sensitivity', '--db', db, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as Sensitivity;
    expect(sensitivityJsonSchema.parse(json).format).toBe('penilai.sensitivity/1');
    expect(Object.keys(json.jurors)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5']);
    // S04 wins by a narrow margin; without J2 (or J5) S05 would
    const swap = [
      { site: 'S04', label: 'Juara I', labelWithout: 'Juara II' },
      { site: 'S05', label: 'Juara II', labelWithout: 'Juara I' },
    ];
    expect(json.jurors.J2!.changes).toEqual(swap);
    expect(json.jurors.J5!.changes).toEqual(swap);
    for (const j of ['J1', 'J3', 'J4']) expect(json.jurors[j]!.changes).toEqual([]);
    const without = json.jurors.J2!.ranking;
    expect(without).toHaveLength(8);
    expect(without.slice(0, 2).map((r) => [r.rank, r.site, r.label])).toEqual([
      [1, 'S05', 'Juara I'],
      [2, 'S04', 'Juara II'],
    ]);
    for (const key of ['rank', 'site', 'name', 'category', 'total', 'label', 'tied', 'complete', 'decidedBy', 'aspects', 'phases'])
      expect(without[0]).toHaveProperty(key);
  });

  it('prints the changes in words, in Indonesian and English', async () => {
    const id = await runCommand(['sensitivity', '--db', db]);
    expect(id.status, id.stderr).toBe(0);
    expect(id.stdout.split('\n')).toEqual([
      'Peringkat tanpa tiap juri, lomba DEMO (dibandingkan dengan peringkat resmi)',
      '  Tanpa J1: tidak ada predikat yang berubah.',
      '  Tanpa J2: S04 Juara I → Juara II; S05 Juara II → Juara I.',
      '  Tanpa J3: tidak ada predikat yang berubah.',
      '  Tanpa J4: tidak ada predikat yang berubah.',
      '  Tanpa J5: S04 Juara I → Juara II; S05 Juara II → Juara I.',
      '',
    ]);
    const en = await runCommand(['sensitivity', '--db', db, '--lang', 'en']);
    expect(en.stdout).toContain('  Without J2: S04 Juara I → Juara II; S05 Juara II → Juara I.');
    expect(en.stdout).toContain('  Without J1: no title changes.');
  });
});

describe('refusals', () => {
  it('an unknown competition: one line naming it, nothing printed, the database unchanged', async () => {
    const before = fingerprint(db);
    for (const command of ['agreement', 'sensitivity']) {
      const run = await runCommand([command, '--db', db, '--competition', 'NOPE', '--json']);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('penilai: Lomba dengan kode NOPE tidak ada di basis data.\n');
      const en = await runCommand([command, '--db', db, '--competition', 'NOPE', '--lang', 'en']);
      expect(en.status).toBe(1);
      expect(en.stderr.trim().split('\n')).toHaveLength(1);
      expect(en.stderr).toMatch(/NOPE/);
    }
    expect(fingerprint(db)).toBe(before);
  });

  it('a missing --db and a database that does not exist', async () => {
    const missing = await runCommand(['agreement']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--db/);
    const absent = join(temp.dir, 'nothing.db');
    const run = await runCommand(['sensitivity', '--db', absent]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`penilai: Berkas basis data tidak ditemukan: ${absent}\n`);
  });
});

describe('as a real process', () => {
  it('agreement --json and sensitivity, exactly as a script runs them', () => {
    const agreementRun = cli(['agreement', '--db', db, '--json']);
    expect(agreementRun.status, agreementRun.stderr).toBe(0);
    expect(agreementRun.stderr).toBe('');
    expect((JSON.parse(agreementRun.stdout) as Agreement).outliers).toEqual([
      { site: 'S02', juror: 'J2', indicator: 'H2', score: 4, median: 2 },
    ]);
    const sensitivityRun = cli(['sensitivity', '--db', db]);
    expect(sensitivityRun.status, sensitivityRun.stderr).toBe(0);
    expect(sensitivityRun.stdout).toContain('  Tanpa J2: S04 Juara I → Juara II; S05 Juara II → Juara I.\n');
  });
});
