import { describe, expect, it } from 'vitest';
import { textChange } from '../../src/app/useTextRuns.ts';
import type { RunView } from '../../src/store/runTypes.ts';
import { growingRun } from '../panels/growingRun.ts';

const running = () => {
  const run = growingRun({ n: 40, b: 4, epochs: 3 }, 'run', '#1f77b4', 256);
  return { run, view: run.advance(5) };
};
const as = (view: RunView, change: Partial<RunView>): RunView => ({ ...view, ...change, version: view.version + 1 });

describe('textChange', () => {
  it('calls new records of a running run records', () => {
    const { run, view } = running();
    expect(textChange([view], [run.advance(3)])).toBe('records');
  });

  it('calls a running run reaching its last step finished', () => {
    const { view } = running();
    expect(textChange([view], [as(view, { status: 'done' })])).toBe('finished');
  });

  it('calls a pause, a divergence, an error or a start other: the text shows them at once', () => {
    const { view } = running();
    for (const status of ['paused', 'diverged', 'error', 'idle'] as const) expect(textChange([view], [as(view, { status })])).toBe('other');
    const idle = as(view, { status: 'idle' });
    expect(textChange([idle], [as(idle, { status: 'running' })])).toBe('other');
  });

  it('calls a change of what a run is or how it is shown other, even while it trains', () => {
    const { view } = running();
    expect(textChange([view], [as(view, { name: 'renamed' })])).toBe('other');
    expect(textChange([view], [as(view, { visible: false })])).toBe('other');
    expect(textChange([view], [as(view, { message: 'a note' })])).toBe('other');
    expect(textChange([view], [view, view])).toBe('other');
  });

  it('calls changes of runs that are not training other (nothing trains: no records to follow)', () => {
    const { view } = running();
    const done = as(view, { status: 'done' });
    expect(textChange([done], [as(done, {})])).toBe('other');
  });
});
