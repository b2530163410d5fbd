/**
 * Closing or reloading the window with unsaved setup edits asks first. The renderer holds the unload with a
 * `beforeunload` handler while edits are unsaved (the same one the browser mode uses); Electron then emits
 * `will-prevent-unload` instead of closing without a word, and this asks the person. "Discard" lets the window
 * close (preventDefault on this event means: ignore the page's hold); "Back" keeps it open. The edits also stay
 * in localStorage and are offered back on the next start. Electron is only a type here: tests use stand-ins.
 */
import type { Event, WebContents } from 'electron';

export interface UnloadQuestion {
  title: string;
  message: string;
  detail: string;
  /** [discard and close, go back]; "go back" is the default and the answer to Escape. */
  buttons: [string, string];
}

/** In both languages: main does not know which one the window shows. */
export const UNSAVED_QUESTION: UnloadQuestion = {
  title: 'Penilai',
  message: 'Ada perubahan yang belum disimpan. / There are unsaved changes.',
  detail:
    'Perubahan pengaturan lomba belum disimpan; bila jendela ditutup, perubahan itu dibuang.\n' +
    'The competition setup has changes that are not saved; closing the window discards them.',
  buttons: ['Buang perubahan dan tutup / Discard and close', 'Kembali / Go back'],
};

/** Asks (through `ask`, which returns the index of the chosen button) whenever the page holds its unload. */
export function askBeforeUnload(contents: Pick<WebContents, 'on'>, ask: (question: UnloadQuestion) => number): void {
  contents.on('will-prevent-unload', (event: Event) => {
    if (ask(UNSAVED_QUESTION) === 0) event.preventDefault();
  });
}
