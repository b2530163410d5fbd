import { describe, expect, it } from 'vitest';
import { evidenceRequired, reviewSheet } from '../../shared/domain/review.js';

const A1 = { code: 'A1', evidence: { noteAt: ['1', '5'], photoAt: ['5'] } };
const A2 = { code: 'A2' };
const A3 = { code: 'A3', evidence: { noteAt: ['2.5'] } };

describe('evidenceRequired: what the rubric asks for at the level given', () => {
  it('nothing before a score; a note or a photo at the listed levels, within 1e-9', () => {
    expect(evidenceRequired(A1, undefined)).toEqual({ note: false, photo: false });
    expect(evidenceRequired(A1, null)).toEqual({ note: false, photo: false });
    expect(evidenceRequired(A1, 1)).toEqual({ note: true, photo: false });
    expect(evidenceRequired(A1, 3)).toEqual({ note: false, photo: false });
    expect(evidenceRequired(A1, 5)).toEqual({ note: true, photo: true });
    expect(evidenceRequired(A3, 2.5000000001)).toEqual({ note: true, photo: false });
    expect(evidenceRequired({ evidence: {} }, 5)).toEqual({ note: false, photo: false });
  });
});

describe('reviewSheet: what stands between a sheet and its finalisation', () => {
  const none = { scores: new Map<string, number>(), notes: new Map<string, string>(), photos: new Set<string>() };

  it('every unscored indicator, in the order given, and nothing else for them', () => {
    expect(reviewSheet({ ...none, indicators: [A1, A2, A3] })).toEqual([
      { indicator: 'A1', need: 'score' },
      { indicator: 'A2', need: 'score' },
      { indicator: 'A3', need: 'score' },
    ]);
  });

  it('a note (blank is none) and a photo where the level asks for them; ready when all is there', () => {
    const scores = new Map([
      ['A1', 5],
      ['A2', 1],
      ['A3', 2.5],
    ]);
    expect(reviewSheet({ ...none, scores, notes: new Map([['A1', '   ']]), indicators: [A1, A2, A3] })).toEqual([
      { indicator: 'A1', need: 'note' },
      { indicator: 'A1', need: 'photo' },
      { indicator: 'A3', need: 'note' },
    ]);
    const notes = new Map([
      ['A1', 'SK ada'],
      ['A3', 'sebagian'],
    ]);
    expect(reviewSheet({ scores, notes, photos: new Set(['A1']), indicators: [A1, A2, A3] })).toEqual([]);
    // an indicator not on the sheet (not eligible) is not asked for, whatever is stored for it
    expect(reviewSheet({ ...none, scores: new Map([['A1', 5]]), indicators: [A2] })).toEqual([{ indicator: 'A2', need: 'score' }]);
  });
});
