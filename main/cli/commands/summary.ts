import { hasErrors } from '../../../shared/diagnostics';
import { formatSummary, summaryJson } from '../../../shared/summary';
import { exitInvalid, exitOk, type CliCommand } from '../command';
import { loadAndInfer } from '../loadModel';
import { weightsOption } from '../options';
import { printDiagnostics } from '../report';

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: "print the model's Keras model.summary() table (or --json)",
  args: {
    positionals: [{ name: 'FILE', required: true }],
    options: [{ name: 'json', kind: 'flag', help: 'print {name, layers, total_params, …} as JSON' }, weightsOption],
  },
  async run({ args, io }) {
    const file = args.positionals[0] ?? '';
    const loaded = await loadAndInfer('summary', args, io);
    if (!loaded.ok) return loaded.error;
    const { model, inference } = loaded.value;
    printDiagnostics(io, inference.diagnostics);
    if (hasErrors(inference.diagnostics)) {
      io.err(`blockprop summary: the model in ${file} is invalid; fix the errors above.\n`);
      return exitInvalid;
    }
    if (args.flags.has('json')) io.out(`${JSON.stringify(summaryJson(model.graph), null, 2)}\n`);
    else io.out(`${formatSummary(model.graph)}\n`);
    return exitOk;
  },
};
