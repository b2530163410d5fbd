/**
 * A competition (`penilai.competition/1`, contract.md section 2): who competes, who judges, by which rules.
 */
import { z } from 'zod';
import { codeField, nameField } from './text-fields.js';
import { cleanNote } from './text-hygiene.js';
import { isIsoDate } from './dates.js';
import { instrumentSchema, checkInstrument, type Instrument } from './instrument.js';
import { ROLES } from './roles.js';
import { fromZodIssues, type ValidationIssue } from './validation.js';

export const COMPETITION_FORMAT = 'penilai.competition/1';

export const DEFAULT_LABELS = ['Juara I', 'Juara II', 'Juara III', 'Harapan I', 'Harapan II', 'Harapan III'];

const code = codeField;

/**
 * A competition's code appears in file names and page footers: capital letters, digits and dashes
 * ("P2WKSS-JABAR-2026"). Typed in lower case it is upper-cased; spaces around it are dropped.
 */
export const COMPETITION_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
export const competitionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1)
  .max(40)
  .refine((v) => v === '' || COMPETITION_CODE.test(v), { params: { key: 'validate.competitionCode' } });

/** The minimum length of a reason to reopen a finalised sheet (said in the field's hint and in the message). */
export const REOPEN_REASON_MIN = 5;
const isoDate = z.string().refine(isIsoDate, { params: { key: 'validate.format', format: 'YYYY-MM-DD' } });
const optionalText = z.string().overwrite(cleanNote).optional();

export const rulesSchema = z.strictObject({
  aggregation: z.enum(['mean', 'trimmed-mean', 'median']).default('mean'),
  normalise: z.enum(['max', 'range']).default('max'),
  tieBreak: z.array(z.string()).default([]),
  precision: z.number().int().min(0).max(4).default(2),
  rankBy: z.enum(['all', 'category']).default('all'),
  labels: z.array(z.string().min(1)).default(DEFAULT_LABELS),
  /** Minutes without use after which a juror's session on a laptop locks (the PIN is asked again); left out: 10. */
  lockAfterMinutes: z.number().int().min(1).max(240).optional(),
});

export type Rules = z.infer<typeof rulesSchema>;
export type Aggregation = Rules['aggregation'];

export const DEFAULT_RULES: Rules = rulesSchema.parse({});

/** How long a juror's session may stay unused before it locks, when the rules do not say. */
export const DEFAULT_LOCK_MINUTES = 10;

export function lockAfterMs(rules: Pick<Rules, 'lockAfterMinutes'>): number {
  return (rules.lockAfterMinutes ?? DEFAULT_LOCK_MINUTES) * 60_000;
}

export const siteSchema = z.strictObject({
  code,
  name: nameField.min(1),
  regency: optionalText,
  district: optionalText,
  category: optionalText,
  contact: optionalText,
  visitDate: isoDate.optional(),
});

export { ROLES, type Role } from './roles.js';

/**
 * An 18-digit NIP, kept as text (a number would lose leading zeros and, in spreadsheets, digits). Typed as printed
 * ("19700315 199503 2 001") it is accepted: the spaces are removed, as the spreadsheet import does.
 */
export const nipSchema = z
  .string()
  .overwrite((v) => v.replace(/[\s\u00a0]+/g, ''))
  .refine((v) => /^\d{18}$/.test(v), { params: { key: 'validate.nip' } });

export const jurorSchema = z.strictObject({
  code,
  name: nameField.min(1),
  nip: nipSchema.optional(),
  position: optionalText,
  agency: optionalText,
  role: z.enum(ROLES),
  aspects: z.array(codeField).optional(),
  recusedSites: z.array(codeField).optional(),
});

export type Site = z.infer<typeof siteSchema>;
export type Juror = z.infer<typeof jurorSchema>;

/** The competition's dates; the end is never before the start. */
const datesSchema = z
  .strictObject({ start: isoDate.optional(), end: isoDate.optional(), plenary: isoDate.optional() })
  .refine((d) => d.start === undefined || d.end === undefined || d.end >= d.start, {
    path: ['end'],
    params: { key: 'validate.endBeforeStart' },
  });

/**
 * A letterhead logo is the picture itself, PNG or JPEG in a data: URL: a competition file must never make the app
 * fetch an address or read a file on the laptop (react-pdf's Image would do either for a URL or a path).
 */
export const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;
const logoSchema = z
  .string()
  .refine((v) => LOGO_DATA_URL.test(v), { params: { key: 'validate.logo' } })
  .optional();

/**
 * A competition's identity across laptops: a UUID (8-4-4-4-12 hexadecimal digits), made when the competition is
 * created and carried in the competition file, so that two laptops set up from one file know they hold the same
 * competition. Kept in lower case.
 */
export const COMPETITION_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const competitionUuidSchema = z
  .string()
  .toLowerCase()
  .refine((v) => COMPETITION_UUID.test(v), { params: { key: 'validate.uuid' } })
  .meta({
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    description: "The competition's identity across laptops; left out, the app makes one. Always written on export.",
  });

export const competitionInfoSchema = z.strictObject({
  /** Left out: made when the competition is created; always written on export. */
  uuid: competitionUuidSchema.optional(),
  code: competitionCodeSchema,
  name: nameField.min(1),
  year: z.number().int().min(2000).max(2100),
  level: optionalText,
  region: optionalText,
  organizer: optionalText,
  place: optionalText,
  dates: datesSchema.optional(),
  letterhead: z.strictObject({ lines: z.array(z.string()).optional(), address: optionalText, logo: logoSchema }).optional(),
  documentNumbers: z.record(z.string(), z.string()).optional(),
  /** The official who acknowledges the jury's documents ("Mengetahui, Kepala Dinas …"): printed below the jury's blocks. */
  acknowledgedBy: z.strictObject({ title: nameField.min(1), name: nameField.min(1), nip: nipSchema.optional() }).optional(),
  rules: rulesSchema.default(DEFAULT_RULES),
});

export type CompetitionInfo = z.infer<typeof competitionInfoSchema>;

export const competitionFileSchema = z.strictObject({
  format: z.literal(COMPETITION_FORMAT),
  competition: competitionInfoSchema,
  instrument: instrumentSchema,
  sites: z.array(siteSchema).default([]),
  jurors: z.array(jurorSchema).default([]),
});

export type CompetitionFile = z.infer<typeof competitionFileSchema>;

/** The rules that a schema cannot say: codes unique and known, tie-break entries that exist, categories present. */
export function checkCompetition(file: CompetitionFile): ValidationIssue[] {
  const issues = checkInstrument(file.instrument, 'instrument');
  issues.push(...checkRules(file.competition.rules, file.instrument, 'competition.rules'));

  const siteSeen = new Map<string, string>();
  file.sites.forEach((site, i) => {
    const path = `sites[${i}].code`;
    const other = siteSeen.get(site.code);
    if (other) issues.push({ path, key: 'validate.duplicateCode', params: { code: site.code, other } });
    else siteSeen.set(site.code, path);
    if (file.competition.rules.rankBy === 'category' && !site.category?.trim()) {
      issues.push({ path: `sites[${i}].category`, key: 'validate.categoryRequired', params: {} });
    }
  });

  const aspectCodes = new Set(file.instrument.aspects.map((a) => a.code));
  const aspectList = [...aspectCodes].join(', ');
  const jurorSeen = new Map<string, string>();
  file.jurors.forEach((juror, i) => {
    const path = `jurors[${i}]`;
    const other = jurorSeen.get(juror.code);
    if (other) issues.push({ path: `${path}.code`, key: 'validate.duplicateCode', params: { code: juror.code, other } });
    else jurorSeen.set(juror.code, `${path}.code`);
    juror.aspects?.forEach((aspect, a) => {
      if (!aspectCodes.has(aspect)) {
        issues.push({ path: `${path}.aspects[${a}]`, key: 'validate.unknownAspect', params: { code: aspect, known: aspectList } });
      }
    });
    juror.recusedSites?.forEach((site, s) => {
      if (!siteSeen.has(site)) issues.push({ path: `${path}.recusedSites[${s}]`, key: 'validate.unknownSite', params: { code: site } });
    });
  });
  return issues;
}

export function checkRules(rules: Rules, instrument: Instrument, root: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const phases = new Set(instrument.phases.map((p) => p.code));
  const aspects = new Set(instrument.aspects.map((a) => a.code));
  rules.tieBreak.forEach((entry, i) => {
    const [kind, ref] = splitTieBreak(entry);
    const known = (kind === 'phase' && phases.has(ref)) || (kind === 'aspect' && aspects.has(ref));
    if (!known) issues.push({ path: `${root}.tieBreak[${i}]`, key: 'validate.tieBreak', params: { entry } });
  });
  return issues;
}

export function splitTieBreak(entry: string): [string, string] {
  const at = entry.indexOf(':');
  return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
}

/** Parses text as a competition file; on failure, the issues with JSON paths. */
export function parseCompetitionFile(input: unknown): { ok: true; value: CompetitionFile } | { ok: false; issues: ValidationIssue[] } {
  if (typeof input === 'object' && input !== null && 'format' in input && input.format !== COMPETITION_FORMAT) {
    return {
      ok: false,
      issues: [{ path: 'format', key: 'validate.formatTag', params: { found: String(input.format), expected: COMPETITION_FORMAT } }],
    };
  }
  const parsed = competitionFileSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const issues = checkCompetition(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}
