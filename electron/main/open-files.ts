/**
 * The .penilai files the app was asked to open: on Windows and Linux their paths come on the command line (a
 * double-click, "Open with", or a second launch forwarded to the running app); macOS sends `open-file` events.
 */
import { resolve } from 'node:path';

/** The package paths among command-line arguments (after the executable), resolved; `--db FILE` is skipped. */
export function openedPaths(args: readonly string[], cwd: string = process.cwd()): string[] {
  const paths: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--db') i += 1;
    else if (!arg.startsWith('-') && /\.penilai$/i.test(arg)) paths.push(resolve(cwd, arg));
  }
  return paths;
}
