/**
 * Who is scoring on this laptop (the session), juror PINs, and the scoring of a sheet beyond single scores:
 * notes, household checklists, undo, review, finalise with a signature, reopen with a reason, the grid of one
 * juror's scores, and the history. (Placeholders until the scoring work lands.)
 */
import type { Handler } from './index.js';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const sessionHandlers: {
  'session.get': Handler<'session.get'>;
  'session.enter': Handler<'session.enter'>;
  'session.leave': Handler<'session.leave'>;
  'juror.setPin': Handler<'juror.setPin'>;
  'scoring.progress': Handler<'scoring.progress'>;
  'scoring.setNote': Handler<'scoring.setNote'>;
  'scoring.setHousehold': Handler<'scoring.setHousehold'>;
  'scoring.undo': Handler<'scoring.undo'>;
  'scoring.review': Handler<'scoring.review'>;
  'scoring.finalise': Handler<'scoring.finalise'>;
  'scoring.reopen': Handler<'scoring.reopen'>;
  'scoring.grid': Handler<'scoring.grid'>;
  'scoring.history': Handler<'scoring.history'>;
} = {
  'session.get': notYet,
  'session.enter': notYet,
  'session.leave': notYet,
  'juror.setPin': notYet,
  'scoring.progress': notYet,
  'scoring.setNote': notYet,
  'scoring.setHousehold': notYet,
  'scoring.undo': notYet,
  'scoring.review': notYet,
  'scoring.finalise': notYet,
  'scoring.reopen': notYet,
  'scoring.grid': notYet,
  'scoring.history': notYet,
};
