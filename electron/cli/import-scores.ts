/**
 * `import-scores --db FILE --file scores.csv [--competition CODE]` (contract.md sections 1 and 3): the whole file is
 * read and checked before anything is written, then written in one transaction; a file with any problem changes
 * nothing and is refused in one line naming the file, the line and what is wrong.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../shared/domain/errors.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { value, withCore } from './core.js';
import { resolveCompetition } from '../core/setup/services.js';

export interface ImportScoresOptions {
  db?: string | undefined;
  file?: string | undefined;
  competition?: string | undefined;
  home?: string | undefined;
}

function readSource(source: string): Uint8Array {
  try {
    return readFileSync(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('setup.fileMissing', { file: source }, 'not-found');
    throw new UserError('file.unreadable', { file: source, detail: (error as Error).message });
  }
}

export async function commandImportScores(values: ImportScoresOptions, io: { err: (text: string) => void }, lang: Lang): Promise<void> {
  if (!values.db) throw new UserError('cli.missingOption', { option: '--db', command: 'import-scores' });
  if (!values.file) throw new UserError('cli.missingOption', { option: '--file', command: 'import-scores' });
  const file = resolve(values.db);
  const source = resolve(values.file);
  // The file is read before the database is opened: a file that is not there leaves the database untouched.
  const bytes = readSource(source);
  const summary = await withCore(file, { mustExist: true, home: values.home }, (core) =>
    value(
      core.call('scoring.importScores', {
        competition: resolveCompetition(core.deps.repos, values.competition, file),
        name: source,
        bytes,
      }),
    ),
  );
  io.err(t(lang, 'import.done', { file: source, ...summary }));
}
