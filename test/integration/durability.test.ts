/**
 * A change the UI was told is saved survives a killed process (issue 12, point 7): a child process runs a mixed
 * workload through the core (test/support/work-burst.ts: scores, notes, household checklists, photos, setup
 * edits, a score package imported, a sheet finalised) and is killed with SIGKILL after a random number of
 * acknowledgements or at a random moment. The database, reopened, passes `PRAGMA quick_check` and `verify --db`
 * (`verifyDatabase`, photos included), and holds every acknowledged change (and at most the one change in flight),
 * read back through the handlers. The connection that writes runs WAL with synchronous=FULL, so the same commits
 * also survive a power cut (which a test cannot cut). Deterministic by seed; trials run in parallel.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import { openDatabase } from '../../electron/core/platform/database.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';
import { call, JURY_COMPETITION, score, WORK } from '../support/jury.js';
import type { Change } from '../support/work-burst.js';

const TRIALS = Number(process.env.TRIALS ?? 50);
const PARALLEL = 5;
const C = 'JABAR';
const ALL_SITES = ['S01', 'S02', 'S03'];

const temp = tempDir('penilai-durability-');
const template = join(temp.dir, 'template.db');
const packageFile = join(temp.dir, 'nilai-J2.penilai');

interface Trial {
  seed: number;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
  db: string;
  acks: number;
}

/** Runs one child and kills it: after `afterAcks` acknowledgements, or `delayMs` after the first one. */
function runTrial(index: number, seed: number, kill: { afterAcks: number } | { delayMs: number }): Promise<Trial> {
  const db = join(temp.dir, `trial-${index}.db`);
  copyFileSync(template, db);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/work-burst.ts', db, String(seed), packageFile], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stderr = '';
  let acks = 0;
  let killing = false;
  const killNow = () => {
    if (!killing) {
      killing = true;
      child.kill('SIGKILL');
    }
  };
  // A child that started (it printed its pragmas) but never acknowledges anything is a failure, not a hang. The
  // guard starts only once the child runs: a child slow to start on a loaded machine is never killed early.
  let guard: NodeJS.Timeout | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    guard ??= setTimeout(killNow, 60_000);
    const before = acks;
    acks = (out.match(/^ack /gm) ?? []).length;
    if ('afterAcks' in kill && acks >= kill.afterAcks) killNow();
    if ('delayMs' in kill && before === 0 && acks > 0) setTimeout(killNow, kill.delayMs);
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => {
    child.on('close', (_status, signal) => {
      clearTimeout(guard);
      resolve({ seed, signal, lines: out.split('\n').filter(Boolean), stderr, db, acks });
    });
  });
}

/** A change's place in the database ("score:S02/A1", "site:S03", "import", "finalise:S01"), and what it leaves there. */
function keyOf(c: Change): { key: string; value: unknown } {
  switch (c.kind) {
    case 'score':
      return { key: `score:${c.site}/${c.indicator}`, value: c.value };
    case 'note':
      return { key: `note:${c.site}/${c.indicator}`, value: c.note };
    case 'household':
      return { key: `household:${c.site}/${c.indicator}`, value: answered(c.answers) };
    case 'photo':
      return { key: `photo:${c.uuid ?? '?'}`, value: true };
    case 'site':
      return { key: `site:${c.site}`, value: c.name };
    case 'import':
      return { key: 'import', value: true };
    case 'finalise':
      return { key: `finalise:${c.site}`, value: true };
  }
}

/** Checklist answers as JSON, none given at all being the same as no checklist. */
function answered(answers: (boolean | null)[][] | undefined): string | null {
  return answers === undefined || answers.flat().every((a) => a === null) ? null : JSON.stringify(answers);
}

/** What each place must hold: its last acknowledged value, or that of the one change still in flight. */
function expectations(lines: readonly string[]): {
  acked: Map<string, unknown>;
  inFlight: { key: string; value: unknown } | null;
  kinds: Set<string>;
} {
  const acked = new Map<string, unknown>();
  const kinds = new Set<string>();
  let inFlight: { key: string; value: unknown } | null = null;
  for (const line of lines) {
    const match = /^(try|ack) \d+ (.*)$/.exec(line);
    if (!match) continue;
    const change = JSON.parse(match[2]!) as Change;
    const { key, value } = keyOf(change);
    if (match[1] === 'try') inFlight = { key, value };
    else {
      acked.set(key, value);
      kinds.add(change.kind);
      inFlight = null;
    }
  }
  return { acked, inFlight, kinds };
}

/** What the database holds, read back through the handlers as the app reads it. */
async function stored(core: Core): Promise<Map<string, unknown>> {
  const held = new Map<string, unknown>();
  for (const site of ALL_SITES) {
    const sheet = await call(core, 'scoring.sheet', { competition: C, juror: 'J1', site });
    for (const s of sheet.scores) if (s.indicator !== 'B1') held.set(`score:${site}/${s.indicator}`, s.value);
    for (const n of sheet.notes) held.set(`note:${site}/${n.indicator}`, n.note);
    for (const h of sheet.household) held.set(`household:${site}/${h.indicator}`, answered(h.answers));
    for (const e of sheet.evidence) held.set(`photo:${e.uuid}`, true);
    if (sheet.finalised) held.set(`finalise:${site}`, true);
  }
  const detail = await call(core, 'setup.get', { code: C });
  const s03 = detail.sites.find((s) => s.code === 'S03')!.name;
  if (s03 !== 'Desa Cibodas') held.set('site:S03', s03);
  // J2's package: all of its scores or none.
  const j2 = new Map<string, number>();
  for (const site of ALL_SITES) {
    for (const s of (await call(core, 'scoring.sheet', { competition: C, juror: 'J2', site })).scores)
      j2.set(`${site}/${s.indicator}`, s.value);
  }
  if (j2.size > 0) {
    expect(j2).toEqual(new Map(WORK.J2!.map((c) => [`${c.site}/${c.indicator}`, c.value!])));
    held.set('import', true);
  }
  return held;
}

beforeAll(async () => {
  // The secretariat's database, and J2's score package from J2's own laptop (its own device key).
  const secretariat = openTestCore(template);
  await call(secretariat, 'setup.import', { name: 'jabar.json', bytes: new TextEncoder().encode(JSON.stringify(JURY_COMPETITION)) });
  const setup = (await call(secretariat, 'exchange.setupPackage', { competition: C })).bytes;
  secretariat.close();
  const j2 = openTestCore(join(temp.dir, 'laptop-J2.db'), undefined, { home: join(temp.dir, 'home-J2') });
  await call(j2, 'exchange.apply', { name: 'persiapan.penilai', bytes: setup });
  await score(j2, 'J2', WORK.J2!);
  writeFileSync(packageFile, (await call(j2, 'exchange.exportScores', { competition: C, juror: 'J2' })).file.bytes);
  j2.close();
});
afterAll(() => temp.cleanup());

describe('a killed process', () => {
  it(
    `loses no acknowledged change of a mixed workload (${TRIALS} trials, SIGKILL after a random number of changes or at a random moment)`,
    { timeout: 900_000 },
    async () => {
      const random = seededRandom(20261202);
      const plans = Array.from({ length: TRIALS }, (_, i) => ({
        index: i,
        seed: 2000 + i,
        kill: i % 2 === 0 ? { afterAcks: 1 + Math.floor(random() * 120) } : { delayMs: Math.floor(random() * 150) },
      }));
      // A small pool: each child starts as soon as one ends.
      const trials: Trial[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < plans.length) {
            const p = plans[next++]!;
            trials.push(await runTrial(p.index, p.seed, p.kill));
          }
        }),
      );

      let totalAcks = 0;
      const kinds = new Set<string>();
      for (const trial of trials.sort((a, b) => a.seed - b.seed)) {
        const context = `trial seed ${trial.seed}: ${trial.stderr}`;
        expect(trial.signal, context).toBe('SIGKILL');
        // The connection that writes: WAL, synchronous = FULL (2).
        expect(trial.lines[0], context).toBe('pragma wal 2');
        expect(trial.acks, context).toBeGreaterThan(0);
        totalAcks += trial.acks;

        // Whole: quick_check and `verify --db` (the history chain agrees with the rows, every photo file is there).
        const db = openDatabase({ file: trial.db, mustExist: true });
        try {
          expect(db.pragma('quick_check', { simple: true }), context).toBe('ok');
          expect(verifyDatabase(db, trial.db), context).toMatchObject({ count: 0 });
        } finally {
          db.close();
        }

        const expected = expectations(trial.lines);
        for (const kind of expected.kinds) kinds.add(kind);
        const core = openTestCore(trial.db);
        try {
          const held = await stored(core);
          // A photo in flight has no uuid yet: it may be there (one photo more than acknowledged) or not.
          const unacked = [...held.keys()].filter((key) => key.startsWith('photo:') && !expected.acked.has(key));
          expect(unacked.length, context).toBeLessThanOrEqual(expected.inFlight?.key === 'photo:?' ? 1 : 0);
          for (const key of unacked) held.delete(key);
          for (const key of new Set([...held.keys(), ...expected.acked.keys(), ...(expected.inFlight ? [expected.inFlight.key] : [])])) {
            if (key === 'photo:?') continue;
            // No score and no checklist read back as null: a checklist with every answer empty is no row at all
            // (seed 2049's change 50 clears S02's; killed after its commit, before its ack, the row is gone).
            const none = key.startsWith('score:') || key.startsWith('household:') ? null : undefined;
            const allowed = [expected.acked.get(key) ?? none];
            if (expected.inFlight?.key === key) allowed.push(expected.inFlight.value ?? none);
            const found = held.get(key) ?? none;
            expect(allowed, `${context} ${key}`).toContainEqual(found);
          }
        } finally {
          core.close();
        }
      }
      // The workload was mixed: every kind of change was acknowledged in some trial.
      expect([...kinds].sort()).toEqual(['finalise', 'household', 'import', 'note', 'photo', 'score', 'site']);
      expect(totalAcks).toBeGreaterThan(TRIALS * 10);
    },
  );
});
