import { success } from '../api/outcome';
import type { Params, Shape } from '../graph/types';
import { fail, formatDims, formatShape, missingInput, singleInput } from './common';
import { makeCodec } from './configCodec';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec, ShapeOutcome } from './types';
import { weightlessLayer } from './weightless';

const targetShape = {
  name: 'target_shape',
  type: 'ints',
  min: 1,
  allowMinusOne: true,
  default: [-1],
  key: true,
  help: 'The new shape without the batch axis, e.g. 28, 28, 1; one entry may be -1 to be worked out from the others.',
} as const satisfies ParamSpec;
const params = [targetShape] as const;
const config = layerConfig(params);
const codec = makeCodec(params, ['target_shape']);

function reshapeShape(inputs: readonly Shape[], p: Params): ShapeOutcome {
  const shape = singleInput(inputs);
  if (shape === null) return missingInput();
  const target = config(p).target_shape;
  const rest = shape.slice(1);
  const batch = shape[0] ?? null;
  if (rest.some((d) => d === null)) return success([batch, ...target.map((d) => (d === -1 ? null : d))]);
  const size = rest.reduce<number>((a, d) => a * (d ?? 1), 1);
  const known = target.filter((d) => d !== -1).reduce((a, d) => a * d, 1);
  const mismatch = () =>
    fail(
      'reshape-size',
      `cannot reshape ${formatShape(shape)} (${size.toLocaleString('en-US')} values) to ${formatDims(target.map((d) => (d === -1 ? null : d)))} (${known.toLocaleString('en-US')}${target.includes(-1) ? ' × ?' : ''} values); choose a target_shape with the same number of values, or use -1 for one axis`,
      'target_shape',
    );
  if (!target.includes(-1)) return known === size ? success([batch, ...target]) : mismatch();
  if (known === 0 || size % known !== 0) return mismatch();
  return success([batch, ...target.map((d) => (d === -1 ? size / known : d))]);
}

export const reshape: LayerDef = {
  className: 'Reshape',
  family: 'core',
  summary: 'Rearranges the values into a new shape of the same size.',
  explanation:
    'Reshape keeps every value but arranges them in a new shape, for example a vector of 784 pixels into a 28×28×1 image so that convolutions can read it. ' +
    'The total number of values must stay the same; write -1 for one axis to let it be worked out. ' +
    'It has no weights.',
  ...weightlessLayer(params, codec),
  outputShape: reshapeShape,
  describe: (p) =>
    config(p)
      .target_shape.map((d) => (d === -1 ? '-1' : String(d)))
      .join('×'),
};
