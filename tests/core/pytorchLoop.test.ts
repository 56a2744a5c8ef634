// The training loop as structured lines: the one generator behind both the
// "Copy as PyTorch" script and the page's loop view.
import { describe, expect, it } from 'vitest';
import { LOOP_INDENT, loopLineText, pytorchLoop } from '../../src/core/pytorchLoop.ts';
import { pytorchScript } from '../../src/core/pytorchScript.ts';
import type { LoopLine, LoopRole } from '../../src/core/pytorchLoop.ts';
import { DEFAULT_SETTINGS, MODEL_KINDS, OPTIMIZERS, SHUFFLE_MODES, generateData } from '../../src/core/index.ts';
import type { Settings } from '../../src/core/index.ts';

function settingsWith(changes: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...changes };
}

const code = (lines: LoopLine[]): LoopLine[] => lines.filter((l) => l.role !== 'comment');
const roles = (lines: LoopLine[]): LoopRole[] => code(lines).map((l) => l.role);
const only = (lines: LoopLine[], role: LoopRole): LoopLine[] => lines.filter((l) => l.role === role);

/** Every combination of the settings that change the loop's shape. */
function loopShapes(): Settings[] {
  const out: Settings[] = [];
  for (const shuffle of SHUFFLE_MODES)
    for (const model of MODEL_KINDS)
      for (const k of [1, 3])
        for (const decay of [0, 0.5])
          for (const mom of [0, 0.9])
            for (const restart of [false, true])
              for (const drop of [false, true]) for (const optimizer of OPTIMIZERS) out.push(settingsWith({ n: 23, b: 5, shuffle, model, k, decay, mom, restart, drop, optimizer }));
  return out;
}

describe('pytorchLoop', () => {
  it('is the loop the script runs: the script ends with exactly these lines', () => {
    for (const settings of loopShapes()) {
      const script = pytorchScript(settings, generateData(settings));
      const loop = `${pytorchLoop(settings).map(loopLineText).join('\n')}\n`;
      expect(script.endsWith(`\n${loop}`), JSON.stringify(settings)).toBe(true);
    }
  });

  it('is indented as Python needs: one level deeper after every line ending in a colon, never deeper otherwise', () => {
    for (const settings of loopShapes()) {
      const lines = code(pytorchLoop(settings)).filter((l) => l.role !== 'blank');
      lines.forEach((line, i) => {
        if (i === 0) return expect(line.indent).toBe(0);
        const before = lines[i - 1];
        if (before.text.endsWith(':')) expect(line.indent, line.text).toBe(before.indent + 1);
        else expect(line.indent, line.text).toBeLessThanOrEqual(before.indent);
      });
    }
  });

  it('loops epochs, then batches, then the four lines of a gradient step, then the end of the epoch', () => {
    const lines = pytorchLoop(settingsWith({ epochs: 7 }));
    expect(roles(lines)).toEqual(['loader', 'optimizer', 'blank', 'epoch', 'batch', 'zero_grad', 'loss', 'backward', 'step', 'full_loss', 'print', 'diverged', 'diverged', 'diverged']);
    expect(only(lines, 'epoch')[0]).toMatchObject({ text: 'for epoch in range(7):', indent: 0 });
    expect(only(lines, 'batch')[0]).toMatchObject({ text: 'for xb1, xb2, yb in loader:', indent: 1 });
    expect(only(lines, 'step')[0]).toMatchObject({ text: 'optimizer.step()', indent: 2 });
    expect(only(lines, 'print')[0].indent).toBe(1);
  });

  it('builds the loader each shuffle mode needs, with the batch size and drop-last of the settings', () => {
    const loaders: Record<(typeof SHUFFLE_MODES)[number], string[]> = {
      none: ['loader = DataLoader(dataset, batch_size=4, shuffle=False, drop_last=True)'],
      once: ['fixed_order = torch.randperm(10).tolist()', 'loader = DataLoader(Subset(dataset, fixed_order), batch_size=4, shuffle=False, drop_last=True)'],
      epoch: ['loader = DataLoader(dataset, batch_size=4, shuffle=True, drop_last=True)'],
      batches: ['loader = DataLoader(dataset, batch_sampler=ShuffledFixedBatches(10, 4, drop_last=True))'],
      replacement: [
        'sampler = RandomSampler(dataset, replacement=True, num_samples=10)',
        'loader = DataLoader(dataset, batch_size=4, sampler=sampler, drop_last=True)',
      ],
    };
    for (const shuffle of SHUFFLE_MODES) {
      const lines = pytorchLoop(settingsWith({ n: 10, b: 4, drop: true, shuffle }));
      expect(only(lines, 'loader').map((l) => l.text), shuffle).toEqual(loaders[shuffle]);
      // The order is the loader's business: the loop itself is the same in every mode.
      expect(roles(lines).slice(-12), shuffle).toEqual(roles(pytorchLoop(settingsWith({ shuffle: 'none' }))).slice(-12));
    }
    expect(only(pytorchLoop(settingsWith({ n: 10, b: 3, drop: false, shuffle: 'none' })), 'loader')[0].text).toContain('batch_size=3, shuffle=False, drop_last=False');
  });

  it('repeats each batch k times in an inner loop only when k > 1', () => {
    const once = pytorchLoop(settingsWith({ k: 1 }));
    expect(only(once, 'inner')).toEqual([]);
    const thrice = pytorchLoop(settingsWith({ k: 3 }));
    expect(only(thrice, 'inner')).toEqual([{ text: 'for _ in range(3):', role: 'inner', indent: 2 }]);
    for (const role of ['zero_grad', 'loss', 'backward', 'step'] as const) expect(only(thrice, role)[0].indent, role).toBe(3);
    expect(roles(thrice).indexOf('inner')).toBe(roles(thrice).indexOf('batch') + 1);
  });

  it('sets the momentum only when there is one', () => {
    expect(only(pytorchLoop(settingsWith({ lr: 0.07, mom: 0.9 })), 'optimizer')[0].text).toBe(
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.07, momentum=0.9)',
    );
    expect(only(pytorchLoop(settingsWith({ lr: 0.07, mom: 0 })), 'optimizer')[0].text).toBe('optimizer = torch.optim.SGD(model.parameters(), lr=0.07)');
  });

  it('makes Adam and RMSprop with PyTorch\'s defaults: only lr, and RMSprop\'s momentum when there is one', () => {
    const call = (changes: Partial<Settings>) => only(pytorchLoop(settingsWith(changes)), 'optimizer')[0].text;
    expect(call({ optimizer: 'adam', lr: 0.01, mom: 0.9 })).toBe('optimizer = torch.optim.Adam(model.parameters(), lr=0.01)');
    expect(call({ optimizer: 'rmsprop', lr: 0.01 })).toBe('optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01)');
    expect(call({ optimizer: 'rmsprop', lr: 0.01, mom: 0.9 })).toBe('optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01, momentum=0.9)');
  });

  it('clears the optimizer\'s state at a restart whenever it keeps one', () => {
    const clears = (changes: Partial<Settings>) => pytorchLoop(settingsWith({ restart: true, ...changes })).some((l) => l.text === 'optimizer.state.clear()');
    expect(clears({ mom: 0 })).toBe(false);
    expect(clears({ mom: 0.5 })).toBe(true);
    expect(clears({ optimizer: 'adam' })).toBe(true);
    expect(clears({ optimizer: 'rmsprop' })).toBe(true);
  });

  it('decays the rate with a LambdaLR stepped as the last line of every epoch, only when decay > 0', () => {
    const decaying = pytorchLoop(settingsWith({ decay: 0.25 }));
    expect(only(decaying, 'scheduler')[0].text).toBe('scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda e: 1 / (1 + 0.25 * e))');
    expect(decaying[decaying.length - 1]).toMatchObject({ text: 'scheduler.step()', role: 'schedule', indent: 1 });
    const steady = pytorchLoop(settingsWith({ decay: 0 }));
    expect(only(steady, 'scheduler')).toEqual([]);
    expect(only(steady, 'schedule')).toEqual([]);
  });

  it('restarts from random weights at the top of every epoch after the first, clearing momentum only if there is some', () => {
    const lines = code(pytorchLoop(settingsWith({ restart: true, mom: 0.5 })));
    const restart = only(lines, 'restart');
    expect(restart[0]).toMatchObject({ text: 'if epoch > 0:', indent: 1 });
    expect(restart.map((l) => l.text)).toContain('optimizer.state.clear()');
    const first = lines.findIndex((l) => l.role === 'restart');
    expect(lines[first - 1].role).toBe('epoch');
    expect(lines[first + restart.length].role).toBe('batch');
    expect(only(pytorchLoop(settingsWith({ restart: true, mom: 0 })), 'restart').map((l) => l.text)).not.toContain('optimizer.state.clear()');
    expect(only(pytorchLoop(settingsWith({ restart: false })), 'restart')).toEqual([]);
  });

  it('feeds the deep model its one input', () => {
    const lines = pytorchLoop(settingsWith({ model: 'deep' }));
    expect(only(lines, 'batch')[0].text).toBe('for xb, yb in loader:');
    expect(only(lines, 'loss')[0].text).toBe('batch_loss = loss_fn(model(xb), yb)');
    expect(only(pytorchLoop(settingsWith({ model: 'linear' })), 'loss')[0].text).toBe('batch_loss = loss_fn(model(xb1, xb2), yb)');
  });

  it('writes a line with its indentation and its trailing remark', () => {
    expect(loopLineText({ text: 'optimizer.step()', role: 'step', indent: 3 })).toBe(`${LOOP_INDENT.repeat(3)}optimizer.step()`);
    expect(loopLineText({ text: 'x = 1', role: 'loss', indent: 1, comment: 'why' })).toBe('    x = 1  # why');
    expect(loopLineText({ text: '', role: 'blank', indent: 2 })).toBe('');
  });
});
