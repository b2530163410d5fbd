/**
 * `parseLedgerFile` and `parseWork` (shared/domain/package.ts) read `ledger.json` and `work.json` faster than the
 * schemas alone: each must accept exactly what its schema accepts. Checked on a valid member and on 3,000 seeded
 * mutations of each (a field removed, added, retyped, lengthened, a hash made invalid, an entry made a link…).
 */
import { describe, expect, it } from 'vitest';
import { ledgerFileSchema, parseLedgerFile, parseWork, workSchema } from '../../shared/domain/package.js';
import { seededRandom } from '../../shared/domain/synthetic.js';

const hex = (n: number) => n.toString(16).padStart(64, '0');
function aLedger(): Record<string, unknown> {
  const entries: unknown[] = [];
  for (let seq = 1; seq <= 6; seq += 1) {
    if (seq === 3) {
      entries.push({ seq, prevHash: hex(seq - 1), hash: hex(seq) });
      continue;
    }
    entries.push({
      seq,
      format: 2,
      prevHash: hex(seq - 1),
      hash: hex(seq),
      uuid: `e${seq}`,
      competition: 'JABAR',
      kind: 'score',
      site: 'S01',
      juror: 'J1',
      indicator: 'A1',
      oldValue: null,
      newValue: 3,
      oldText: null,
      newText: null,
      instrumentVersion: 1,
      actor: 'J1',
      device: '3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10',
      reason: null,
      at: '2026-09-08T02:00:00.000Z',
      undoes: null,
      payload: null,
      v: null,
    });
  }
  return { chain: '3f2b8c1e-5d4a-4c2b-9e1f-0a6b7c8d9e10', entries };
}

const VALUES: unknown[] = [null, 0, -1, 1.5, 2 ** 60, NaN, '', 'x', 'x'.repeat(101), 'g'.repeat(64), [], {}, true, hex(9)];

function mutate(ledger: Record<string, unknown>, random: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const copy = structuredClone(ledger) as { chain: unknown; entries: Record<string, unknown>[] } & Record<string, unknown>;
  const what = Math.floor(random() * 6);
  if (what === 0) copy[pick(['chain', 'entries', 'extra'])] = pick(VALUES);
  else {
    const entry = pick(copy.entries);
    const keys = Object.keys(entry);
    if (what === 1) delete entry[pick(keys)];
    else if (what === 2) entry[pick(['extra', ...keys])] = pick(VALUES);
    else if (what === 3) copy.entries[copy.entries.indexOf(entry)] = pick(VALUES) as Record<string, unknown>;
    else if (what === 4) for (const k of keys.filter((k) => !['seq', 'prevHash', 'hash'].includes(k))) delete entry[k];
    else entry[pick(keys)] = pick(VALUES);
  }
  return copy;
}

describe('parseLedgerFile', () => {
  it('accepts a valid ledger as the schema reads it', () => {
    const ledger = aLedger();
    expect(parseLedgerFile(ledger)).toEqual(ledgerFileSchema.parse(ledger));
  });

  it('accepts exactly what the schema accepts, on 3,000 mutations', () => {
    const random = seededRandom(9);
    let refused = 0;
    for (let i = 0; i < 3000; i += 1) {
      const value = mutate(aLedger(), random);
      const schema = ledgerFileSchema.safeParse(value).success;
      expect(parseLedgerFile(value) !== null, JSON.stringify(value).slice(0, 300)).toBe(schema);
      if (!schema) refused += 1;
    }
    // Seeded: 2,229 of them make an invalid ledger; the rest (a null where null is allowed, a number for a number) keep it valid.
    expect(refused).toBe(2229);
  });
});

function aWork(): Record<string, unknown> {
  return {
    juror: 'J1',
    cells: [
      { site: 'S01', indicator: 'A1', value: 4, note: 'SK lengkap', answers: null },
      { site: 'S01', indicator: 'A2', value: null, note: null, answers: null },
      {
        site: 'S01',
        indicator: 'B1',
        value: 3,
        note: null,
        answers: [
          [true, false],
          [true, null],
        ],
      },
    ],
    sheets: [{ site: 'S01', finalisedAt: null, signature: null }],
    photos: [],
  };
}

function mutateWork(work: Record<string, unknown>, random: () => number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const copy = structuredClone(work) as { cells: Record<string, unknown>[] } & Record<string, unknown>;
  const what = Math.floor(random() * 5);
  if (what === 0) copy[pick(['juror', 'cells', 'sheets', 'photos', 'extra'])] = pick(VALUES);
  else {
    const cell = pick(copy.cells);
    const keys = Object.keys(cell);
    if (what === 1) delete cell[pick(keys)];
    else if (what === 2) cell[pick(['extra', ...keys])] = pick(VALUES);
    else if (what === 3) copy.cells[copy.cells.indexOf(cell)] = pick(VALUES) as Record<string, unknown>;
    else cell[pick(keys)] = pick([...VALUES, [[true]], [[null, 1]]]);
  }
  return copy;
}

describe('parseWork', () => {
  it('accepts a valid work as the schema reads it', () => {
    const work = aWork();
    expect(parseWork(work)).toEqual(workSchema.parse(work));
  });

  it('accepts exactly what the schema accepts, on 3,000 mutations', () => {
    const random = seededRandom(11);
    let refused = 0;
    for (let i = 0; i < 3000; i += 1) {
      const value = mutateWork(aWork(), random);
      const schema = workSchema.safeParse(value).success;
      expect(parseWork(value) !== null, JSON.stringify(value).slice(0, 300)).toBe(schema);
      if (!schema) refused += 1;
    }
    expect(refused).toBe(2646);
  });
});
