// The training loop of the PyTorch export, as structured lines. The script
// embeds these lines and the page shows them running, so both read the same
// code from here.
import type { Settings } from './settings.ts';
import { RESTART_RANGE } from './trainer.ts';
import { pythonFloat } from './pythonLiterals.ts';
import { OPTIMIZER_CLASS } from './optimizers.ts';
import { validationSize } from './data.ts';

/**
 * What a line of the training loop does, so a view can find the line the run
 * is on and put live values beside it. 'comment' lines carry their '#'.
 */
export type LoopRole =
  | 'comment'
  | 'blank'
  | 'loader'
  | 'optimizer'
  | 'scheduler'
  | 'epoch'
  | 'restart'
  | 'batch'
  | 'inner'
  | 'zero_grad'
  | 'loss'
  | 'backward'
  | 'step'
  | 'full_loss'
  | 'print'
  | 'diverged'
  | 'schedule';

export interface LoopLine {
  /** The code without its indentation. */
  readonly text: string;
  readonly role: LoopRole;
  /** Nesting depth; each level is four spaces. */
  readonly indent: number;
  /** A remark written after the code as `  # comment`. */
  readonly comment?: string;
}

export const LOOP_INDENT = '    ';

/** The line as it appears in the script. */
export function loopLineText(line: LoopLine): string {
  if (line.role === 'blank') return '';
  const code = `${LOOP_INDENT.repeat(line.indent)}${line.text}`;
  return line.comment === undefined ? code : `${code}  # ${line.comment}`;
}

function at(indent: number, role: LoopRole, text: string, comment?: string): LoopLine {
  return comment === undefined ? { text, role, indent } : { text, role, indent, comment };
}

function comments(indent: number, ...texts: string[]): LoopLine[] {
  return texts.map((text) => at(indent, 'comment', `# ${text}`));
}

/** The loader (and whatever order it needs) of each shuffle mode. */
function loaderLines(settings: Settings): LoopLine[] {
  const { b, n } = settings;
  const drop = settings.drop ? 'True' : 'False';
  switch (settings.shuffle) {
    case 'none':
      return [
        ...comments(0, 'shuffle=none: the same fixed order 0, 1, 2, … every epoch.'),
        at(0, 'loader', `loader = DataLoader(dataset, batch_size=${b}, shuffle=False, drop_last=${drop})`),
      ];
    case 'once':
      return [
        ...comments(0, 'shuffle=once: one random order, drawn before the first epoch and reused every epoch.'),
        at(0, 'loader', `fixed_order = torch.randperm(${n}).tolist()`),
        at(0, 'loader', `loader = DataLoader(Subset(dataset, fixed_order), batch_size=${b}, shuffle=False, drop_last=${drop})`),
      ];
    case 'epoch':
      return [
        ...comments(0, 'shuffle=epoch: a fresh random order every epoch (the usual PyTorch choice).'),
        at(0, 'loader', `loader = DataLoader(dataset, batch_size=${b}, shuffle=True, drop_last=${drop})`),
      ];
    case 'batches':
      return [
        ...comments(0, 'shuffle=batches: fixed batches visited in a new random order every epoch (see ShuffledFixedBatches).'),
        at(0, 'loader', `loader = DataLoader(dataset, batch_sampler=ShuffledFixedBatches(${n}, ${b}, drop_last=${drop}))`),
      ];
    case 'replacement':
      return [
        ...comments(
          0,
          'shuffle=replacement: every batch draws its examples uniformly at random, with replacement;',
          'an "epoch" is n draws, so some examples come twice and others not at all.',
        ),
        at(0, 'loader', `sampler = RandomSampler(dataset, replacement=True, num_samples=${n})`),
        at(0, 'loader', `loader = DataLoader(dataset, batch_size=${b}, sampler=sampler, drop_last=${drop})`),
      ];
  }
}

/** What the optimiser does, for a reader of the script; its defaults are PyTorch's, so the call sets only lr (and momentum). */
function optimizerComment(settings: Settings): string[] {
  const m = pythonFloat(settings.mom);
  switch (settings.optimizer) {
    case 'sgd':
      return [settings.mom > 0 ? `PyTorch's momentum: v = ${m}·v + gradient; w -= lr·v.` : 'Plain SGD: w -= lr·gradient.'];
    case 'adam':
      return [
        "Adam with PyTorch's defaults (betas 0.9, 0.999, eps 1e-8): running averages m of the gradient and",
        'v of its square, bias-corrected; each weight moves by about lr·m/√v. Its state carries over epochs.',
      ];
    case 'rmsprop':
      return [
        "RMSprop with PyTorch's defaults (alpha 0.99, eps 1e-8): each gradient is divided by the root of a",
        `running average s of its square${settings.mom > 0 ? `, then v = ${m}·v + that; w -= lr·v` : '; w -= lr·gradient/(√s + eps)'}.`,
      ];
  }
}

/** `torch.optim.Adam(model.parameters(), lr=0.01)`: the settings that differ from PyTorch's defaults, nothing else. */
export function optimizerCall(settings: Pick<Settings, 'optimizer' | 'lr' | 'mom'>): string {
  const momentum = settings.optimizer !== 'adam' && settings.mom > 0 ? `, momentum=${pythonFloat(settings.mom)}` : '';
  return `torch.optim.${OPTIMIZER_CLASS[settings.optimizer]}(model.parameters(), lr=${pythonFloat(settings.lr)}${momentum})`;
}

function optimizerLines(settings: Settings): LoopLine[] {
  const { decay } = settings;
  const lines = [...comments(0, ...optimizerComment(settings)), at(0, 'optimizer', `optimizer = ${optimizerCall(settings)}`)];
  if (decay > 0) {
    lines.push(
      ...comments(0, `The learning rate of epoch e (counting from 0) is lr / (1 + ${pythonFloat(decay)}·e).`),
      at(0, 'scheduler', `scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda e: 1 / (1 + ${pythonFloat(decay)} * e))`),
    );
  }
  return lines;
}

function restartLines(settings: Settings): LoopLine[] {
  if (!settings.restart) return [];
  const lines = [
    at(1, 'restart', 'if epoch > 0:'),
    ...comments(
      2,
      'restart=True: the misconception made runnable. Starting each epoch from new random',
      'weights throws away everything learned so far: an epoch is not a fresh attempt.',
      `(Weights uniform in [−${RESTART_RANGE}, ${RESTART_RANGE}] as in Epoch Lab, but from PyTorch's generator, so the`,
      "numbers differ from Epoch Lab's.)",
    ),
    at(2, 'restart', 'with torch.no_grad():'),
    at(3, 'restart', `model.w1.uniform_(${-RESTART_RANGE}, ${RESTART_RANGE})`),
    at(3, 'restart', `model.w2.uniform_(${-RESTART_RANGE}, ${RESTART_RANGE})`),
  ];
  // SGD without momentum keeps no state; every other optimiser forgets its history with the weights.
  if (settings.optimizer !== 'sgd' || settings.mom > 0) lines.push(at(2, 'restart', 'optimizer.state.clear()', settings.optimizer === 'sgd' ? 'the momentum starts from zero again too' : 'its running averages start from zero again too'));
  return lines;
}

/**
 * The training loop as structured lines: the loader, the optimiser (and its
 * schedule), then `for epoch … for batch … [for _ in range(k)] …`. The script
 * embeds exactly these lines, and the page shows them running, so the code a
 * learner watches is the code they copy.
 */
export function pytorchLoop(settings: Settings): LoopLine[] {
  const { k, epochs, decay } = settings;
  const deep = settings.model === 'deep';
  const batchVars = deep ? 'xb, yb' : 'xb1, xb2, yb';
  const batchInput = deep ? 'xb' : 'xb1, xb2';
  const lines: LoopLine[] = [
    ...loaderLines(settings),
    ...optimizerLines(settings),
    at(0, 'blank', ''),
    at(0, 'epoch', `for epoch in range(${epochs}):`),
    ...restartLines(settings),
    at(1, 'batch', `for ${batchVars} in loader:`),
  ];
  let depth = 2;
  if (k > 1) {
    lines.push(...comments(2, `${k} gradient steps on the same batch before moving on.`), at(2, 'inner', `for _ in range(${k}):`));
    depth = 3;
  }
  lines.push(
    at(depth, 'zero_grad', 'optimizer.zero_grad()'),
    at(depth, 'loss', `batch_loss = loss_fn(model(${batchInput}), yb)`, 'measured before the step'),
    at(depth, 'backward', 'batch_loss.backward()'),
    at(depth, 'step', 'optimizer.step()'),
    at(1, 'full_loss', 'loss = full_loss()'),
    at(1, 'print', `print(f"epoch {epoch + 1} loss {loss!r} w {model.w1.item()!r} {model.w2.item()!r}${validationSize(settings) > 0 ? ' val_loss {validation_loss()!r}' : ''}")`),
    at(1, 'diverged', 'if not math.isfinite(loss):'),
    at(2, 'diverged', 'print("diverged: the loss overflowed; try a smaller learning rate")'),
    at(2, 'diverged', 'break'),
  );
  // Last in the epoch, so the line a run is on at an epoch boundary is the one that sets the next epoch's rate.
  if (decay > 0) lines.push(at(1, 'schedule', 'scheduler.step()', 'once per epoch: the rate of the next epoch'));
  return lines;
}
