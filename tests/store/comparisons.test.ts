// The optimizer comparison: SGD, Adam and RMSprop from the same data, seed,
// start and rate, kept a comparison through edits and through its link.
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/settings.ts';
import { comparisonSettings, detectComparison } from '../../src/store/comparisons.ts';
import { experimentToQuery, parseExperimentQuery } from '../../src/url/experimentUrl.ts';
import { DEFAULT_VIEW } from '../../src/url/view.ts';
import { selectPrimaryRun } from '../../src/store/selectors.ts';
import { settings, setup } from './labHarness.ts';

describe('lab store: comparing optimizers', () => {
  it('runs sgd, adam and rmsprop, differing in the optimizer only, named by it, the edited one primary', () => {
    const t = setup({ settings: settings({ n: 60, b: 8, seed: 42, mom: 0.5, optimizer: 'adam' }) });
    t.state.startComparison('optimizer');
    expect(t.state.comparison).toBe('optimizer');
    expect(t.state.runs.map((r) => r.name)).toEqual(['optimizer=sgd', 'optimizer=adam', 'optimizer=rmsprop']);
    for (const r of t.state.runs) expect({ ...r.settings, optimizer: 'adam' }).toEqual(settings({ n: 60, b: 8, seed: 42, mom: 0.5, optimizer: 'adam' }));
    expect(selectPrimaryRun(t.state)?.settings.optimizer).toBe('adam');
    t.state.setSettings({ lr: 0.01 });
    expect(t.state.runs.map((r) => [r.settings.optimizer, r.settings.lr])).toEqual(OPTIMIZERS.map((o) => [o, 0.01]));
    expect(t.state.comparison).toBe('optimizer');
  });

  it('stays a comparison through its link, mom included where it acts', () => {
    const base = settings({ mom: 0.5 });
    const runs = comparisonSettings(base, 'optimizer').map((s) => ({ settings: s, visible: true }));
    const query = experimentToQuery({ settings: base, runs, view: { ...DEFAULT_VIEW }, question: null });
    expect(query).toBe('?mom=0.5&runs=base,optimizer:adam,optimizer:rmsprop');
    const back = parseExperimentQuery(query).experiment;
    expect(detectComparison(back.settings, back.runs.map((r) => r.settings))).toBe('optimizer');
  });
});
