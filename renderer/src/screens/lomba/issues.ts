/**
 * Validation problems placed beside their fields: each message at its JSON path, said with the field's name from
 * the shared table; the problems that have no field on screen go to the banner at the top.
 */
import type { FieldContext } from '../../../../shared/domain/fields.js';
import { describeIssue, issueSentence, type ValidationIssue } from '../../../../shared/domain/validation.js';
import type { Lang } from '../../../../shared/i18n/messages.js';

/** The paths that have a field of their own in the setup tabs or the new-competition form. */
const FIELD_PATHS = [
  /^competition\.(code|name|year|level|region|organizer|place|dates\.(start|end|plenary)|documentNumbers\.(beritaAcara|rekap)|acknowledgedBy(\.(title|name|nip))?|letterhead\.address)$/,
  /^competition\.rules\.(labels|tieBreak)\[\d+\]$/,
  /^sites\[\d+\]\.(code|name|regency|district|category|contact|visitDate)$/,
  /^jurors\[\d+\]\.(code|name|nip|position|agency|role)$/,
  /^jurors\[\d+\]\.(aspects|recusedSites)(\[\d+\])?$/,
];

export interface PlacedIssues {
  /** The message beside the field at `path`, if any. */
  at(path: string): string | undefined;
  /** Every message at `path` or below it (a juror's aspects), joined. */
  under(path: string): string | undefined;
  /** The problems with no field of their own, said in full (with their row). */
  unplaced: string[];
}

export function placeIssues(
  issues: readonly ValidationIssue[],
  lang: Lang,
  ctx: FieldContext = {},
  hasField: (path: string) => boolean = (path) => FIELD_PATHS.some((re) => re.test(path)),
): PlacedIssues {
  const byPath = new Map<string, string>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    if (!hasField(issue.path)) unplaced.push(describeIssue(issue, lang, ctx));
    else if (!byPath.has(issue.path)) byPath.set(issue.path, issueSentence(issue, lang, ctx));
  }
  return {
    at: (path) => byPath.get(path),
    under: (path) => {
      const found = [...byPath].filter(([p]) => p === path || p.startsWith(`${path}[`) || p.startsWith(`${path}.`)).map(([, m]) => m);
      return found.length ? found.join(' ') : undefined;
    },
    unplaced,
  };
}
