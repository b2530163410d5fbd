/**
 * Setting up a competition: saving its identity, rules, sites and jurors; its instrument and versions; the
 * competition file in and out. (Placeholders until the setup work lands.)
 */
import type { Handler } from './index.js';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const setupHandlers: {
  'competition.save': Handler<'competition.save'>;
  'competition.saveInstrument': Handler<'competition.saveInstrument'>;
  'competition.export': Handler<'competition.export'>;
  'competition.import': Handler<'competition.import'>;
  'instrument.list': Handler<'instrument.list'>;
  'instrument.get': Handler<'instrument.get'>;
} = {
  'competition.save': notYet,
  'competition.saveInstrument': notYet,
  'competition.export': notYet,
  'competition.import': notYet,
  'instrument.list': notYet,
  'instrument.get': notYet,
};
