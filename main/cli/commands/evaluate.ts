import type { EvaluateResult } from '../../../shared/api/inspect';
import { evaluateSavedModel } from '../../engine/inspect/savedModel';
import { exitOk, exitUsage, type CliCommand } from '../command';
import { printWarnings } from '../report';
import { backendOf, backendOption, datasetOption, datasetRefOf, weightsOption, wholeNumber } from '../options';

const pct = (v: number | null) => (v === null ? '   —  ' : `${(v * 100).toFixed(1).padStart(5)}%`);

/** Keras-like text: the metrics line, per-class accuracy, the confusion matrix and the worst mistakes. */
export function formatEvaluation(r: EvaluateResult, title: string): string {
  const lines = [`${r.count} test images of ${title}`, `loss: ${r.loss.toFixed(4)} - accuracy: ${r.accuracy.toFixed(4)}`, ''];
  const width = Math.max(5, ...r.classNames.map((n) => n.length), ...r.confusion.flat().map((v) => String(v).length));
  lines.push('Per-class accuracy:');
  r.classNames.forEach((name, k) => lines.push(`  ${name.padEnd(width)}  ${pct(r.perClassAccuracy[k] ?? null)}`));
  lines.push('', 'Confusion matrix (rows: true class, columns: predicted):');
  lines.push(`  ${''.padEnd(width)} ${r.classNames.map((n) => n.padStart(width)).join(' ')}`);
  r.confusion.forEach((row, k) => lines.push(`  ${(r.classNames[k] ?? '').padEnd(width)} ${row.map((v) => String(v).padStart(width)).join(' ')}`));
  if (r.worst.length > 0) {
    lines.push('', 'Worst mistakes (index: true -> predicted, p(true), p(predicted)):');
    for (const m of r.worst) {
      lines.push(
        `  #${m.index}: ${r.classNames[m.label] ?? m.label} -> ${r.classNames[m.predicted] ?? m.predicted}, ${(m.probabilities[m.label] ?? 0).toFixed(4)}, ${(m.probabilities[m.predicted] ?? 0).toFixed(4)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary: 'evaluate a model with its weights (.keras, .h5, TF.js model.json, Keras JSON + weights, project) on a test set',
  args: {
    positionals: [{ name: 'MODEL', required: true }],
    options: [
      datasetOption('the built-in test set or an image folder (one sub-folder per class)'),
      { name: 'limit', kind: 'value', valueName: 'N', help: 'evaluate the first N test images only' },
      { name: 'worst', kind: 'value', valueName: 'N', help: 'list the N worst mistakes (default 10)' },
      backendOption,
      { name: 'json', kind: 'flag', help: 'print the result as one JSON object' },
      weightsOption,
    ],
  },
  async run({ args, io }) {
    const file = args.positionals[0] ?? '';
    const dataset = args.values.get('dataset');
    if (dataset === undefined) {
      io.err('blockprop evaluate: --dataset mnist|fashion-mnist|PATH is required\n');
      return exitUsage;
    }
    const limit = wholeNumber(args, 'limit', 1);
    const worst = wholeNumber(args, 'worst', 0);
    if (limit === null || worst === null) {
      io.err('blockprop evaluate: --limit and --worst take a positive whole number\n');
      return exitUsage;
    }
    const json = args.flags.has('json');
    let lastShown = 0;
    const r = await evaluateSavedModel(file, datasetRefOf(dataset), {
      limit,
      worst,
      backend: backendOf(args),
      ...(args.values.get('weights') !== undefined ? { open: { weights: args.values.get('weights') } } : {}),
      onProgress: (p) => {
        const now = Date.now();
        if (json || now - lastShown < 1000 || p.total === null) return;
        lastShown = now;
        io.err(`${p.phase} ${p.loaded}/${p.total}\n`);
      },
    });
    if (!r.ok) {
      io.err(`blockprop evaluate: ${r.error.message}\n`);
      return exitUsage;
    }
    printWarnings(io, r.value.warnings);
    const { result } = r.value;
    if (json) {
      const { labels: _labels, predicted: _predicted, worst: mistakes, ...rest } = result;
      const brief = { ...rest, worst: mistakes.map(({ image: _image, ...m }) => m), backend: r.value.backend, seconds: r.value.seconds };
      io.out(`${JSON.stringify(brief)}\n`);
    } else {
      io.out(formatEvaluation(result, r.value.datasetTitle));
      io.err(`(${r.value.backend} backend, ${r.value.seconds.toFixed(1)} s)\n`);
    }
    return exitOk;
  },
};
