// The store's public entry for the app, the controls and the URL layer.
export { createLabStore, DEFAULT_SPEED, MAX_RUNS } from './store.ts';
export type { LabState, LabStore, LabStoreOptions, Playback, RunSpec } from './store.ts';
export { selectCanAdvance, selectIsComparing, selectPrimaryRun, selectRun, selectStatusLine, selectVisibleRuns } from './selectors.ts';
export { COMPARISON_KINDS, comparisonSettings } from './comparisons.ts';
export type { ComparisonKind } from './comparisons.ts';
export { RUN_COLORS } from './palette.ts';
export type { WorkerFactory, WorkerLike } from './workerLike.ts';
export type { RunCursor, RunStatus, RunView, SeriesView } from './runTypes.ts';
export type { Speed } from '../worker/protocol.ts';
