import { parentPort } from 'node:worker_threads';
import { trainRequestSchema, type TrainEvent } from '../../shared/api/training';
import { hostToWorkerSchema, type WorkerToHost } from './protocol';
import { handleRequest, type EngineSession } from './requests';
import { runTraining } from './trainer';

/**
 * The engine's worker thread (bundled as dist/worker.cjs): trains, and keeps the trained model
 * so inspection and export requests run on it. Training never runs on the main thread.
 */

let session: EngineSession = { model: null, graph: null, dataset: null, loss: null };
let running = false;
let stopRequested = false;

function post(message: WorkerToHost): void {
  parentPort?.postMessage(message);
}

function emit(event: TrainEvent): void {
  post({ kind: 'event', event });
}

async function train(request: unknown, stopFlag: SharedArrayBuffer): Promise<void> {
  const parsed = trainRequestSchema.safeParse(request);
  if (!parsed.success) {
    emit({ event: 'error', code: 'request', message: `Invalid training request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
    post({ kind: 'ended' });
    return;
  }
  if (running) {
    emit({ event: 'error', code: 'busy', message: 'A training run is already in progress; stop it first.' });
    post({ kind: 'ended' });
    return;
  }
  running = true;
  stopRequested = false;
  const flag = new Int32Array(stopFlag);
  try {
    const outcome = await runTraining(parsed.data, emit, { shouldStop: () => stopRequested || Atomics.load(flag, 0) === 1, previous: session.model });
    if (outcome.model !== null) {
      session.model?.dispose();
      session = { model: outcome.model, graph: outcome.graph, dataset: outcome.dataset, loss: outcome.loss };
    }
  } finally {
    running = false;
    post({ kind: 'ended' });
  }
}

parentPort?.on('message', (raw: unknown) => {
  const parsed = hostToWorkerSchema.safeParse(raw);
  if (!parsed.success) return;
  const msg = parsed.data;
  switch (msg.kind) {
    case 'train':
      void train(msg.request, msg.stopFlag);
      return;
    case 'stop':
      stopRequested = true;
      return;
    case 'request':
      void handleRequest(session, { kind: 'request', id: msg.id, type: msg.type, payload: msg.payload }).then(post);
      return;
    case 'crash':
      setImmediate(() => {
        throw new Error('forced crash (test hook)');
      });
      return;
  }
});
