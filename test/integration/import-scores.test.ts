/**
 * `import-scores` of contract.md sections 1 and 3, run as real processes on real files: a file as Excel saves it in
 * an Indonesian locale goes in whole, a second import of it changes nothing, `rank` sees the scores; every kind of
 * problem is refused in one line naming the file, the physical line where the record starts and what is wrong,
 * with the database left byte for byte as it was.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type CompetitionFile } from '../../shared/domain/competition.js';
import type { Instrument } from '../../shared/domain/instrument.js';
import type { Ranking } from '../../shared/domain/ranking.js';
import { aCompetition } from '../support/builders.js';
import { runCommand, fingerprint, type CliRun } from '../support/cli.js';
import { tempDir } from '../support/core.js';

interface Json {
  [key: string]: unknown;
}
interface IndicatorJson {
  code: string;
  weight: number;
  scale?: Json;
}

const DRAFT = JSON.parse(readFileSync(new URL('../../resources/instruments/p2wkss-provinsi.json', import.meta.url), 'utf8')) as Json & {
  aspects: { code: string; indicators: IndicatorJson[] }[];
};

/**
 * The draft instrument under its own code, with A1 on 0–5 in steps of 0.5 (for decimal commas) and A2 on a list of
 * options (5, 3, 1). Jurors: J1 scores everything; J2 aspects A and B; J3 aspects C and D, recused from S02; J4
 * sits on the jury and scores nothing.
 */
function competitionFile(): CompetitionFile {
  const instrument = structuredClone(DRAFT);
  instrument.code = 'P2WKSS-UJI-IMPOR';
  instrument.name = 'Instrumen uji impor nilai';
  for (const indicator of instrument.aspects.flatMap((a) => a.indicators)) {
    if (indicator.code === 'A1') indicator.scale = { min: 0, max: 5, step: 0.5 };
    if (indicator.code === 'A2')
      indicator.scale = {
        options: [
          { key: 'a', value: 5 },
          { key: 'b', value: 3 },
          { key: 'c', value: 1 },
        ],
      };
  }
  return aCompetition({
    competition: {
      code: 'UJI',
      name: 'Lomba Uji Impor Nilai',
      year: 2026,
      rules: { ...DEFAULT_RULES, aggregation: 'mean', normalise: 'max', tieBreak: [], precision: 2 },
    },
    instrument: instrument as unknown as Instrument,
    sites: [
      { code: 'S01', name: 'Desa Satu' },
      { code: 'S02', name: 'Desa Dua' },
      { code: 'S03', name: 'Desa Tiga' },
    ],
    jurors: [
      { code: 'J1', name: 'Dr. Hj. Siti Aminah, M.Si.', role: 'ketua' },
      { code: 'J2', name: 'Rina Marlina, S.E.', role: 'sekretaris', aspects: ['A', 'B'] },
      { code: 'J3', name: 'dr. Budi Santoso', role: 'anggota', aspects: ['C', 'D'], recusedSites: ['S02'] },
      { code: 'J4', name: 'Hj. Nurhasanah', role: 'anggota', aspects: [] },
    ],
  });
}

const weight = (code: string): number => DRAFT.aspects.flatMap((a) => a.indicators).find((i) => i.code === code)!.weight;

const temp = tempDir('penilai-import-');
/** UJI (open sheets) and DEMO (every sheet finalised) in one database. */
/** The database the commands run on: the shared one, or a describe's own copy of the freshly made one. */
const shared = join(temp.dir, 'penilai.sqlite');
const template = join(temp.dir, 'template.sqlite');
let db = shared;
let seq = 0;

/** Writes a CSV: UTF-8, lines joined with `eol`, optionally with a BOM. */
function writeCsv(lines: string[], options: { bom?: boolean; eol?: string; name?: string } = {}): string {
  const path = join(temp.dir, options.name ?? `nilai-${(seq += 1)}.csv`);
  const eol = options.eol ?? '\n';
  writeFileSync(path, (options.bom ? '\uFEFF' : '') + lines.join(eol) + eol);
  return path;
}

async function importScores(file: string, ...extra: string[]): Promise<CliRun> {
  return runCommand(['import-scores', '--db', db, '--file', file, '--competition', 'UJI', ...extra]);
}

function expectOneLineError(run: CliRun, pattern: RegExp): string {
  expect(run.status, run.stderr).not.toBe(0);
  expect(run.status).not.toBe(70); // a user error, not an internal one
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  return lines[0]!;
}

/** What the database holds of scores and history, read outside the CLI. */
function tables(): { scores: Json[]; history: Json[] } {
  const conn = new Database(db);
  try {
    return {
      scores: conn
        .prepare(
          `SELECT s.code AS site, j.code AS juror, sc.indicator_code AS indicator, sc.value, n.note, sc.updated_at, sc.updated_by
           FROM score sc JOIN site s ON s.id = sc.site_id JOIN juror j ON j.id = sc.juror_id JOIN competition c ON c.id = s.competition_id
           LEFT JOIN note n ON n.site_id = sc.site_id AND n.juror_id = sc.juror_id AND n.indicator_code = sc.indicator_code
           WHERE c.code = 'UJI' ORDER BY s.code, j.code, sc.indicator_code`,
        )
        .all() as Json[],
      history: conn.prepare(`SELECT * FROM history WHERE competition = 'UJI' AND kind NOT LIKE 'setup.%' ORDER BY id`).all() as Json[],
    };
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  const source = join(temp.dir, 'uji.json');
  writeFileSync(source, JSON.stringify(competitionFile(), null, 2));
  const init = await runCommand(['init', '--db', db, '--competition', source]);
  expect(init.status, init.stderr).toBe(0);
  const demo = await runCommand(['demo', '--db', db, '--sites', '3', '--jurors', '3']);
  expect(demo.status, demo.stderr).toBe(0);
  copyFileSync(shared, template);
});
afterAll(() => temp.cleanup());

describe('import-scores: a good file', () => {
  // Excel in an Indonesian locale: BOM, semicolons, decimal commas, CRLF; columns in another order; a quoted note
  // holding the delimiter and a line break (so the records after it start one physical line later).
  const excel = [
    'juror;site;indicator;note;score',
    'J1;S01;A1;"SK lengkap; tiga tingkat\r\nperlu dimutakhirkan";3,5',
    'J2;S01;A1;;4,5',
    'J1;S01;A2;;5',
    'J1;S01;C1;Posyandu aktif;80',
    'J3;S01;C1;;60',
    'J1;S02;A1;;2',
    ';;;;',
  ];
  let first: CliRun;
  let afterFirst: ReturnType<typeof tables>;
  let file: string;

  // Its own copy of the fresh database: what the other describes import (in any order) does not reach these totals.
  beforeAll(() => {
    db = join(temp.dir, 'good.sqlite');
    copyFileSync(template, db);
  });
  afterAll(() => {
    db = shared;
  });

  beforeAll(async () => {
    file = writeCsv(excel, { bom: true, eol: '\r\n', name: 'nilai-excel.csv' });
    first = await importScores(file);
    afterFirst = tables();
  });

  it('imports every line, with the note as written and one history entry per change by "impor"', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/nilai-excel\.csv.*UJI: 6 baris, 6 nilai baru atau berubah, 0 nilai tetap, 2 catatan/);
    const byCell = Object.fromEntries(afterFirst.scores.map((s) => [`${s.site}/${s.juror}/${s.indicator}`, s]));
    expect(byCell['S01/J1/A1']).toMatchObject({ value: 3.5, note: 'SK lengkap; tiga tingkat\nperlu dimutakhirkan', updated_by: 'impor' });
    expect(byCell['S01/J2/A1']).toMatchObject({ value: 4.5, note: null });
    expect(byCell['S01/J1/A2']).toMatchObject({ value: 5 });
    expect(byCell['S01/J1/C1']).toMatchObject({ value: 80, note: 'Posyandu aktif' });
    expect(byCell['S01/J3/C1']).toMatchObject({ value: 60 });
    expect(byCell['S02/J1/A1']).toMatchObject({ value: 2 });
    expect(afterFirst.scores).toHaveLength(6);
    const kinds = afterFirst.history.map((h) => h.kind);
    expect(kinds.filter((k) => k === 'score')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'note')).toHaveLength(2);
    expect(afterFirst.history.every((h) => h.actor === 'impor')).toBe(true);
    // The reason of a score entry names the file and the physical line it came from.
    expect(afterFirst.history.find((h) => h.kind === 'score' && h.juror === 'J2')).toMatchObject({
      site: 'S01',
      indicator: 'A1',
      new_value: 4.5,
      reason: 'impor nilai-excel.csv baris 4',
    });
  });

  /** A fresh copy of the new database with this file imported once: the tests below see nothing the others wrote. */
  async function importedOnce(name: string): Promise<string> {
    db = join(temp.dir, `${name}.sqlite`);
    copyFileSync(template, db);
    expect((await importScores(file)).status).toBe(0);
    return db;
  }

  it('importing the same file again changes no score and writes no history', async () => {
    await importedOnce('again');
    const once = tables();
    const again = await importScores(file);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/0 nilai baru atau berubah, 6 nilai tetap, 0 catatan/);
    expect(tables()).toEqual(once);
    expect(once.scores).toEqual(
      afterFirst.scores.map((s) => ({
        ...s,
        updated_at: once.scores.find((o) => o.site === s.site && o.juror === s.juror && o.indicator === s.indicator)!.updated_at,
      })),
    );
  });

  it('rank --json reflects the imported scores', async () => {
    const run = await runCommand(['rank', '--db', await importedOnce('rank'), '--competition', 'UJI', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const ranking = JSON.parse(run.stdout) as Ranking;
    const site = (code: string) => ranking.ranking.find((r) => r.site === code)!;
    // mean over eligible jurors of score / max, times the weight
    const a1 = weight('A1') * ((3.5 / 5 + 4.5 / 5) / 2);
    const a2 = weight('A2') * (5 / 5);
    const c1 = weight('C1') * ((80 / 100 + 60 / 100) / 2);
    expect(site('S01').total).toBeCloseTo(a1 + a2 + c1, 9);
    expect(site('S01').aspects.A).toBeCloseTo(a1 + a2, 9);
    expect(site('S02').total).toBeCloseTo(weight('A1') * (2 / 5), 9);
    expect(site('S03').total).toBe(0);
    expect(ranking.ranking.map((r) => r.site)).toEqual(['S01', 'S02', 'S03']);
  });

  it('an empty note keeps the stored note; a changed score writes one entry; English with --lang en', async () => {
    const before = tables();
    const file2 = writeCsv(['site,juror,indicator,score,note', 'S01,J1,A1,"4,5",', 'S01,J1,C1,80,'], { name: 'ubah.csv' });
    const run = await importScores(file2, '--lang', 'en');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^Scores from .*ubah\.csv imported into competition UJI: 2 lines, 1 scores new or changed, 1 unchanged, 0 notes/,
    );
    const after = tables();
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.at(-1)).toMatchObject({
      kind: 'score',
      site: 'S01',
      juror: 'J1',
      indicator: 'A1',
      old_value: 3.5,
      new_value: 4.5,
    });
    const cell = after.scores.find((s) => s.site === 'S01' && s.juror === 'J1' && s.indicator === 'A1')!;
    expect(cell).toMatchObject({ value: 4.5, note: 'SK lengkap; tiga tingkat\nperlu dimutakhirkan' });
  });
});

describe('import-scores: a score within 1e-9 of a level', () => {
  it('is stored, and written in the history, as the level exactly', async () => {
    const file = writeCsv(['site,juror,indicator,score', 'S03,J1,B1,"0,9999999995"', 'S03,J1,A2,4.9999999999'], { name: 'derau.csv' });
    const run = await importScores(file);
    expect(run.status, run.stderr).toBe(0);
    const after = tables();
    const byCell = Object.fromEntries(after.scores.map((s) => [`${s.site}/${s.juror}/${s.indicator}`, s.value]));
    expect([byCell['S03/J1/A2'], byCell['S03/J1/B1']]).toEqual([5, 1]);
    expect(after.history.slice(-2).map((h) => [h.indicator, h.new_value])).toEqual([
      ['B1', 1],
      ['A2', 5],
    ]);
  });
});

describe('import-scores: refusals', () => {
  /** Runs a file that must be refused: one line naming the file and the line, the database unchanged. */
  async function refused(
    lines: string[],
    pattern: RegExp,
    options: { eol?: string; competition?: string; lang?: string } = {},
  ): Promise<string> {
    const file = writeCsv(lines, options.eol === undefined ? {} : { eol: options.eol });
    const before = fingerprint(db);
    const run = await runCommand([
      'import-scores',
      '--db',
      db,
      '--file',
      file,
      '--competition',
      options.competition ?? 'UJI',
      ...(options.lang ? ['--lang', options.lang] : []),
    ]);
    const line = expectOneLineError(run, pattern);
    expect(line).toContain(file);
    expect(fingerprint(db)).toBe(before);
    return line;
  }

  const header = 'site,juror,indicator,score,note';

  it('an unknown site, juror or indicator, after good lines (nothing of the file is written)', async () => {
    await refused([header, 'S01,J1,A3,4,', 'S01,J1,A4,4,', 'S99,J1,A5,4,'], /, baris 4, kolom site: lokus S99 tidak ada di lomba UJI$/);
    await refused([header, 'S01,J9,A3,4,'], /, baris 2, kolom juror: juri J9 tidak ada di lomba UJI$/);
    await refused([header, 'S01,J1,Z9,4,'], /, baris 2, kolom indicator: indikator Z9 tidak ada di instrumen P2WKSS-UJI-IMPOR versi 1$/);
    await refused([header, 'S01,J1,A3,4,', 'S01,,A4,4,'], /, baris 3, kolom juror: wajib diisi$/);
  });

  it('a juror not eligible: aspect not assigned, or recused from the site', async () => {
    await refused(
      [header, 'S01,J2,A3,4,', 'S01,J2,C1,50,'],
      /, baris 3, kolom indicator: juri J2 tidak ditugasi menilai aspek C, jadi tidak dapat memberi nilai indikator C1$/,
    );
    await refused(
      [header, 'S02,J3,D1,4,'],
      /, baris 2, kolom juror: juri J3 tidak boleh menilai lokus S02 \(dikecualikan karena konflik kepentingan\)$/,
    );
    await refused([header, 'S01,J4,A1,4,'], /, baris 2, kolom indicator: juri J4 tidak ditugasi menilai aspek A/);
  });

  it('a cell whose sheet is finalised', async () => {
    await refused([header, 'S01,J1,A1,4,'], /, baris 2: lembar penilaian juri J1 untuk lokus S01 sudah difinalkan/, {
      competition: 'DEMO',
    });
  });

  it('the same (site, juror, indicator) twice', async () => {
    await refused(
      [header, 'S03,J1,A3,4,', 'S03,J1,A4,4,', 'S03,J1,A3,5,'],
      /, baris 4: lokus S03, juri J1, indikator A3 sudah ada di baris 2$/,
    );
  });

  it('an empty or unreadable score', async () => {
    await refused([header, 'S03,J1,A3,,catatan'], /, baris 2, kolom score: nilai kosong$/);
    await refused([header, 'S03,J1,A3,empat,'], /, baris 2, kolom score: nilai "empat" tidak dapat dibaca sebagai angka/);
    await refused([header, 'S03,J1,A3,"3,5.0",'], /, baris 2, kolom score: nilai "3,5\.0" tidak dapat dibaca/);
  });

  it('a score off the scale, off the step, or not one of the options', async () => {
    await refused([header, 'S03,J1,A3,6,'], /, baris 2, kolom score: nilai 6 di luar skala indikator A3 \(1–5\)$/);
    await refused([header, 'S03,J1,A3,0,'], /, baris 2, kolom score: nilai 0 di luar skala indikator A3/);
    await refused(
      [header, 'S03,J1,A1,"3,3",'],
      /, baris 2, kolom score: nilai 3,3 tidak sesuai langkah skala indikator A1 \(0–5, langkah 0,5\)$/,
    );
    await refused(
      [header, 'S03,J1,A3,3.5,'],
      /, baris 2, kolom score: nilai 3\.5 tidak sesuai langkah skala indikator A3 \(1–5, langkah 1\)$/,
    );
    await refused([header, 'S03,J1,A2,4,'], /, baris 2, kolom score: nilai 4 bukan salah satu nilai skala indikator A2 \(1; 3; 5\)$/);
    await refused([header, 'S03,J1,C1,100.5,'], /nilai 100\.5 di luar skala indikator C1 \(0–100\)$/);
  });

  it('a wrong header: a required column missing, an unknown or repeated column', async () => {
    await refused(['site,juror,indicator,note', 'S03,J1,A3,'], /, baris 1: kolom wajib "score" tidak ada di baris judul/);
    await refused(
      ['site,juror,indicator,nilai', 'S03,J1,A3,4'],
      /, baris 1, kolom nilai: kolom "nilai" tidak dikenal; nama kolom yang dipakai: site, juror, indicator, score, note \(dan 1 masalah lain\)$/,
    );
    await refused(['site,juror,indicator,score,score', 'S03,J1,A3,4,4'], /, baris 1, kolom score: kolom "score" muncul dua kali/);
  });

  it('counts physical lines: a record after quoted line breaks, CRLF or LF', async () => {
    for (const eol of ['\r\n', '\n']) {
      await refused(
        [header, `S03,J1,A3,4,"baris satu${eol}baris dua${eol}baris tiga"`, 'S03,J1,A4,4,', 'S03,J1,A5,9,'],
        /, baris 6, kolom score: nilai 9 di luar skala/,
        { eol },
      );
    }
    await refused([header, 'S03,J1,A3,4,"tidak ditutup', 'S03,J1,A4,4,'], /, baris 2: tanda kutip \("\) dibuka tetapi tidak ditutup/);
  });

  it('says it in English with --lang en', async () => {
    await refused([header, 'S01,J9,A3,4,'], /, line 2, column juror: no juror J9 in competition UJI$/, { lang: 'en' });
    await refused(
      [header, 'S03,J1,A1,"3,3",'],
      /, line 2, column score: score 3,3 is not on the steps of indicator A1's scale \(0–5 in steps of 0\.5\)$/,
      { lang: 'en' },
    );
  });

  it('a file that is not there, a missing option, an empty file', async () => {
    const before = fingerprint(db);
    expectOneLineError(await importScores(join(temp.dir, 'tidak-ada.csv')), /Berkas tidak ditemukan: .*tidak-ada\.csv/);
    const missing = await runCommand(['import-scores', '--db', db]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Opsi --file wajib diisi untuk perintah import-scores/);
    expect(fingerprint(db)).toBe(before);
    await refused([header], /: tidak ada baris data di bawah baris judul kolom$/);
  });
});
