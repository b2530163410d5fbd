/**
 * Files in and out: sites and jurors from .xlsx/.csv (preview only), their export, and the instrument as JSON or
 * the .xlsx template. (Placeholders until the spreadsheet work lands.)
 */
import type { Handler } from './index.js';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const fileHandlers: {
  'instrument.import': Handler<'instrument.import'>;
  'instrument.export': Handler<'instrument.export'>;
  'instrument.template': Handler<'instrument.template'>;
  'sites.parse': Handler<'sites.parse'>;
  'sites.export': Handler<'sites.export'>;
  'jurors.parse': Handler<'jurors.parse'>;
  'jurors.export': Handler<'jurors.export'>;
} = {
  'instrument.import': notYet,
  'instrument.export': notYet,
  'instrument.template': notYet,
  'sites.parse': notYet,
  'sites.export': notYet,
  'jurors.parse': notYet,
  'jurors.export': notYet,
};
