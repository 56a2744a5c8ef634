// RunViews as the store hands them to the export menu: settings, the cursor
// at the step reached and every epoch end, all from the real engine. The
// step series are left empty on purpose: an export that read them instead of
// recomputing the run would come out empty and fail the tests.
import { createEpochRecords, createStepRecords, createTrainer, DEFAULT_SETTINGS } from '../../../src/core/index.ts';
import type { Settings } from '../../../src/core/index.ts';
import type { RunView } from '../../../src/store/runTypes.ts';
import { cursorSnapshot } from '../../../src/worker/cursorSnapshot.ts';

export function settingsWith(overrides: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, w0: [DEFAULT_SETTINGS.w0[0], DEFAULT_SETTINGS.w0[1]], ...overrides };
}

export function runAt(overrides: Partial<Settings>, step: number, name = 'b=10, shuffle=epoch', visible = true): RunView {
  const settings = settingsWith(overrides);
  const trainer = createTrainer(settings);
  const epochs = createEpochRecords(settings.epochs);
  trainer.advance(step, null, epochs);
  const empty = createStepRecords(0);
  return {
    id: name,
    name,
    color: '#1f77b4',
    visible,
    settings,
    schedule: trainer.schedule,
    lossSeries: { ...empty, revision: 0, stable: 0 },
    batchLossSeries: { ...empty, revision: 0, stable: 0 },
    valLossSeries: trainer.validation ? { ...empty, revision: 0, stable: 0 } : null,
    epochs,
    // No batch: the export must not depend on anything the cursor carries beyond the step.
    cursor: { ...cursorSnapshot(trainer), batch: new Uint32Array(0), batchSize: 0 },
    status: trainer.status === 'running' ? 'paused' : trainer.status,
    message: trainer.divergence?.message ?? null,
    version: trainer.step,
  };
}
