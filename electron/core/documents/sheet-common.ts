/**
 * What the per-juror and per-site documents (Lembar Penilaian, Formulir, Catatan untuk peserta) share: the
 * letterhead of the competition, the jurors' roles in words, the site's place in words, and the (juror, site) pairs a
 * juror scores (eligibility: shared/domain/eligibility.ts), limited by `--juror` / `--site`.
 */
import type { CompetitionDetail, JurorWithRecusals } from '../../../shared/contract/schemas.js';
import type { Site } from '../../../shared/domain/competition.js';
import type { IndicatorRef, Instrument } from '../../../shared/domain/instrument.js';
import { formatLongDate } from '../../../shared/domain/dates.js';
import { eligibleIndicators } from '../../../shared/domain/eligibility.js';
import { UserError } from '../../../shared/domain/errors.js';
import type { PartOptions as DocumentOptions } from './part.js';

export interface LetterheadModel {
  lines: string[];
  address: string | null;
  logo: string | null;
}

export function letterheadOf(detail: CompetitionDetail): LetterheadModel {
  const letterhead = detail.info.letterhead;
  return {
    lines: letterhead?.lines?.length ? letterhead.lines : [detail.info.organizer ?? detail.info.name],
    address: letterhead?.address ?? null,
    logo: letterhead?.logo ?? null,
  };
}

export const ROLE_WORDS: Record<string, string> = { ketua: 'Ketua', sekretaris: 'Sekretaris', anggota: 'Anggota' };

export interface SiteLines {
  code: string;
  name: string;
  district: string;
  regency: string;
  visitDate: string;
}

/** A site as its header prints it; what the site file leaves out is a dash. */
export function siteLines(site: Site): SiteLines {
  return {
    code: site.code,
    name: site.name,
    district: site.district ?? '–',
    regency: site.regency ?? '–',
    visitDate: site.visitDate ? formatLongDate(site.visitDate) : '–',
  };
}

export interface JurorLines {
  code: string;
  name: string;
  nip: string;
  role: string;
  position: string;
}

export function jurorLines(juror: JurorWithRecusals): JurorLines {
  return {
    code: juror.code,
    name: juror.name,
    nip: juror.nip ?? '–',
    role: ROLE_WORDS[juror.role] ?? juror.role,
    position: [juror.position, juror.agency].filter(Boolean).join(', ') || '–',
  };
}

/** The juror as the eligibility rule reads them. */
export function eligibilityOf(juror: JurorWithRecusals): { aspects: readonly string[] | null; recusedSites: readonly string[] } {
  return { aspects: juror.aspects ?? null, recusedSites: juror.recusedSites };
}

/**
 * The (juror, site) pairs of a competition where the juror scores at least one indicator, jurors in the competition's
 * order and each juror's sites in site order, limited to `options.juror` / `options.site`. Limits that leave no sheet
 * (the juror recused from the site, or no aspect of theirs there): a refusal that says so, rather than an empty PDF.
 */
export function scoredPairs(
  detail: CompetitionDetail,
  options: DocumentOptions,
  doc: string,
): { juror: JurorWithRecusals; site: Site; indicators: number }[] {
  const pairs: { juror: JurorWithRecusals; site: Site; indicators: number }[] = [];
  for (const juror of detail.jurors) {
    if (options.juror && juror.code !== options.juror) continue;
    for (const site of detail.sites) {
      if (options.site && site.code !== options.site) continue;
      const indicators = eligibleIndicators(detail.instrument, eligibilityOf(juror), site.code).length;
      if (indicators > 0) pairs.push({ juror, site, indicators });
    }
  }
  // Without limits (the bundle, Verifikasi dokumen's look-up) no sheet is no part, not a refusal that would stop them.
  if (pairs.length === 0 && (options.juror || options.site)) {
    const juror = options.juror ?? '';
    const site = options.site ?? '';
    if (options.juror && options.site && juror && detail.jurors.find((j) => j.code === juror)?.recusedSites.includes(site)) {
      throw new UserError('documents.jurorRecused', { doc, juror, site }, 'conflict');
    }
    throw new UserError('documents.noSheets', { doc, juror: juror || '–', site: site || '–' }, 'conflict');
  }
  return pairs;
}

/**
 * The indicators given, grouped as the sheets print them: by aspect in the instrument's order, then by phase (the
 * instrument's phases first, then any other phase an indicator names), empty groups left out.
 */
export function byAspectAndPhase(
  instrument: Instrument,
  refs: IndicatorRef[],
): { aspect: Instrument['aspects'][number]; refs: IndicatorRef[]; phases: { code: string; name: string; refs: IndicatorRef[] }[] }[] {
  const phaseNames = new Map(instrument.phases.map((ph) => [ph.code, ph.name]));
  const phaseOrder = instrument.phases.map((ph) => ph.code);
  return instrument.aspects
    .map((aspect) => {
      const mine = refs.filter((r) => r.aspect.code === aspect.code);
      const phases = [...new Set([...phaseOrder, ...mine.map((r) => r.indicator.phase)])]
        .map((code) => ({ code, name: phaseNames.get(code) ?? code, refs: mine.filter((r) => r.indicator.phase === code) }))
        .filter((ph) => ph.refs.length > 0);
      return { aspect, refs: mine, phases };
    })
    .filter((a) => a.phases.length > 0);
}
