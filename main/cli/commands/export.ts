import { hasErrors } from '../../../shared/diagnostics';
import { exportKeras2, exportKeras3, toKerasJsonString } from '../../../shared/keras';
import { generatePython } from '../../../shared/python';
import { exitInvalid, exitOk, exitUsage, type CliCommand } from '../command';
import { convertSavedModel } from '../../engine/inspect/savedModel';
import { loadAndInfer } from '../loadModel';
import { weightsOption } from '../options';
import { printDiagnostics } from '../report';
import { writeOutput } from '../writeOutput';

const formats = ['keras3', 'keras2', 'python', 'keras', 'tfjs', 'keras-json'] as const;
/** Formats that hold weights: written through the engine, with the file's weights (fresh ones when it has none). */
const withWeights = new Set<string>(['keras', 'tfjs', 'keras-json']);
const strategies = ['none', 'mirrored', 'multiworker'] as const;
type Strategy = (typeof strategies)[number];
const isStrategy = (s: string): s is Strategy => (strategies as readonly string[]).includes(s);

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the model as Keras 3 JSON, Keras 2 / tf.keras JSON, a Python script, or with weights as .keras, TF.js or Keras JSON + .weights.h5',
  args: {
    positionals: [{ name: 'FILE', required: true }],
    options: [
      {
        name: 'format',
        kind: 'value',
        choices: formats,
        help: 'keras3 (model.to_json of Keras 3), keras2 (tf.keras / TF.js topology), python (runnable script); with weights: keras (.keras), tfjs (folder: model.json + weights.bin), keras-json (STEM.json + STEM.weights.h5)',
      },
      { name: 'output', short: 'o', kind: 'value', valueName: 'OUT', help: 'write here instead of stdout' },
      { name: 'strategy', kind: 'value', choices: strategies, help: 'python only: build the model inside a tf.distribute strategy' },
      weightsOption,
    ],
  },
  async run({ args, io }) {
    const file = args.positionals[0] ?? '';
    const format = args.values.get('format');
    if (format === undefined) {
      io.err(`blockprop export: --format is required (${formats.join(', ')})\n`);
      return exitUsage;
    }
    const loaded = await loadAndInfer('export', args, io);
    if (!loaded.ok) return loaded.error;
    const { model, inference } = loaded.value;
    if (hasErrors(inference.diagnostics)) {
      printDiagnostics(io, inference.diagnostics);
      io.err(`blockprop export: the model in ${file} is invalid; fix the errors above.\n`);
      return exitInvalid;
    }
    if (withWeights.has(format)) {
      const target = args.values.get('output');
      if (target === undefined || target === '-') {
        io.err(
          `blockprop export: --format ${format} writes files; give -o OUT (${format === 'tfjs' ? 'a folder' : format === 'keras' ? 'a .keras file' : 'a path stem'})\n`,
        );
        return exitUsage;
      }
      const weights = args.values.get('weights');
      const converted = await convertSavedModel(
        file,
        format === 'keras' ? 'keras' : format === 'tfjs' ? 'tfjs' : 'keras-json',
        target,
        weights !== undefined ? { weights } : {},
      );
      if (!converted.ok) {
        io.err(`blockprop export: ${converted.error.message}\n`);
        return converted.error.usage === true ? exitUsage : exitInvalid;
      }
      const note = model.weights === null ? ' with freshly initialised weights (the file holds none)' : " with the file's weights";
      io.err(`Wrote ${converted.value.saved.files.join(', ')} (${format}${note}).\n`);
      return exitOk;
    }
    let text: string;
    if (format === 'python') {
      const strategy = args.values.get('strategy') ?? 'none';
      text = generatePython(model.graph, model.project?.training, model.project?.dataset, { strategy: isStrategy(strategy) ? strategy : 'none' });
    } else {
      const result = format === 'keras2' ? exportKeras2(model.graph) : exportKeras3(model.graph);
      if (!result.ok) {
        printDiagnostics(io, result.error.diagnostics);
        io.err(`blockprop export: cannot export ${file} as ${format}.\n`);
        return exitInvalid;
      }
      text = `${toKerasJsonString(result.value)}\n`;
    }
    const out = args.values.get('output');
    if (out === undefined || out === '-') {
      io.out(text);
      return exitOk;
    }
    const problem = writeOutput(out, text, true);
    if (problem) {
      io.err(`blockprop export: ${problem}\n`);
      return exitUsage;
    }
    io.err(`Wrote ${out} (${format}).\n`);
    return exitOk;
  },
};
