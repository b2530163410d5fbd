/**
 * How the instrument template and the instrument editor write scales, level texts, levels, checklists and bands in one cell, and how
 * such a cell is read back. Numbers may use a decimal comma or a dot; exports use the comma.
 *
 * - Scale: "1-5", "0-100 %", "0-100 langkah 5" (English "step" too), or options "a=4; b=3; c=2; d=1", an option
 *   optionally with its label in parentheses: "a=4 (Lengkap)".
 * - Level texts (Label, Rubrik): "1=Sangat Kurang; 2=Kurang; …". A part that does not start with LEVEL= belongs
 *   to the text before it, so a text may hold a semicolon. A cell with line breaks is read line by line.
 * - Levels (Catatan wajib pada, Foto wajib pada): "1; 5".
 * - Checklist (Butir kunjungan rumah): "butir 1; butir 2", or one item per line.
 * - Bands (Pita): "<40=1; <60=2; <75=3; <90=4; >=90=5".
 *
 * Pure: the spreadsheet import (electron/core/instruments/instrument-xlsx.ts) and the instrument editor
 * (renderer/src/screens/lomba/InstrumentTab.tsx) read these cells with these same functions, so a text reads the
 * same, and is refused with the same message, in both.
 */
import type { MessageKey, Params } from '../i18n/messages.js';
import { isOptionsScale, levelKey, type Household, type OptionsScale, type Scale } from './instrument.js';
import { parseDecimal } from './numbers.js';

export type Read<T> = { ok: true; value: T } | { ok: false; key: MessageKey; params: Params };

const NUM = '(\\d+(?:[.,]\\d+)?)';

/** A number as the template writes it: a decimal comma. */
export function formatNumberCell(value: number): string {
  return String(value).replace('.', ',');
}

/** Parts of a list cell: by line when the cell has line breaks, else by semicolon. */
function parts(text: string): string[] {
  const separator = /[\r\n]/.test(text) ? /\r?\n|\r/ : /;/;
  return text
    .split(separator)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Joins texts with "; ", or with line breaks when a text holds a semicolon. */
function join(texts: readonly string[]): string {
  return texts.some((t) => t.includes(';')) ? texts.join('\n') : texts.join('; ');
}

export function formatScale(scale: Scale): string {
  if (isOptionsScale(scale)) {
    return join(scale.options.map((o) => `${o.key}=${formatNumberCell(o.value)}${o.label === undefined ? '' : ` (${o.label})`}`));
  }
  const step = scale.step === 1 ? '' : ` langkah ${formatNumberCell(scale.step)}`;
  const unit = scale.unit === undefined ? '' : ` ${scale.unit}`;
  return `${formatNumberCell(scale.min)}-${formatNumberCell(scale.max)}${step}${unit}`;
}

/** A scale cell, without its labels (they come from their own column). */
export function parseScale(text: string): Read<Scale> {
  const bad: Read<Scale> = { ok: false, key: 'file.badScale', params: { value: text } };
  const t = text.trim();
  const range = new RegExp(`^${NUM}\\s*[-–—]\\s*${NUM}(?:\\s+(?:langkah|step)\\s+${NUM})?(?:\\s*(\\S.*))?$`, 'i').exec(t);
  if (range) {
    const min = parseDecimal(range[1]!);
    const max = parseDecimal(range[2]!);
    const step = range[3] === undefined ? 1 : parseDecimal(range[3]);
    if (min === null || max === null || step === null) return bad;
    const unit = range[4]?.trim();
    return { ok: true, value: { min, max, step, ...(unit ? { unit } : {}) } };
  }
  // A cell with "=" is a list of options: its problem is named by the option that does not read.
  return t.includes('=') ? parseOptions(t) : bad;
}

/** A list of options alone ("a=4 (Lengkap); b=3; …"), as the editor's options field holds it. */
export function parseOptions(text: string): Read<OptionsScale> {
  const options: OptionsScale['options'] = [];
  const list = parts(text.trim());
  for (const part of list) {
    const m = new RegExp(`^([^=]+?)\\s*=\\s*${NUM}\\s*(?:\\((.*)\\))?$`, 's').exec(part);
    const value = m ? parseDecimal(m[2]!) : null;
    if (!m || value === null) return { ok: false, key: 'file.badOptions', params: { part } };
    const label = m[3]?.trim();
    options.push({ key: m[1]!.trim(), value, ...(label ? { label } : {}) });
  }
  if (list.length === 0) return { ok: false, key: 'file.badOptions', params: { part: text.trim() } };
  return { ok: true, value: { options } };
}

export function formatLevelMap(map: Record<string, string>): string {
  return join(Object.entries(map).map(([level, text]) => `${formatNumberCell(Number(level))}=${text}`));
}

/** "1=tidak ada; 3=ada, umum; 5=…" to { "1": "tidak ada", … }; levels are written with a dot in the result. */
export function parseLevelMap(text: string): Read<Record<string, string>> {
  const entries: [string, string][] = [];
  const multiline = /[\r\n]/.test(text);
  for (const part of parts(text)) {
    const m = new RegExp(`^${NUM}\\s*=\\s*(.*)$`, 's').exec(part);
    if (m) {
      entries.push([levelKey(parseDecimal(m[1]!)!), m[2]!.trim()]);
    } else if (entries.length > 0) {
      const last = entries[entries.length - 1]!;
      last[1] = `${last[1]}${multiline ? '\n' : '; '}${part}`;
    } else {
      return { ok: false, key: 'file.badLevelMap', params: { part } };
    }
  }
  return { ok: true, value: Object.fromEntries(entries) };
}

export function formatLevels(levels: readonly string[]): string {
  return levels.map((l) => formatNumberCell(Number(l))).join('; ');
}

/** "1; 5" (also "1, 5" and one per line) to ["1", "5"]. */
export function parseLevels(text: string): Read<string[]> {
  const levels: string[] = [];
  for (const part of text
    .split(/;|\r?\n|\r|,\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const value = parseDecimal(part);
    if (value === null) return { ok: false, key: 'file.badLevel', params: { value: part } };
    levels.push(levelKey(value));
  }
  return { ok: true, value: levels };
}

export function formatItems(items: readonly string[]): string {
  return join(items);
}

export function parseItems(text: string): string[] {
  return parts(text);
}

type Band = NonNullable<Household['bands']>[number];

export function formatBands(bands: readonly Band[]): string {
  return bands
    .map((b) =>
      'below' in b
        ? `<${formatNumberCell(b.below)}=${formatNumberCell(b.score)}`
        : `>=${formatNumberCell(b.atLeast)}=${formatNumberCell(b.score)}`,
    )
    .join('; ');
}

/** "<40=1; …; >=90=5" to bands (whether they are in order is checked with the instrument). */
export function parseBands(text: string): Read<Band[]> {
  const bands: Band[] = [];
  for (const part of parts(text)) {
    const m = new RegExp(`^(<|>=|=>|≥)\\s*${NUM}\\s*=\\s*${NUM}$`).exec(part);
    const bound = m ? parseDecimal(m[2]!) : null;
    const score = m ? parseDecimal(m[3]!) : null;
    if (!m || bound === null || score === null) return { ok: false, key: 'file.badBand', params: { part } };
    bands.push(m[1] === '<' ? { below: bound, score } : { atLeast: bound, score });
  }
  return { ok: true, value: bands };
}
