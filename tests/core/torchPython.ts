// Runs generated PyTorch scripts with Debian's python3-torch. Importing torch
// takes a second or two, so scripts are run many to one process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

function probeTorch(): boolean {
  const result = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return result.status === 0;
}

export const HAS_TORCH = probeTorch();
const IN_CI = process.env.CI === 'true';
/**
 * Whether the PyTorch tests run: always in CI (where a missing torch must
 * fail them), elsewhere only when torch is installed.
 */
export const RUN_TORCH_TESTS = HAS_TORCH || IN_CI;

export function warnIfSkipped(what: string): void {
  if (!RUN_TORCH_TESTS) {
    console.warn(
      `\n*** ${what}: SKIPPED, because ${PYTHON} cannot import torch. Install Debian's python3-torch ` +
        '(apt-get install python3-torch) to run them; under CI=true they fail instead. ***\n',
    );
  }
}

export interface ScriptResult {
  ok: boolean;
  stdout: string;
  error?: string;
}

/**
 * Runs each script as __main__ in one Python process (torch is imported
 * once), capturing each one's output and any exception separately.
 */
const DRIVER = `
import contextlib, io, json, runpy, sys, traceback
results = []
for path in sys.argv[1:]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
        results.append({"ok": True, "stdout": out.getvalue()})
    except BaseException:
        results.append({"ok": False, "stdout": out.getvalue(), "error": traceback.format_exc()})
print(json.dumps(results))
`;

export function runScripts(scripts: readonly string[]): ScriptResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'epoch-lab-torch-'));
  try {
    const paths = scripts.map((script, i) => {
      const path = join(dir, `script${i}.py`);
      writeFileSync(path, script);
      return path;
    });
    const result = spawnSync(PYTHON, ['-c', DRIVER, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`python failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout) as ScriptResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one script as its own process, exactly as a user would: `python3 script.py`. */
export function runScriptAlone(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(PYTHON, ['-'], { input: script, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface EpochLine {
  epoch: number;
  loss: number;
  w1: number;
  w2: number;
  /** Printed only by scripts of runs with a validation set (val > 0). */
  valLoss?: number;
}

/** The exact per-epoch line the scripts print: `epoch <e> loss <loss> w <w1> <w2>`, numbers as Python's repr. */
export const EPOCH_LINE = /^epoch (\d+) loss (\S+) w (\S+) (\S+)(?: val_loss (\S+))?$/;
const PYTHON_FLOAT = /^(-?(\d+\.\d+(e[+-]\d+)?|\d+e[+-]\d+)|nan|-?inf)$/;

/** Parses the printed epoch lines, checking every line has the exact format. */
export function parseEpochLines(stdout: string): EpochLine[] {
  const lines = stdout.trimEnd().split('\n');
  return lines.map((line) => {
    const match = EPOCH_LINE.exec(line);
    if (!match) throw new Error(`not an epoch line: ${JSON.stringify(line)}`);
    for (const number of match.slice(2).filter((n) => n !== undefined)) {
      if (!PYTHON_FLOAT.test(number)) throw new Error(`not a Python float repr: ${number} in ${JSON.stringify(line)}`);
    }
    const [, epoch, loss, w1, w2, valLoss] = match;
    const row: EpochLine = { epoch: Number(epoch), loss: Number(loss), w1: Number(w1), w2: Number(w2) };
    if (valLoss !== undefined) row.valLoss = Number(valLoss);
    return row;
  });
}

/** |a − b| as a fraction of the larger magnitude. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
}
