/**
 * Real LibreOffice (headless Calc, Debian's libreoffice-calc-nogui) on real files: a workbook converted to CSV, one
 * file per sheet, each cell as LibreOffice shows it (its number format applied). A conversion that LibreOffice
 * cannot do (a damaged file it would have to repair) writes no CSV, and the helper says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCsv } from '../../electron/core/platform/sheets/csv.js';

/**
 * The CSV filter's options: comma, double quote, UTF-8, from line 1, cells "as shown" (token 9), every sheet to its
 * own file (token 12 = -1, LibreOffice 7.2 and later; 7.4 otherwise writes only the first sheet).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** Each sheet of the workbook, by name, as rows of cells as LibreOffice shows them (in its English locale). */
export function sheetsAsCsv(xlsx: string, workDir: string, sheets: readonly string[]): Map<string, string[][]> {
  const out = join(workDir, 'csv');
  mkdirSync(out, { recursive: true });
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(workDir, 'lo-profile')}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', out, xlsx],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
  );
  const stem = basename(xlsx).replace(/\.xlsx$/, '');
  const result = new Map<string, string[][]>();
  for (const sheet of sheets) {
    const file = join(out, `${stem}-${sheet}.csv`);
    if (!existsSync(file)) throw new Error(`LibreOffice wrote no CSV for sheet ${sheet} (exit ${run.status}): ${run.stdout}${run.stderr}`);
    result.set(
      sheet,
      readCsv(readFileSync(file, 'utf8'), ',').records.map((r) => r.fields),
    );
  }
  return result;
}

/** The workbook printed by LibreOffice to PDF (every sheet, each by its own page setup); the PDF's path. */
export function workbookAsPdf(xlsx: string, workDir: string): string {
  const out = join(workDir, 'pdf');
  mkdirSync(out, { recursive: true });
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(workDir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
  );
  const file = join(out, basename(xlsx).replace(/\.xlsx$/, '.pdf'));
  if (!existsSync(file)) throw new Error(`LibreOffice wrote no PDF (exit ${run.status}): ${run.stdout}${run.stderr}`);
  return file;
}
