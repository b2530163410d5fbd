/**
 * A full garbage collection between the chunks of a long document. V8 grows its heap lazily: left alone, the
 * garbage of the chunks already laid out piles up (630 MB for 300 pages in chunks, measured) before a major
 * collection runs. One full collection per chunk (tens of milliseconds against seconds of layout) keeps the peak at
 * one chunk's worth. `gc` is exposed at run time (no command-line flag needed in Electron, the worker or the CLI).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

export function collectGarbage(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
}
