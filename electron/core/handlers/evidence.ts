/** Evidence photos: kept as files beside the database by SHA-256, with thumbnails. (Placeholders until the evidence work lands.) */
import type { Handler } from './index.js';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const evidenceHandlers: {
  'evidence.add': Handler<'evidence.add'>;
  'evidence.get': Handler<'evidence.get'>;
  'evidence.remove': Handler<'evidence.remove'>;
} = {
  'evidence.add': notYet,
  'evidence.get': notYet,
  'evidence.remove': notYet,
};
