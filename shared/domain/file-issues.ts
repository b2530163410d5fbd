/**
 * Problems found in a file the user gave (a spreadsheet, a CSV, an instrument template), said where they are:
 * "sites.xlsx, lembar Lokus, baris 4, kolom NIP: NIP tersimpan sebagai angka …".
 */
import type { FileIssue } from '../contract/schemas.js';
import { t, type Lang, type Params } from '../i18n/messages.js';

/** The location of an issue as message parameters; a missing sheet, row or column is left out. */
export function fileIssueLocation(issue: Pick<FileIssue, 'file' | 'sheet' | 'row' | 'column'>): Params {
  return {
    file: issue.file,
    ...(issue.sheet === null ? {} : { sheet: issue.sheet }),
    ...(issue.row === null ? {} : { row: issue.row }),
    ...(issue.column === null ? {} : { column: issue.column }),
  };
}

/** "sites.xlsx, lembar Lokus, baris 4, kolom NIP: …" (English: "sites.xlsx, sheet Lokus, row 4, column NIP: …"). */
export function describeFileIssue(issue: FileIssue, lang: Lang): string {
  return `${t(lang, 'file.at', fileIssueLocation(issue))}: ${t(lang, issue.key, issue.params)}`;
}
