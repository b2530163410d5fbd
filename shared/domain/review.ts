/**
 * Whether a score sheet is ready to finalise: every eligible indicator scored (a household checklist counts only once
 * every item of every visited family is answered, which is when it gives a score), a note where the rubric's
 * evidence rule asks for one at the level given, a photo likewise. The core refuses a finalisation on these
 * problems and the score sheet marks the same fields, both through these functions.
 */
import { EPSILON } from './numbers.js';
import type { Indicator } from './instrument.js';

export type ReviewNeed = 'score' | 'note' | 'photo';

export interface ReviewProblem {
  indicator: string;
  need: ReviewNeed;
}

function levelIn(levels: readonly string[] | undefined, value: number): boolean {
  return (levels ?? []).some((level) => Math.abs(Number(level) - value) < EPSILON);
}

/** What the evidence rule asks for at this score (nothing before a score is given). */
export function evidenceRequired(
  indicator: Pick<Indicator, 'evidence'>,
  value: number | null | undefined,
): { note: boolean; photo: boolean } {
  if (value === null || value === undefined) return { note: false, photo: false };
  return { note: levelIn(indicator.evidence?.noteAt, value), photo: levelIn(indicator.evidence?.photoAt, value) };
}

export interface SheetReviewInput {
  /** The juror's eligible indicators at the site, in instrument order. */
  indicators: readonly Pick<Indicator, 'code' | 'evidence'>[];
  /** The scores that count on the sheet, by indicator code. */
  scores: ReadonlyMap<string, number>;
  /** The notes of the sheet, by indicator code (blank counts as none). */
  notes: ReadonlyMap<string, string>;
  /** The indicators that have at least one photo. */
  photos: ReadonlySet<string>;
}

/** What stands between a sheet and its finalisation, per indicator in the order given; empty: ready. */
export function reviewSheet(input: SheetReviewInput): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  for (const indicator of input.indicators) {
    const code = indicator.code;
    const score = input.scores.get(code);
    if (score === undefined) {
      problems.push({ indicator: code, need: 'score' });
      continue;
    }
    const required = evidenceRequired(indicator, score);
    if (required.note && !input.notes.get(code)?.trim()) problems.push({ indicator: code, need: 'note' });
    if (required.photo && !input.photos.has(code)) problems.push({ indicator: code, need: 'photo' });
  }
  return problems;
}
