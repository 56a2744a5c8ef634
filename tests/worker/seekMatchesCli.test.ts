// A seek's answer is the CLI's `--json --at` report at that step: the worker,
// replaying from its nearest checkpoint, and the command line, training
// straight from step 0 in its own process, print the same weights, loss,
// validation loss and epoch rows (issue 14: "a test compares it with the CLI's --at report").
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import type { ReportJson } from '../../src/cli/format.ts';
import type { OutMessage } from '../../src/worker/protocol.ts';
import { runCli } from '../cli/runCli.ts';
import { Harness } from './runnerHarness.ts';

type Seeked = Extract<OutMessage, { type: 'seeked' }>;

// Each run computes well over the first checkpoint's spacing of example gradients, so seeks replay from checkpoints.
const RUNS: Record<string, string[]> = {
  epoch: ['--n', '2000', '--b', '7', '--shuffle', 'epoch', '--mom', '0.5', '--epochs', '200', '--seed', '4'],
  fullBatch: ['--n', '3000', '--b', '3000', '--shuffle', 'replacement', '--decay', '0.01', '--epochs', '100', '--seed', '9'],
  adam: ['--n', '1500', '--b', '16', '--k', '2', '--shuffle', 'batches', '--optimizer', 'adam', '--lr', '0.05', '--restart', '--val', '0.2', '--epochs', '120'],
};

function settingsOf(flags: string[]) {
  const command = parseArgs([...flags, '--json']);
  if (command.kind !== 'run') throw new Error(`bad flags ${flags.join(' ')}`);
  return command.settings;
}

/** The valLoss column of a run's epoch rows as the worker sent them, or undefined when it has no validation set. */
function epochValLoss(h: Harness, id: string): number[] | undefined {
  const runs = h.chunks().flatMap((c) => c.runs.filter((r) => r.id === id));
  if (runs.every((r) => r.epochs.valLoss === undefined)) return undefined;
  return runs.flatMap((r) => Array.from(r.epochs.valLoss!.subarray(0, r.epochs.length)));
}

function cliAt(flags: string[], at: number): ReportJson {
  const result = runCli([...flags, '--json', '--at', String(at)]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as ReportJson;
}

describe('a seek answer equals the CLI’s --at report', () => {
  it('for SGD with momentum, full batches with decay, and Adam with restarts and a validation set', () => {
    const h = new Harness(0.02);
    h.configure(Object.entries(RUNS).map(([id, flags]) => ({ id, settings: settingsOf(flags) })));
    h.send({ type: 'speed', stepsPerSecond: 'max' });
    h.send({ type: 'play' });
    h.runUntilSettled(120_000);
    expect(h.lastStatus().status).toBe('done');
    for (const f of h.runner.footprint()) expect(f.checkpoints, f.id).toBeGreaterThan(2);
    let request = 1;
    for (const [id, flags] of Object.entries(RUNS)) {
      const reach = h.stepOf(id);
      // Mid-epoch, just after an epoch's end, and late in the run, all between checkpoints.
      for (const at of [Math.floor(reach / 3) + 1, Math.floor(reach / 2), reach - 5]) {
        h.send({ type: 'seek', id, step: at, request });
        const answer = h.posted.at(-1)!.message as Seeked;
        expect(answer.type).toBe('seeked');
        expect(answer.request).toBe(request++);
        const state = answer.state!;
        const cli = cliAt(flags, at);
        const where = `${id} at step ${at}`;
        expect(state.step, where).toBe(at);
        expect({ step: cli.final.step, w: cli.final.w, loss: cli.final.loss }, where).toEqual({ step: at, w: [state.w1, state.w2], loss: state.loss });
        // The validation loss at the step: the CLI prints it only for a run with a validation set, and the seek's is NaN without one.
        if (flags.includes('--val')) expect(cli.final.valLoss, where).toBe(state.valLoss);
        else expect({ cli: cli.final.valLoss, seek: state.valLoss }, where).toEqual({ cli: undefined, seek: NaN });
        expect(cli.epochs.length, where).toBe(state.epoch);
        // The epoch rows the worker sent the page, up to that step, are the CLI's rows.
        const step = h.epochColumn(id, 'step');
        const rows = step.filter((s) => s <= at).length;
        expect(rows, where).toBe(cli.epochs.length);
        const loss = h.epochColumn(id, 'loss');
        const mean = h.epochColumn(id, 'meanBatchLoss');
        const w1 = h.epochColumn(id, 'w1');
        const w2 = h.epochColumn(id, 'w2');
        const valLoss = epochValLoss(h, id);
        cli.epochs.forEach((row, i) => {
          expect({ epoch: row.epoch, step: row.step, loss: row.loss, meanBatchLoss: row.meanBatchLoss, w: row.w, valLoss: row.valLoss }, `${where}, epoch ${i + 1}`).toEqual({
            epoch: i + 1,
            step: step[i],
            loss: loss[i],
            meanBatchLoss: mean[i],
            w: [w1[i], w2[i]],
            valLoss: valLoss?.[i],
          });
        });
      }
    }
  });
});
