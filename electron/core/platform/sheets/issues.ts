/**
 * Problems in a user's file, said where they are (file, sheet, row as the spreadsheet numbers it, column, or a
 * JSON path), and the one-line error of a file that cannot be taken at all.
 */
import type { FileIssue } from '../../../../shared/contract/schemas.js';
import { UserError } from '../../../../shared/domain/errors.js';
import { fileIssueLocation } from '../../../../shared/domain/file-issues.js';
import { issueSentence } from '../../../../shared/domain/validation.js';
import { t, type Lang, type MessageKey, type Params } from '../../../../shared/i18n/messages.js';

/** A file issue that may also carry a JSON path (instrument JSON files). */
export type Problem = FileIssue & { path?: string };

export interface Where {
  file: string;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  path?: string;
}

export function problem(where: Where, key: MessageKey, params: Params = {}): Problem {
  return {
    file: where.file,
    sheet: where.sheet ?? null,
    row: where.row ?? null,
    column: where.column ?? null,
    key,
    params,
    ...(where.path === undefined ? {} : { path: where.path }),
  };
}

/** Drops the JSON path: what the contract's `FileIssue` carries. */
export function toFileIssue({ path: _path, ...issue }: Problem): FileIssue {
  return issue;
}

/**
 * A file that cannot be taken, as one error value: the first problem with its location (rendered in both
 * languages, since a problem's own message lives under another key) and the count of the others.
 */
export function fileError(problems: readonly Problem[]): UserError {
  const first = problems[0];
  if (!first) throw new Error('fileError needs at least one problem');
  return new UserError('file.invalid', {
    ...fileIssueLocation(first),
    ...(first.path === undefined ? {} : { path: first.path }),
    problemId: sentence(first, 'id'),
    problemEn: sentence(first, 'en'),
    more: problems.length - 1,
  });
}

/** The problem in words; a JSON path (of an instrument file, so below `instrument`) names the field ("Bobot"). */
function sentence(problem: Problem, lang: Lang): string {
  if (problem.path === undefined) return t(lang, problem.key, problem.params);
  return issueSentence({ path: `instrument.${problem.path}`, key: problem.key, params: problem.params }, lang);
}

/** Thrown inside a reader when the whole file is unusable; turned into `fileError` or an issue by the caller. */
export class FileProblem extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.file}: ${problem.key}`);
    this.name = 'FileProblem';
  }
}
