/**
 * Every message key of the interface (renderer/src/i18n.ts, renderer/src/words/*.ts) and of the core
 * (shared/i18n/messages*.ts) is used by some source file of electron/, shared/, renderer/ or scripts/ (tests do
 * not count): a key nothing says is a word nobody reads, and it is removed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/core.js';

function files(folder: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const name of readdirSync(join(REPO_ROOT, folder)).sort()) {
    const path = join(folder, name);
    if (statSync(join(REPO_ROOT, path)).isDirectory()) found.push(...files(path, pattern));
    else if (pattern.test(name)) found.push(path.split('\\').join('/'));
  }
  return found;
}

const DICTIONARIES = ['renderer/src/i18n.ts', ...files('renderer/src/words', /\.ts$/), ...files('shared/i18n', /^messages.*\.ts$/)];

/** Keys built in code from a prefix and a value (`t(\`role.${j.role}\`)`): any key under these counts as used. */
const DYNAMIC_PREFIXES = [
  'backup.trigger.', // renderer/src/screens/cadangan/CadanganScreen.tsx: t(`backup.trigger.${b.trigger}`)
  'role.', // renderer/src/screens/lomba/JurorsTab.tsx, NewCompetitionForm.tsx, penilaian/JurorPicker.tsx: t(`role.${role}`)
  'scoring.missing.', // renderer/src/screens/penilaian/FinalisePanel.tsx: t(`scoring.missing.${m.need}`)
  'setup.date.', // renderer/src/screens/lomba/IdentityTab.tsx: t(`setup.date.${key}`)
  'setup.scale.', // renderer/src/screens/lomba/InstrumentTab.tsx: t(`setup.scale.${k}`)
  'sheet.undone.', // renderer/src/screens/penilaian/SheetView.tsx: t(`sheet.undone.${undone.kind}`)
  'board.state.', // renderer/src/screens/paket/BoardView.tsx: t(`board.state.${cell.state}`)
  'paket.action.', // renderer/src/screens/paket/ReceivedCard.tsx: t(`paket.action.${plan.action}`)
  'paket.count.', // renderer/src/screens/paket/ReceivedCard.tsx: t(`paket.count.${key}`)
  'paket.kind.', // renderer/src/screens/paket/ReceivedCard.tsx: t(`paket.kind.${plan.kind}`)
  'paket.status.', // renderer/src/screens/paket/ReceivedCard.tsx: t(`paket.status.${c.status}`)
  'send.', // renderer/src/screens/penilaian/SendScores.tsx: t(`send.${key}`)
  'laporan.doc.', // renderer/src/screens/laporan/DocumentPanel.tsx: t(`laporan.doc.${choice}`)
  'laporan.hint.', // renderer/src/screens/laporan/DocumentPanel.tsx: t(`laporan.hint.${choice}`)
  'validate.weakPin.', // shared/contract/common.ts newPin: `validate.weakPin.${weakPin(pin)}`
];

function keysOf(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*'([A-Za-z][\w.-]*)':/gm)].map((m) => m[1]!);
}

const sources = ['electron', 'shared', 'renderer', 'scripts']
  .flatMap((folder) => files(folder, /\.(ts|tsx|js|mjs)$/))
  .filter((file) => !DICTIONARIES.includes(file) && !file.startsWith('renderer/node_modules'));
const sourceText = sources.map((file) => readFileSync(join(REPO_ROOT, file), 'utf8')).join('\n');

/** A key is said when it stands whole in quotes of any kind somewhere in the sources. */
function mentioned(key: string): boolean {
  const quoted = new RegExp(`['"\`]${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);
  return quoted.test(sourceText);
}

describe('message keys', () => {
  const keys = [...new Set(DICTIONARIES.flatMap(keysOf))].sort();

  it('reads the dictionaries: the interface and the core', () => {
    expect(DICTIONARIES).toContain('renderer/src/words/sheet.ts');
    expect(DICTIONARIES).toContain('shared/i18n/messages-setup.ts');
    expect(keys).toContain('app.title');
    expect(keys).toContain('setup.initDone');
    expect(sources).toContain('renderer/src/screens/penilaian/SheetView.tsx');
  });

  it('are each used by some source file (tests do not count)', () => {
    const unused = keys.filter((key) => !mentioned(key) && !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  it('allow a prefix only where code builds keys from it', () => {
    for (const prefix of DYNAMIC_PREFIXES) {
      expect(sourceText, prefix).toContain(`\`${prefix}\${`);
      expect(keys.filter((key) => key.startsWith(prefix)).length, prefix).toBeGreaterThan(1);
    }
  });
});
