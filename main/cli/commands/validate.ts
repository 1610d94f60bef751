import { countProblems, hasErrors } from '../../../shared/diagnostics';
import { formatCount } from '../../../shared/format';
import { exitInvalid, exitOk, type CliCommand } from '../command';
import { loadAndInfer } from '../loadModel';
import { weightsOption } from '../options';
import { printDiagnostics } from '../report';
import { clip } from '../terminalText';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check the model as Keras would; exit 1 when it has an error',
  args: { positionals: [{ name: 'FILE', required: true }], options: [weightsOption] },
  async run({ args, io }) {
    const file = args.positionals[0] ?? '';
    const loaded = await loadAndInfer('validate', args, io);
    if (!loaded.ok) return loaded.error;
    const { model, inference } = loaded.value;
    printDiagnostics(io, inference.diagnostics);
    const { errors, warnings } = countProblems(inference.diagnostics);
    const name = `'${clip(model.graph.name)}'`;
    if (hasErrors(inference.diagnostics)) {
      io.err(`${file}: model ${name} is invalid: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n`);
      return exitInvalid;
    }
    io.out(
      `${file}: model ${name} is valid: ${plural(model.graph.nodes.length, 'layer')}, ${formatCount(inference.totals.total)} params${model.weights !== null ? ' with trained weights' : ''}, ${plural(warnings, 'warning')}.\n`,
    );
    return exitOk;
  },
};
