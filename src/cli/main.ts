// `npm run sim`: the engine of the web page on the command line. This file is
// the only one here that touches the process; parsing and formatting are pure.
import { createTrainer, generateData, stateAt } from '../core/index.ts';
import { pytorchScript } from '../core/pytorchScript.ts';
import { createEpochRecords, createStepRecords } from '../core/records.ts';
import { appendStartRow, reportOfTrainer } from '../core/runReport.ts';
import { parseArgs } from './args.ts';
import { csvHeader, csvRows, hasValidation, reportJson, summaryText } from './format.ts';
import { helpText } from './help.ts';
import { runTooLarge } from './limits.ts';
import { createProgress } from './progress.ts';
import { simulate } from './simulate.ts';

const EXIT_OK = 0;
const EXIT_USAGE = 2;

/**
 * Writes to stdout, waiting when the pipe is full so a slow reader never
 * makes the CSV pile up in memory. Resolves false once the reader has gone
 * (e.g. `| head`): the run then stops quietly, as other Unix tools do.
 */
function createOutput(stream: NodeJS.WriteStream) {
  let closed = false;
  let wake: (() => void) | null = null;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    wake?.();
  });
  return {
    get closed() {
      return closed;
    },
    async write(text: string): Promise<boolean> {
      if (closed) return false;
      if (!stream.write(text)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          stream.once('drain', resolve);
        });
        wake = null;
      }
      return !closed;
    },
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  const out = createOutput(process.stdout);
  if (command.kind === 'help') {
    await out.write(helpText());
    return EXIT_OK;
  }
  if (command.kind === 'error') {
    for (const message of command.messages) process.stderr.write(`sim: ${message}\n`);
    process.stderr.write('sim: nothing was run; see --help for every flag and its range\n');
    return EXIT_USAGE;
  }
  const { settings, output } = command;
  if (output === 'pytorch') {
    await out.write(pytorchScript(settings, generateData(settings)));
    return EXIT_OK;
  }

  const trainer = createTrainer(settings);
  const tooLarge = runTooLarge(settings, trainer.schedule);
  if (tooLarge) {
    process.stderr.write(`sim: ${tooLarge}\nsim: nothing was run\n`);
    return EXIT_USAGE;
  }

  if (command.at !== undefined) {
    // The engine's own replay to a step, as the page's timeline uses: the report of the run as it stood there.
    const epochs = createEpochRecords(settings.epochs);
    const atStep = stateAt(settings, command.at, null, { epochs, sameRun: trainer });
    await out.write(`${JSON.stringify(reportJson(reportOfTrainer(atStep, epochs)))}\n`);
    return EXIT_OK;
  }

  // Progress on stderr only when it is a terminal, and not over CSV rows streaming to the same terminal.
  const progress = output === 'csv' && process.stdout.isTTY ? createProgress(0, { isTTY: false, write: () => true }) : createProgress(trainer.schedule.totalSteps, process.stderr);
  if (output === 'csv') {
    // Step 0, the starting state, first: the page's steps CSV starts the same way.
    const start = createStepRecords(1);
    appendStartRow(trainer, start);
    const withVal = hasValidation(settings);
    if (!(await out.write(csvHeader(withVal) + csvRows(start, withVal)))) return EXIT_OK;
    const report = await simulate(trainer, (steps) => out.write(csvRows(steps, withVal)), progress.update);
    progress.done();
    if (!out.closed && report.message !== null) process.stderr.write(`sim: ${report.message}\n`);
    return EXIT_OK;
  }

  const report = await simulate(trainer, undefined, progress.update);
  progress.done();
  if (output === 'json') {
    await out.write(`${JSON.stringify(reportJson(report))}\n`);
  } else {
    await out.write(summaryText(report));
    if (!out.closed && report.message !== null) process.stderr.write(`sim: ${report.message}\n`);
  }
  return EXIT_OK;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sim: unexpected failure (a bug, please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
