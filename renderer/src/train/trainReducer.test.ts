import { describe, expect, it } from 'vitest';
import { defaultDataset, defaultTraining, MAX_BATCH_POINTS, type RunEpoch } from '../../../shared/project';
import { inferGraph } from '../../../shared/inference/infer';
import { buildFcTfMnist } from '../../../shared/templates/chapter';
import type { Diagnostic } from '../../../shared/diagnostics';
import { trainEventSchema, type TrainEvent, type TrainEventOf } from '../../../shared/api/training';
import {
  forgetsOnOpen,
  idleRun,
  leftWeights,
  problemBeforeStart,
  reduceRun,
  reduceRunAll,
  refusedRun,
  routeEvent,
  runAccepted,
  runEnded,
  runInProgress,
  runRecordOf,
  startingRun,
  stopRefused,
  stopRequested,
  type BatchPoint,
  type RunContext,
  type RunState,
} from './trainReducer';

const BATCH = 32;

// The engine's events as the api client delivers them: contract events, counted from 1 as Keras
// prints them. The helpers take the 0-based epoch and batch the panel keeps.
const backend: TrainEvent = { event: 'backend', backend: 'wasm', failures: [] };
const dataset: TrainEvent = { event: 'dataset', phase: 'decoding', loaded: 30_000, total: 60_000 };
const start: TrainEvent = {
  event: 'start',
  epochs: 2,
  stepsPerEpoch: 10,
  batchSize: BATCH,
  trainSamples: 320,
  validationSamples: 32,
  params: 100,
  memoryEstimateMb: 12,
};
const batch = (epoch: number, b: number, samplesPerSecond = 320, loss = 0.5): TrainEvent => ({
  event: 'batch',
  epoch: epoch + 1,
  batch: b + 1,
  loss,
  metrics: { accuracy: 0.8 },
  samplesPerSecond,
});
const epoch = (e: number, etaMs = 1000): TrainEvent => ({
  event: 'epoch',
  epoch: e + 1,
  loss: 0.4,
  metrics: { accuracy: 0.85 },
  valLoss: 0.45,
  valMetrics: { val_accuracy: 0.84 },
  learningRate: 0.001,
  durationMs: 900,
  etaMs,
});
const done: TrainEvent = { event: 'done', testAccuracy: 0.9, testLoss: 0.3, samplesPerSecond: 400, backend: 'wasm', epochs: 2 };
const stopped = (reason: 'user' | 'nan' | 'early_stopping', message: string): TrainEventOf<'stopped'> => ({
  event: 'stopped',
  reason,
  message,
  epoch: 1,
  batch: 3,
});
const userStop = stopped('user', 'Stopped at epoch 1, batch 3; the weights trained so far are kept.');
const nanStop = stopped('nan', 'The loss became NaN at epoch 1, batch 2: training diverged.');
const earlyStop = stopped('early_stopping', 'val_loss did not improve for 2 epochs.');
const failure: TrainEventOf<'error'> = { event: 'error', code: 'worker-crash', message: 'The training engine crashed: boom.' };

/** A run the engine accepted, 'run-1', started from document 3. */
const accepted: RunState = runAccepted(startingRun({ name: 'fc', key: 'k', document: 3, now: 1000 }), 'run-1');

function play(events: readonly TrainEvent[], from: RunState = accepted): ReturnType<typeof reduceRunAll> {
  return reduceRunAll(from, events, BATCH);
}

/** Deep-freezes the state and events so that a reducer writing to its input throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

describe('starting a run', () => {
  it('starts from a clean state for the model and document it trains', () => {
    expect(startingRun({ name: 'fc', key: 'k', document: 3, now: 1000 })).toEqual({
      ...idleRun,
      phase: 'starting',
      startedAt: 1000,
      model: 'fc',
      modelKey: 'k',
      document: 3,
    });
  });

  it('the engine accepting it moves starting to loading; events applied first keep theirs', () => {
    expect(accepted).toMatchObject({ runId: 'run-1', phase: 'loading' });
    // The run's first events overtook the start reply: they were applied already.
    const ahead = { ...startingRun({ name: 'fc', key: 'k', document: 3, now: 1000 }), phase: 'training' as const };
    expect(runAccepted(ahead, 'run-1')).toMatchObject({ runId: 'run-1', phase: 'training' });
  });

  it('a refused start is an error with the reason and nothing of the last run', () => {
    expect(refusedRun('The engine is busy.')).toEqual({ ...idleRun, phase: 'error', message: 'The engine is busy.' });
  });
});

describe('reduceRun: progress', () => {
  it('backend, dataset and start fill in what the panel shows before the first batch', () => {
    const { state, finished } = play([backend, dataset, start]);
    expect(state).toMatchObject({
      backend: 'wasm',
      backendDetail: null,
      backendHint: null,
      backendFailures: [],
      datasetProgress: 0.5,
      datasetMessage: 'decoding 30,000 / 60,000',
      phase: 'training',
      epochs: 2,
      stepsPerEpoch: 10,
      memoryEstimateMb: 12,
    });
    expect(finished).toBe(false);
  });

  it('a batch updates progress, speed and the time left, and adds a curve point at its global step', () => {
    const before = play([start]).state;
    // Epoch 1 (0-based 0), batch 5 of 10 at 320 samples/s: 15 steps of 32 images left, 0.1 s each.
    const step = reduceRun(before, batch(0, 4), BATCH);
    expect(step.state).toMatchObject({ phase: 'training', epoch: 0, batch: 4, samplesPerSecond: 320, etaMs: 1500 });
    expect(step.batch).toEqual([5, 0.5, 0.8]);
    expect(step.epoch).toBeNull();
    expect(step.finished).toBe(false);
    // Second epoch, batch 3: step 13 of 20.
    expect(reduceRun(before, batch(1, 2), BATCH).batch).toEqual([13, 0.5, 0.8]);
  });

  it('a batch without a speed yet keeps the last time left', () => {
    const before = { ...play([start]).state, etaMs: 4000 };
    expect(reduceRun(before, batch(0, 0, 0), BATCH).state.etaMs).toBe(4000);
  });

  it('the time left never goes below zero', () => {
    const before = play([start]).state;
    expect(reduceRun(before, batch(5, 0), BATCH).state.etaMs).toBe(0);
  });

  it('an epoch appends its history entry, with the batch axis step at its end', () => {
    const step = reduceRun(play([start, batch(0, 9)]).state, epoch(0, 950), BATCH);
    const entry: RunEpoch = { epoch: 0, step: 10, loss: 0.4, accuracy: 0.85, valLoss: 0.45, valAccuracy: 0.84, durationMs: 900 };
    expect(step.epoch).toEqual(entry);
    expect(step.batch).toBeNull();
    expect(step.state).toMatchObject({ phase: 'training', epoch: 0, batch: 9, etaMs: 950 });
  });

  it('after the last epoch the run is evaluating, and a batch does not undo that', () => {
    const { state } = play([start, batch(1, 9), epoch(1, 0)]);
    expect(state.phase).toBe('evaluating');
    expect(runInProgress(state)).toBe(true);
    expect(reduceRun(state, batch(1, 9), BATCH).state.phase).toBe('evaluating');
  });

  it('warnings add lines to the message', () => {
    const a = warningOf('3 unreadable files were skipped.');
    const b = warningOf('Images are resized.');
    expect(play([a, b]).state.message).toBe('3 unreadable files were skipped.\nImages are resized.');
  });
});

describe('reduceRun: reading the engine’s events', () => {
  // Every body is a contract event (parsed by its schema below), the only kind the api client delivers.
  const cases: { name: string; body: TrainEvent; state: Partial<RunState>; batch?: BatchPoint; epoch?: RunEpoch; finished?: boolean }[] = [
    {
      name: 'batch: 1-based counters become 0-based, accuracy from metrics',
      body: { event: 'batch', epoch: 1, batch: 3, loss: 0.7, metrics: { accuracy: 0.8 }, samplesPerSecond: 1200 },
      state: { epoch: 0, batch: 2, samplesPerSecond: 1200 },
      batch: [3, 0.7, 0.8],
    },
    {
      name: 'batch of a model compiled without accuracy',
      body: { event: 'batch', epoch: 2, batch: 1, loss: 0.02, metrics: {}, samplesPerSecond: 900 },
      state: { epoch: 1, batch: 0 },
      batch: [11, 0.02, null],
    },
    {
      name: 'epoch: validation loss and val_accuracy',
      body: {
        event: 'epoch',
        epoch: 2,
        loss: 0.3,
        metrics: { accuracy: 0.9 },
        valLoss: 0.25,
        valMetrics: { val_accuracy: 0.93 },
        learningRate: 0.001,
        durationMs: 5000,
        etaMs: 10000,
      },
      state: { epoch: 1, etaMs: 10000 },
      epoch: { epoch: 1, step: 20, loss: 0.3, accuracy: 0.9, valLoss: 0.25, valAccuracy: 0.93, durationMs: 5000 },
    },
    {
      name: 'epoch without a validation split',
      body: { event: 'epoch', epoch: 1, loss: 0.4, metrics: { accuracy: 0.88 }, learningRate: 0.01, durationMs: 1200, etaMs: 0 },
      state: { epoch: 0, etaMs: 0 },
      epoch: { epoch: 0, step: 10, loss: 0.4, accuracy: 0.88, valLoss: null, valAccuracy: null, durationMs: 1200 },
    },
    {
      name: 'backend with failures keeps them as the engine sent them',
      body: { event: 'backend', backend: 'wasm', detail: 'SIMD', failures: [{ backend: 'tensorflow', reason: 'tfjs-node is not installed' }] },
      state: { backend: 'wasm', backendDetail: 'SIMD', backendHint: null, backendFailures: [{ backend: 'tensorflow', reason: 'tfjs-node is not installed' }] },
    },
    {
      name: 'a kernel tier that did not start: the hint and every failure are kept (the backend line picks what to show)',
      body: {
        event: 'backend',
        backend: 'simd',
        detail: 'SIMD128 wasm kernels, 2 threads',
        failures: [
          { backend: 'tensorflow', reason: 'tfjs-node is not installed' },
          { backend: 'native', reason: 'native kernels not built (no C++ compiler)' },
        ],
        hint: 'native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads',
      },
      state: {
        backend: 'simd',
        backendDetail: 'SIMD128 wasm kernels, 2 threads',
        backendHint: 'native kernels not built (no C++ compiler): using SIMD128 wasm kernels, 2 threads',
        backendFailures: [
          { backend: 'tensorflow', reason: 'tfjs-node is not installed' },
          { backend: 'native', reason: 'native kernels not built (no C++ compiler)' },
        ],
      },
    },
    {
      name: 'no backend at all is an error naming each failure',
      body: {
        event: 'backend',
        backend: null,
        failures: [
          { backend: 'wasm', reason: 'no WebAssembly' },
          { backend: 'cpu', reason: 'out of memory' },
        ],
      },
      state: { phase: 'error', backend: null, message: 'wasm failed: no WebAssembly · cpu failed: out of memory' },
      finished: true,
    },
    {
      name: 'no backend and no reasons',
      body: { event: 'backend', backend: null, failures: [] },
      state: { phase: 'error', message: 'No training backend could start.' },
      finished: true,
    },
    {
      name: 'dataset progress from loaded/total',
      body: { event: 'dataset', phase: 'decoding', loaded: 500, total: 1000 },
      state: { phase: 'loading', datasetProgress: 0.5, datasetMessage: 'decoding 500 / 1,000' },
    },
    {
      name: 'dataset of unknown size',
      body: { event: 'dataset', phase: 'reading', loaded: 12345, total: null },
      state: { phase: 'loading', datasetProgress: null, datasetMessage: 'reading 12,345' },
    },
    {
      name: 'stopped keeps the engine’s message',
      body: { event: 'stopped', reason: 'nan', message: 'The loss became NaN at epoch 1, batch 4', epoch: 1, batch: 4 },
      state: { phase: 'error', message: 'The loss became NaN at epoch 1, batch 4' },
      finished: true,
    },
    {
      name: 'done',
      body: { event: 'done', testLoss: 0.1, testAccuracy: 0.97, samplesPerSecond: 2000, backend: 'wasm', epochs: 1 },
      state: { phase: 'done', testAccuracy: 0.97, testLoss: 0.1, samplesPerSecond: 2000, backend: 'wasm' },
      finished: true,
    },
    {
      name: 'start',
      body: {
        event: 'start',
        epochs: 3,
        stepsPerEpoch: 270,
        batchSize: 200,
        trainSamples: 54000,
        validationSamples: 6000,
        params: 101770,
        memoryEstimateMb: 120,
      },
      state: { phase: 'training', epochs: 3, stepsPerEpoch: 270, memoryEstimateMb: 120 },
    },
  ];
  it.each(cases)('$name', ({ body, state, batch: point, epoch: entry, finished }) => {
    expect(trainEventSchema.parse(body)).toEqual(body);
    // A run of two epochs of 10 batches, started.
    const step = reduceRun(play([start]).state, body, BATCH);
    expect(step.state).toMatchObject(state);
    expect(step.batch).toEqual(point ?? null);
    expect(step.epoch).toEqual(entry ?? null);
    expect(step.finished).toBe(finished ?? false);
  });

  it('the wire’s old snake_case spelling is refused before it reaches the panel', () => {
    expect(
      trainEventSchema.safeParse({ event: 'done', test_loss: 0.1, test_accuracy: 0.97, samples_per_second: 2000, backend: 'wasm', epochs: 1 }).success,
    ).toBe(false);
  });
});

describe('reduceRun: how a run ends', () => {
  const running = play([backend, start, batch(0, 2)]).state;

  it('done: the test result, the final speed and backend, no time left', () => {
    const step = reduceRun(running, done, BATCH);
    expect(step.state).toMatchObject({ phase: 'done', stopping: false, testAccuracy: 0.9, testLoss: 0.3, samplesPerSecond: 400, backend: 'wasm', etaMs: 0 });
    expect(step.finished).toBe(true);
    expect(runEnded(step.state)).toBe(true);
    expect(runInProgress(step.state)).toBe(false);
  });

  it('a stop during a run: Stop shows stopping, the engine confirms and the run is stopped', () => {
    const stopping = stopRequested(running);
    expect(stopping).toMatchObject({ phase: 'training', stopping: true });
    expect(runInProgress(stopping)).toBe(true);
    // Batches the engine had sent before it saw the stop still count.
    const { state, batches, finished } = play([batch(0, 3), userStop], stopping);
    expect(batches).toEqual([[4, 0.5, 0.8]]);
    expect(state).toMatchObject({ phase: 'stopped', stopping: false, message: userStop.message, batch: 3 });
    expect(finished).toBe(true);
  });

  it('a stop the engine refused: no longer stopping, and the reason shown', () => {
    expect(stopRefused(stopRequested(running), 'No run is in progress.')).toMatchObject({
      phase: 'training',
      stopping: false,
      message: 'No run is in progress.',
    });
  });

  it('a loss that became NaN ends the run as an error with the advice', () => {
    const step = reduceRun(running, nanStop, BATCH);
    expect(step.state).toMatchObject({ phase: 'error', stopping: false, message: nanStop.message });
    expect(step.finished).toBe(true);
  });

  it('early stopping waits for the test evaluation: the run ends with done', () => {
    const stopped = reduceRun(running, earlyStop, BATCH);
    expect(stopped.state).toMatchObject({ phase: 'training', message: earlyStop.message });
    expect(stopped.finished).toBe(false);
    const after = reduceRun(stopped.state, done, BATCH);
    expect(after.state.phase).toBe('done');
    expect(after.finished).toBe(true);
  });

  it('an engine error ends the run with its message', () => {
    const step = reduceRun(stopRequested(running), failure, BATCH);
    expect(step.state).toMatchObject({ phase: 'error', stopping: false, message: failure.message });
    expect(step.finished).toBe(true);
  });

  it('done after a stop or an error keeps that ending and adds the test result', () => {
    const afterStop = play([userStop, done], running).state;
    expect(afterStop).toMatchObject({ phase: 'stopped', testAccuracy: 0.9, message: userStop.message });
    expect(play([failure, done], running).state).toMatchObject({ phase: 'error', testAccuracy: 0.9, message: failure.message });
  });

  it('the engine failing after done shows as an error', () => {
    expect(play([done, failure], running).state).toMatchObject({ phase: 'error', testAccuracy: 0.9, message: failure.message });
  });
});

describe('reduceRun: late events', () => {
  const late: readonly TrainEvent[] = [backend, dataset, start, batch(0, 9), epoch(0)];

  for (const [name, ending] of [
    ['done', done],
    ['stopped', userStop],
    ['NaN', nanStop],
    ['failed', failure],
  ] as const) {
    it(`progress after a run ${name} changes nothing and adds no curve points`, () => {
      const ended = play([start, batch(0, 2), ending]).state;
      for (const u of late) {
        const step = reduceRun(ended, u, BATCH);
        expect(step.state).toBe(ended);
        expect(step.batch).toBeNull();
        expect(step.epoch).toBeNull();
        expect(step.finished).toBe(false);
      }
      expect(runInProgress(play(late, ended).state)).toBe(false);
    });
  }
});

describe('reduceRunAll', () => {
  it('one frame of a whole run: points in order, the store state at the end, finished once', () => {
    const all = [backend, dataset, start, batch(0, 4), batch(0, 9), epoch(0), batch(1, 4), batch(1, 9), epoch(1, 0), done];
    const { state, batches, epochs, finished } = play(all);
    const expected: BatchPoint[] = [
      [5, 0.5, 0.8],
      [10, 0.5, 0.8],
      [15, 0.5, 0.8],
      [20, 0.5, 0.8],
    ];
    expect(batches).toEqual(expected);
    expect(epochs.map((e) => [e.epoch, e.step])).toEqual([
      [0, 10],
      [1, 20],
    ]);
    expect(state).toMatchObject({ phase: 'done', epoch: 1, batch: 9, testAccuracy: 0.9, etaMs: 0 });
    expect(finished).toBe(true);
  });

  it('nothing to apply leaves the state as it is', () => {
    const r = play([]);
    expect(r.state).toBe(accepted);
    expect(r).toMatchObject({ batches: [], epochs: [], finished: false });
  });

  it('never writes to the state or the events it is given', () => {
    const all = frozen([backend, dataset, start, batch(0, 4), epoch(0), warningOf('w'), userStop, done]);
    const from = frozen(play([]).state);
    expect(() => reduceRunAll(from, all, BATCH)).not.toThrow();
    expect(from).toEqual(accepted);
  });
});

describe('routeEvent', () => {
  it("applies the shown run's events, holds events while the start reply is out, drops older runs", () => {
    expect(routeEvent(accepted, 'run-1')).toBe('apply');
    expect(routeEvent(accepted, 'run-0')).toBe('drop');
    expect(routeEvent(startingRun({ name: 'fc', key: 'k', document: 3, now: 0 }), 'run-2')).toBe('hold');
    expect(routeEvent(play([done]).state, 'run-0')).toBe('drop');
    expect(routeEvent(idleRun, 'run-1')).toBe('drop');
  });
});

describe('forgetsOnOpen', () => {
  const cases: { name: string; state: RunState; document: number; forgets: boolean }[] = [
    { name: 'a finished run, another document', state: play([done]).state, document: 4, forgets: true },
    { name: 'a failed start, another document', state: refusedRun('x'), document: 4, forgets: true },
    { name: 'a finished run, its own document', state: play([done]).state, document: 3, forgets: false },
    { name: 'a run in progress', state: play([start]).state, document: 4, forgets: false },
    { name: 'nothing shown', state: idleRun, document: 4, forgets: false },
  ];
  for (const c of cases) it(c.name, () => expect(forgetsOnOpen(c.state, c.document)).toBe(c.forgets));
});

describe('problemBeforeStart', () => {
  const graph = buildFcTfMnist();
  const inference = inferGraph(graph);
  const error = (message: string): Diagnostic => ({ severity: 'error', code: 'spatial-size', message });

  it('a model that infers cleanly can start', () => {
    expect(problemBeforeStart(graph, inference)).toBeNull();
  });

  it('an empty canvas says how to get a model', () => {
    expect(problemBeforeStart({ ...graph, nodes: [], edges: [] }, inference)).toBe(
      'The canvas is empty: open a template (the FC net or the Keras CNN) or build a model first.',
    );
  });

  it('model errors: how many, and the first one', () => {
    const one = { ...inference, diagnostics: [error("Dense 'd' needs a Flatten.")] };
    expect(problemBeforeStart(graph, one)).toBe("Fix the model first (1 problem in the Problems tab): Dense 'd' needs a Flatten.");
    const two = { ...inference, diagnostics: [{ ...error('w'), severity: 'warning' as const }, error('first'), error('second')] };
    expect(problemBeforeStart(graph, two)).toBe('Fix the model first (2 problems in the Problems tab): first');
  });
});

describe('runRecordOf', () => {
  const ctx: RunContext = {
    model: 'fc',
    key: 'k',
    totalParams: 100,
    training: defaultTraining,
    dataset: defaultDataset,
    limit: null,
    startedAt: '2024-01-01T00:00:00.000Z',
  };
  const epochEntry: RunEpoch = { epoch: 0, step: 10, loss: 0.4, accuracy: 0.85, valLoss: null, valAccuracy: null, durationMs: 900 };
  const series = {
    batches: [
      [1, 0.5, 0.8],
      [2, 0.4, 0.9],
    ] as BatchPoint[],
    epochs: [epochEntry],
  };

  it('a done run: its numbers, no message', () => {
    const s = { ...play([start, warningOf('w'), done]).state };
    expect(runRecordOf(ctx, s, series)).toEqual({
      id: 'run-1',
      startedAt: ctx.startedAt,
      model: 'fc',
      totalParams: 100,
      training: defaultTraining,
      dataset: defaultDataset,
      limit: null,
      backend: 'wasm',
      status: 'done',
      message: null,
      stepsPerEpoch: 10,
      epochs: [epochEntry],
      batches: series.batches,
      testAccuracy: 0.9,
      testLoss: 0.3,
      samplesPerSecond: 400,
    });
  });

  it('stopped and failed runs keep the reason', () => {
    expect(runRecordOf(ctx, play([start, userStop]).state, series)).toMatchObject({ status: 'stopped', message: userStop.message });
    expect(runRecordOf(ctx, play([start, nanStop]).state, series)).toMatchObject({ status: 'error', message: nanStop.message });
  });

  it('copies the live curves (they are cleared for the next run) and thins the batches', () => {
    const many = { batches: Array.from({ length: 1000 }, (_, i): BatchPoint => [i + 1, 1, null]), epochs: [epochEntry] };
    const run = runRecordOf(ctx, play([start, done]).state, many);
    expect(run?.batches.length).toBe(MAX_BATCH_POINTS);
    expect(run?.epochs).not.toBe(many.epochs);
  });

  it('no record without a run id', () => {
    expect(runRecordOf(ctx, refusedRun('x'), series)).toBeNull();
  });

  it('a run that failed before its first epoch leaves no weights to continue from', () => {
    const failedEarly = runRecordOf(ctx, play([start, failure]).state, { batches: [], epochs: [] });
    const failedLate = runRecordOf(ctx, play([start, failure]).state, series);
    const stopped = runRecordOf(ctx, play([start, userStop]).state, { batches: [], epochs: [] });
    expect([failedEarly, failedLate, stopped].map((r) => (r === null ? null : leftWeights(r)))).toEqual([false, true, true]);
  });
});

function warningOf(message: string): TrainEvent {
  return { event: 'warning', code: 'data', message };
}
