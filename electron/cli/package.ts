/** `package inspect --file FILE.penilai [--json]`: checks a package whole and says what it holds. */
import { readFileSync } from 'node:fs';
import type { PackageSummary } from '../../shared/contract/exchange.js';
import { UserError } from '../../shared/domain/errors.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { inspectPackage } from '../core/exchange/inspect.js';

function summaryText(s: PackageSummary, lang: Lang): string {
  const kind = s.kind === 'setup' ? t(lang, 'exchange.kind.setup') : t(lang, 'exchange.kind.scores');
  const lines = [
    t(lang, 'exchange.summary', {
      kind,
      competition: s.competition.code,
      instrument: s.instrument.code,
      version: s.instrument.version,
      device: s.device.id,
      fingerprint: s.device.fingerprint,
    }),
  ];
  if (s.juror !== undefined && s.entries)
    lines.push(t(lang, 'exchange.summaryScores', { juror: s.juror, from: s.entries.from, to: s.entries.to }));
  lines.push(t(lang, 'exchange.summaryFiles', { created: s.created, count: s.files.count, size: s.files.size }));
  return lines.join('\n');
}

export async function commandPackage(
  sub: string | undefined,
  file: string | undefined,
  json: boolean,
  out: (text: string) => void,
  lang: Lang,
): Promise<void> {
  if (sub !== 'inspect') throw new UserError('cli.usage', { detail: `package ${sub ?? ''}`.trim() });
  if (!file) throw new UserError('cli.missingOption', { option: '--file', command: 'package inspect' });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('setup.fileMissing', { file }, 'not-found');
    throw new UserError('file.unreadable', { file, detail: (error as Error).message });
  }
  // Inspecting needs no database: this is the same function the `exchange.inspect` channel runs, called directly
  // rather than through core.call, so no core (and no database file) is opened for it.
  const summary = await inspectPackage(file, bytes);
  out(json ? JSON.stringify(summary, null, 2) : summaryText(summary, lang));
}
