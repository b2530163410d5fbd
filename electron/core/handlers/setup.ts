/**
 * Setting up a competition: saving its identity, rules, sites and jurors; its instrument and versions; the
 * competition file in and out. The logic lives in the store and in services/competitions.ts, shared with the CLI.
 */
import { UserError } from '../../../shared/domain/errors.js';
import {
  competitionFileBytes,
  exportCompetition,
  importCompetition,
  parseCompetitionText,
  saveCompetitionInstrument,
} from '../services/competitions.js';
import type { Handler } from './index.js';

export const setupHandlers: {
  'competition.save': Handler<'competition.save'>;
  'competition.saveInstrument': Handler<'competition.saveInstrument'>;
  'competition.export': Handler<'competition.export'>;
  'competition.import': Handler<'competition.import'>;
  'instrument.list': Handler<'instrument.list'>;
  'instrument.get': Handler<'instrument.get'>;
} = {
  'competition.save': ({ code, competition, sites, jurors }, { store }) => {
    store.saveCompetition(code, competition, sites, jurors);
    return store.loadCompetition(code);
  },

  'competition.saveInstrument': ({ competition, instrument, asNewVersion }, { store, resources }) =>
    saveCompetitionInstrument(store, resources, competition, instrument, asNewVersion),

  'competition.export': ({ code }, { store }) => competitionFileBytes(exportCompetition(store, code)),

  'competition.import': ({ bytes }, { store, resources }) => {
    const file = parseCompetitionText(new TextDecoder('utf-8').decode(bytes));
    importCompetition(store, resources, file);
    return store.summary(file.competition.code);
  },

  'instrument.list': (_args, { store }) => store.instrumentSummaries(),

  'instrument.get': ({ code, version }, { store }) => {
    const found = store.findInstrument(code, version);
    if (!found) throw new UserError('instrument.notFound', { code, version }, 'not-found');
    return found;
  },
};
