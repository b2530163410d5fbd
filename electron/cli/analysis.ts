/**
 * `agreement --db FILE [--competition CODE] [--json]` and `sensitivity --db FILE [--competition CODE] [--json]`
 * (contract.md sections 1 and 6): how far the jurors agree, and the ranking without each juror. Read-only. The JSON
 * is the channel's result (`analysis.agreement`, `analysis.sensitivity`) with its `format` (shared/domain/analysis-format.ts); the text puts a plain reading
 * beside each figure (shared/domain/analysis-reading.ts).
 */
import { resolve } from 'node:path';
import type { Agreement, Sensitivity } from '../../shared/contract/analysis.js';
import {
  agreementReading,
  leniencyReading,
  outlierReading,
  readingText,
  sensitivityReading,
} from '../../shared/domain/analysis-reading.js';
import { AGREEMENT_FORMAT, SENSITIVITY_FORMAT, type AgreementJson, type SensitivityJson } from '../../shared/domain/analysis-format.js';
import { UserError } from '../../shared/domain/errors.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { resolveCompetition } from '../core/setup/services.js';
import { value, withCore } from './core.js';
import type { Io } from './files.js';

export interface AnalysisOptions {
  db?: string | undefined;
  competition?: string | undefined;
  home?: string | undefined;
  json?: boolean | undefined;
}

export function agreementText(result: Agreement, names: readonly { code: string; name: string }[], lang: Lang): string {
  const lines = [t(lang, 'analysis.title.agreement', { competition: result.competition }), '', t(lang, 'analysis.title.aspects')];
  for (const [code, aspect] of Object.entries(result.aspects)) {
    const name = names.find((a) => a.code === code)?.name ?? code;
    lines.push(`  ${code} ${name}: ${readingText(lang, agreementReading(aspect))}`);
  }
  lines.push('', t(lang, 'analysis.title.jurors'));
  for (const [juror, leniency] of Object.entries(result.jurors)) lines.push(`  ${readingText(lang, leniencyReading(juror, leniency))}`);
  lines.push('', t(lang, 'analysis.title.outliers'));
  if (result.outliers.length === 0) lines.push(`  ${t(lang, 'analysis.outliers.none')}`);
  for (const outlier of result.outliers) lines.push(`  ${readingText(lang, outlierReading(outlier))}`);
  return lines.join('\n');
}

export function sensitivityText(result: Sensitivity, lang: Lang): string {
  const lines = [t(lang, 'analysis.title.sensitivity', { competition: result.competition })];
  const jurors = Object.entries(result.jurors);
  if (jurors.length === 0) lines.push(`  ${t(lang, 'analysis.sensitivity.nobody')}`);
  for (const [juror, { changes }] of jurors) lines.push(`  ${readingText(lang, sensitivityReading(juror, changes, lang))}`);
  return lines.join('\n');
}

export async function commandAnalysis(command: 'agreement' | 'sensitivity', values: AnalysisOptions, io: Io, lang: Lang): Promise<void> {
  if (!values.db) throw new UserError('cli.missingOption', { option: '--db', command });
  const file = resolve(values.db);
  const text = await withCore(file, { mustExist: true, home: values.home }, async (core) => {
    const competition = resolveCompetition(core.deps.repos, values.competition, file);
    if (command === 'sensitivity') {
      const result = await value(core.call('analysis.sensitivity', { competition }));
      const json: SensitivityJson = { format: SENSITIVITY_FORMAT, ...result };
      return values.json ? JSON.stringify(json, null, 2) : sensitivityText(result, lang);
    }
    const result = await value(core.call('analysis.agreement', { competition }));
    const json: AgreementJson = { format: AGREEMENT_FORMAT, ...result };
    if (values.json) return JSON.stringify(json, null, 2);
    const { instrument } = await value(core.call('setup.get', { code: competition }));
    return agreementText(result, instrument.aspects, lang);
  });
  io.out(text);
}
