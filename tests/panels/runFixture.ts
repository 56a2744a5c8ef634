// RunViews for panel tests, made by running the real engine, so the tests
// see the same rows (and the same divergence) the store hands the panels.
import { createEpochRecords, createStepRecords, createTrainer, DEFAULT_SETTINGS, type Settings } from '../../src/core/index.ts';
import type { RunView } from '../../src/store/runTypes.ts';
import { cursorSnapshot } from '../../src/worker/cursorSnapshot.ts';

export function trainedRun(overrides: Partial<Settings> = {}, steps = Infinity, id = 'run'): RunView {
  const settings: Settings = { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...overrides };
  const trainer = createTrainer(settings);
  const capacity = Math.min(trainer.schedule.totalSteps, steps);
  const rows = createStepRecords(Math.max(1, capacity));
  const epochs = createEpochRecords(Math.max(1, settings.epochs));
  if (capacity > 0) trainer.advance(capacity, rows, epochs);
  return {
    id,
    name: id,
    color: '#1f77b4',
    visible: true,
    settings,
    schedule: trainer.schedule,
    // Every step, as the worker sends a short run: one revision, every row final.
    lossSeries: { ...rows, revision: 1, stable: rows.length },
    batchLossSeries: { ...rows, revision: 1, stable: rows.length },
    valLossSeries: trainer.validation ? { ...rows, revision: 1, stable: rows.length } : null,
    epochs,
    cursor: cursorSnapshot(trainer),
    status: trainer.status === 'running' ? 'paused' : trainer.status,
    message: trainer.divergence?.message ?? null,
    version: trainer.step,
  };
}
