import { describe, expect, it } from 'vitest';
import { createTrainer, packedCheckpointLength, stateAt } from '../../src/core/index.ts';
import { Checkpoints, CORE_CHECKPOINTS, FIRST_SPACING } from '../../src/worker/checkpoints.ts';
import { settings } from './runnerHarness.ts';

describe('checkpoints of a run', () => {
  it('stay within their count and bytes as they thin, evenly spaced, each resuming to the straight run’s state', () => {
    const max = 8;
    const run = settings({ n: 500, b: 7, shuffle: 'epoch', optimizer: 'adam', lr: 0.01, val: 0.2, epochs: 4000 });
    const trainer = createTrainer(run);
    const checkpoints = new Checkpoints(CORE_CHECKPOINTS, max);
    const row = (packedCheckpointLength(run) + 2) * Float64Array.BYTES_PER_ELEMENT;
    while (trainer.status === 'running') {
      trainer.advance(checkpoints.stepsUntilDue(trainer), null, null);
      checkpoints.offer(trainer);
      expect(checkpoints.count).toBeLessThanOrEqual(max);
      expect(checkpoints.bytes).toBeLessThanOrEqual(max * row);
    }
    // 4000 epochs of 500 gradients is 2·10⁶: the first spacing has doubled twice.
    expect(checkpoints.spacing).toBeGreaterThan(FIRST_SPACING);
    expect(checkpoints.count).toBeGreaterThanOrEqual(max / 2);
    const { steps, spacing } = checkpoints;
    const examples: number[] = [];
    for (const step of steps) {
      const resumed = checkpoints.nearest(run, step, trainer)!;
      examples.push(resumed.examples);
      const straight = stateAt(run, step);
      for (const key of ['step', 'examples', 'epoch', 'w1', 'w2', 'loss', 'batchLoss', 'valLoss'] as const) expect(Object.is(resumed[key], straight[key]), `${key} at ${step}`).toBe(true);
      expect(Array.from(resumed.currentBatch())).toEqual(Array.from(straight.currentBatch()));
    }
    // Each a spacing after the last, give or take the batches that overshot it.
    for (let i = 1; i < examples.length; i++) expect(examples[i] - examples[i - 1]).toBeGreaterThanOrEqual(spacing);
    for (let i = 1; i < examples.length; i++) expect(examples[i] - examples[i - 1]).toBeLessThan(spacing * 1.01);
    // Before the first checkpoint, a trainer at step 0.
    expect(checkpoints.nearest(run, steps[0] - 1, trainer)!.step).toBe(0);
  });

  it('keep none of a stopped run, whose last state is the trainer itself', () => {
    const trainer = createTrainer(settings({ n: 1000, b: 10, epochs: 100 }));
    const checkpoints = new Checkpoints(CORE_CHECKPOINTS);
    trainer.advance(Infinity, null, null);
    expect(trainer.status).toBe('done');
    expect(trainer.examples).toBeGreaterThan(FIRST_SPACING);
    checkpoints.offer(trainer);
    expect(checkpoints.count).toBe(0);
  });
});
