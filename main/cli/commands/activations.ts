import { activationsWithSavedModel } from '../../engine/inspect/savedModel';
import { exitOk, exitUsage, type CliCommand } from '../command';
import { backendOf, backendOption, weightsOption } from '../options';
import { printWarnings } from '../report';

/** A few values from the start of the tensor, for the text view. */
function preview(values: Float32Array, n = 8): string {
  const shown = Array.from(values.subarray(0, n), (v) => v.toPrecision(6));
  return `${shown.join(', ')}${values.length > n ? ', …' : ''}`;
}

export const activationsCommand: CliCommand = {
  name: 'activations',
  summary: "one layer's output for an image (the feature maps the app draws), as text or --json",
  args: {
    positionals: [
      { name: 'MODEL', required: true },
      { name: 'IMAGE', required: true },
    ],
    options: [
      { name: 'layer', kind: 'value', valueName: 'NAME', help: 'the layer whose output to print (required)' },
      { name: 'json', kind: 'flag', help: 'print one line {"layer", "class", "shape": [1, h, w, c], "values": […]} (row-major)' },
      backendOption,
      weightsOption,
    ],
  },
  async run({ args, io }) {
    const [model = '', image = ''] = args.positionals;
    const layer = args.values.get('layer');
    if (layer === undefined || layer === '') {
      io.err('blockprop activations: --layer NAME is required (see `blockprop summary MODEL` for the layer names)\n');
      return exitUsage;
    }
    const weights = args.values.get('weights');
    const r = await activationsWithSavedModel(model, image, layer, backendOf(args), weights !== undefined ? { weights } : {});
    if (!r.ok) {
      io.err(`blockprop activations: ${r.error.message}\n`);
      return exitUsage;
    }
    const { output } = r.value;
    printWarnings(io, r.value.warnings);
    if (args.flags.has('json')) {
      io.out(`${JSON.stringify({ layer: output.layer, class: output.className, shape: output.shape, values: Array.from(output.values) })}\n`);
      return exitOk;
    }
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of output.values) {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    const n = output.values.length;
    io.out(`${output.className} '${output.layer}' for ${image}: shape (${output.shape.join(', ')})\n`);
    io.out(`min ${n > 0 ? min.toPrecision(6) : '—'}  max ${n > 0 ? max.toPrecision(6) : '—'}  mean ${n > 0 ? (sum / n).toPrecision(6) : '—'}  (${n} values)\n`);
    io.out(`first values: ${preview(output.values)}\n`);
    return exitOk;
  },
};
