import { backendChoiceSchema } from '../../../shared/api/training';
import { parseArgs } from '../args';
import { predictWithSavedModel } from '../../engine/inspect/savedModel';
import { exitInvalid, exitOk, exitUsage, type CliCommand } from '../command';
import { printWarnings } from '../report';
import { backendOf, backendOption, weightsOption } from '../options';

const USAGE = `MODEL IMAGE… [--classes a,b,…] [--weights FILE] [--backend ${backendChoiceSchema.options.join('|')}] [--json]`;

export const predictCommand: CliCommand = {
  name: 'predict',
  summary: 'class probabilities of JPEG/PNG images with a saved model',
  usage: USAGE,
  async run({ argv, io }) {
    // IMAGE… is variadic: accept as many positionals as were given.
    const parsed = parseArgs(argv, {
      positionals: argv.map((_, i) => ({ name: i === 0 ? 'MODEL' : 'IMAGE', required: i < 2 })),
      options: [
        { name: 'classes', kind: 'value', valueName: 'a,b,…', help: 'class names, in output order' },
        backendOption,
        { name: 'json', kind: 'flag', help: 'print one JSON object per image' },
        weightsOption,
      ],
    });
    if (!parsed.ok || parsed.value.positionals.length < 2) {
      io.err(`blockprop predict: ${parsed.ok ? 'missing IMAGE' : parsed.error.message}\nusage: blockprop predict ${USAGE}\n`);
      return exitUsage;
    }
    const [model = '', ...images] = parsed.value.positionals;
    const classes = parsed.value.values
      .get('classes')
      ?.split(',')
      .map((s) => s.trim());
    const weights = parsed.value.values.get('weights');
    const r = await predictWithSavedModel(model, images, classes, backendOf(parsed.value), weights !== undefined ? { weights } : {});
    if (!r.ok) {
      io.err(`blockprop predict: ${r.error.message}\n`);
      return exitUsage;
    }
    printWarnings(io, r.value.warnings);
    let failures = 0;
    for (const p of r.value.predictions) {
      if (!p.outcome.ok) {
        failures++;
        if (parsed.value.flags.has('json')) io.out(`${JSON.stringify({ file: p.file, error: p.outcome.error.message })}\n`);
        else io.err(`${p.outcome.error.message}\n`);
        continue;
      }
      const { predicted, probabilities, classNames } = p.outcome.value;
      if (parsed.value.flags.has('json')) {
        io.out(`${JSON.stringify({ file: p.file, predicted, class: classNames[predicted] ?? String(predicted), probabilities })}\n`);
        continue;
      }
      const top = probabilities
        .map((prob, k) => ({ prob, k }))
        .sort((a, b) => b.prob - a.prob)
        .slice(0, 3)
        .map(({ prob, k }) => `${classNames[k] ?? k} ${(prob * 100).toFixed(1)}%`);
      io.out(`${p.file}: ${classNames[predicted] ?? predicted} (${top.join(', ')})\n`);
    }
    // Exit 1 when an image could not be read, like `validate` for an invalid model: the run itself worked.
    return failures > 0 ? exitInvalid : exitOk;
  },
};
