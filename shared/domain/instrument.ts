/**
 * The assessment instrument (`penilai.instrument/1`, contract.md section 2): phases, aspects, indicators with
 * weights, scales, rubrics and household checklists. The instrument is data: nothing here knows P2WKSS.
 */
import { z } from 'zod';
import { codeField, nameField } from './text-fields.js';
import { EPSILON, roundTo } from './numbers.js';
import { fromZodIssues, type ValidationIssue } from './validation.js';

export const INSTRUMENT_FORMAT = 'penilai.instrument/1';

const code = codeField;
const levelMap = z.record(z.string(), z.string());
/** The largest value of a scale: far above any real one, small enough that every sum of weighted scores stays exact. */
const SCALE_MAX = 1_000_000;

export const rangeScaleSchema = z.strictObject({
  min: z.number().min(0).max(SCALE_MAX),
  max: z.number().max(SCALE_MAX),
  step: z.number().positive().max(SCALE_MAX),
  unit: z.string().optional(),
  labels: levelMap.optional(),
});

export const optionsScaleSchema = z.strictObject({
  options: z
    .array(z.strictObject({ key: z.string().min(1), value: z.number().min(0).max(SCALE_MAX), label: z.string().optional() }))
    .min(2),
  labels: levelMap.optional(),
});

export const scaleSchema = z.union([rangeScaleSchema, optionsScaleSchema]);

const bandSchema = z.union([
  z.strictObject({ below: z.number().min(-SCALE_MAX).max(SCALE_MAX), score: z.number().min(-SCALE_MAX).max(SCALE_MAX) }),
  z.strictObject({ atLeast: z.number().min(-SCALE_MAX).max(SCALE_MAX), score: z.number().min(-SCALE_MAX).max(SCALE_MAX) }),
]);

export const householdSchema = z.strictObject({
  sampleSize: z.number().int().positive().max(1000),
  items: z.array(z.string().min(1)).min(1),
  bands: z.array(bandSchema).min(1).optional(),
});

export const indicatorSchema = z.strictObject({
  code,
  name: nameField.min(1),
  description: z.string().optional(),
  weight: z.number().positive().max(100),
  phase: code,
  scale: scaleSchema.optional(),
  rubric: levelMap.optional(),
  evidence: z.strictObject({ noteAt: z.array(z.string()).optional(), photoAt: z.array(z.string()).optional() }).optional(),
  household: householdSchema.optional(),
});

export const instrumentSchema = z.strictObject({
  format: z.literal(INSTRUMENT_FORMAT),
  code,
  name: nameField.min(1),
  version: z.number().int().min(1),
  note: z.string().optional(),
  defaultScale: scaleSchema,
  phases: z.array(z.strictObject({ code, name: nameField.min(1) })).min(1),
  aspects: z.array(z.strictObject({ code, name: nameField.min(1), indicators: z.array(indicatorSchema).min(1) })).min(1),
});

export type RangeScale = z.infer<typeof rangeScaleSchema>;
export type OptionsScale = z.infer<typeof optionsScaleSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type Household = z.infer<typeof householdSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Aspect = Instrument['aspects'][number];
export type Phase = Instrument['phases'][number];

export function isOptionsScale(scale: Scale): scale is OptionsScale {
  return 'options' in scale;
}

export function scaleBounds(scale: Scale): { min: number; max: number } {
  if (isOptionsScale(scale)) {
    const values = scale.options.map((o) => o.value);
    return { min: Math.min(...values), max: Math.max(...values) };
  }
  return { min: scale.min, max: scale.max };
}

export function indicatorScale(instrument: Instrument, indicator: Indicator): Scale {
  return indicator.scale ?? instrument.defaultScale;
}

/** Decimals written in a number ("0.25" → 2), for a level computed from min and step to come out exact. */
function decimalsIn(x: number): number {
  const text = String(x);
  if (text.includes('e')) return MAX_LEVEL_DECIMALS;
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

const MAX_LEVEL_DECIMALS = 9;

/**
 * The scale level a score stands for: within EPSILON of one of the options' values, or of a step from min within
 * min–max; null when it lies on no level. A score is stored as the level exactly (0.9999999995 on 1–5 is 1).
 */
export function snapToScale(scale: Scale, value: number): number | null {
  if (!Number.isFinite(value)) return null;
  if (isOptionsScale(scale)) return scale.options.find((o) => Math.abs(o.value - value) < EPSILON)?.value ?? null;
  if (value < scale.min - EPSILON || value > scale.max + EPSILON) return null;
  const k = (value - scale.min) / scale.step;
  if (Math.abs(k - Math.round(k)) >= EPSILON) return null;
  const decimals = Math.min(MAX_LEVEL_DECIMALS, Math.max(decimalsIn(scale.min), decimalsIn(scale.step)));
  return roundTo(scale.min + Math.round(k) * scale.step, decimals);
}

/** Whether a score lies on the scale: within min–max and on the step, or one of the options' values. */
export function isOnScale(scale: Scale, value: number): boolean {
  return snapToScale(scale, value) !== null;
}

/** The levels a juror can choose from, lowest first, each with its label; null when there are too many to list. */
export function scaleLevels(scale: Scale, limit = 11): { value: number; key: string; label?: string }[] | null {
  if (isOptionsScale(scale)) {
    return [...scale.options]
      .sort((a, b) => a.value - b.value)
      .map((o) => {
        const label = o.label ?? scale.labels?.[levelKey(o.value)];
        return { value: o.value, key: o.key, ...(label === undefined ? {} : { label }) };
      });
  }
  const count = Math.floor((scale.max - scale.min) / scale.step + EPSILON) + 1;
  if (count > limit) return null;
  const levels: { value: number; key: string; label?: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const value = roundTo(scale.min + i * scale.step, 9);
    const label = scale.labels?.[levelKey(value)];
    levels.push({ value, key: levelKey(value), ...(label === undefined ? {} : { label }) });
  }
  return levels;
}

/** A level as the instrument writes it: a JSON string with a dot ("3", "3.5"). */
export function levelKey(value: number): string {
  return String(roundTo(value, 9));
}

export interface IndicatorRef {
  indicator: Indicator;
  aspect: Aspect;
  scale: Scale;
}

/** Every indicator in instrument order, with its aspect and effective scale. */
export function listIndicators(instrument: Instrument): IndicatorRef[] {
  return instrument.aspects.flatMap((aspect) =>
    aspect.indicators.map((indicator) => ({ indicator, aspect, scale: indicatorScale(instrument, indicator) })),
  );
}

/** The error for a score off its scale, in words both languages can render. */
export function offScaleError(
  scale: Scale,
  value: number,
  indicator: string,
): { key: 'score.offScale' | 'score.offRange'; params: Record<string, string> } {
  if (isOptionsScale(scale)) {
    return {
      key: 'score.offScale',
      params: { value: String(value), indicator, scale: scale.options.map((o) => `${o.key}=${o.value}`).join(', ') },
    };
  }
  return {
    key: 'score.offRange',
    params: { value: String(value), indicator, min: String(scale.min), max: String(scale.max), step: String(scale.step) },
  };
}

function checkScale(scale: Scale, path: string, issues: ValidationIssue[]): void {
  if (isOptionsScale(scale)) {
    const distinct = new Set(scale.options.map((o) => o.value));
    if (distinct.size < 2) issues.push({ path, key: 'validate.scaleOptions', params: {} });
  } else if (scale.min >= scale.max) {
    issues.push({ path, key: 'validate.scaleMinMax', params: { min: scale.min, max: scale.max } });
  }
}

function checkLevels(levels: Iterable<string>, scale: Scale, path: string, issues: ValidationIssue[]): void {
  for (const level of levels) {
    const value = Number(level);
    if (!/^-?\d+(\.\d+)?$/.test(level) || !isOnScale(scale, value)) {
      issues.push({ path: `${path}["${level}"]`, key: 'validate.levelOffScale', params: { level } });
    }
  }
}

/** The rules that a schema cannot say: unique codes, known phases, weights summing to 100, sane scales and bands. */
export function checkInstrument(instrument: Instrument, root = 'instrument'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkScale(instrument.defaultScale, `${root}.defaultScale`, issues);
  if (instrument.defaultScale.labels) {
    checkLevels(Object.keys(instrument.defaultScale.labels), instrument.defaultScale, `${root}.defaultScale.labels`, issues);
  }

  const phaseSeen = new Map<string, string>();
  instrument.phases.forEach((phase, i) => {
    const path = `${root}.phases[${i}].code`;
    const other = phaseSeen.get(phase.code);
    if (other) issues.push({ path, key: 'validate.duplicateCode', params: { code: phase.code, other } });
    else phaseSeen.set(phase.code, path);
  });
  const phaseList = instrument.phases.map((p) => p.code).join(', ');

  const aspectSeen = new Map<string, string>();
  const indicatorSeen = new Map<string, string>();
  let weightSum = 0;
  instrument.aspects.forEach((aspect, a) => {
    const aspectPath = `${root}.aspects[${a}]`;
    const otherAspect = aspectSeen.get(aspect.code);
    if (otherAspect) {
      issues.push({ path: `${aspectPath}.code`, key: 'validate.duplicateCode', params: { code: aspect.code, other: otherAspect } });
    } else aspectSeen.set(aspect.code, `${aspectPath}.code`);

    aspect.indicators.forEach((indicator, i) => {
      const path = `${aspectPath}.indicators[${i}]`;
      const other = indicatorSeen.get(indicator.code);
      if (other) issues.push({ path: `${path}.code`, key: 'validate.duplicateCode', params: { code: indicator.code, other } });
      else indicatorSeen.set(indicator.code, `${path}.code`);
      if (!phaseSeen.has(indicator.phase)) {
        issues.push({ path: `${path}.phase`, key: 'validate.unknownPhase', params: { code: indicator.phase, known: phaseList } });
      }
      weightSum += indicator.weight;
      const scale = indicatorScale(instrument, indicator);
      if (indicator.scale) checkScale(indicator.scale, `${path}.scale`, issues);
      if (indicator.scale?.labels) checkLevels(Object.keys(indicator.scale.labels), scale, `${path}.scale.labels`, issues);
      if (indicator.rubric) checkLevels(Object.keys(indicator.rubric), scale, `${path}.rubric`, issues);
      if (indicator.evidence?.noteAt) checkLevels(indicator.evidence.noteAt, scale, `${path}.evidence.noteAt`, issues);
      if (indicator.evidence?.photoAt) checkLevels(indicator.evidence.photoAt, scale, `${path}.evidence.photoAt`, issues);
      if (indicator.household) checkHousehold(indicator.household, scale, `${path}.household`, issues);
    });
  });
  if (Math.abs(weightSum - 100) > EPSILON) {
    issues.push({ path: `${root}.aspects`, key: 'validate.weightsSum', params: { sum: String(roundTo(weightSum, 6)) } });
  }
  return issues;
}

function checkHousehold(household: Household, scale: Scale, path: string, issues: ValidationIssue[]): void {
  const bands = household.bands;
  if (!bands) {
    const { min, max } = scaleBounds(scale);
    if (isOptionsScale(scale) || min !== 0 || max !== 100) issues.push({ path, key: 'validate.householdScale', params: {} });
    return;
  }
  let last = 0;
  bands.forEach((band, i) => {
    const bandPath = `${path}.bands[${i}]`;
    const isLast = i === bands.length - 1;
    if ('atLeast' in band) {
      if (!isLast) issues.push({ path: bandPath, key: 'validate.bandAtLeastLast', params: {} });
      else if (band.atLeast !== last)
        issues.push({ path: `${bandPath}.atLeast`, key: 'validate.bandAtLeastValue', params: { value: last } });
    } else {
      if (isLast) issues.push({ path: bandPath, key: 'validate.bandLastAtLeast', params: {} });
      if (band.below <= last || band.below > 100) issues.push({ path: `${bandPath}.below`, key: 'validate.bandBelow', params: { last } });
      last = band.below;
    }
    if (!isOnScale(scale, band.score)) {
      issues.push({ path: `${bandPath}.score`, key: 'validate.levelOffScale', params: { level: String(band.score) } });
    }
  });
}

/** Parses and checks an instrument; returns it or the list of problems. */
export function parseInstrument(
  input: unknown,
  root = 'instrument',
): { ok: true; value: Instrument } | { ok: false; issues: ValidationIssue[] } {
  const parsed = instrumentSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, root) };
  const issues = checkInstrument(parsed.data, root);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/**
 * The score of a household checklist: the share of "yes" answers over all items of all visited families,
 * converted by the bands, or (without bands) the percentage itself rounded to the step.
 */
export function householdScore(household: Household, scale: Scale, yes: number, answered: number): number {
  const pct = answered === 0 ? 0 : (yes / answered) * 100;
  if (household.bands) {
    for (const band of household.bands) {
      if ('below' in band && roundTo(pct, 9) < band.below) return band.score;
      if ('atLeast' in band) return band.score;
    }
  }
  const step = isOptionsScale(scale) ? 1 : scale.step;
  return roundTo(roundTo(pct / step, 0) * step, 9);
}
