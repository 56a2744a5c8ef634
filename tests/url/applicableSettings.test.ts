import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTrainer, DEFAULT_SETTINGS, type Settings } from '../../src/core/index.ts';
import { experimentToQuery, parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { DEFAULT_VIEW } from '../../src/url/view.ts';
import { withoutInapplicable } from '../../src/url/applicableSettings.ts';
import { validSettings } from '../support/arbitraries.ts';

function query(settings: Partial<Settings>, runs: Partial<Settings>[] = []): string {
  const edited = { ...DEFAULT_SETTINGS, ...settings };
  return experimentToQuery({ settings: edited, runs: runs.map((r) => ({ settings: { ...edited, ...r }, visible: true })), view: { ...DEFAULT_VIEW }, question: null });
}

/** Where a run stands after its first few steps: equal settings for the engine give equal numbers. */
function firstSteps(settings: Settings): number[] {
  const trainer = createTrainer(settings);
  trainer.advance(Math.min(25, trainer.schedule.totalSteps), null, null);
  return [trainer.step, trainer.w1, trainer.w2, trainer.loss];
}

/** Valid settings with small data, half of them with a batch size that divides n. */
const smallSettings = fc
  .tuple(validSettings, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 11 }))
  .map(([settings, b, batches, extra]) => ({ ...settings, n: b * batches + (extra % b), b }));

describe('settings that do not apply leave the URL', () => {
  it('rho with line data, and with the deep model, which always uses line data', () => {
    expect(query({ rho: 0.8 })).toBe('');
    expect(query({ rho: 0.8, model: 'deep' })).toBe('?model=deep');
    expect(query({ rho: 0.8, data: 'plane' })).toBe('?data=plane&rho=0.8');
  });

  it('drop-last when the batch size divides n', () => {
    expect(query({ drop: true })).toBe('');
    expect(query({ drop: true, b: 32 })).toBe('?b=32&drop=1');
  });

  it('mom under adam, but not under rmsprop, whose momentum it is', () => {
    expect(query({ mom: 0.9, optimizer: 'adam' })).toBe('?optimizer=adam');
    expect(query({ mom: 0.9, optimizer: 'rmsprop' })).toBe('?optimizer=rmsprop&mom=0.9');
    expect(query({ mom: 0.9 }, [{}, { optimizer: 'adam' }])).toBe('?mom=0.9&runs=base,optimizer:adam');
  });

  it('in compared runs too, and a run that needs them still carries them', () => {
    expect(query({ rho: 0.8 }, [{}, { data: 'plane' }, { shuffle: 'none' }])).toBe('?runs=base,data:plane~rho:0.8,shuffle:none');
    expect(query({ drop: true, b: 32 }, [{}, { b: 20 }])).toBe('?b=32&drop=1&runs=base,b:20');
    const back = parseExperimentQuery('?b=32&drop=1&runs=base,b:20').experiment;
    expect(back.runs.map((r) => [r.settings.b, r.settings.drop])).toEqual([
      [32, true],
      [20, true],
    ]);
  });

  it('what is left out never changes the run', () => {
    fc.assert(
      fc.property(smallSettings, (settings) => {
        expect(firstSteps(withoutInapplicable(settings, DEFAULT_SETTINGS))).toEqual(firstSteps(settings));
      }),
      { numRuns: 100 },
    );
  });
});
