/** The Paket screen's pure helpers: fingerprints to read aloud, the board's legend, which plan cells are shown. */
import { describe, expect, it } from 'vitest';
import {
  BOARD_LEGEND,
  boardSymbol,
  fingerprintLines,
  isEmptySide,
  shortFingerprint,
  visibleCells,
} from '../../shared/domain/fingerprint.js';

const FP = '3f2a 91c0 77de 0b1c 5e6f a0b1 c2d3 e4f5';

describe('fingerprints for people', () => {
  it('are split into two lines of four groups, to read aloud', () => {
    expect(fingerprintLines(FP)).toEqual(['3f2a 91c0 77de 0b1c', '5e6f a0b1 c2d3 e4f5']);
    expect(fingerprintLines(`  ${FP.replaceAll(' ', '  ')} `)).toEqual(['3f2a 91c0 77de 0b1c', '5e6f a0b1 c2d3 e4f5']);
  });

  it('leave anything else whole', () => {
    expect(fingerprintLines('—')).toEqual(['—']);
    expect(fingerprintLines('3f2a 91c0')).toEqual(['3f2a 91c0']);
  });

  it('are shortened to their first two groups in tables', () => {
    expect(shortFingerprint(FP)).toBe('3f2a 91c0 …');
    expect(shortFingerprint('—')).toBe('—');
  });
});

describe('the board legend', () => {
  it('gives every state its own symbol (never colour alone), in the order a sheet goes through', () => {
    expect(BOARD_LEGEND.map((l) => l.state)).toEqual(['none', 'scoring', 'finalised', 'reopened']);
    expect(new Set(BOARD_LEGEND.map((l) => l.symbol)).size).toBe(4);
    expect(['none', 'scoring', 'finalised', 'reopened'].map((s) => boardSymbol(s as never))).toEqual(['○', '◐', '●', '↺']);
  });
});

describe('the cells of a plan', () => {
  const cells = [
    { site: 'S01', indicator: 'A1', status: 'unchanged' as const },
    { site: 'S01', indicator: 'A2', status: 'new' as const },
    { site: 'S02', indicator: 'A1', status: 'conflict' as const },
    { site: 'S02', indicator: 'A2', status: 'changed' as const },
  ];

  it('show only what the package changes by default, everything when asked', () => {
    expect(visibleCells(cells, false).map((c) => `${c.site}/${c.indicator}`)).toEqual(['S01/A2', 'S02/A1', 'S02/A2']);
    expect(visibleCells(cells, true)).toEqual(cells);
  });

  it('tell an empty side from one holding a value, a note or household answers', () => {
    const empty = { value: null, note: null, household: null, actor: null, device: null, at: null };
    expect(isEmptySide(empty)).toBe(true);
    expect(isEmptySide({ ...empty, value: 0 })).toBe(false);
    expect(isEmptySide({ ...empty, note: '' })).toBe(false);
    expect(isEmptySide({ ...empty, household: { families: 1, yes: 0, answered: 0 } })).toBe(false);
  });
});
