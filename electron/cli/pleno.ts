/**
 * `pleno status|open|decide|lock|reopen` (contract.md sections 1 and 6): the plenary workflow from the command line,
 * through `core.call` like the UI. A reason is read from `--reason-file` (its content, one trailing newline
 * removed; never on the command line).
 */
import { readFileSync } from 'node:fs';
import type { PlenoView } from '../../shared/contract/pleno.js';
import { UserError } from '../../shared/domain/errors.js';
import { t, type Lang, type MessageKey } from '../../shared/i18n/messages.js';
import { resolveCompetition } from '../core/setup/services.js';
import { value, withCore } from './core.js';
import type { Io } from './files.js';

export interface PlenoOptions {
  db?: string | undefined;
  competition?: string | undefined;
  json?: boolean | undefined;
  home?: string | undefined;
  sites?: string | undefined;
  order?: string | undefined;
  'reason-file'?: string | undefined;
}

/** A text file the user gave for a reason: its content, one trailing newline removed. */
export function readReasonFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('setup.fileMissing', { file }, 'not-found');
    throw new UserError('file.unreadable', { file, detail: (error as Error).message });
  }
  const reason = text.replace(/\r?\n$/, '');
  if (reason.trim() === '') throw new UserError('pleno.emptyReason', { file });
  return reason;
}

const codes = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const STATE_KEYS = {
  draft: 'pleno.state.draft',
  pleno: 'pleno.state.pleno',
  locked: 'pleno.state.locked',
  signed: 'pleno.state.signed',
} as const satisfies Record<PlenoView['state'], MessageKey>;

/** The plenary in words: state and revision, decisions, ties left, what blocks locking. */
export function plenoText(view: PlenoView, lang: Lang): string {
  const lines = [
    t(lang, 'pleno.text.state', {
      competition: view.competition,
      state: t(lang, STATE_KEYS[view.state]),
      revision: view.revision,
    }),
  ];
  if (view.snapshot) lines.push(t(lang, 'pleno.text.snapshot', { hash: view.snapshot }));
  for (const d of view.decisions)
    lines.push(
      t(lang, d.status === 'applied' ? 'pleno.text.decision' : 'pleno.text.decisionVoid', {
        order: d.order.join(' > '),
        reason: d.reason,
        rank: d.rank ?? '—',
      }),
    );
  for (const tie of view.ties)
    lines.push(t(lang, 'pleno.text.tie', { rank: tie.rank, sites: tie.sites.join(', '), label: tie.label ?? '—' }));
  if (view.state === 'pleno' || view.state === 'draft') {
    if (view.blockers.length === 0) lines.push(t(lang, 'pleno.text.canLock'));
    for (const b of view.blockers) lines.push(`- ${t(lang, b.key, b.params)}`);
  }
  return lines.join('\n');
}

export async function commandPleno(sub: string | undefined, values: PlenoOptions, io: Io, lang: Lang): Promise<void> {
  if (!values.db) throw new UserError('cli.missingOption', { option: '--db', command: `pleno ${sub ?? ''}`.trim() });
  const db = values.db;
  const reason = sub === 'decide' || sub === 'reopen' ? readReasonOption(values, sub) : null;
  let order: string[] = [];
  if (sub === 'decide') {
    if (!values.sites) throw new UserError('cli.missingOption', { option: '--sites', command: 'pleno decide' });
    if (!values.order) throw new UserError('cli.missingOption', { option: '--order', command: 'pleno decide' });
    const sites = codes(values.sites);
    order = codes(values.order);
    if (sites.length < 2 || [...sites].sort().join(',') !== [...order].sort().join(','))
      throw new UserError('pleno.orderMismatch', { sites: sites.join(', '), order: order.join(', ') });
  }
  const view = await withCore(db, { mustExist: true, home: values.home }, async (core) => {
    const competition = resolveCompetition(core.deps.repos, values.competition, db);
    switch (sub) {
      case 'status':
        return value(core.call('pleno.status', { competition }));
      case 'open':
        return value(core.call('pleno.open', { competition }));
      case 'decide':
        return value(core.call('pleno.decide', { competition, order, reason: reason! }));
      case 'lock':
        return value(core.call('pleno.lock', { competition }));
      case 'reopen':
        return value(core.call('pleno.reopen', { competition, reason: reason! }));
      default:
        throw new UserError('cli.usage', { detail: `pleno ${sub ?? ''}`.trim() });
    }
  });
  io.out(values.json ? JSON.stringify(view, null, 2) : plenoText(view, lang));
}

function readReasonOption(values: PlenoOptions, sub: string): string {
  const file = values['reason-file'];
  if (!file) throw new UserError('cli.missingOption', { option: '--reason-file', command: `pleno ${sub}` });
  return readReasonFile(file);
}
