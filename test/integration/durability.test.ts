/**
 * A score the UI was told is saved survives a killed process: a child process saves scores in a burst through the
 * core (test/support/score-burst.ts) and is killed with SIGKILL after a random number of acknowledgements or at a
 * random moment; the database, reopened, holds every acknowledged change (and at most the one change in flight),
 * and its history chain is whole. The connection that saves the scores runs WAL with synchronous=FULL, so the same
 * commits also survive a power cut (which a test cannot cut).
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../electron/core/audit/verify.js';
import { openDatabase } from '../../electron/core/platform/database.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { aCompetition, anInstrument } from '../support/builders.js';
import { openTestCore, REPO_ROOT, tempDir } from '../support/core.js';

const TRIALS = 24;
const PARALLEL = 6;
const C = 'TAHAN';
const SITES = ['S01', 'S02', 'S03', 'S04'];
const INDICATORS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];

const temp = tempDir('penilai-durability-');
const template = join(temp.dir, 'template.db');

const file = aCompetition({
  competition: {
    code: C,
    name: 'Lomba Uji Ketahanan',
    year: 2026,
    rules: { aggregation: 'mean', normalise: 'max', tieBreak: [], precision: 2, rankBy: 'all', labels: ['Juara I'] },
  },
  instrument: anInstrument({
    code: 'UJI-TAHAN',
    name: 'Instrumen uji ketahanan',
    aspects: [
      {
        code: 'A',
        name: 'Aspek A',
        indicators: INDICATORS.map((code, i) => ({ code, name: `Indikator ${code}`, weight: i === 0 ? 100 - 5 * 16 : 16, phase: 'LAP' })),
      },
    ],
  }),
  sites: SITES.map((code) => ({ code, name: `Desa ${code}` })),
  jurors: [{ code: 'J1', name: 'Juri Satu', role: 'ketua' }],
});

interface Trial {
  seed: number;
  status: number | null;
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
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/score-burst.ts', db, String(seed), C, 'J1', SITES.join(','), INDICATORS.join(',')],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
    child.on('close', (status, signal) => {
      clearTimeout(guard);
      resolve({ seed, status, signal, lines: out.split('\n').filter(Boolean), stderr, db, acks });
    });
  });
}

/** What each cell must hold: its last acknowledged value, or the value of the one call still in flight. */
function expectations(lines: readonly string[]): {
  acked: Map<string, number | null>;
  inFlight: { cell: string; value: number | null } | null;
} {
  const acked = new Map<string, number | null>();
  let inFlight: { cell: string; value: number | null } | null = null;
  for (const line of lines) {
    const [kind, , site, indicator, shown] = line.split(' ');
    if (kind !== 'try' && kind !== 'ack') continue;
    const cell = `${site}/${indicator}`;
    const value = shown === '-' ? null : Number(shown);
    if (kind === 'try') inFlight = { cell, value };
    else {
      acked.set(cell, value);
      inFlight = null;
    }
  }
  return { acked, inFlight };
}

beforeAll(() => {
  const core = openTestCore(template);
  core.deps.repos.setup.createCompetition(file);
  core.close();
});
afterAll(() => temp.cleanup());

describe('a killed process', () => {
  it(
    `loses no acknowledged score (${TRIALS} trials, SIGKILL after a random number of saves or at a random moment)`,
    { timeout: 120_000 },
    async () => {
      const random = seededRandom(20260908);
      const plans = Array.from({ length: TRIALS }, (_, i) => ({
        index: i,
        seed: 1000 + i,
        kill: i % 2 === 0 ? { afterAcks: 1 + Math.floor(random() * 250) } : { delayMs: Math.floor(random() * 60) },
      }));
      const trials: Trial[] = [];
      for (let i = 0; i < plans.length; i += PARALLEL) {
        trials.push(...(await Promise.all(plans.slice(i, i + PARALLEL).map((p) => runTrial(p.index, p.seed, p.kill)))));
      }

      let totalAcks = 0;
      for (const trial of trials) {
        const context = `trial seed ${trial.seed}: ${trial.stderr}`;
        expect(trial.signal, context).toBe('SIGKILL');
        // The connection that saves scores: WAL, synchronous = FULL (2).
        expect(trial.lines[0], context).toBe('pragma wal 2');
        expect(trial.acks, context).toBeGreaterThan(0);
        totalAcks += trial.acks;

        const { acked, inFlight } = expectations(trial.lines);
        const db = openDatabase({ file: trial.db, mustExist: true });
        try {
          const stored = new Map(
            (
              db
                .prepare(`SELECT s.code AS site, sc.indicator_code AS indicator, sc.value FROM score sc JOIN site s ON s.id = sc.site_id`)
                .all() as { site: string; indicator: string; value: number }[]
            ).map((r) => [`${r.site}/${r.indicator}`, r.value]),
          );
          for (const site of SITES) {
            for (const indicator of INDICATORS) {
              const cell = `${site}/${indicator}`;
              const allowed = [acked.get(cell) ?? null];
              if (inFlight?.cell === cell) allowed.push(inFlight.value);
              expect(allowed, `${context} cell ${cell}`).toContain(stored.get(cell) ?? null);
            }
          }
          // Nothing half-written: the history chain is whole and agrees with the scores.
          expect(verifyDatabase(db), context).toMatchObject({ count: 0 });
        } finally {
          db.close();
        }
      }
      expect(totalAcks).toBeGreaterThan(TRIALS * 10);
    },
  );
});
