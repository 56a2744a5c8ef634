// Seek (scrub) latency in the worker: runs trained through the worker's own
// run slot and checkpoints (runSlot.ts advanceRun, checkpoints.ts with core's
// checkpoint engine, exactly as runner.ts wires them), then seeks answered by
// replay.ts's seekAnswer — to ~50 random steps over the run and to the worst
// case, the step just before the checkpoint after the widest gap. The runs:
// 10⁷ steps at b = 1 and b = 32 over n = 10⁶ (a layout regenerated per seek
// is 10⁶ examples), b = 32 over n = 10⁴, and b = n = 1000 with k = 100 (10¹⁰
// example gradients, minutes of training); b = n = 10⁴ runs 10⁵ steps only. Prints
// each run's training time, p50/p95/max per seek (wall and CPU ms) and the
// checkpoint footprint. A benchmark, not a test: it exits non-zero only on a
// wrong answer (every seek's state is checked against a straight trainer from
// step 0). Issue 14's goal is under 100 ms per seek; the lead runs it on an
// idle machine for the README.
// Run with `npm run bench:seek` (`-- --quick` for runs 100× shorter,
// `-- --only=n=1e6` for the cases whose name contains that).
import { performance } from 'node:perf_hooks';
import { createTrainer } from '../../src/core/trainer.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { CORE_CHECKPOINTS, type CheckpointEngine } from '../../src/worker/checkpoints.ts';
import { cursorSnapshot } from '../../src/worker/cursorSnapshot.ts';
import type { CursorSnapshot } from '../../src/worker/protocol.ts';
import { seekAnswer } from '../../src/worker/replay.ts';
import { advanceRun, createRunSlot, footprintOf, type RunSlot } from '../../src/worker/runSlot.ts';
import { lcgStream } from '../../src/core/random.ts';

const QUICK = process.argv.includes('--quick');
/** `--only=<text>`: only the cases whose name contains the text. */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';
/** Steps of the long runs: 10⁷, issue 14's longest (100× fewer with --quick). */
const STEPS = QUICK ? 100_000 : 10_000_000;
const RANDOM_SEEKS = 50;
const GOAL_MS = 100;
/** Steps trained per advanceRun call (the runner's rounds are smaller; the slot's work per step is the same). */
const ROUND = 1 << 16;

interface Case {
  readonly name: string;
  readonly settings: Settings;
}

const base = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, w0: [...DEFAULT_SETTINGS.w0], lr: 0.005, shuffle: 'epoch', ...patch });
/** Epochs of `n / b` batches that make `steps` steps (the last batch of an epoch may be short). */
const epochsFor = (n: number, b: number, steps: number) => Math.max(1, Math.round(steps / Math.ceil(n / b)));

// b = n = 10⁴ at 10⁷ steps would be 10¹¹ example gradients (hours); it runs 10⁵ steps, 10⁹ gradients, and says so.
const WIDE_FULL_BATCH_STEPS = STEPS / 100;
const CASES: Case[] = [
  { name: `b=1 n=1e6 shuffle=epoch, ${STEPS} steps`, settings: base({ n: 1_000_000, b: 1, epochs: epochsFor(1_000_000, 1, STEPS) }) },
  { name: `b=32 n=1e6 shuffle=epoch, ${STEPS} steps`, settings: base({ n: 1_000_000, b: 32, epochs: epochsFor(1_000_000, 32, STEPS) }) },
  { name: `b=32 n=1e4 shuffle=epoch val=0.1, ${STEPS} steps`, settings: base({ n: 10_000, b: 32, val: 0.1, epochs: epochsFor(10_000, 32, STEPS) }) },
  // epochs ≤ 10⁵, so a full-batch run reaches 10⁷ steps only with k > 1: 100 steps on each epoch's one batch.
  { name: `b=n=1000 k=100 shuffle=epoch (a step is a pass), ${STEPS} steps`, settings: base({ n: 1000, b: 1000, k: 100, lr: 0.05, epochs: STEPS / 100 }) },
  { name: `b=n=1e4 shuffle=epoch (a step is a pass), ${WIDE_FULL_BATCH_STEPS} steps only`, settings: base({ n: 10_000, b: 10_000, lr: 0.05, epochs: WIDE_FULL_BATCH_STEPS }) },
];

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function train(c: Case): { slot: RunSlot; ms: number } {
  const slot = createRunSlot({ id: c.name, settings: c.settings }, createTrainer, CORE_CHECKPOINTS as CheckpointEngine);
  const start = performance.now();
  while (slot.trainer.status === 'running') advanceRun(slot, ROUND);
  if (slot.trainer.status !== 'done') throw new Error(`${c.name} ended ${slot.trainer.status}`);
  return { slot, ms: performance.now() - start };
}

/** ~RANDOM_SEEKS steps spread over the run (one per equal stretch, at a seeded random place in it) and the worst case. */
function seekSteps(slot: RunSlot): { steps: number[]; worst: number } {
  const total = slot.trainer.step;
  const random = lcgStream(7, 'order').draw;
  const steps = Array.from({ length: RANDOM_SEEKS }, (_, i) => Math.min(total, Math.floor(((i + random()) * total) / RANDOM_SEEKS)));
  const marks = [0, ...slot.checkpoints.steps, total];
  let worst = 0;
  let widest = -1;
  for (let i = 1; i < marks.length; i++) {
    if (marks[i] - marks[i - 1] > widest) {
      widest = marks[i] - marks[i - 1];
      worst = marks[i] - 1;
    }
  }
  return { steps, worst };
}

const SNAPSHOT_KEYS = ['step', 'epoch', 'batchInEpoch', 'w1', 'w2', 'loss', 'batchLoss', 'lr', 'valLoss', 'batchSize'] as const;

function difference(got: CursorSnapshot | null, want: CursorSnapshot): string | null {
  if (!got) return 'no state';
  for (const key of SNAPSHOT_KEYS) if (!Object.is(got[key], want[key])) return `${key} ${got[key]} ≠ ${want[key]}`;
  if (got.batch.length !== want.batch.length || got.batch.some((v, i) => v !== want.batch[i])) return 'the batch differs';
  return null;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (ms: number) => ms.toFixed(1).padStart(7);

let wrong = 0;
let over = false;
for (const c of CASES.filter((k) => k.name.includes(ONLY))) {
  const { slot, ms } = train(c);
  const { steps, worst } = seekSteps(slot);
  const wall: number[] = [];
  const cpu: number[] = [];
  const answers = new Map<number, CursorSnapshot | null>();
  for (const step of [...steps, worst]) {
    const t0 = performance.now();
    const c0 = cpuMs();
    const { state } = seekAnswer(slot, slot.id, step);
    cpu.push(cpuMs() - c0);
    wall.push(performance.now() - t0);
    answers.set(step, state);
  }
  const worstWall = wall.at(-1)!;
  const worstCpu = cpu.at(-1)!;
  // Every answer checked against one straight trainer from step 0 walking through the sought steps in order.
  const checked = [...answers.keys()].sort((a, b) => a - b);
  const straight = createTrainer(c.settings);
  for (const step of checked) {
    while (straight.step < step && straight.status === 'running') straight.advance(step - straight.step, null, null);
    const problem = difference(answers.get(step) ?? null, cursorSnapshot(straight));
    if (problem) {
      wrong++;
      console.error(`WRONG: ${c.name}: seek to step ${step}: ${problem}`);
    }
  }
  const fp = footprintOf(slot);
  const sw = [...wall].sort((a, b) => a - b);
  const sc = [...cpu].sort((a, b) => a - b);
  over ||= sw.at(-1)! > GOAL_MS;
  console.log(`${c.name}: trained in ${(ms / 1000).toFixed(1)} s (${(slot.trainer.examples / ms / 1000).toFixed(1)} M example gradients/s); ${fp.checkpoints} checkpoints, ${(fp.checkpointBytes / 1024).toFixed(0)} KiB, spacing ${slot.checkpoints.spacing} example gradients`);
  console.log(`  ${wall.length} seeks, ms per seek   p50 ${fmt(quantile(sw, 0.5))}  p95 ${fmt(quantile(sw, 0.95))}  max ${fmt(sw.at(-1)!)}  (wall)`);
  console.log(`                          p50 ${fmt(quantile(sc, 0.5))}  p95 ${fmt(quantile(sc, 0.95))}  max ${fmt(sc.at(-1)!)}  (CPU)`);
  console.log(`  worst case, step ${worst} (just before a checkpoint): ${worstWall.toFixed(1)} ms wall, ${worstCpu.toFixed(1)} ms CPU; ${checked.length} answers checked against a straight run`);
}
console.log(`goal: every seek under ${GOAL_MS} ms — ${over ? 'NOT met (wall clock; see CPU on a loaded machine)' : 'met'}`);
if (wrong) {
  console.error(`${wrong} seek answer(s) differ from a straight run`);
  process.exit(1);
}
