/** The signatures channels. Being built (issue 11): every channel answers "not available yet" until its handler lands. */
import { UserError } from '../../../shared/domain/errors.js';
import type { HandlerGroup } from '../deps.js';

function notYet(): never {
  throw new UserError('documents.notAvailable', { doc: 'tanda tangan digital' });
}

export const signatureHandlers = {
  'signatures.verify': notYet,
  'signatures.sign': notYet,
  'signatures.newKey': notYet,
  'signatures.trusted': notYet,
  'signatures.trust': notYet,
  'signatures.untrust': notYet,
} satisfies HandlerGroup;
