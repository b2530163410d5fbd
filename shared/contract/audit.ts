/** The audit channels: checking the database against its ledger, and the ledger itself. */
import { z } from 'zod';
import type { MessageKey, Params } from '../i18n/messages.js';

export const auditInputs = {
  /** Checks this database: integrity, every device's chain, the tables against the ledger, the photo files. */
  'audit.verify': z.strictObject({}),
};

/** One device's chain as verify found it. */
export interface ChainSummary {
  device: string;
  entries: number;
  /** The hash of the chain's last entry. */
  head: string;
}

export interface VerifyProblemValue {
  /** A short stable code (`chainLink`, `hash`, `score`, `evidenceFile`, …) for scripts. */
  code: string;
  key: MessageKey;
  params: Params;
}

export interface VerifyResult {
  ok: boolean;
  chains: ChainSummary[];
  /** The first problems found (at most 100), and how many there were in all. */
  problems: VerifyProblemValue[];
  count: number;
  entries: number;
  scores: number;
}

export interface AuditResults {
  'audit.verify': VerifyResult;
}
