import { hasErrors } from '../../../shared/diagnostics';
import { inferGraph } from '../../../shared/inference/infer';
import { exportKeras2, exportKeras3, toKerasJsonString } from '../../../shared/keras';
import { generatePython } from '../../../shared/python';
import { exitInvalid, exitOk, exitUsage, type CliCommand } from '../command';
import { loadModelFile } from '../loadModel';
import { printDiagnostics, printWarnings } from '../report';
import { writeOutput } from '../writeOutput';

const formats = ['keras3', 'keras2', 'python'] as const;
const strategies = ['none', 'mirrored', 'multiworker'] as const;
type Strategy = (typeof strategies)[number];
const isStrategy = (s: string): s is Strategy => (strategies as readonly string[]).includes(s);

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write the model as Keras 3 JSON, Keras 2 / tf.keras JSON or a Python script',
  args: {
    positionals: [{ name: 'FILE', required: true }],
    options: [
      { name: 'format', kind: 'value', choices: formats, help: 'keras3 (model.to_json of Keras 3), keras2 (tf.keras / TF.js topology), python (runnable script)' },
      { name: 'output', short: 'o', kind: 'value', valueName: 'OUT', help: 'write here instead of stdout' },
      { name: 'strategy', kind: 'value', choices: strategies, help: 'python only: build the model inside a tf.distribute strategy' },
    ],
  },
  run({ args, io }) {
    const file = args.positionals[0] ?? '';
    const format = args.values.get('format');
    if (format === undefined) {
      io.err(`blockprop export: --format is required (${formats.join(', ')})\n`);
      return exitUsage;
    }
    const loaded = loadModelFile(file);
    if (!loaded.ok) {
      io.err(`blockprop export: ${loaded.message}\n`);
      return exitUsage;
    }
    printWarnings(io, loaded.warnings);
    const inference = inferGraph(loaded.graph);
    if (hasErrors(inference.diagnostics)) {
      printDiagnostics(io, inference.diagnostics);
      io.err(`blockprop export: the model in ${file} is invalid; fix the errors above.\n`);
      return exitInvalid;
    }
    let text: string;
    if (format === 'python') {
      const strategy = args.values.get('strategy') ?? 'none';
      text = generatePython(loaded.graph, loaded.project?.training, loaded.project?.dataset, { strategy: isStrategy(strategy) ? strategy : 'none' });
    } else {
      const result = format === 'keras2' ? exportKeras2(loaded.graph) : exportKeras3(loaded.graph);
      if (!result.ok) {
        printDiagnostics(io, result.diagnostics);
        io.err(`blockprop export: cannot export ${file} as ${format}.\n`);
        return exitInvalid;
      }
      text = `${toKerasJsonString(result.json)}\n`;
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
