/** Runs the command line exactly as contract.md section 1 says: `npm run --silent cli -- <command> [options]`. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from './core.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

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
