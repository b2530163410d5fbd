/**
 * The audit channels: `audit.verify` checks the open database as `verify --db` does (integrity, every device's
 * chain, the tables against the ledger, and always the photo files in the evidence folder).
 */
import type { HandlerGroup } from '../deps.js';
import { verifyDatabase, verifyResult } from './verify.js';

export const auditHandlers = {
  'audit.verify': (_args, { repos, database }) => verifyResult(verifyDatabase(repos.db, database)),
} satisfies HandlerGroup;
