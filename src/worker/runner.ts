// Trains one or more runs and streams their records out as chunks. Knows
// nothing of `self` or Worker: it takes a post function and a scheduler, so the
// worker entry, an in-process fake and the tests all drive the same code.
//
// This file is the state machine: messages in, work in slices (training never
// waits for the page's ack, which holds back messages, not steps), then what
// is due goes out. Lockstep: lockstep.ts; pacing: pacing.ts; posting:
// outbox.ts; what a chunk holds for the view: viewPlan.ts, seriesStream.ts;
// going back to a step: replay.ts.
import { createTrainer as createEngineTrainer } from '../core/index.ts';
import { Heartbeat } from './heartbeat.ts';
import { Lockstep } from './lockstep.ts';
import { CORE_CHECKPOINTS, type CheckpointEngine } from './checkpoints.ts';
import type { RunnerOptions } from './runnerOptions.ts';
import { FRAME_MS, MAX_CATCH_UP_MS, MAX_ROUND_STEPS, SLICE_MS } from './pacing.ts';
import { Outbox } from './outbox.ts';
import { DEFAULT_PAGE_VIEW, DEFAULT_SPEED, validateInMessage, type InMessage, type PageView, type RunConfig, type Speed } from './protocol.ts';
import { replan, seekAnswer } from './replay.ts';
import { advanceRun, allStopped, createRunSlots, footprintOf, hasNews, isActive, type MakeTrainer, type RunFootprint, type RunSlot } from './runSlot.ts';
import { SharedData } from './sharedData.ts';
import type { PlayState } from './runStatus.ts';
import { timerScheduler, type Scheduler } from './scheduler.ts';
import { WakeTimer } from './wakeTimer.ts';

/** stopped: nothing to do until a message; playing: lockstep at the speed; seeking: to the epoch ends. */
type Mode = 'stopped' | 'playing' | 'seeking';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type { RunnerOptions };

export class TrainingRunner {
  private readonly scheduler: Scheduler;
  private readonly makeTrainer: MakeTrainer;
  private readonly checkpointEngine: CheckpointEngine | null;
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
  private view: PageView = DEFAULT_PAGE_VIEW;

  constructor(options: RunnerOptions) {
    this.scheduler = options.scheduler ?? timerScheduler();
    this.makeTrainer = options.createTrainer ?? createEngineTrainer;
    this.checkpointEngine = options.checkpoints === undefined ? CORE_CHECKPOINTS : options.checkpoints;
    this.lockstep = new Lockstep(Math.max(1, Math.floor(options.maxRoundSteps ?? MAX_ROUND_STEPS)));
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

  /** What each run holds in memory (benchmarks and tests read it; the page never needs it). */
  footprint(): RunFootprint[] {
    return this.runs.map(footprintOf);
  }

  /** Stops every timer; the runner does nothing more until the next message. */
  dispose(): void {
    this.mode = 'stopped';
    this.wake.cancel();
    this.heartbeat.stop();
  }

  private dispatch(message: InMessage): void {
    if (message.type === 'configure') return this.configure(message.session, message.runs);
    if (message.type === 'speed') {
      this.speed = message.stepsPerSecond;
      this.lastTickAt = this.scheduler.now();
      return;
    }
    if (message.type === 'remove') return this.remove(message.id);
    if (message.type === 'ack') {
      if (message.session !== this.session || !this.outbox.awaitingAck) return;
      this.outbox.acknowledge();
      this.settle();
      return;
    }
    if (message.type === 'view') {
      this.view = message.view;
      for (const slot of this.runs) replan(slot, this.view);
      return this.settle();
    }
    if (message.type === 'seek') return this.seek(message.id, message.step, message.request);
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
    const shared = new SharedData(this.runs.map((r) => r.trainer), configs.map((c) => c.settings));
    this.runs = [];
    this.lockstep.restart();
    this.outbox.startSession();
    this.runs = createRunSlots(configs, this.makeTrainer, this.checkpointEngine, shared, () => this.scheduler.now(), () => this.outbox.postHeartbeat(session));
    for (const slot of this.runs) replan(slot, this.view);
    // Every run's starting point (weights, initial loss) goes out at once, before any step.
    this.outbox.postChunk(this.session, this.runs, this.scheduler.now(), true);
    if (configs.some((c) => (c.replayTo ?? 0) > 0)) {
      // A replay is a seek to given steps: it reports running, then paused where it stops.
      this.lockstep.aimAtSteps(configs.map((c) => c.replayTo ?? 0));
      this.mode = 'seeking';
      this.playState = 'running';
      this.wakeSoon();
    }
    this.reportStatus();
  }

  private seek(id: string, step: number, request: number): void {
    const answer = seekAnswer(this.runs.find((r) => r.id === id), id, step);
    this.outbox.postSeeked(this.session, request, id, answer.state, answer.message);
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
    for (const slot of this.runs) if (isActive(slot)) advanceRun(slot, 1);
    this.playState = 'paused';
    this.lockstep.resync(this.runs);
    this.settle();
  }

  private seekEpochEnd(): void {
    this.lockstep.aimAtEpochEnds(this.runs);
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

  /** Trains in rounds until the slice is used, the goal is reached, or every run has stopped. */
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
      if (this.mode === 'seeking') this.lockstep.seekRound(this.runs, maxStepsPerEpoch);
      else this.lockstep.playRound(this.runs, goal, maxStepsPerEpoch);
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
      if (this.lockstep.progress >= goal || now - start >= SLICE_MS) break;
    }
    // A run that has trained twice as far as its plan was made for gets a coarser one (a new revision).
    for (const slot of this.runs) if (slot.trainer.step >= 2 * slot.plannedReach) replan(slot, this.view);
  }

  /** Posts what is due, reports the status once the data it describes is out, and plans the next wake. */
  private settle(): void {
    const now = this.scheduler.now();
    const { outbox } = this;
    if (this.hasPending() && now - outbox.lastPostAt >= FRAME_MS && !outbox.awaitingAck) outbox.postChunk(this.session, this.runs, now, false);
    if (!this.hasPending()) this.reportStatus();

    // While an ack is owed, the ack itself calls settle() again; until then only training wakes the runner.
    const postDue = this.hasPending() && !outbox.awaitingAck;
    const nextPost = outbox.lastPostAt + FRAME_MS;
    if (this.mode === 'stopped') {
      if (postDue) this.wakeAt(nextPost);
      else this.wake.cancel();
    } else if (this.mode === 'playing' && this.speed !== 'max') {
      this.wakeAt(Math.max(this.lastTickAt + FRAME_MS, postDue ? nextPost : 0));
    } else {
      this.wakeSoon();
    }
  }

  private hasPending(): boolean {
    return this.runs.some(hasNews);
  }

  private reportStatus(): void {
    this.outbox.postStatus(this.session, this.runs, this.failure, this.playState);
  }

  private fail(error: unknown): void {
    this.wake.cancel();
    this.heartbeat.stop();
    this.mode = 'stopped';
    this.failure = errorText(error);
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
