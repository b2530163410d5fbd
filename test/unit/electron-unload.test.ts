/**
 * The window's close with unsaved setup edits, driven with a stand-in webContents: Electron emits
 * `will-prevent-unload` when the page's beforeunload handler holds the unload; the shell asks, and only the
 * answer "discard" lets the window close.
 */
import { EventEmitter } from 'node:events';
import type { Event, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { askBeforeUnload, UNSAVED_QUESTION, type UnloadQuestion } from '../../electron/main/unload.js';

/** A stand-in for Electron's event: records whether the unload was let through. */
function unloadEvent() {
  const event = { allowed: false, preventDefault: () => (event.allowed = true) };
  return event;
}

function contentsAnswering(answer: number) {
  const contents = new EventEmitter();
  const asked: UnloadQuestion[] = [];
  askBeforeUnload(contents as unknown as Pick<WebContents, 'on'>, (question) => {
    asked.push(question);
    return answer;
  });
  return { contents, asked };
}

describe('closing the window with unsaved edits', () => {
  it('asks, in both languages, and closes only when told to discard', () => {
    const discard = contentsAnswering(0);
    const closing = unloadEvent();
    discard.contents.emit('will-prevent-unload', closing as unknown as Event);
    expect(discard.asked).toEqual([UNSAVED_QUESTION]);
    expect(closing.allowed).toBe(true);
    expect(UNSAVED_QUESTION.buttons).toEqual(['Buang perubahan dan tutup / Discard and close', 'Kembali / Go back']);

    const back = contentsAnswering(1);
    const staying = unloadEvent();
    back.contents.emit('will-prevent-unload', staying as unknown as Event);
    expect(back.asked).toHaveLength(1);
    expect(staying.allowed).toBe(false);
  });

  it('asks nothing while the page does not hold the unload', () => {
    const { contents, asked } = contentsAnswering(0);
    contents.emit('did-finish-load');
    expect(asked).toEqual([]);
  });
});
