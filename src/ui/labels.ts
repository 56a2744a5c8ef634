import type { SettingName } from '../core/settings.ts';

/** Short labels for the controls; the long meaning comes from SETTING_SPECS. */
export const SETTING_LABELS: Record<SettingName, string> = {
  n: 'examples n',
  b: 'batch size b',
  shuffle: 'shuffle',
  drop: 'drop last partial batch',
  optimizer: 'optimizer',
  lr: 'learning rate',
  decay: 'lr decay / epoch',
  mom: 'momentum',
  k: 'steps per batch k',
  epochs: 'epochs',
  seed: 'seed',
  data: 'data',
  rho: 'feature correlation ρ',
  noise: 'label noise σ',
  w0: 'initial weights w0',
  init: 'start from',
  model: 'model',
  restart: 'restart each epoch from random weights',
  val: 'validation set (fraction of n)',
};
