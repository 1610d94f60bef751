import { countProblems, hasErrors } from '../../../shared/diagnostics';
import { formatCount } from '../../../shared/format';
import { inferGraph } from '../../../shared/inference/infer';
import { exitInvalid, exitOk, exitUsage, type CliCommand } from '../command';
import { loadModelFile } from '../loadModel';
import { weightsOption } from '../options';
import { printDiagnostics, printWarnings } from '../report';
import { clip } from '../terminalText';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check the model as Keras would; exit 1 when it has an error',
  args: { positionals: [{ name: 'FILE', required: true }], options: [weightsOption] },
  async run({ args, io }) {
    const file = args.positionals[0] ?? '';
    const loaded = await loadModelFile(file, args.values.get('weights'));
    if (!loaded.ok) {
      io.err(`blockprop validate: ${loaded.error.message}\n`);
      return exitUsage;
    }
    const model = loaded.value;
    printWarnings(io, model.warnings);
    const inference = inferGraph(model.graph);
    printDiagnostics(io, inference.diagnostics);
    const { errors, warnings } = countProblems(inference.diagnostics);
    const name = `'${clip(model.graph.name)}'`;
    if (hasErrors(inference.diagnostics)) {
      io.err(`${file}: model ${name} is invalid: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n`);
      return exitInvalid;
    }
    io.out(`${file}: model ${name} is valid: ${plural(model.graph.nodes.length, 'layer')}, ${formatCount(inference.totals.total)} params${model.weights !== null ? ' with trained weights' : ''}, ${plural(warnings, 'warning')}.\n`);
    return exitOk;
  },
};
