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

  it('groups large counts with commas, as every count on the page', () => {
    const run = trainedRun({ n: 1000, b: 1, epochs: 2 });
    const html = renderToStaticMarkup(<StatusLine runs={[run]} />);
    expect(valueOf(html, 'status-step')).toBe('2000');
    expect(html).toMatch(/data-testid="status-step" data-value="2000">2,000</);
    expect(html).toMatch(/data-testid="status-steps-per-epoch" data-value="1000">1,000</);
    expect(html).toMatch(/data-testid="status-batch" data-value="1000">1,000 of 1,000</);
    expect(valueOf(html, 'status-state')).toBe('done');
  });

  it('lists other visible runs under their own ids, and leaves hidden runs out', () => {
    const a = trainedRun({}, 5, 'a');
    const b = trainedRun({ b: 50 }, 7, 'b');
    const hidden = { ...trainedRun({}, 3, 'h'), visible: false };
    const html = renderToStaticMarkup(<StatusLine runs={[a, b, hidden]} primaryRunId="b" />);
    expect(valueOf(html, 'status-step')).toBe('7');
    expect(valueOf(html, 'status-step-a')).toBe('5');
    expect(html).not.toContain('status-step-h');
  });

  it('shows every run of a comparison with the same fields, so 313 and 312 steps per epoch both appear', () => {
    // The "how many steps is an epoch" question: n = 10,000, b = 32, with and without drop-last.
    const base = trainedRun({ n: 10_000, b: 32, epochs: 3 }, 320, 'base');
    const drop = trainedRun({ n: 10_000, b: 32, epochs: 3, drop: true }, 320, 'drop');
    const html = renderToStaticMarkup(<StatusLine runs={[base, drop]} />);
    // The test ids of each row, without the run id the rows after the first carry.
    const [first, second] = html
      .split('data-run-id="')
      .slice(1)
      .map((row) => [...row.matchAll(/data-testid="status-([a-z0-9-]+)"/g)].map((m) => m[1].replace(/-drop$/, '')));
    expect(second).toEqual(first);
    expect(first).toEqual(expect.arrayContaining(['batch', 'steps-per-epoch', 'examples', 'w1', 'w2']));
    expect(valueOf(html, 'status-steps-per-epoch')).toBe('313');
    expect(valueOf(html, 'status-steps-per-epoch-drop')).toBe('312');
    // Step 320 is batch 7 of epoch 2 with the last batch kept, batch 8 without it.
    expect(html).toMatch(/data-testid="status-batch" data-value="7">7 of 313</);
    expect(html).toMatch(/data-testid="status-batch-drop" data-value="8">8 of 312</);
  });

  it('shows the learning rate in every row when any compared run decays it', () => {
    const plain = trainedRun({}, 5, 'plain');
    const decaying = trainedRun({ decay: 0.5 }, 5, 'decaying');
    const html = renderToStaticMarkup(<StatusLine runs={[plain, decaying]} />);
    expect(valueOf(html, 'status-lr')).toBe(String(plain.cursor.lr));
    expect(valueOf(html, 'status-lr-decaying')).toBe(String(decaying.cursor.lr));
    expect(renderToStaticMarkup(<StatusLine runs={[plain]} />)).not.toContain('status-lr');
  });

  it('says when a run diverged and why', () => {
    const run = trainedRun({ lr: 3 });
    const html = renderToStaticMarkup(<StatusLine runs={[run]} />);
    expect(valueOf(html, 'status-state')).toBe('diverged');
    expect(html).toContain('data-testid="status-message"');
  });
});

describe('status line and validation loss', () => {
  it('shows val loss, the engine’s trainer.valLoss, only for a run with a validation set', () => {
    const run = trainedRun({ val: 0.2 }, 30);
    expect(Number.isFinite(run.cursor.valLoss)).toBe(true);
    const html = renderToStaticMarkup(<StatusLine runs={[run]} />);
    expect(Number(valueOf(html, 'status-val-loss'))).toBe(run.cursor.valLoss);
    expect(html).toContain('val loss');
    const plain = renderToStaticMarkup(<StatusLine runs={[trainedRun({}, 30)]} />);
    expect(valueOf(plain, 'status-val-loss')).toBeUndefined();
    expect(plain).not.toContain('val loss');
  });
});
