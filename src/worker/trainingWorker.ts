// The worker entry: wires the global scope to a TrainingRunner. All logic
// lives in the runner so that it can be tested without a worker.
import { TrainingRunner } from './runner.ts';
import { channelScheduler } from './scheduler.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = new TrainingRunner({
  post: (message, transfer) => scope.postMessage(message, transfer),
  scheduler: channelScheduler(),
  flowControl: true,
});

scope.onmessage = (event: MessageEvent<unknown>) => runner.handle(event.data);
scope.onmessageerror = () => scope.postMessage({ type: 'error', message: 'a message to the training worker could not be read' });
