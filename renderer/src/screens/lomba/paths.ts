/**
 * Where a validation problem is, said the way the setup screens show it: "Juri baris 3 (J3), kolom NIP" rather
 * than "jurors[2].nip". Falls back to the JSON path, which is still precise.
 */
import type { Instrument } from '../../../../shared/domain/instrument.js';
import { t as message, type Lang } from '../../../../shared/i18n/messages.js';
import type { ValidationIssue } from '../../../../shared/domain/validation.js';
import { translate, type UiKey } from '../../i18n.js';
import type { SetupDraft } from '../../stores/setup.js';

const SITE_FIELDS: Record<string, UiKey> = {
  code: 'lomba.siteCode',
  name: 'lomba.siteName',
  regency: 'lomba.regency',
  district: 'setup.district',
  category: 'setup.category',
  contact: 'setup.contact',
  visitDate: 'setup.visitDate',
};
const JUROR_FIELDS: Record<string, UiKey> = {
  code: 'lomba.jurorCode',
  name: 'lomba.jurorName',
  nip: 'setup.nip',
  position: 'setup.position',
  agency: 'setup.agency',
  role: 'lomba.role',
  aspects: 'lomba.aspects',
  recusedSites: 'setup.recused',
};
const INDICATOR_FIELDS: Record<string, UiKey> = {
  code: 'setup.indicatorCode',
  name: 'setup.indicatorName',
  weight: 'setup.weight',
  phase: 'penilaian.phase',
  scale: 'setup.scale',
  rubric: 'setup.rubric',
  household: 'setup.household',
};

export type IssueSection = 'identitas' | 'aturan' | 'lokus' | 'juri' | 'instrumen';

export function sectionOf(path: string): IssueSection {
  if (path.startsWith('sites')) return 'lokus';
  if (path.startsWith('jurors')) return 'juri';
  if (path.startsWith('instrument')) return 'instrumen';
  if (path.startsWith('competition.rules')) return 'aturan';
  return 'identitas';
}

export function describeLocation(path: string, lang: Lang, draft: SetupDraft | null, instrument: Instrument | null): string {
  const tr = (key: UiKey, params?: Record<string, string | number>) => translate(lang, key, params);
  let m = /^sites\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const code = draft?.sites[i]?.code;
    const field = m[2] && SITE_FIELDS[m[2]] ? `, ${tr(SITE_FIELDS[m[2]]!)}` : '';
    return `${tr('setup.siteRowLoc', { row: i + 1 })}${code ? ` (${code})` : ''}${field}`;
  }
  m = /^jurors\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const code = draft?.jurors[i]?.code;
    const field = m[2] && JUROR_FIELDS[m[2]] ? `, ${tr(JUROR_FIELDS[m[2]]!)}` : '';
    return `${tr('setup.jurorRowLoc', { row: i + 1 })}${code ? ` (${code})` : ''}${field}`;
  }
  m = /^instrument\.aspects\[(\d+)\]\.indicators\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const indicator = instrument?.aspects[Number(m[1])]?.indicators[Number(m[2])];
    const field = m[3] && INDICATOR_FIELDS[m[3]] ? `, ${tr(INDICATOR_FIELDS[m[3]]!)}` : '';
    return `${tr('setup.indicatorLoc', { code: indicator?.code ?? `#${Number(m[2]) + 1}` })}${field}`;
  }
  if (path === 'instrument.aspects') return tr('setup.instrumentWeights');
  m = /^competition\.rules\.tieBreak\[(\d+)\]/.exec(path);
  if (m) return tr('setup.tieBreakLoc', { n: Number(m[1]) + 1 });
  return path;
}

export function describeIssue(issue: ValidationIssue, lang: Lang, draft: SetupDraft | null, instrument: Instrument | null): string {
  return `${describeLocation(issue.path, lang, draft, instrument)}: ${message(lang, issue.key, issue.params)}`;
}
