/**
 * The command line of contract.md section 1. `runCommand` runs a command in this process through the same entry
 * `npm run cli` uses (electron/cli/main.ts `runCli`), capturing what it writes and its exact exit code; `cli` runs
 * it as a real process, `npm run --silent cli -- <command> [options]`, for the one smoke test per command.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { runCli } from '../../electron/cli/main.js';
import { REPO_ROOT } from './core.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command in-process. Lines are joined as the real process writes them (each ends in a newline). While it
 * runs, process.exit throws and process.exitCode is watched: a command that tried to end the caller's process fails
 * the test instead of ending the test run.
 */
export async function runCommand(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exit = process.exit;
  const exitCodeBefore = process.exitCode;
  process.exit = ((code?: number) => {
    throw new Error(`process.exit(${code}) called in-process by: ${args.join(' ')}`);
  }) as typeof process.exit;
  try {
    const status = await runCli(args, {
      out: (text) => (stdout += text + '\n'),
      err: (text) => (stderr += text + '\n'),
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? {},
    });
    if (process.exitCode !== exitCodeBefore) throw new Error(`process.exitCode set in-process by: ${args.join(' ')}`);
    return { status, stdout, stderr };
  } finally {
    process.exit = exit;
  }
}

/** Runs one command as a real process, exactly as contract.md section 1 says. */
export function cli(args: string[]): CliRun {
  const run = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  return { status: run.status, stdout: run.stdout, stderr: stripNpmNoise(run.stderr) };
}

/** npm itself may warn about the machine's user config; that is not the CLI's output. */
function stripNpmNoise(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
}

/** The bytes of a database and its side files, to show that a failed command changed nothing. */
export function fingerprint(file: string): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    hash.update(`${suffix}:`);
    if (existsSync(file + suffix)) hash.update(readFileSync(file + suffix));
    else hash.update('absent');
  }
  return hash.digest('hex');
}
