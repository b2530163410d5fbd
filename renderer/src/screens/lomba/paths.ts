/**
 * Which setup tab a validation problem belongs to, by its JSON path. The words for a path ("Juri baris 3: NIP
 * harus …") come from the shared field table (shared/domain/fields.ts), placed beside fields by ./issues.ts.
 */
export type IssueSection = 'identitas' | 'aturan' | 'lokus' | 'juri' | 'instrumen';

export function sectionOf(path: string): IssueSection {
  if (path.startsWith('sites')) return 'lokus';
  if (path.startsWith('jurors')) return 'juri';
  if (path.startsWith('instrument')) return 'instrumen';
  if (path.startsWith('competition.rules')) return 'aturan';
  return 'identitas';
}
