// The one definition of an experiment's settings. The CLI flags, the URL
// parameters, the worker and the UI all derive from this file, so a setting
// added here appears everywhere with the same name, default and range.
// parseSettings.ts reads settings from text, settingsText.ts writes them back.

export const SHUFFLE_MODES = ['none', 'once', 'epoch', 'batches', 'replacement'] as const;
export type ShuffleMode = (typeof SHUFFLE_MODES)[number];

export const DATA_KINDS = ['line', 'plane'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const MODEL_KINDS = ['linear', 'deep'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const INIT_KINDS = ['w0', 'random'] as const;
export type InitKind = (typeof INIT_KINDS)[number];

/** torch.optim.SGD, Adam and RMSprop, with PyTorch's update rules and defaults (see optimizers.ts). */
export const OPTIMIZERS = ['sgd', 'adam', 'rmsprop'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export interface Settings {
  n: number;
  b: number;
  shuffle: ShuffleMode;
  drop: boolean;
  optimizer: OptimizerKind;
  lr: number;
  decay: number;
  mom: number;
  k: number;
  epochs: number;
  seed: number;
  data: DataKind;
  rho: number;
  noise: number;
  w0: readonly [number, number];
  init: InitKind;
  model: ModelKind;
  restart: boolean;
  val: number;
}

export type SettingName = keyof Settings;

export const MAX_N = 1_000_000;
export const MAX_K = 10_000;
export const MAX_EPOCHS = 100_000;
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_RHO = 0.99;
export const MAX_NOISE = 10;
/** Initial weights beyond this are refused: they only reproduce overflow, not learning. */
export const MAX_ABS_W0 = 1e6;
/** The validation set is at most half the size of the training set. */
export const MAX_VAL = 0.5;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  n: 100,
  b: 10,
  shuffle: 'epoch',
  drop: false,
  optimizer: 'sgd',
  // About a thirteenth of the largest stable rate of the default data (0.40):
  // the excess loss falls by about a third each epoch, so convergence is
  // visible across ~20 epochs (near the noise floor by 20) instead of being
  // over after two.
  lr: 0.03,
  decay: 0,
  mom: 0,
  k: 1,
  epochs: 20,
  seed: 1,
  data: 'line',
  rho: 0,
  noise: 0.3,
  w0: Object.freeze([-1.5, 2]) as readonly [number, number],
  init: 'w0',
  model: 'linear',
  restart: false,
  // No validation set: the outputs are those of a run without one.
  val: 0,
});

export interface SettingSpec {
  name: SettingName;
  /** What the setting means, in words a learner understands. */
  meaning: string;
  /** The allowed values, as the README and `--help` print them. */
  allowed: string;
  kind: 'integer' | 'number' | 'boolean' | 'choice' | 'pair';
  choices?: readonly string[];
}

export const SETTING_SPECS: readonly SettingSpec[] = [
  { name: 'n', meaning: 'number of training examples', allowed: `integer 1 … ${MAX_N.toLocaleString('en-US')}`, kind: 'integer' },
  { name: 'b', meaning: 'mini-batch size', allowed: 'integer 1 … n', kind: 'integer' },
  {
    name: 'shuffle',
    meaning:
      'order of examples: none (fixed order every epoch), once (shuffled once before epoch 1), epoch (reshuffled every epoch, as PyTorch DataLoader(shuffle=True)), batches (fixed batches, their order shuffled every epoch), replacement (each step draws b examples uniformly with replacement)',
    allowed: SHUFFLE_MODES.join(' | '),
    kind: 'choice',
    choices: SHUFFLE_MODES,
  },
  { name: 'drop', meaning: 'drop the last partial batch of each epoch', allowed: 'boolean', kind: 'boolean' },
  {
    name: 'optimizer',
    meaning:
      "the update rule, PyTorch's: sgd (torch.optim.SGD with momentum mom), adam (torch.optim.Adam: betas 0.9, 0.999, eps 1e-8, bias correction; mom unused) or rmsprop (torch.optim.RMSprop: alpha 0.99, eps 1e-8, momentum mom)",
    allowed: OPTIMIZERS.join(' | '),
    kind: 'choice',
    choices: OPTIMIZERS,
  },
  { name: 'lr', meaning: 'learning rate', allowed: 'finite, > 0', kind: 'number' },
  { name: 'decay', meaning: 'learning-rate decay per epoch: lr_e = lr / (1 + decay·e)', allowed: 'finite, ≥ 0', kind: 'number' },
  { name: 'mom', meaning: 'momentum of sgd (PyTorch convention: v = mom·v + g; w -= lr·v) and of rmsprop (v = mom·v + g/(√s + eps); w -= lr·v); adam has its own (beta1)', allowed: '0 ≤ mom < 1', kind: 'number' },
  { name: 'k', meaning: 'gradient steps taken on each mini-batch before moving on', allowed: `integer 1 … ${MAX_K.toLocaleString('en-US')}`, kind: 'integer' },
  { name: 'epochs', meaning: 'epochs to train', allowed: `integer 1 … ${MAX_EPOCHS.toLocaleString('en-US')}`, kind: 'integer' },
  { name: 'seed', meaning: 'seed of every random choice (data, validation set, order, restarts, random starts)', allowed: 'integer 0 … 2³²−1', kind: 'integer' },
  {
    name: 'data',
    meaning: 'line: y = w1·x + w2 (x2 ≡ 1: slope and intercept); plane: y = w1·x1 + w2·x2 with features of correlation rho',
    allowed: DATA_KINDS.join(' | '),
    kind: 'choice',
    choices: DATA_KINDS,
  },
  { name: 'rho', meaning: 'feature correlation for plane data (elongates the loss bowl)', allowed: `−${MAX_RHO} … ${MAX_RHO}`, kind: 'number' },
  { name: 'noise', meaning: 'standard deviation of label noise', allowed: `0 … ${MAX_NOISE}`, kind: 'number' },
  { name: 'w0', meaning: 'initial weights w1,w2', allowed: `two finite numbers w1,w2 with |w| ≤ ${MAX_ABS_W0.toExponential(0)}`, kind: 'pair' },
  {
    name: 'init',
    meaning:
      'where training starts: w0 (at the weights w0) or random (w1, w2 drawn from the seed uniformly on [−3, 3], as a network is randomly initialised, and the same distribution restart draws from; w0 is then unused)',
    allowed: INIT_KINDS.join(' | '),
    kind: 'choice',
    choices: INIT_KINDS,
  },
  {
    name: 'model',
    meaning: 'linear: ŷ = w1·x1 + w2·x2 (convex bowl); deep: ŷ = w2·(w1·x), a two-layer linear net with one hidden unit (a valley of equally good minima)',
    allowed: MODEL_KINDS.join(' | '),
    kind: 'choice',
    choices: MODEL_KINDS,
  },
  { name: 'restart', meaning: 'the misconception made runnable: start every epoch after the first from new random weights (uniform on [−3, 3]², as init=random draws the start)', allowed: 'boolean', kind: 'boolean' },
  {
    name: 'val',
    meaning:
      'size of a validation set as a fraction of n: round(val·n) extra examples from the same distribution, with their own random stream (n, the training data and the steps per epoch do not change); its loss is recorded at every step and at each epoch\'s end (valLoss; val_loss in the PyTorch script)',
    allowed: `0 … ${MAX_VAL}`,
    kind: 'number',
  },
];

export const SETTING_NAMES: readonly SettingName[] = SETTING_SPECS.map((s) => s.name);
