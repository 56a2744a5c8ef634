import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSchedule } from '../../../src/core/schedule.ts';
import type { RunStatus } from '../../../src/store/runTypes.ts';
import type { CaptionInput } from '../../../src/panels/captions/captionInput.ts';
import { captionFor } from '../../../src/panels/captions/captionFor.ts';
import { validSettings } from '../../support/arbitraries.ts';
import { epochRecords } from './captionFixture.ts';

const STATUSES: RunStatus[] = ['idle', 'running', 'paused', 'done', 'diverged', 'error'];
/** Any double, with NaN, ±∞, ±0 and huge values all likely. */
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e300, -1e-300));
const weights = fc.tuple(anyNumber, anyNumber);

const plausibleInput: fc.Arbitrary<CaptionInput> = fc
  .record({
    settings: validSettings,
    rows: fc.array(fc.record({ loss: anyNumber, w: weights }), { maxLength: 6 }),
    status: fc.constantFrom(...STATUSES),
    message: fc.option(fc.constantFrom('', '  ', 'The worker stopped', 'Diverged at step 3 (epoch 1): the loss overflowed.'), { nil: null }),
    now: fc.record({ step: fc.oneof(fc.nat(), anyNumber), w1: anyNumber, w2: anyNumber, loss: anyNumber }),
    epochStartW: fc.option(weights, { nil: null }),
    epochStartLoss: anyNumber,
    orderHead: fc.option(fc.array(fc.oneof(fc.nat(), anyNumber), { maxLength: 3 }), { nil: null }),
    distinctExamples: fc.option(fc.oneof(fc.nat(), anyNumber), { nil: null }),
    optimum: fc.option(fc.record({ w: weights, loss: anyNumber, product: fc.option(anyNumber, { nil: undefined }), unique: fc.boolean() }), { nil: null }),
    maxStableLr: anyNumber,
    initialLoss: anyNumber,
  })
  .map(({ settings, rows, ...rest }) => {
    const schedule = createSchedule(settings);
    return { runId: 'run', settings, schedule, epochs: epochRecords(rows, schedule.stepsPerEpoch), ...rest };
  });

describe('captionFor on arbitrary plausible input', () => {
  it('never throws and always gives one or two non-empty sentences, each ending with a full stop', () => {
    fc.assert(
      fc.property(plausibleInput, (input) => {
        const sentences = captionFor(input);
        expect(sentences.length).toBeGreaterThanOrEqual(1);
        expect(sentences.length).toBeLessThanOrEqual(2);
        for (const sentence of sentences) {
          expect(sentence.trim().length).toBeGreaterThan(0);
          expect(sentence).toMatch(/\.$/);
          expect(sentence).not.toMatch(/undefined|null|\[object/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
