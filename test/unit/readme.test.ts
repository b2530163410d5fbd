/**
 * The root README's "How to add a channel / a migration / a document" matches the code: every path it names
 * exists, and every "`name` in `file`" (or "from", or "`file` exporting `name`") is defined in that file.
 * Placeholders stand for every real one: `<domain>` for each domain of shared/contract/, `<doc>` for each
 * document, `NNN-what.ts` for each migration.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/core.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('### How to add a channel');
const end = readme.indexOf('\n## ', start);
const howTo = readme.slice(start, end).replace(/\s+/g, ' ');

/** The contract files of shared/contract/ that are not a domain: the names, the merge, shared pieces (documents-tasks is the documents domain's long tasks). */
const NOT_DOMAINS = ['events', 'channels', 'codec', 'common', 'schemas', 'documents-tasks'];
const domains = readdirSync(join(REPO_ROOT, 'shared/contract'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3))
  .filter((name) => !NOT_DOMAINS.includes(name));
const documents = readdirSync(join(REPO_ROOT, 'electron/core/documents'))
  .filter((name) => name.endsWith('-model.ts'))
  .map((name) => name.slice(0, -'-model.ts'.length));
const migrationsDir = 'electron/core/platform/migrations';
const migrations = existsSync(join(REPO_ROOT, migrationsDir))
  ? readdirSync(join(REPO_ROOT, migrationsDir)).filter((name) => /^\d{3}-[\w-]+\.ts$/.test(name))
  : [];

/** The real files a path of the how-to stands for. */
function expand(path: string): string[] {
  if (path.includes('<domain>')) return domains.flatMap((domain) => expand(path.replaceAll('<domain>', domain)));
  if (path.includes('<doc>')) return documents.flatMap((doc) => expand(path.replaceAll('<doc>', doc)));
  if (path.endsWith('/NNN-what.ts')) return migrations.map((name) => `${migrationsDir}/${name}`);
  return [path];
}

function defines(file: string, name: string): boolean {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const declared = new RegExp(`\\bexport\\s+(?:declare\\s+)?(?:async\\s+)?(?:const|let|function|interface|type|class)\\s+${name}\\b`);
  const listed = new RegExp(`\\bexport\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return declared.test(text) || listed.test(text);
}

const paths = [...new Set([...howTo.matchAll(/`([\w.<>-]+(?:\/[\w.<>-]+)+\/?)`/g)].map((m) => m[1]!))];
const pairs = [
  ...[...howTo.matchAll(/`(\w+)` (?:in|from) `([^`]+\.tsx?)`/g)].map((m) => ({ name: m[1]!, path: m[2]! })),
  ...[...howTo.matchAll(/`([^`]+\.tsx?)` exporting `(\w+)`/g)].map((m) => ({ name: m[2]!, path: m[1]! })),
];

describe("README's how-to", () => {
  it('is found, with its placeholders standing for real files', () => {
    expect(howTo).toContain('### How to add a migration');
    expect(howTo).toContain('### How to add a document');
    expect(domains).toEqual([
      'analysis',
      'app',
      'audit',
      'backup',
      'compile',
      'documents',
      'evidence',
      'exchange',
      'instruments',
      'pleno',
      'scoring',
      'session',
      'setup',
      'signatures',
    ]);
    expect(documents).toContain('rekap');
    expect(migrations).toContain('001-initial.ts');
    // the three places a channel is added, and where a migration and a document go, are among what is checked
    expect(paths).toEqual(
      expect.arrayContaining([
        'shared/contract/<domain>.ts',
        'shared/contract/channels.ts',
        'electron/core/<domain>/handlers.ts',
        'electron/core/platform/migrations/NNN-what.ts',
        'test/migrations/',
        'electron/core/documents/',
      ]),
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        { name: 'CHANNELS', path: 'shared/contract/channels.ts' },
        { name: 'setupInputs', path: 'shared/contract/setup.ts' },
        { name: 'setupHandlers', path: 'electron/core/setup/handlers.ts' },
        { name: 'up', path: 'electron/core/platform/migrations/NNN-what.ts' },
        { name: 'MIGRATIONS', path: 'electron/core/platform/migrations/index.ts' },
        { name: 'openDatabase', path: 'electron/core/platform/database.ts' },
        { name: 'DOCUMENTS', path: 'electron/core/documents/registry.ts' },
      ]),
    );
  });

  it('names only paths that exist', () => {
    const missing = paths.flatMap(expand).filter((path) => !existsSync(join(REPO_ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('names only functions, constants and types that the named file defines', () => {
    const undefinedNames = pairs
      .flatMap(({ name, path }) => expand(path).map((file) => ({ name, file })))
      .filter(({ name, file }) => !existsSync(join(REPO_ROOT, file)) || !defines(file, name))
      .map(({ name, file }) => `${name} in ${file}`);
    expect(undefinedNames).toEqual([]);
  });
});
