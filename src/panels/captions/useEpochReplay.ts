// The facts EpochReplay recomputes for a run's latest epoch, without stalling
// the page. Following a run costs what the trainer's own shuffling costs, on
// the page's main thread: at full speed, hundreds of epochs between two text
// updates, tens of milliseconds each time. So each update shuffles at most a
// slice of examples (a few milliseconds), and a run faster than that leaves
// the order unknown while it plays (the caption then says nothing of it);
// paused (or looked back at), the replay catches up in slices between frames
// and the caption names the order. A finished run's caption names no order.
import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../core/settings.ts';
import type { RunStatus } from '../../store/runTypes.ts';
import { EpochReplay, type ReplayedEpoch } from './epochReplay.ts';

/** Examples shuffled per text update or per catch-up slice (about 3 ms). */
export const REPLAY_SLICE = 100_000;

interface Caught {
  readonly replay: EpochReplay;
  readonly epoch: number;
  readonly facts: ReplayedEpoch;
}

/** What is known of 1-based `epoch` of the run with `settings` (nothing before the first epoch), whose status is `status`. */
export function useEpochReplay(settings: Settings | null, epoch: number, status: RunStatus | null): Partial<ReplayedEpoch> {
  const catchUp = status === 'paused' || status === 'idle';
  const replay = useMemo(() => (settings ? new EpochReplay(settings) : null), [settings]);
  const facts = useMemo(() => (replay && epoch > 0 ? replay.epoch(epoch, REPLAY_SLICE) : null), [replay, epoch]);
  const [caught, setCaught] = useState<Caught | null>(null);
  const behind = replay !== null && facts !== null && facts.orderHead === null;
  useEffect(() => {
    if (!behind || !catchUp || !replay) return;
    const slice = () => {
      const next = replay.epoch(epoch, REPLAY_SLICE);
      if (next.orderHead === null) timer = setTimeout(slice, 0);
      else setCaught({ replay, epoch, facts: next });
    };
    let timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [behind, catchUp, replay, epoch]);
  if (caught && caught.replay === replay && caught.epoch === epoch) return caught.facts;
  return facts ?? {};
}
