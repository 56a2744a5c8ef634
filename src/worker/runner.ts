// Trains one or more runs and streams their records out as chunks. Knows
// nothing of `self` or Worker: it takes a post function and a scheduler, so the
// worker entry, an in-process fake and the tests all drive the same code.
//
// This file holds the runner's state machine: messages in, work in slices,
// then what is due goes out. How runs move together is in lockstep.ts, the
// pacing limits in pacing.ts, posting (chunks, statuses, acks) in outbox.ts.
import { createTrainer as createEngineTrainer } from '../core/index.ts';
import type { Settings } from '../core/settings.ts';
import type { Trainer } from '../core/types.ts';
import { Heartbeat } from './heartbeat.ts';
import { Lockstep } from './lockstep.ts';
import { FRAME_MS, MAX_CATCH_UP_MS, MAX_CHUNK_STEPS, SLICE_MS } from './pacing.ts';
import { Outbox, type PostMessage } from './outbox.ts';
import { DEFAULT_SPEED, validateInMessage, type InMessage, type RunConfig, type Speed } from './protocol.ts';
import { advanceRun, allStopped, chunkFull, createRunSlot, isActive, type RunSlot } from './runSlot.ts';
import type { PlayState } from './runStatus.ts';
import { timerScheduler, type Scheduler } from './scheduler.ts';
import { seekCursors } from './seek.ts';
import { WakeTimer } from './wakeTimer.ts';

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

/** stopped: nothing to do until a message; playing: lockstep at the speed; seeking: to the epoch ends. */
type Mode = 'stopped' | 'playing' | 'seeking';

export class TrainingRunner {
  private readonly scheduler: Scheduler;
  private readonly makeTrainer: (settings: Settings) => Trainer;
  private readonly maxChunkSteps: number;
  private readonly lockstep: Lockstep;
  private readonly wake: WakeTimer;
  private readonly outbox: Outbox;
  private readonly heartbeat: Heartbeat;

  private runs: RunSlot[] = [];
  private session = 0;
  private mode: Mode = 'stopped';
  private playState: PlayState = 'idle';
  private speed: Speed = DEFAULT_SPEED;
  private failure: string | null = null;
  private lastTickAt = 0;

  constructor(options: RunnerOptions) {
    this.scheduler = options.scheduler ?? timerScheduler();
    this.makeTrainer = options.createTrainer ?? createEngineTrainer;
    this.maxChunkSteps = Math.max(1, Math.floor(options.maxChunkSteps ?? MAX_CHUNK_STEPS));
    this.lockstep = new Lockstep(this.maxChunkSteps);
    this.wake = new WakeTimer(this.scheduler);
    this.outbox = new Outbox(options.post, options.flowControl ?? false);
    // Work is training, or records not yet out; a failed runner has none until the page resets it.
    const hasWork = () => this.failure === null && (this.mode !== 'stopped' || this.hasPending());
    this.heartbeat = new Heartbeat(this.scheduler, hasWork, () => this.outbox.postHeartbeat(this.session));
  }

  /** Entry point for every incoming message; never throws. */
  handle(raw: unknown): void {
    const checked = validateInMessage(raw);
    if (!checked.ok) {
      this.outbox.postError(checked.message);
      return;
    }
    try {
      this.dispatch(checked.value);
    } catch (error) {
      this.fail(error);
    }
    this.heartbeat.check();
  }

  /** Stops every timer; the runner does nothing more until the next message. */
  dispose(): void {
    this.mode = 'stopped';
    this.wake.cancel();
    this.heartbeat.stop();
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
    if (message.type === 'seek') {
      // A stale request (from before a configure or reset) names runs that are gone.
      if (message.session === this.session) this.outbox.postSeekResult(this.session, message.request, seekCursors(message.targets, this.runs, this.makeTrainer));
      return;
    }
    if (message.type === 'remove') {
      this.remove(message.id);
      return;
    }
    if (message.type === 'ack') {
      if (message.session !== this.session || !this.outbox.awaitingAck) return;
      this.outbox.acknowledge();
      this.settle();
      return;
    }
    if (!this.runs.length) {
      this.outbox.postError(`${message.type}: no runs are configured yet`);
      return;
    }
    if (this.failure !== null && message.type !== 'reset') {
      this.outbox.postError(`${message.type}: training failed (${this.failure}); reset or configure again`);
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
    this.wake.cancel();
    this.mode = 'stopped';
    this.playState = 'idle';
    this.failure = null;
    this.session = session;
    this.runs = [];
    this.lockstep.restart();
    this.outbox.startSession();
    this.runs = configs.map((config) => createRunSlot(config, this.makeTrainer));
    // Every run's starting point (weights, initial loss) goes out at once, before any step.
    this.outbox.postChunk(this.session, this.runs, this.scheduler.now(), true);
    if (configs.some((c) => (c.replayTo ?? 0) > 0)) {
      // A replay is a seek to given steps: it reports running, then paused where it stops.
      this.lockstep.aimAtSteps(configs.map((c) => c.replayTo ?? 0));
      this.startSeeking();
    } else this.reportStatus();
  }

  private remove(id: string): void {
    const index = this.runs.findIndex((r) => r.id === id);
    if (index < 0) return;
    this.runs.splice(index, 1);
    this.lockstep.removeRun(index);
    if (!this.runs.length) {
      this.mode = 'stopped';
      this.wake.cancel();
    }
    this.reportStatus();
  }

  private play(): void {
    if (allStopped(this.runs)) {
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
      if (isActive(slot)) advanceRun(slot, 1);
    }
    this.playState = 'paused';
    this.lockstep.resync(this.runs);
    this.settle();
  }

  private seekEpochEnd(): void {
    this.lockstep.aimAtEpochEnds(this.runs);
    this.startSeeking();
  }

  private startSeeking(): void {
    this.mode = 'seeking';
    this.playState = 'running';
    this.reportStatus();
    this.wakeSoon();
  }

  private tick(): void {
    this.wake.fired();
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
      goal = this.lockstep.progress + (this.speed * elapsed) / 1000 / this.runs[0].stepsPerEpoch;
    }
    const maxStepsPerEpoch = Math.max(...this.runs.map((r) => r.stepsPerEpoch));
    for (;;) {
      const roundStart = this.scheduler.now();
      const full = this.mode === 'seeking' ? this.lockstep.seekRound(this.runs, maxStepsPerEpoch) : this.lockstep.playRound(this.runs, goal, maxStepsPerEpoch);
      const now = this.scheduler.now();
      this.lockstep.adaptRound(now - roundStart);

      if (allStopped(this.runs)) {
        this.mode = 'stopped';
        break;
      }
      if (this.mode === 'seeking' && this.lockstep.seekDone(this.runs)) {
        this.mode = 'stopped';
        this.playState = 'paused';
        this.lockstep.resync(this.runs);
        break;
      }
      if (full || this.lockstep.progress >= goal || now - start >= SLICE_MS) break;
    }
  }

  /** Posts what is due, reports the status once the data it describes is out, and plans the next wake. */
  private settle(): void {
    const now = this.scheduler.now();
    const { outbox } = this;
    if (this.hasPending() && now - outbox.lastPostAt >= FRAME_MS && !outbox.awaitingAck) outbox.postChunk(this.session, this.runs, now, false);
    if (!this.hasPending()) this.reportStatus();

    const nextPost = outbox.lastPostAt + FRAME_MS;
    const someChunkFull = this.runs.some((r) => chunkFull(r, this.maxChunkSteps));
    if (outbox.awaitingAck && (this.mode === 'stopped' || someChunkFull)) {
      // Nothing to do until the page has caught up: its ack calls settle() again.
      this.wake.cancel();
    } else if (this.mode === 'stopped') {
      if (this.hasPending()) this.wakeAt(nextPost);
      else this.wake.cancel();
    } else if (this.mode === 'playing' && this.speed !== 'max') {
      this.wakeAt(Math.max(this.lastTickAt + FRAME_MS, this.hasPending() && !outbox.awaitingAck ? nextPost : 0));
    } else if (someChunkFull) {
      this.wakeAt(nextPost);
    } else {
      this.wakeSoon();
    }
  }

  private hasPending(): boolean {
    return this.runs.some((r) => r.builder.steps.length > 0);
  }

  private reportStatus(): void {
    this.outbox.postStatus(this.session, this.runs, this.failure, this.playState);
  }

  private fail(error: unknown): void {
    this.wake.cancel();
    this.heartbeat.stop();
    this.mode = 'stopped';
    this.failure = error instanceof Error ? error.message : String(error);
    this.outbox.postError(this.failure);
    this.reportStatus();
  }

  private wakeSoon(): void {
    this.wake.soon(() => this.tick());
  }

  private wakeAt(time: number): void {
    this.wake.at(time, () => this.tick());
  }
}
