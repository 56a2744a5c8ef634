// Trains one or more runs and streams their records out as chunks. Knows
// nothing of `self` or Worker: it takes a post function and a scheduler, so the
// worker entry, an in-process fake and the tests all drive the same code.
//
// Runs advance in lockstep by epoch: a shared progress P (in epochs) moves at
// the speed of the first run, and run i is brought to ⌊P · stepsPerEpoch_i⌋
// steps, so runs with different batch sizes finish their epochs side by side.
import { createTrainer as createEngineTrainer } from '../core/index.ts';
import type { Settings } from '../core/settings.ts';
import type { Trainer } from '../core/types.ts';
import { ChunkBuilder } from './chunkBuilder.ts';
import { cursorSnapshot } from './cursorSnapshot.ts';
import {
  DEFAULT_SPEED,
  validateInMessage,
  type InMessage,
  type OutMessage,
  type RunChunk,
  type RunConfig,
  type RunStatusReport,
  type Speed,
  type WorkerStatus,
} from './protocol.ts';
import { timerScheduler, type Scheduler } from './scheduler.ts';

/** At most one chunk per display frame, whatever the speed. */
export const FRAME_MS = 16;
/** Work between two yields at full speed, so pause and step are handled within a frame. */
export const SLICE_MS = 10;
/** Upper bound on the steps of one run in one chunk, so a chunk stays a few MB. */
export const MAX_CHUNK_STEPS = 16_384;
/** A stalled tab does not come back to a burst of backlog: at most this much time is made up. */
export const MAX_CATCH_UP_MS = 100;
/** Work per round between clock reads; rounds adapt their size to stay near it. */
const ROUND_MS = 1;

export type PostMessage = (message: OutMessage, transfer: ArrayBuffer[]) => void;

export interface RunnerOptions {
  post: PostMessage;
  scheduler?: Scheduler;
  createTrainer?: (settings: Settings) => Trainer;
  /** Overrides MAX_CHUNK_STEPS (tests use small chunks). */
  maxChunkSteps?: number;
  /**
   * Send a chunk only once the page has acknowledged the previous one. The
   * page acks after drawing, so however slow its machine, messages never
   * queue up ahead of its frames; training waits (a full chunk) instead.
   */
  flowControl?: boolean;
}

interface RunSlot {
  readonly id: string;
  readonly settings: Settings;
  readonly trainer: Trainer;
  readonly stepsPerEpoch: number;
  readonly builder: ChunkBuilder;
}

type Mode = 'stopped' | 'playing' | 'seeking';
type PlayState = 'idle' | 'running' | 'paused';

function isActive(slot: RunSlot): boolean {
  return slot.trainer.status === 'running';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TrainingRunner {
  private readonly post: PostMessage;
  private readonly scheduler: Scheduler;
  private readonly makeTrainer: (settings: Settings) => Trainer;
  private readonly maxChunkSteps: number;
  private readonly flowControl: boolean;
  /** A chunk of this session was posted and the page has not acknowledged it yet. */
  private awaitingAck = false;

  private runs: RunSlot[] = [];
  private session = 0;
  private mode: Mode = 'stopped';
  private playState: PlayState = 'idle';
  private speed: Speed = DEFAULT_SPEED;
  private failure: string | null = null;
  /** Lockstep progress in epochs. */
  private progress = 0;
  private seekTargets: number[] = [];
  /** Steps per round of the run with the most steps per epoch. */
  private quantum = 1;
  private lastTickAt = 0;
  private lastPostAt = Number.NEGATIVE_INFINITY;
  private lastStatusKey = '';
  private wakeToken = 0;
  private timer: unknown = null;

  constructor(options: RunnerOptions) {
    this.post = options.post;
    this.scheduler = options.scheduler ?? timerScheduler();
    this.makeTrainer = options.createTrainer ?? createEngineTrainer;
    this.maxChunkSteps = Math.max(1, Math.floor(options.maxChunkSteps ?? MAX_CHUNK_STEPS));
    this.flowControl = options.flowControl ?? false;
  }

  /** Entry point for every incoming message; never throws. */
  handle(raw: unknown): void {
    const checked = validateInMessage(raw);
    if (!checked.ok) {
      this.post({ type: 'error', message: checked.message }, []);
      return;
    }
    try {
      this.dispatch(checked.value);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Stops every timer; the runner does nothing more until the next message. */
  dispose(): void {
    this.mode = 'stopped';
    this.cancelWake();
  }

  private dispatch(message: InMessage): void {
    if (message.type === 'configure') {
      this.configure(message.session, message.runs);
      return;
    }
    if (message.type === 'speed') {
      this.speed = message.stepsPerSecond;
      this.lastTickAt = this.scheduler.now();
      return;
    }
    if (message.type === 'remove') {
      this.remove(message.id);
      return;
    }
    if (message.type === 'ack') {
      if (message.session !== this.session || !this.awaitingAck) return;
      this.awaitingAck = false;
      this.settle();
      return;
    }
    if (!this.runs.length) {
      this.post({ type: 'error', message: `${message.type}: no runs are configured yet` }, []);
      return;
    }
    if (this.failure !== null && message.type !== 'reset') {
      this.post({ type: 'error', message: `${message.type}: training failed (${this.failure}); reset or configure again` }, []);
      return;
    }
    switch (message.type) {
      case 'reset':
        this.configure(message.session, this.runs.map((r) => ({ id: r.id, settings: r.settings })));
        return;
      case 'play':
        this.play();
        return;
      case 'pause':
        if (this.mode !== 'stopped') {
          this.mode = 'stopped';
          this.playState = 'paused';
        }
        this.settle();
        return;
      case 'step':
        this.stepOnce();
        return;
      case 'stepEpoch':
        this.seekEpochEnd();
        return;
    }
  }

  private configure(session: number, configs: RunConfig[]): void {
    this.cancelWake();
    this.mode = 'stopped';
    this.playState = 'idle';
    this.failure = null;
    this.session = session;
    this.runs = [];
    this.progress = 0;
    this.quantum = 1;
    this.lastStatusKey = '';
    this.awaitingAck = false;
    this.runs = configs.map((config) => {
      const trainer = this.makeTrainer(config.settings);
      return { id: config.id, settings: config.settings, trainer, stepsPerEpoch: trainer.schedule.stepsPerEpoch, builder: new ChunkBuilder() };
    });
    // Every run's starting point (weights, initial loss) goes out at once, before any step.
    this.flush(this.scheduler.now(), true);
    this.reportStatus();
  }

  private remove(id: string): void {
    const index = this.runs.findIndex((r) => r.id === id);
    if (index < 0) return;
    this.runs.splice(index, 1);
    this.seekTargets.splice(index, 1);
    if (!this.runs.length) {
      this.mode = 'stopped';
      this.cancelWake();
    }
    this.reportStatus();
  }

  private play(): void {
    if (this.runs.every((r) => !isActive(r))) {
      this.reportStatus();
      return;
    }
    if (this.mode !== 'playing') this.lastTickAt = this.scheduler.now();
    this.mode = 'playing';
    this.playState = 'running';
    this.reportStatus();
    this.wakeSoon();
  }

  private stepOnce(): void {
    this.mode = 'stopped';
    for (const slot of this.runs) {
      if (!isActive(slot)) continue;
      slot.builder.reserve(1, slot.stepsPerEpoch);
      slot.trainer.advance(1, slot.builder.steps, slot.builder.epochs);
    }
    this.playState = 'paused';
    this.resyncProgress();
    this.settle();
  }

  private seekEpochEnd(): void {
    this.seekTargets = this.runs.map((slot) => (isActive(slot) ? slot.trainer.step + slot.trainer.stepsToEpochEnd() : slot.trainer.step));
    this.mode = 'seeking';
    this.playState = 'running';
    this.reportStatus();
    this.wakeSoon();
  }

  /** After runs moved on their own (step, stepEpoch), the shared clock restarts from the first run. */
  private resyncProgress(): void {
    const primary = this.runs[0];
    const active = this.runs.filter(isActive);
    if (isActive(primary) || !active.length) {
      this.progress = primary.trainer.step / primary.stepsPerEpoch;
    } else {
      this.progress = Math.min(...active.map((r) => r.trainer.step / r.stepsPerEpoch));
    }
  }

  private tick(): void {
    this.timer = null;
    try {
      if (this.mode !== 'stopped') this.work();
    } catch (error) {
      this.fail(error);
      return;
    }
    this.settle();
  }

  /** Trains in rounds until the slice is used, the goal is reached, a chunk is full, or every run has stopped. */
  private work(): void {
    const start = this.scheduler.now();
    let goal = Number.POSITIVE_INFINITY;
    if (this.mode === 'playing' && this.speed !== 'max') {
      const elapsed = Math.min(Math.max(0, start - this.lastTickAt), MAX_CATCH_UP_MS);
      this.lastTickAt = start;
      goal = this.progress + (this.speed * elapsed) / 1000 / this.runs[0].stepsPerEpoch;
    }
    const maxStepsPerEpoch = Math.max(...this.runs.map((r) => r.stepsPerEpoch));
    for (;;) {
      const roundStart = this.scheduler.now();
      const full = this.mode === 'seeking' ? this.seekRound(maxStepsPerEpoch) : this.playRound(goal, maxStepsPerEpoch);
      const now = this.scheduler.now();
      this.adaptQuantum(now - roundStart);

      if (this.runs.every((r) => !isActive(r))) {
        this.mode = 'stopped';
        break;
      }
      if (this.mode === 'seeking' && this.runs.every((r, i) => !isActive(r) || r.trainer.step >= this.seekTargets[i])) {
        this.mode = 'stopped';
        this.playState = 'paused';
        this.resyncProgress();
        break;
      }
      if (full || this.progress >= goal || now - start >= SLICE_MS) break;
    }
  }

  /** One round of lockstep play. Returns true when some run's chunk is full. */
  private playRound(goal: number, maxStepsPerEpoch: number): boolean {
    let next = Math.min(goal, this.progress + this.quantum / maxStepsPerEpoch);
    for (const slot of this.runs) {
      if (!isActive(slot)) continue;
      const room = this.maxChunkSteps - slot.builder.steps.length;
      if (room <= 0) return true;
      next = Math.min(next, (slot.trainer.step + room) / slot.stepsPerEpoch);
    }
    let full = false;
    for (const slot of this.runs) {
      if (!isActive(slot)) continue;
      const room = this.maxChunkSteps - slot.builder.steps.length;
      // The tiny relative nudge keeps ⌊(s/spe)·spe⌋ from landing one step short through rounding.
      const target = Math.min(Math.floor(next * slot.stepsPerEpoch * (1 + 1e-12)), slot.trainer.step + room);
      this.advance(slot, target - slot.trainer.step);
      if (slot.builder.steps.length >= this.maxChunkSteps) full = true;
    }
    this.progress = next;
    return full;
  }

  /** One round toward each run's epoch boundary. Returns true when some run's chunk is full. */
  private seekRound(maxStepsPerEpoch: number): boolean {
    let full = false;
    this.runs.forEach((slot, i) => {
      if (!isActive(slot)) return;
      const room = this.maxChunkSteps - slot.builder.steps.length;
      const share = Math.max(1, Math.ceil((this.quantum * slot.stepsPerEpoch) / maxStepsPerEpoch));
      this.advance(slot, Math.min(this.seekTargets[i] - slot.trainer.step, share, room));
      if (slot.builder.steps.length >= this.maxChunkSteps) full = true;
    });
    return full;
  }

  private advance(slot: RunSlot, steps: number): void {
    if (steps <= 0) return;
    slot.builder.reserve(steps, slot.stepsPerEpoch);
    slot.trainer.advance(steps, slot.builder.steps, slot.builder.epochs);
  }

  private adaptQuantum(roundMs: number): void {
    if (roundMs < ROUND_MS / 2) this.quantum = Math.min(this.quantum * 2, this.maxChunkSteps);
    else if (roundMs > ROUND_MS * 2) this.quantum = Math.max(1, Math.floor(this.quantum / 2));
  }

  /** Posts what is due, reports the status once the data it describes is out, and plans the next wake. */
  private settle(): void {
    const now = this.scheduler.now();
    if (this.hasPending() && now - this.lastPostAt >= FRAME_MS && !this.awaitingAck) this.flush(now, false);
    if (!this.hasPending()) this.reportStatus();

    const nextPost = this.lastPostAt + FRAME_MS;
    const chunkFull = this.runs.some((r) => r.builder.steps.length >= this.maxChunkSteps);
    if (this.awaitingAck && (this.mode === 'stopped' || chunkFull)) {
      // Nothing to do until the page has caught up: its ack calls settle() again.
      this.cancelWake();
    } else if (this.mode === 'stopped') {
      if (this.hasPending()) this.wakeAt(nextPost);
      else this.cancelWake();
    } else if (this.mode === 'playing' && this.speed !== 'max') {
      this.wakeAt(Math.max(this.lastTickAt + FRAME_MS, this.hasPending() && !this.awaitingAck ? nextPost : 0));
    } else if (chunkFull) {
      this.wakeAt(nextPost);
    } else {
      this.wakeSoon();
    }
  }

  private hasPending(): boolean {
    return this.runs.some((r) => r.builder.steps.length > 0);
  }

  private flush(now: number, everyRun: boolean): void {
    const chunks: RunChunk[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const slot of this.runs) {
      if (!everyRun && slot.builder.steps.length === 0) continue;
      const taken = slot.builder.take();
      chunks.push({ id: slot.id, steps: taken.steps, epochs: taken.epochs, cursor: cursorSnapshot(slot.trainer) });
      transfer.push(...taken.transfer);
    }
    this.lastPostAt = now;
    this.awaitingAck = this.flowControl;
    this.post({ type: 'chunk', session: this.session, runs: chunks }, transfer);
  }

  private runStatus(slot: RunSlot): WorkerStatus {
    if (this.failure !== null) return 'error';
    if (slot.trainer.status === 'done' || slot.trainer.status === 'diverged') return slot.trainer.status;
    return this.playState;
  }

  private overallStatus(): WorkerStatus {
    if (this.failure !== null) return 'error';
    if (this.runs.length && this.runs.every((r) => !isActive(r))) {
      return this.runs.every((r) => r.trainer.status === 'diverged') ? 'diverged' : 'done';
    }
    return this.playState;
  }

  /** Posts the status when it differs from the last one posted. */
  private reportStatus(): void {
    const runs: RunStatusReport[] = this.runs.map((slot) => ({
      id: slot.id,
      status: this.runStatus(slot),
      message: this.failure ?? slot.trainer.divergence?.message ?? null,
    }));
    const status = this.overallStatus();
    const key = JSON.stringify([status, runs]);
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    const message: OutMessage = { type: 'status', session: this.session, status, runs };
    if (this.failure !== null) message.message = this.failure;
    this.post(message, []);
  }

  private fail(error: unknown): void {
    this.cancelWake();
    this.mode = 'stopped';
    this.failure = errorText(error);
    this.post({ type: 'error', message: this.failure }, []);
    this.reportStatus();
  }

  private wakeSoon(): void {
    this.cancelWake();
    const token = this.wakeToken;
    this.scheduler.defer(() => {
      if (token === this.wakeToken) this.tick();
    });
  }

  private wakeAt(time: number): void {
    this.cancelWake();
    const token = this.wakeToken;
    this.timer = this.scheduler.setTimeout(
      () => {
        if (token === this.wakeToken) this.tick();
      },
      Math.max(0, time - this.scheduler.now()),
    );
  }

  private cancelWake(): void {
    this.wakeToken += 1;
    if (this.timer !== null) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = null;
    }
  }
}
