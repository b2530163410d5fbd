import type { CompetitionFile } from '../../../shared/domain/competition.js';
import { COMPETITION_FORMAT, DEFAULT_RULES, parseCompetitionFile } from '../../../shared/domain/competition.js';
import { ValidationError } from '../../../shared/domain/validation.js';
import { SCHEMA_VERSION } from '../db/migrations/index.js';
import { loadDefaultInstrument } from '../resources.js';
import { createDemo, DEMO_CODE } from '../services/competitions.js';
import type { Handler } from './index.js';

export const competitionHandlers: {
  'app.info': Handler<'app.info'>;
  'competition.list': Handler<'competition.list'>;
  'competition.get': Handler<'competition.get'>;
  'competition.create': Handler<'competition.create'>;
  'competition.createDemo': Handler<'competition.createDemo'>;
} = {
  'app.info': (_args, deps) => ({ version: deps.version, schemaVersion: SCHEMA_VERSION, database: deps.database, desktop: deps.desktop }),

  'competition.list': (_args, { store }) => store.listCompetitions(),

  'competition.get': ({ code }, { store }) => store.loadCompetition(code),

  'competition.create': (args, { store, resources }) => {
    // The thin path: a competition on the default instrument with default rules; the full editor comes with setup.
    const candidate: CompetitionFile = {
      format: COMPETITION_FORMAT,
      competition: { ...args.competition, rules: { ...DEFAULT_RULES, tieBreak: ['phase:LAP'] } },
      instrument: loadDefaultInstrument(resources),
      sites: args.sites,
      jurors: args.jurors,
    };
    const parsed = parseCompetitionFile(candidate);
    if (!parsed.ok) throw new ValidationError(parsed.issues);
    store.createCompetition(parsed.value);
    return store.summary(parsed.value.competition.code);
  },

  'competition.createDemo': (_args, { store, resources }) => {
    createDemo(store, resources);
    return store.summary(DEMO_CODE);
  },
};
