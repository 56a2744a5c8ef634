// Hand-built caption inputs: the settings, epoch rows and facts a test names,
// everything else from the defaults, so each test reads as the run it describes.
import { createEpochRecords, type EpochRecords } from '../../../src/core/records.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.ts';
import { createSchedule } from '../../../src/core/schedule.ts';
import type { CaptionInput } from '../../../src/panels/captions/captionInput.ts';

export interface EpochRow {
  loss: number;
  w: readonly [number, number];
}

/** Epoch-end rows as the trainer records them: epoch e ends at step e·stepsPerEpoch. */
/** Three falling epochs, the ordinary case most captions are read against. */
export const threeEpochs: EpochRow[] = [
  { loss: 0.5, w: [0.2, 1.6] },
  { loss: 0.212, w: [0.41, 1.87] },
  { loss: 0.139, w: [0.6, 1.7] },
];

export function epochRecords(rows: readonly EpochRow[], stepsPerEpoch: number): EpochRecords {
  const records = createEpochRecords(Math.max(1, rows.length));
  rows.forEach((row, i) => {
    records.epoch[i] = i + 1;
    records.step[i] = (i + 1) * stepsPerEpoch;
    records.loss[i] = row.loss;
    records.meanBatchLoss[i] = row.loss;
    records.w1[i] = row.w[0];
    records.w2[i] = row.w[1];
  });
  records.length = rows.length;
  return records;
}

/** `count` rows whose loss falls from `first` by `factor` each epoch, ending with `last`. */
export function decliningRows(count: number, first: number, factor: number, last: readonly EpochRow[]): EpochRow[] {
  const rows: EpochRow[] = [];
  for (let i = 0; i < count - last.length; i++) rows.push({ loss: first * factor ** i, w: [i / 10, 1 - i / 10] });
  return [...rows, ...last];
}

export interface CaptionCase extends Partial<Omit<CaptionInput, 'settings' | 'epochs' | 'schedule'>> {
  settings?: Partial<Settings>;
  rows?: readonly EpochRow[];
}

export function captionInput(spec: CaptionCase = {}): CaptionInput {
  const { settings: overrides, rows = [], ...rest } = spec;
  const settings: Settings = { ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], ...overrides };
  const schedule = createSchedule(settings);
  return {
    runId: 'run',
    settings,
    schedule,
    epochs: epochRecords(rows, schedule.stepsPerEpoch),
    status: 'running',
    message: null,
    now: { step: rows.length * schedule.stepsPerEpoch, w1: rows.at(-1)?.w[0] ?? settings.w0[0], w2: rows.at(-1)?.w[1] ?? settings.w0[1], loss: rows.at(-1)?.loss ?? 8 },
    epochStartW: null,
    epochStartLoss: NaN,
    orderHead: null,
    distinctExamples: null,
    optimum: null,
    maxStableLr: 0.402,
    initialLoss: 8.38,
    ...rest,
  };
}
