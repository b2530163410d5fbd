/**
 * No import cycle anywhere, and each domain of the core keeps to its room (docs/architecture.md: a domain imports
 * `platform/`, `shared/` and itself, nothing else, besides the core's wiring `deps.ts` and `app.ts`).
 * Reads every .ts/.tsx under electron/, shared/ and renderer/src/, takes each import, `export … from`, dynamic
 * `import()` and `require()` (type-only imports count: they tie files together just the same), resolves the
 * relative ones to files, and finds the strongly connected components (Tarjan). Prints every cycle and every rule
 * broken; exits 1 if there is any. Run: npx tsx scripts/cycles.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FOLDERS = ['electron', 'shared', 'renderer/src'];

/** Files by their path relative to the root (with `/`), each with the files it imports. */
export type Graph = Map<string, string[]>;

function sourceFiles(root: string, folder: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules') found.push(...sourceFiles(root, join(folder, name)));
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) found.push(toKey(join(folder, name)));
  }
  return found;
}

function toKey(path: string): string {
  return path.split(sep).join('/');
}

/** `./x.js` → `x.ts`, `x.tsx`, `x/index.ts`…, as TypeScript's NodeNext resolution reads it. */
function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(root, dirname(from), specifier);
  const stem = base.replace(/\.(c|m)?js$|\.(c|m)?jsx$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  for (const candidate of candidates) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return toKey(relative(root, candidate));
  }
  return null;
}

/** The import graph of the given folders under `root`. */
export function importGraph(root: string = ROOT, folders: string[] = FOLDERS): Graph {
  const graph: Graph = new Map();
  for (const file of folders.flatMap((folder) => sourceFiles(root, folder))) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((imported) => resolveSpecifier(root, file, imported.fileName))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle: each strongly connected component of more than one file, or a file importing itself (Tarjan). */
export function findCycles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const CORE = 'electron/core/';
/** Folders of the core that are not domains: the layer under them and the HTTP bridge. */
const NOT_DOMAINS = new Set(['platform', 'bridge']);
/** The core's wiring a domain may use: what every handler receives, and the core built in one place. */
const WIRING = new Set([`${CORE}deps.ts`, `${CORE}app.ts`]);

/**
 * The imports outside their room found when this check was written, each a debt to pay, not a licence: the check
 * fails on any other, and test/unit/no-import-cycles.test.ts fails when one of these is gone (so the list shrinks).
 */
export const KNOWN_OUTSIDE_ROOM: readonly string[] = [];

/** Imports that break the room rule: a domain reaching another domain, or platform reaching above itself. */
export function roomViolations(graph: Graph): string[] {
  const violations: string[] = [];
  for (const [file, targets] of [...graph.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.startsWith(CORE)) continue;
    const parts = file.slice(CORE.length).split('/');
    if (parts.length < 2) continue; // the wiring itself (app.ts, deps.ts, handlers.ts)
    const room = parts[0]!;
    if (room === 'bridge') continue;
    for (const target of targets) {
      if (target.startsWith('shared/')) continue;
      if (target.startsWith(`${CORE}platform/`) || target.startsWith(`${CORE}${room}/`)) continue;
      if (!NOT_DOMAINS.has(room) && WIRING.has(target)) continue;
      violations.push(`${file} → ${target}`);
    }
  }
  return violations.sort();
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const cycles = findCycles(graph);
  const violations = roomViolations(graph);
  const fresh = violations.filter((violation) => !KNOWN_OUTSIDE_ROOM.includes(violation));
  for (const cycle of cycles) console.log(`cycle: ${cycle.join(' ↔ ')}`);
  for (const violation of violations) {
    console.log(`outside its room${KNOWN_OUTSIDE_ROOM.includes(violation) ? ' (known)' : ''}: ${violation}`);
  }
  console.log(`${graph.size} files, ${cycles.length} cycles, ${violations.length} imports outside their room (${fresh.length} new)`);
  process.exitCode = cycles.length + fresh.length > 0 ? 1 : 0;
}
