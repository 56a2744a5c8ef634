import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { StatusLine } from '../../src/ui/StatusLine.tsx';
import { trainedRun } from '../panels/runFixture.ts';

/** data-value of the element with the test id, read from the rendered HTML. */
function valueOf(html: string, testId: string): string | undefined {
  const match = new RegExp(`data-testid="${testId}" data-value="([^"]*)"`).exec(html);
  return match?.[1];
}

describe('status line', () => {
  it('states step, fractional epoch, steps per epoch and examples seen for the primary run', () => {
    // n = 100, b = 32: 4 steps per epoch (the last batch has 4 examples); 13 steps = 3.25 epochs.
    const run = trainedRun({ b: 32 }, 13);
    const html = renderToStaticMarkup(<StatusLine runs={[run]} />);
    expect(valueOf(html, 'status-step')).toBe('13');
    expect(valueOf(html, 'status-epoch')).toBe('3.25');
    expect(html).toContain('3.25 of 20');
    expect(valueOf(html, 'status-steps-per-epoch')).toBe('4');
    expect(valueOf(html, 'status-examples')).toBe(String(3 * 100 + 32));
    expect(valueOf(html, 'status-batch')).toBe('1');
    expect(Number(valueOf(html, 'status-loss'))).toBe(run.cursor.loss);
    expect(Number(valueOf(html, 'status-w1'))).toBe(run.cursor.w1);
    expect(valueOf(html, 'status-state')).toBe('paused');
  });

  it('prints large step counts without separators', () => {
    const run = trainedRun({ n: 1000, b: 1, epochs: 2 });
    const html = renderToStaticMarkup(<StatusLine runs={[run]} />);
    expect(valueOf(html, 'status-step')).toBe('2000');
    expect(html).toMatch(/data-testid="status-step" data-value="2000">2000</);
    expect(valueOf(html, 'status-state')).toBe('done');
  });

  it('lists other visible runs compactly under their own ids, and leaves hidden runs out', () => {
    const a = trainedRun({}, 5, 'a');
    const b = trainedRun({ b: 50 }, 7, 'b');
    const hidden = { ...trainedRun({}, 3, 'h'), visible: false };
    const html = renderToStaticMarkup(<StatusLine runs={[a, b, hidden]} primaryRunId="b" />);
    expect(valueOf(html, 'status-step')).toBe('7');
    expect(valueOf(html, 'status-step-a')).toBe('5');
    expect(html).not.toContain('status-step-h');
    expect(html).not.toContain('status-w1-a');
  });

  it('says when a run diverged and why', () => {
    const run = trainedRun({ lr: 3 });
    const html = renderToStaticMarkup(<StatusLine runs={[run]} />);
    expect(valueOf(html, 'status-state')).toBe('diverged');
    expect(html).toContain('data-testid="status-message"');
  });
});
