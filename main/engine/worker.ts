import { trainRequestSchema, type TrainEvent } from '../../shared/api/training';
import { isFatalEngineError, parentChannel, restartNote } from './parentChannel';
import { hostToWorkerSchema, type WorkerToHost } from './protocol';
import { handleRequest, type EngineSession } from './requests';
import { runTraining } from './trainer';

/**
 * The engine (bundled as dist/worker.cjs): trains, and keeps the trained model so inspection and
 * export requests run on it. It runs in its own process (or a worker thread), never on the
 * main thread; see channel.ts and parentChannel.ts.
 */

const channel = parentChannel();
if (channel?.isProcess === true) {
  // One line, then exit: the host reports the crash and starts a fresh engine. (Without this, the
  // wasm backend's own rethrowing listener makes Node print its whole minified source line.)
  process.setUncaughtExceptionCaptureCallback((error) => {
    process.stderr.write(`Blockprop engine: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  });
}
/** Set after a fatal error (wasm out of memory …): the engine exits once the error is posted. */
let fatal = false;

function exitAfterFatal(): void {
  if (!fatal) return;
  // Let the error reach the host first; then a fresh engine replaces this one.
  setTimeout(() => process.exit(70), 100);
}

let session: EngineSession = { model: null, graph: null, dataset: null, loss: null };
let running = false;
let stopRequested = false;

function post(message: WorkerToHost): void {
  if (message.kind === 'response' && !message.ok && isFatalEngineError(message.error.message)) {
    fatal = true;
    message = { ...message, error: { ...message.error, message: message.error.message + restartNote } };
  }
  channel?.post(message);
  if (message.kind === 'response') exitAfterFatal();
}

function emit(event: TrainEvent): void {
  if (event.event === 'error' && isFatalEngineError(event.message)) {
    fatal = true;
    post({ kind: 'event', event: { ...event, message: event.message + restartNote } });
    return;
  }
  post({ kind: 'event', event });
}

async function train(request: unknown, stopFlag: SharedArrayBuffer): Promise<void> {
  const parsed = trainRequestSchema.safeParse(request);
  if (!parsed.success) {
    emit({
      event: 'error',
      code: 'request',
      message: `Invalid training request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    });
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
  } catch (e) {
    emit({ event: 'error', code: 'engine', message: `Training failed: ${e instanceof Error ? e.message : String(e)}` });
  } finally {
    running = false;
    post({ kind: 'ended' });
    exitAfterFatal();
  }
}

channel?.onMessage((raw: unknown) => {
  // Across a process boundary the train message comes without its SharedArrayBuffer (it cannot
  // be cloned there); this engine then stops on the host's 'stop' message, with a flag of its own.
  const message =
    channel.isProcess &&
    typeof raw === 'object' &&
    raw !== null &&
    Reflect.get(raw, 'kind') === 'train' &&
    !(Reflect.get(raw, 'stopFlag') instanceof SharedArrayBuffer)
      ? { ...raw, stopFlag: new SharedArrayBuffer(4) }
      : raw;
  const parsed = hostToWorkerSchema.safeParse(message);
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
