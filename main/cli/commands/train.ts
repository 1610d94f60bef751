import * as path from 'node:path';
import type { TrainEvent, TrainRequest } from '../../../shared/api/training';
import { defaultDataset, defaultTraining, optimizerKinds, type Optimizer, type TrainingSettings } from '../../../shared/project';
import { Engine } from '../../engine/host';
import { exitDiverged, exitInvalid, exitOk, exitUsage, type CliCommand, type CliIo } from '../command';
import { loadModelFile } from '../loadModel';
import { backendOf, backendOption, datasetOption, datasetRefOf, weightsOption, wholeNumber } from '../options';
import { trainEventJson } from '../trainJson';

/** `blockprop train FILE --dataset …`: trains in the engine's worker, printing Keras-fit-like progress or JSON lines. */

const fmt = (v: number): string => (Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(4));

function metricsText(loss: number, metrics: Readonly<Record<string, number>>): string {
  return [`loss: ${fmt(loss)}`, ...Object.entries(metrics).map(([k, v]) => `${k}: ${fmt(v)}`)].join(' - ');
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** Keras-style text output: "Epoch 1/10", a progress bar redrawn in place, then the epoch's line. */
class TextReporter {
  private steps = 0;
  private epochs = 0;
  private epochStart = Date.now();
  private readonly tty: boolean;
  private readonly io: CliIo;

  constructor(io: CliIo, tty: boolean) {
    this.io = io;
    this.tty = tty;
  }

  private bar(batch: number): string {
    const width = 30;
    const done = Math.min(width, Math.floor((batch / Math.max(1, this.steps)) * width));
    return `${String(batch).padStart(String(this.steps).length)}/${this.steps} [${'='.repeat(Math.max(0, done - 1))}${done < width ? '>' : '='}${'.'.repeat(width - done)}]`;
  }

  onEvent(e: TrainEvent): void {
    const io = this.io;
    switch (e.event) {
      case 'backend':
        // Our faster tiers that did not start are a hint (their reasons are in it), not a failure.
        for (const f of e.failures)
          if (e.hint === undefined || (f.backend !== 'native' && f.backend !== 'simd')) io.err(`backend ${f.backend} unavailable: ${f.reason}\n`);
        if (e.backend !== null) io.err(`Backend: ${e.backend}${e.detail ? ` (${e.detail})` : ''}\n`);
        if (e.hint !== undefined) io.err(`note: ${e.hint}\n`);
        return;
      case 'warning':
        io.err(`warning: ${e.message}\n`);
        return;
      case 'start':
        this.steps = e.stepsPerEpoch;
        this.epochs = e.epochs;
        io.err(
          `Training on ${e.trainSamples} samples, validating on ${e.validationSamples}; ${e.params.toLocaleString('en-US')} parameters, about ${e.memoryEstimateMb} MB.\n`,
        );
        io.out(`Epoch 1/${this.epochs}\n`);
        this.epochStart = Date.now();
        return;
      case 'batch':
        if (this.tty) io.out(`\r${this.bar(e.batch)} - ${seconds(Date.now() - this.epochStart)} - ${metricsText(e.loss, e.metrics)}`);
        return;
      case 'epoch': {
        const val = e.valLoss !== undefined ? ` - ${metricsText(e.valLoss, e.valMetrics ?? {}).replace('loss', 'val_loss')}` : '';
        const ms = Math.round(e.durationMs / this.steps);
        io.out(`${this.tty ? '\r' : ''}${this.bar(this.steps)} - ${seconds(e.durationMs)} ${ms}ms/step - ${metricsText(e.loss, e.metrics)}${val}\n`);
        if (e.epoch < this.epochs) io.out(`Epoch ${e.epoch + 1}/${this.epochs}\n`);
        this.epochStart = Date.now();
        return;
      }
      case 'stopped':
        io.out(`${this.tty ? '\n' : ''}${e.message}\n`);
        return;
      case 'error':
        io.err(`blockprop train: ${e.message}\n`);
        return;
      case 'done':
        io.out(`Test loss: ${fmt(e.testLoss)}\nTest accuracy: ${e.testAccuracy === null ? '—' : fmt(e.testAccuracy)}\n`);
        io.err(`${Math.round(e.samplesPerSecond)} samples/s on ${e.backend}\n`);
        return;
      case 'dataset':
        return;
    }
  }
}

function optimizerOf(name: string, base: Optimizer): Optimizer | null {
  const kind = optimizerKinds.find((k) => k === name.toLowerCase());
  if (kind === undefined) return null;
  if (kind === 'sgd') return base.kind === 'sgd' ? base : { kind: 'sgd', momentum: 0, nesterov: false };
  return { kind };
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train a model on MNIST, Fashion-MNIST or an image folder (Keras-like progress, or --json lines)',
  args: {
    positionals: [{ name: 'FILE', required: true }],
    options: [
      datasetOption("the data (default: the project's, else mnist)"),
      { name: 'epochs', kind: 'value', valueName: 'N', help: 'number of epochs' },
      { name: 'batch-size', kind: 'value', valueName: 'N', help: 'samples per batch' },
      { name: 'optimizer', kind: 'value', valueName: 'NAME', help: optimizerKinds.join('|') },
      { name: 'lr', kind: 'value', valueName: 'X', help: 'learning rate' },
      backendOption,
      { name: 'seed', kind: 'value', valueName: 'N', help: 'random seed (same seed and backend: same curve)' },
      { name: 'limit', kind: 'value', valueName: 'N', help: 'use at most N training and N test samples' },
      { name: 'out', kind: 'value', valueName: 'DIR', help: 'write the trained model there (model.keras and tfjs/)' },
      { name: 'json', kind: 'flag', help: 'one JSON object per event and line, snake_case keys as Keras logs them' },
      weightsOption,
      { name: 'from-scratch', kind: 'flag', help: "start from fresh initial weights instead of the file's weights" },
    ],
  },
  async run({ args, io }) {
    const usage = (m: string): number => {
      io.err(`blockprop train: ${m}\n`);
      return exitUsage;
    };
    const file = args.positionals[0] ?? '';
    const weightsFile = args.values.get('weights');
    const loaded = await loadModelFile(file, weightsFile);
    if (!loaded.ok) return usage(loaded.error.message);
    const json = args.flags.has('json');
    // With --json every warning and repair is a JSON line too (scripts read stdout only).
    const warn = (code: string, message: string): void => {
      if (json) io.out(`${trainEventJson({ event: 'warning', code, message })}\n`);
      else io.err(`warning: ${message}\n`);
    };
    const model = loaded.value;
    for (const w of model.warnings) warn('file', w);
    let training: TrainingSettings = model.project?.training ?? defaultTraining;
    const epochs = wholeNumber(args, 'epochs', 1);
    const batchSize = wholeNumber(args, 'batch-size', 1);
    const seed = wholeNumber(args, 'seed', 0);
    const limit = wholeNumber(args, 'limit', 1);
    if (epochs === null || batchSize === null || seed === null || limit === null)
      return usage('--epochs, --batch-size and --limit take a positive whole number, --seed a whole number');
    const lrText = args.values.get('lr');
    const lr = lrText === undefined ? undefined : Number(lrText);
    if (lr !== undefined && !(lr > 0 && lr <= 10)) return usage('--lr takes a number in (0, 10]');
    const optName = args.values.get('optimizer');
    const optimizer = optName === undefined ? training.optimizer : optimizerOf(optName, training.optimizer);
    if (optimizer === null) return usage(`--optimizer must be one of ${optimizerKinds.join(', ')}`);
    const backend = backendOf(args);
    training = {
      ...training,
      optimizer,
      ...(epochs !== undefined ? { epochs } : {}),
      ...(batchSize !== undefined ? { batchSize } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(lr !== undefined ? { learningRate: lr } : {}),
    };
    const datasetArg = args.values.get('dataset');
    const dataset = datasetArg !== undefined ? datasetRefOf(datasetArg) : (model.project?.dataset ?? defaultDataset);
    // A file with weights continues from them (Keras's fit on a loaded model); --from-scratch re-initialises.
    const fromScratch = args.flags.has('from-scratch');
    const weightsFrom =
      model.weights !== null && !fromScratch
        ? { kind: 'file' as const, path: path.resolve(file), ...(weightsFile !== undefined ? { weights: path.resolve(weightsFile) } : {}) }
        : undefined;
    if (weightsFrom !== undefined) {
      if (json)
        io.out(
          `${trainEventJson({ event: 'warning', code: 'continuing', message: `Continuing from the weights in ${file} (--from-scratch starts from fresh weights).` })}\n`,
        );
      else io.err(`Continuing from the weights in ${file} (--from-scratch starts from fresh weights).\n`);
    }
    const req: TrainRequest = {
      graph: model.graph,
      training,
      dataset,
      backend,
      ...(limit !== undefined ? { limit: { train: limit, test: limit } } : {}),
      ...(weightsFrom !== undefined ? { weightsFrom } : {}),
    };

    const engine = new Engine();
    const text = new TextReporter(io, !json && process.stdout.isTTY);
    let failed = false;
    const run = engine.startTraining(req, (e) => {
      if (e.event === 'error') failed = true;
      if (json) io.out(`${trainEventJson(e)}\n`);
      else text.onEvent(e);
    });
    const stopOnSignal = (): void => run.stop();
    process.once('SIGINT', stopOnSignal);
    const last = await run.done;
    process.removeListener('SIGINT', stopOnSignal);
    const diverged = last?.event === 'stopped' && last.reason === 'nan';
    let code = failed ? exitInvalid : diverged ? exitDiverged : exitOk;
    const out = args.values.get('out');
    if (out !== undefined && !failed && !diverged && last !== null) {
      for (const [format, target] of [
        ['keras', path.join(out, 'model.keras')],
        ['tfjs', path.join(out, 'tfjs')],
      ] as const) {
        const saved = await engine.request('save', { format, target });
        if (saved.ok) {
          if (!json) io.err(`wrote ${format} model to ${target}\n`);
        } else {
          io.err(`blockprop train: could not write the ${format} model: ${saved.error.message}\n`);
          code = exitInvalid;
        }
      }
    }
    await engine.close();
    return code;
  },
};
