/**
 * The plain reading beside each figure of the analysis (shared/domain/analysis.ts), as message keys with parameters
 * (never sentences): the `agreement` and `sensitivity` commands and the UI's panels render them in their reader's
 * language (shared/i18n/messages-analysis.ts).
 *
 * - Kendall's W, read as it is shown (2 decimals): ≥ 0,70 "kesepakatan tinggi", 0,50 up to below 0,70
 *   "kesepakatan sedang", below 0,50 "kesepakatan rendah"; null: why it cannot be computed.
 * - Leniency is shown in points of the 0–100 total (leniency × 100, 1 decimal): the weights add up to 100, so a juror
 *   whose normalised scores sit d above the others' on every indicator gives a site, on their own sheet, 100·d
 *   points more than the others do. The unit a jury already uses for the result. Below 0: "lebih pelit" (scores
 *   lower than the other jurors), above: "lebih royal" (scores higher); 0,0 when rounded: "setara".
 *   (In Indonesian "murah nilai" means generous, so "murah" is not used for a strict juror.)
 */
import type { AspectAgreement, JurorLeniency, OutlierCell, SensitivityChange } from '../contract/analysis.js';
import { t, type Lang, type MessageKey, type Params } from '../i18n/messages.js';
import { roundScaled, roundTo } from './numbers.js';

export interface Reading {
  key: MessageKey;
  params: Params;
}

export function readingText(lang: Lang, reading: Reading): string {
  return t(lang, reading.key, reading.params);
}

/** W at or above which the agreement reads "high", and "medium" (compared as shown, at 2 decimals). */
export const W_HIGH = 0.7;
export const W_MEDIUM = 0.5;

/** The reading of one aspect's W (`w` in the params rounded to the 2 decimals it is shown with). */
export function agreementReading(aspect: AspectAgreement): Reading {
  const { w, jurors, sites } = aspect;
  const counts = { jurors: jurors.length, sites: sites.length };
  if (w === null) {
    const key: MessageKey = jurors.length < 2 ? 'analysis.w.fewJurors' : sites.length < 2 ? 'analysis.w.fewSites' : 'analysis.w.allTied';
    return { key, params: counts };
  }
  const shown = roundScaled(w, 2);
  const key: MessageKey =
    shown >= roundScaled(W_HIGH, 2) ? 'analysis.w.high' : shown >= roundScaled(W_MEDIUM, 2) ? 'analysis.w.medium' : 'analysis.w.low';
  return { key, params: { w: roundTo(w, 2), ...counts } };
}

/** Leniency in points of the 0–100 total, rounded as shown (1 decimal). */
export const LENIENCY_DECIMALS = 1;
export const leniencyPoints = (leniency: number): number => roundTo(leniency * 100, LENIENCY_DECIMALS);

/** The reading of one juror's leniency: "J3 rata-rata 4,2 poin lebih rendah dari juri lain (lebih pelit)". */
export function leniencyReading(juror: string, leniency: JurorLeniency): Reading {
  if (leniency.leniency === null) return { key: 'analysis.leniency.none', params: { juror } };
  const points = leniencyPoints(leniency.leniency);
  const params = { juror, points: Math.abs(points), cells: leniency.cells };
  if (points === 0) return { key: 'analysis.leniency.even', params };
  return { key: points < 0 ? 'analysis.leniency.stricter' : 'analysis.leniency.kinder', params };
}

/** The reading of an outlier cell: who gave what, and the other jurors' median. */
export function outlierReading(outlier: OutlierCell): Reading {
  return { key: 'analysis.outlier', params: { ...outlier } };
}

/** The reading of a juror's sensitivity: the labels that change without them, or that none does. */
export function sensitivityReading(juror: string, changes: readonly SensitivityChange[], lang: Lang): Reading {
  if (changes.length === 0) return { key: 'analysis.sensitivity.none', params: { juror } };
  const none = t(lang, 'analysis.noLabel');
  const list = changes.map((c) => `${c.site} ${c.label ?? none} → ${c.labelWithout ?? none}`).join('; ');
  return { key: 'analysis.sensitivity.changes', params: { juror, changes: list, count: changes.length } };
}
