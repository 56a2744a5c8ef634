// What the store needs of a worker. A browser Worker fits as it is; tests pass
// an in-process fake that runs the same TrainingRunner.
import type { InMessage } from '../worker/protocol.ts';

export interface WorkerLike {
  postMessage(message: InMessage, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;
