/**
 * Competition-level operations shared by the handlers and the command line.
 */
import type { CompetitionFile } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { syntheticCompetition } from '../../../shared/domain/synthetic.js';
import type { Store } from '../db/store.js';
import { DEFAULT_INSTRUMENTS, loadBundledInstrument, type Resources } from '../resources.js';

export const DEMO_CODE = 'DEMO';

/** Makes sure every bundled default instrument is in the database (every new database has them). */
export function ensureDefaultInstruments(store: Store, resources: Resources): void {
  for (const file of DEFAULT_INSTRUMENTS) store.putInstrument(loadBundledInstrument(resources, file));
}

export interface DemoOptions {
  sites?: number;
  jurors?: number;
  seed?: number;
}

/** The demo of contract.md section 1: default instrument, every juror's scores entered and finalised. */
export function createDemo(store: Store, resources: Resources, options: DemoOptions = {}): { file: CompetitionFile; scores: number } {
  if (store.hasCompetition(DEMO_CODE)) throw new UserError('cli.demoExists', {}, 'conflict');
  const instrument = loadBundledInstrument(resources, DEFAULT_INSTRUMENTS[0]);
  const { file, scores } = syntheticCompetition({
    sites: options.sites ?? 12,
    jurors: options.jurors ?? 5,
    seed: options.seed ?? 1,
    instrument,
    code: DEMO_CODE,
    assignment: 'sector',
  });
  file.competition.name = `Lomba P2WKSS Tingkat Provinsi Banten Tahun ${file.competition.year} (Demo)`;
  store.db.transaction(() => {
    ensureDefaultInstruments(store, resources);
    store.createCompetition(file);
    store.insertScores(DEMO_CODE, scores, true);
  })();
  return { file, scores: scores.length };
}

/** The competition a command acts on: the one named, or the only one in the database. */
export function resolveCompetition(store: Store, code: string | undefined, file: string): string {
  if (code) {
    if (!store.hasCompetition(code)) throw new UserError('competition.notFound', { code }, 'not-found');
    return code;
  }
  const codes = store.competitionCodes();
  if (codes.length === 0) throw new UserError('competition.none', { file }, 'not-found');
  if (codes.length > 1) throw new UserError('competition.ambiguous', { codes: codes.join(', ') });
  return codes[0]!;
}
