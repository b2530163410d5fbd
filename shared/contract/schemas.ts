/**
 * The typed contract: every domain's channels (one file per domain in this folder) merged into one table. For
 * every channel, the schema of its argument (validated in main before any handler runs) and the type of its
 * result. Main, preload, the HTTP bridge and the renderer all derive from this; `channels.ts` holds the names
 * alone (zod-free, for the sandboxed preload) and the compiler keeps the two equal.
 */
import type { z } from 'zod';
import type { AppError } from '../domain/errors.js';
import { analysisInputs, type AnalysisResults } from './analysis.js';
import { appInputs, type AppResults } from './app.js';
import { auditInputs, type AuditResults } from './audit.js';
import { backupInputs, type BackupResults } from './backup.js';
import type { Channel } from './channels.js';
import { compileInputs, type CompileResults } from './compile.js';
import { documentsInputs, type DocumentsResults } from './documents.js';
import { documentsTaskInputs, type DocumentsTaskResults } from './documents-tasks.js';
import { evidenceInputs, type EvidenceResults } from './evidence.js';
import { exchangeInputs, type ExchangeResults } from './exchange.js';
import { plenoInputs, type PlenoResults } from './pleno.js';
import { instrumentsInputs, type InstrumentsResults } from './instruments.js';
import { scoringInputs, type ScoringResults } from './scoring.js';
import { sessionInputs, type SessionResults } from './session.js';
import { setupInputs, type SetupResults } from './setup.js';
import { signaturesInputs, type SignaturesResults } from './signatures.js';

export * from './analysis.js';
export * from './app.js';
export * from './audit.js';
export * from './backup.js';
export * from './common.js';
export * from './compile.js';
export * from './documents.js';
export * from './documents-tasks.js';
export * from './evidence.js';
export * from './exchange.js';
export * from './pleno.js';
export * from './instruments.js';
export * from './scoring.js';
export * from './session.js';
export * from './setup.js';
export * from './signatures.js';

export const inputSchemas = {
  ...appInputs,
  ...setupInputs,
  ...instrumentsInputs,
  ...sessionInputs,
  ...scoringInputs,
  ...evidenceInputs,
  ...compileInputs,
  ...documentsInputs,
  ...documentsTaskInputs,
  ...auditInputs,
  ...exchangeInputs,
  ...plenoInputs,
  ...analysisInputs,
  ...signaturesInputs,
  ...backupInputs,
} satisfies Record<Channel, z.ZodType>;

export interface ChannelResults
  extends
    AppResults,
    SetupResults,
    InstrumentsResults,
    SessionResults,
    ScoringResults,
    EvidenceResults,
    CompileResults,
    DocumentsResults,
    DocumentsTaskResults,
    AuditResults,
    ExchangeResults,
    PlenoResults,
    AnalysisResults,
    SignaturesResults,
    BackupResults {}

/** Every contract entry has its name in CHANNELS and every name its entry: a mismatch fails `tsc` here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CONTRACT_MATCHES_CHANNELS: Same<keyof typeof inputSchemas, Channel> & Same<keyof ChannelResults, Channel> = true;

/** A result as a value: it crosses IPC and HTTP unchanged. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ChannelArgs<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

/** What the renderer calls: one function per channel. The preload's object satisfies exactly this. */
export type PenilaiApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelResults[C]>> };
