// A run as the page sees it while training: the real engine advanced chunk by
// chunk into a level-of-detail series (the worker's, small, so its thinning is
// rebuilt within a test) seen as the store's SeriesView — a new revision when
// the buckets widen, every row but the open bucket's stable — and a new
// RunView after every chunk, as the store makes.
import { createEpochRecords, createStepRecords, createTrainer, DEFAULT_SETTINGS, type Settings } from '../../src/core/index.ts';
import { LodSeries } from '../../src/worker/lodSeries.ts';
import type { RunView, SeriesView } from '../../src/store/runTypes.ts';
import { cursorSnapshot } from '../../src/worker/cursorSnapshot.ts';

export interface GrowingRun {
  /** The run after the chunks so far, status 'running' until the trainer stops. */
  view(): RunView;
  /** Trains `steps` more steps (fewer at the end); returns the new view. */
  advance(steps: number): RunView;
}

/** The series as a chart reads it: rows, the revision (its bucket width), and all but the last bucket's four rows stable. */
function seriesView(series: LodSeries): SeriesView {
  return {
    get length() { return series.length; },
    get step() { return series.step; },
    get epoch() { return series.epoch; },
    get w1() { return series.w1; },
    get w2() { return series.w2; },
    get batchLoss() { return series.batchLoss; },
    get loss() { return series.loss; },
    get valLoss() { return series.valLoss; },
    get revision() { return series.bucketWidth; },
    get stable() { return Math.max(0, series.length - 4); },
  };
}

export function growingRun(overrides: Partial<Settings> = {}, id = 'run', color = '#1f77b4', rowCapacity = 256): GrowingRun {
  const settings: Settings = { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...overrides };
  const trainer = createTrainer(settings);
  const lossSeries = new LodSeries('loss', rowCapacity);
  const batchLossSeries = new LodSeries('batchLoss', rowCapacity);
  const valLossSeries = trainer.validation ? new LodSeries('valLoss', rowCapacity) : null;
  const epochs = createEpochRecords(Math.max(1, settings.epochs));
  let version = 0;
  let view: RunView | null = null;
  const make = (): RunView => ({
    id,
    name: id,
    color,
    visible: true,
    settings,
    schedule: trainer.schedule,
    lossSeries: seriesView(lossSeries),
    batchLossSeries: seriesView(batchLossSeries),
    valLossSeries: valLossSeries && seriesView(valLossSeries),
    epochs,
    cursor: cursorSnapshot(trainer),
    status: trainer.status === 'running' ? (version === 0 ? 'idle' : 'running') : trainer.status,
    message: trainer.divergence?.message ?? null,
    version,
  });
  return {
    view: () => (view ??= make()),
    advance(steps) {
      const rows = createStepRecords(Math.max(1, steps));
      trainer.advance(steps, rows, epochs);
      lossSeries.append(rows);
      batchLossSeries.append(rows);
      valLossSeries?.append(rows);
      version++;
      view = make();
      return view;
    },
  };
}
