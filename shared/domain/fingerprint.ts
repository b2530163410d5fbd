/**
 * How packages between laptops are shown to people (the Paket screen, the juror's "Kirim nilai"): key fingerprints
 * to read aloud, the board's legend (a symbol and a word for each state, never colour alone), which plan cells show.
 */
import type { BoardState, CellSide, CellStatus } from '../contract/exchange.js';

/**
 * A key fingerprint ("8 groups of 4 hex digits") in two lines of four groups, to be read aloud and compared; any
 * other text is returned as one line.
 */
export function fingerprintLines(fingerprint: string): string[] {
  const groups = fingerprint.trim().split(/\s+/);
  if (groups.length !== 8) return [fingerprint];
  return [groups.slice(0, 4).join(' '), groups.slice(4).join(' ')];
}

/** The first two groups, enough to tell laptops apart in a table ("3f2a 91c0 …"). */
export function shortFingerprint(fingerprint: string): string {
  const groups = fingerprint.trim().split(/\s+/);
  return groups.length > 2 ? `${groups.slice(0, 2).join(' ')} …` : fingerprint;
}

/** The board's legend: each state has a symbol and a word, never colour alone. */
export const BOARD_LEGEND: readonly { state: BoardState; symbol: string }[] = [
  { state: 'none', symbol: '○' },
  { state: 'scoring', symbol: '◐' },
  { state: 'finalised', symbol: '●' },
  { state: 'reopened', symbol: '↺' },
];

export function boardSymbol(state: BoardState): string {
  return BOARD_LEGEND.find((l) => l.state === state)?.symbol ?? '?';
}

/** The cells a plan shows: only what the package changes, unless everything is asked for. */
export function visibleCells<T extends { status: CellStatus }>(cells: readonly T[], all: boolean): T[] {
  return all ? [...cells] : cells.filter((c) => c.status !== 'unchanged');
}

/** Whether a side holds anything (a score, a note or household answers). */
export function isEmptySide(side: CellSide): boolean {
  return side.value === null && side.note === null && side.household === null;
}
