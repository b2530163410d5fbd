/**
 * The pleno channels (contract.md section 6): the result's state (draft → pleno → locked → signed), the jury's
 * decisions on ties the rules leave, locking (the snapshot) and reopening (a numbered revision). Every channel
 * answers with the plenary as it now stands.
 */
import { z } from 'zod';
import type { DecisionStatus, LockBlocker, PlenoState } from '../domain/pleno.js';
import { code } from './common.js';

/** A reason the jury gives (a decision's, a reopening's): required, in the jury's words. */
const reason = z.string().trim().min(1).max(2000);

export const plenoInputs = {
  'pleno.status': z.strictObject({ competition: code }),
  'pleno.open': z.strictObject({ competition: code }),
  /** The sites that share one rank, in the order the jury places them (first = best). */
  'pleno.decide': z.strictObject({ competition: code, order: z.array(code).min(2).max(200), reason }),
  'pleno.lock': z.strictObject({ competition: code }),
  'pleno.reopen': z.strictObject({ competition: code, reason }),
};

/** A group of sites that still share a rank (the rules left the tie), and whether it holds a label. */
export interface PlenoTie {
  rank: number;
  category: string | null;
  sites: string[];
  /** The label of the shared rank (Juara III …), or null past the labels: a labelled tie blocks locking. */
  label: string | null;
}

/** One step of the plenary as the ledger records it. */
export interface PlenoEvent {
  kind: 'pleno.open' | 'pleno.decide' | 'pleno.lock' | 'pleno.reopen' | 'pleno.sign';
  at: string;
  actor: string;
  revision: number;
  /** The reason (decide, reopen), else null. */
  reason: string | null;
  /** decide: the order; lock: the snapshot's SHA-256. */
  detail: string | null;
}

export interface PlenoView {
  competition: string;
  state: PlenoState;
  revision: number;
  /** The SHA-256 of the locked snapshot, else null. */
  snapshot: string | null;
  changedAt: string | null;
  decisions: DecisionStatus[];
  /** Ties the rules leave in the ranking now (after the decisions in force). */
  ties: PlenoTie[];
  /** What stands in the way of locking now (empty: it can be locked). Only meaningful in the pleno state. */
  blockers: LockBlocker[];
  history: PlenoEvent[];
}

export interface PlenoResults {
  'pleno.status': PlenoView;
  'pleno.open': PlenoView;
  'pleno.decide': PlenoView;
  'pleno.lock': PlenoView;
  'pleno.reopen': PlenoView;
}
