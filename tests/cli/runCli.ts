// Runs the real command-line tool in a child process, as `npm run sim` does.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI_ARGS = ['--import', 'tsx', 'src/cli/main.ts'];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], input?: string): CliResult {
  const result = spawnSync(process.execPath, [...CLI_ARGS, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Starts the CLI, reads stdout until `enough` lines have arrived, then closes
 * the pipe as `| head` does, and reports how the process ended.
 */
export function runCliAndCloseEarly(args: readonly string[], enough: number): Promise<CliResult & { lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    let closed = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (closed) return;
      stdout += chunk;
      if (stdout.split('\n').length > enough) {
        closed = true;
        child.stdout.destroy();
      }
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, lines: stdout.split('\n').slice(0, enough) }));
  });
}

/**
 * Runs the CLI with stdout and stderr on a pseudo-terminal, through util-linux's
 * `script` (always installed on Debian), and returns what the terminal showed.
 */
export function runCliOnTerminal(args: readonly string[]): { status: number | null; screen: string } {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, ...CLI_ARGS, ...args].map(quote).join(' ');
  const result = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, screen: result.stdout };
}
