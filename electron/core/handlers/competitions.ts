import type { CompetitionFile } from '../../../shared/domain/competition.js';
import { COMPETITION_FORMAT, DEFAULT_RULES, parseCompetitionFile } from '../../../shared/domain/competition.js';
import { UserError } from '../../../shared/domain/errors.js';
import { ValidationError } from '../../../shared/domain/validation.js';
import { SCHEMA_VERSION } from '../db/migrations/index.js';
import { loadDefaultInstrument } from '../resources.js';
import { createDemo } from '../services/competitions.js';
import type { Handler } from './index.js';

export const competitionHandlers: {
  'app.info': Handler<'app.info'>;
  'competition.list': Handler<'competition.list'>;
  'competition.get': Handler<'competition.get'>;
  'competition.create': Handler<'competition.create'>;
  'competition.createDemo': Handler<'competition.createDemo'>;
  'competition.archive': Handler<'competition.archive'>;
  'competition.usage': Handler<'competition.usage'>;
  'competition.delete': Handler<'competition.delete'>;
} = {
  'app.info': (_args, deps) => ({ version: deps.version, schemaVersion: SCHEMA_VERSION, database: deps.database, desktop: deps.desktop }),

  'competition.list': ({ includeArchived }, { store }) => store.listCompetitions(includeArchived ?? false),

  'competition.get': ({ code }, { store }) => store.loadCompetition(code),

  'competition.create': (args, { store, resources }) => {
    // A competition with default rules, on a stored instrument version when one is named, else on the default one;
    // the rest of the setup is edited afterwards (competition.save).
    let instrument = loadDefaultInstrument(resources);
    if (args.instrument) {
      const { code, version } = args.instrument;
      const stored = store.findInstrument(code, version);
      if (!stored) throw new UserError('instrument.notFound', { code, version }, 'not-found', 'instrument');
      instrument = stored;
    }
    const candidate: CompetitionFile = {
      format: COMPETITION_FORMAT,
      // Field verification breaks ties when the instrument has that phase (the default one does).
      competition: {
        ...args.competition,
        rules: { ...DEFAULT_RULES, tieBreak: instrument.phases.some((p) => p.code === 'LAP') ? ['phase:LAP'] : [] },
      },
      instrument,
      sites: args.sites,
      jurors: args.jurors,
    };
    const parsed = parseCompetitionFile(candidate);
    if (!parsed.ok) throw new ValidationError(parsed.issues);
    store.createCompetition(parsed.value);
    return store.summary(parsed.value.competition.code);
  },

  'competition.createDemo': (_args, { store, resources }) => {
    const { file } = createDemo(store, resources);
    return store.summary(file.competition.code);
  },

  'competition.archive': ({ code, archived }, { store }) => {
    store.setArchived(code, archived);
    return store.summary(code);
  },

  'competition.usage': ({ code }, { store }) => ({ code, name: store.summary(code).name, ...store.competitionUsage(code) }),

  'competition.delete': ({ code, confirm }, deps) => {
    const { name } = deps.store.summary(code);
    // The person typed the code to confirm; anything else deletes nothing.
    if (confirm.trim() !== code) throw new UserError('competition.deleteConfirm', { code }, 'invalid');
    const usage = deps.store.deleteCompetition(code);
    if (deps.session.current?.competition === code) deps.session.current = null;
    if (deps.session.secretariat?.competition === code) deps.session.secretariat = null;
    return { code, name, ...usage };
  },
};
