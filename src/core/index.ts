// The training engine's public entry. The worker and the CLI import from here.
export * from './settings.ts';
export type * from './types.ts';
export * from './records.ts';
export { randomStream, streamState, RANDOM_STREAMS } from './random.ts';
export type { RandomStream, RandomSource } from './random.ts';
export { generateData, TRUE_WEIGHTS, LINE_X_MEAN } from './data.ts';
export type { DataSettings } from './data.ts';
export { sufficientStats } from './stats.ts';
export { fullLoss, fullGradient, batchLossAndGradient } from './loss.ts';
export { optimum } from './optimum.ts';
export { hessianEigenvalues, maxStableLr, largestStableLr } from './curvature.ts';
export { createSchedule, batchesPerEpoch, stepsPerEpoch, lastBatchSize, examplesPerEpoch } from './schedule.ts';
export { BatchOrder } from './batchOrder.ts';
export type { OrderSettings } from './batchOrder.ts';
export { createTrainer, epochLearningRate, DIVERGED_ABS_WEIGHT, DIVERGED_LOSS, RESTART_RANGE } from './trainer.ts';
export { lossSurface, gridW1, gridW2 } from './lossSurface.ts';
export type { SurfaceGrid } from './lossSurface.ts';
export { approxNumber } from './format.ts';
