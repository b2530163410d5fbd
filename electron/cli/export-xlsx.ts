/**
 * `export-xlsx --db FILE [--competition CODE] --out FILE.xlsx` (contract.md section 1 and 6): the official ranking
 * and every score as a workbook, through the `documents.workbook` channel the Rekap screen uses. The output is
 * checked before the database is opened and written atomically: a refusal leaves no file behind.
 */
import { existsSync, statSync } from 'node:fs';
import { UserError } from '../../shared/domain/errors.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { resolveCompetition } from '../core/setup/services.js';
import { value, withCore } from './core.js';
import { requireOutDir, writeAtomically, type Io } from './files.js';

export interface ExportXlsxOptions {
  db?: string | undefined;
  out?: string | undefined;
  competition?: string | undefined;
  home?: string | undefined;
}

export async function commandExportXlsx(values: ExportXlsxOptions, io: Io, lang: Lang): Promise<void> {
  const db = values.db;
  if (!db) throw new UserError('cli.missingOption', { option: '--db', command: 'export-xlsx' });
  const out = values.out;
  if (!out) throw new UserError('cli.missingOption', { option: '--out', command: 'export-xlsx' });
  if (existsSync(out) && statSync(out).isDirectory()) throw new UserError('workbook.outIsFolder', { file: out, example: 'rekap.xlsx' });
  requireOutDir(out);
  const { code, bytes } = await withCore(db, { mustExist: true, home: values.home }, async (core) => {
    const code = resolveCompetition(core.deps.repos, values.competition, db);
    return { code, bytes: (await value(core.call('documents.workbook', { competition: code }))).bytes };
  });
  writeAtomically(out, bytes);
  io.err(t(lang, 'workbook.written', { code, file: out }));
}
