/**
 * Where a validation problem is, said the way the setup screens show it: "Juri baris 3 (J3): NIP harus …" rather
 * than "jurors[2].nip". The words come from the shared field table (shared/domain/fields.ts).
 */
import type { FieldContext } from '../../../../shared/domain/fields.js';
import type { Instrument } from '../../../../shared/domain/instrument.js';
import { describeIssue as describe, issueSentence, type ValidationIssue } from '../../../../shared/domain/validation.js';
import type { Lang } from '../../../../shared/i18n/messages.js';
import type { SetupDraft } from '../../stores/setup.js';

export type IssueSection = 'identitas' | 'aturan' | 'lokus' | 'juri' | 'instrumen';

export function sectionOf(path: string): IssueSection {
  if (path.startsWith('sites')) return 'lokus';
  if (path.startsWith('jurors')) return 'juri';
  if (path.startsWith('instrument')) return 'instrumen';
  if (path.startsWith('competition.rules')) return 'aturan';
  return 'identitas';
}

function contextOf(draft: SetupDraft | null, instrument: Instrument | null): FieldContext {
  return { ...(draft ? { sites: draft.sites, jurors: draft.jurors } : {}), ...(instrument ? { instrument } : {}) };
}

/** The whole message, with its row: for a list of problems. */
export function describeIssue(issue: ValidationIssue, lang: Lang, draft: SetupDraft | null, instrument: Instrument | null): string {
  return describe(issue, lang, contextOf(draft, instrument));
}

/** The sentence alone: for the message beside its field, where the row is plain. */
export function fieldMessage(issue: ValidationIssue, lang: Lang, draft: SetupDraft | null, instrument: Instrument | null): string {
  return issueSentence(issue, lang, contextOf(draft, instrument));
}
