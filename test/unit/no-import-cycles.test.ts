/**
 * No import cycle in electron/, shared/ and renderer/src/ (type-only imports included), and each domain of the
 * core imports only platform/, shared/, itself and the core's wiring: scripts/cycles.ts, run in-process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCycles, importGraph, KNOWN_OUTSIDE_ROOM, roomViolations } from '../../scripts/cycles.js';

const graph = importGraph();

describe('the import graph of the tree', () => {
  it('reads every source file, with what each imports', () => {
    expect(graph.get('electron/core/handlers.ts')).toContain('electron/core/setup/handlers.ts');
    expect(graph.get('electron/core/deps.ts')).toContain('electron/core/session/state.ts'); // a type-only import
    expect(graph.has('renderer/src/i18n.ts')).toBe(true);
    expect(graph.has('shared/domain/ranking.ts')).toBe(true);
  });

  it('has no cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no import outside its room but the known ones, and each known one still exists', () => {
    expect(roomViolations(graph)).toEqual([...KNOWN_OUTSIDE_ROOM].sort());
  });
});

describe('the check itself, on a small tree', () => {
  const root = mkdtempSync(join(tmpdir(), 'penilai-cycles-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('electron/core/deps.ts', "import type { Repo } from './setup/repo.js';\nexport type Deps = { repo: Repo };\n");
  write('electron/core/setup/repo.ts', "import type { Deps } from '../deps.js';\nexport type Repo = { deps?: Deps };\n");
  write('electron/core/setup/handlers.ts', "import { rank } from '../compile/rank.js';\nexport const h = rank;\n");
  write('electron/core/compile/rank.ts', "export { h as rank } from '../setup/handlers.js';\n");
  write('electron/core/platform/db.ts', "import '../setup/repo.js';\nexport const db = 1;\n");
  write('shared/a.ts', "import { b } from './b.js';\nexport const a = b;\n");
  write('shared/b.ts', 'export const b = 1;\n');
  const small = importGraph(root, ['electron', 'shared']);

  it('finds a cycle of type-only imports and one of export … from', () => {
    expect(findCycles(small)).toEqual([
      ['electron/core/compile/rank.ts', 'electron/core/setup/handlers.ts'],
      ['electron/core/deps.ts', 'electron/core/setup/repo.ts'],
    ]);
  });

  it('names a domain importing another domain, and platform importing a domain', () => {
    expect(roomViolations(small)).toEqual([
      'electron/core/compile/rank.ts → electron/core/setup/handlers.ts',
      'electron/core/platform/db.ts → electron/core/setup/repo.ts',
      'electron/core/setup/handlers.ts → electron/core/compile/rank.ts',
    ]);
  });
});
