/**
 * `package setup|export|import|inspect` (contract.md section 1 and 5): packages between laptops. Every command but
 * `inspect` runs through `core.call` like the UI; `inspect` needs no database. `--home` chooses the installation
 * (device and key), so several homes on one machine behave as several laptops.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ImportPlan, PackageSummary } from '../../shared/contract/exchange.js';
import { UserError } from '../../shared/domain/errors.js';
import { formatNumber } from '../../shared/domain/numbers.js';
import { t, type Lang } from '../../shared/i18n/messages.js';
import { inspectPackage } from '../core/exchange/inspect.js';
import { resolveCompetition } from '../core/setup/services.js';
import { value, withCore } from './core.js';
import { removeDatabaseFiles, requireOutDir, writeAtomically, type Io } from './files.js';

export interface PackageOptions {
  db?: string | undefined;
  file?: string | undefined;
  out?: string | undefined;
  competition?: string | undefined;
  juror?: string | undefined;
  json?: boolean | undefined;
  'dry-run'?: boolean | undefined;
  'accept-key'?: string | undefined;
  home?: string | undefined;
}

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

const ACTIONS = {
  create: 'exchange.action.create',
  update: 'exchange.action.update',
  unchanged: 'exchange.action.unchanged',
} as const;

const shown = (v: number | null, lang: Lang): string => (v === null ? '—' : formatNumber(v, 2, lang).replace(/[,.]00$/, ''));

/** The plan in words: one line for the package, one per conflict, one for what was done. */
export function planText(plan: ImportPlan, lang: Lang): string {
  const lines: string[] = [];
  if (plan.kind === 'setup') {
    lines.push(
      t(lang, 'exchange.planSetup', {
        competition: plan.competition.code,
        name: plan.competition.name,
        sites: plan.setup?.sites ?? 0,
        jurors: plan.setup?.jurors ?? 0,
        fingerprint: plan.device.fingerprint,
        action: t(lang, ACTIONS[plan.action]),
      }),
    );
  } else {
    lines.push(
      t(lang, 'exchange.planScores', {
        juror: plan.juror!.code,
        name: plan.juror!.name,
        fingerprint: plan.device.fingerprint,
        created: plan.created,
        ...plan.counts,
        known: plan.entries!.known,
        fresh: plan.entries!.new,
      }),
    );
    if (plan.device.trust === 'first')
      lines.push(t(lang, 'exchange.planFirstKey', { juror: plan.juror!.code, fingerprint: plan.device.fingerprint }));
    for (const c of plan.cells.filter((x) => x.status === 'conflict'))
      lines.push(
        t(lang, 'exchange.planConflict', {
          site: c.site,
          indicator: c.indicator,
          local: shown(c.local.value, lang),
          localBy: c.local.actor ?? '—',
          incoming: shown(c.incoming.value, lang),
          incomingBy: c.incoming.actor ?? '—',
        }),
      );
  }
  lines.push(
    plan.action === 'unchanged' ? t(lang, 'exchange.nothingNew') : plan.applied ? t(lang, 'exchange.applied') : t(lang, 'exchange.dryRun'),
  );
  return lines.join('\n');
}

function readPackageFile(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('setup.fileMissing', { file }, 'not-found');
    throw new UserError('file.unreadable', { file, detail: (error as Error).message });
  }
}

function need(values: PackageOptions, option: 'db' | 'file' | 'out' | 'juror', command: string): string {
  const found = values[option];
  if (!found) throw new UserError('cli.missingOption', { option: `--${option}`, command });
  return found;
}

export async function commandPackage(sub: string | undefined, values: PackageOptions, io: Io, lang: Lang): Promise<void> {
  switch (sub) {
    case 'inspect': {
      const file = need(values, 'file', 'package inspect');
      // Inspecting needs no database: the same function the `exchange.inspect` channel runs, called directly.
      const summary = await inspectPackage(file, readPackageFile(file));
      io.out(values.json ? JSON.stringify(summary, null, 2) : summaryText(summary, lang));
      return;
    }
    case 'setup': {
      const db = need(values, 'db', 'package setup');
      const out = need(values, 'out', 'package setup');
      requireOutDir(out);
      const file = await withCore(db, { mustExist: true, home: values.home }, (core) =>
        value(core.call('exchange.setupPackage', { competition: resolveCompetition(core.deps.repos, values.competition, db) })),
      );
      writeAtomically(out, file.bytes);
      io.err(t(lang, 'exchange.setupWritten', { file: out }));
      return;
    }
    case 'export': {
      const db = need(values, 'db', 'package export');
      const out = need(values, 'out', 'package export');
      const juror = need(values, 'juror', 'package export');
      requireOutDir(out);
      const summary = await withCore(db, { mustExist: true, home: values.home }, (core) =>
        value(core.call('exchange.exportScores', { competition: resolveCompetition(core.deps.repos, values.competition, db), juror })),
      );
      writeAtomically(out, summary.file.bytes);
      if (values.json) {
        const { file: _file, ...rest } = summary;
        io.out(JSON.stringify({ ...rest, file: out }, null, 2));
      } else {
        const { file: _file, entries, ...counts } = summary;
        io.err(t(lang, 'exchange.exported', { ...counts, file: out, from: entries.from, to: entries.to }));
      }
      return;
    }
    case 'import': {
      const db = need(values, 'db', 'package import');
      const file = need(values, 'file', 'package import');
      const bytes = readPackageFile(file);
      // A setup package may create the database (a juror's laptop receiving its first competition); a failed
      // import takes a database it made back.
      const summary = await inspectPackage(file, bytes);
      const existed = existsSync(db);
      const input = { name: file, bytes, ...(values['accept-key'] ? { acceptKey: values['accept-key'] } : {}) };
      try {
        const plan = await withCore(db, { mustExist: summary.kind !== 'setup', home: values.home }, (core) =>
          value(core.call(values['dry-run'] ? 'exchange.plan' : 'exchange.apply', input)),
        );
        io.out(values.json ? JSON.stringify(plan, null, 2) : planText(plan, lang));
        if (!existed && !plan.applied) removeDatabaseFiles(db);
      } catch (error) {
        if (!existed) removeDatabaseFiles(db);
        throw error;
      }
      return;
    }
    default:
      throw new UserError('cli.usage', { detail: `package ${sub ?? ''}`.trim() });
  }
}
