/**
 * The one handler table: every domain's handlers merged in one place. A channel defined by two domains stops the
 * app at start (`mergeHandlers`); a channel of the contract that no domain handles fails `tsc` here.
 */
import { analysisHandlers } from './analysis/handlers.js';
import { appHandlers } from './app/handlers.js';
import { auditHandlers } from './audit/handlers.js';
import { backupHandlers } from './backup/handlers.js';
import { compileHandlers } from './compile/handlers.js';
import type { Handlers } from './deps.js';
import { documentHandlers } from './documents/handlers.js';
import { documentTaskHandlers } from './documents/tasks.js';
import { evidenceHandlers } from './evidence/handlers.js';
import { exchangeHandlers } from './exchange/handlers.js';
import { plenoHandlers } from './pleno/handlers.js';
import { instrumentHandlers } from './instruments/handlers.js';
import { mergeHandlers } from './platform/dispatch.js';
import { scoringHandlers } from './scoring/handlers.js';
import { sessionHandlers } from './session/handlers.js';
import { setupHandlers } from './setup/handlers.js';
import { signatureHandlers } from './signatures/handlers.js';

export const handlers: Handlers = mergeHandlers(
  appHandlers,
  setupHandlers,
  instrumentHandlers,
  sessionHandlers,
  scoringHandlers,
  evidenceHandlers,
  compileHandlers,
  documentHandlers,
  documentTaskHandlers,
  auditHandlers,
  exchangeHandlers,
  plenoHandlers,
  analysisHandlers,
  signatureHandlers,
  backupHandlers,
);
