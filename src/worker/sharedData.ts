// Compared runs that draw the same examples — the same n, seed, data kind and
// the rest of core's DATA_SETTING_NAMES, differing only in how they train —
// share one data set in the worker instead of each generating its own (x1,
// x2, y: 24 MB a run at n = 10⁶, and the validation set beside it). A new set
// of runs may also borrow from the runs it replaces (a reset, a new compared
// run), so their data are not generated again. Nothing here outlives the
// configure it serves: the trainers hold the data, and a data set no run
// holds any more is garbage like any other.
import { dataKey, type DataLender, type Settings } from '../core/index.ts';

export class SharedData {
  private readonly byKey = new Map<string, DataLender>();

  /**
   * @param held trainers whose data sets may serve the new runs: only those the
   *   runs of `wanted` train on are kept (so the data of runs being replaced is
   *   free to go before the new runs' is generated), and only their data, not the trainers
   */
  constructor(held: readonly DataLender[] = [], wanted: readonly Settings[] = []) {
    const keys = new Set(wanted.map(dataKey));
    for (const trainer of held) if (keys.has(dataKey(trainer.settings))) this.offer(trainer);
  }

  /** A lender of the data set `settings` train on, when one is held. */
  lenderFor(settings: Settings): DataLender | undefined {
    return this.byKey.get(dataKey(settings));
  }

  /** Keeps the trainer's data sets for the runs after it, unless one for the same data is held already. */
  offer(trainer: DataLender): void {
    const key = dataKey(trainer.settings);
    if (this.byKey.has(key)) return;
    const { settings, data, stats, validation } = trainer;
    this.byKey.set(key, { settings, data, stats, validation });
  }
}
