import { success } from '../api/outcome';
import { own, type JsonObject, type JsonValue } from '../json';
import type { Params } from '../graph/types';
import { formatDims } from './common';
import { jsonEqual, serializerKeys } from './configCodec';
import { layerConfig } from './layerConfig';
import type { FromConfigResult, LayerDef, ParamSpec } from './types';
import { paramIssues } from './validateParam';

const shape = {
  name: 'shape',
  type: 'shape',
  default: [28, 28, 1],
  key: true,
  help: 'The size of one example without the batch axis: height, width, channels for images (28, 28, 1 for MNIST); leave a size empty for "any".',
} as const satisfies ParamSpec;
const batchSize = {
  name: 'batch_size',
  type: 'int',
  min: 1,
  nullable: true,
  default: null,
  advanced: true,
  help: 'A fixed batch size; empty (the usual) accepts any batch size.',
} as const satisfies ParamSpec;
const params = [shape, batchSize] as const;
const config = layerConfig(params);

/** (batch, ...shape) as Keras writes batch_shape. */
function batchShape(p: Params): (number | null)[] {
  const c = config(p);
  return [c.batch_size, ...c.shape];
}

/** Keras 3 writes sparse / ragged / optional; Blockprop's inputs are dense, required tensors. */
const fixedFlags: Readonly<Record<string, JsonValue>> = { sparse: false, ragged: false, optional: false };

export const inputLayer: LayerDef = {
  className: 'InputLayer',
  family: 'input',
  summary: 'Where data enters the model: declares the shape of one example.',
  explanation:
    'The Input block declares what one example looks like, for instance a 28×28 grayscale image is 28, 28, 1 (height, width, channels). ' +
    'Every model starts with one; models with several inputs have several. ' +
    'Keras adds a batch axis in front, shown as None, because the number of examples per batch can vary.',
  params,
  inputs: { min: 0, max: 0 },
  outputShape: (_inputs, p) => success(batchShape(p)),
  weights: () => [],
  check: (_inputs, p) => paramIssues(params, p),
  toConfig(p): JsonObject {
    // The serializer inserts dtype after batch_shape and name before optional (Keras 3's order).
    return { batch_shape: batchShape(p), ...fixedFlags };
  },
  fromConfig(config): FromConfigResult {
    const unsupported: string[] = [];
    let out: Params = { shape: shape.default, batch_size: null };
    const batchShape = config['batch_shape'] ?? config['batch_input_shape'];
    const plainShape = config['shape'] ?? config['input_shape'];
    const readDims = (v: JsonValue | undefined): (number | null)[] | null =>
      Array.isArray(v) && v.every((d) => d === null || (typeof d === 'number' && Number.isSafeInteger(d) && d > 0))
        ? v.map((d) => (typeof d === 'number' ? d : null))
        : null;
    const full = readDims(batchShape);
    const rest = readDims(plainShape);
    if (full !== null && full.length >= 2) out = { shape: full.slice(1), batch_size: full[0] ?? null };
    else if (rest !== null && rest.length >= 1) out = { shape: rest, batch_size: typeof config['batch_size'] === 'number' ? config['batch_size'] : null };
    else unsupported.push(batchShape !== undefined ? (config['batch_shape'] !== undefined ? 'batch_shape' : 'batch_input_shape') : 'shape');
    const handled = new Set(['batch_shape', 'batch_input_shape', 'shape', 'input_shape', 'batch_size', ...serializerKeys]);
    for (const [key, value] of Object.entries(config)) {
      if (handled.has(key)) continue;
      const expected = own(fixedFlags, key);
      if (expected !== undefined && (jsonEqual(value, expected) || value === null)) continue;
      unsupported.push(key);
    }
    return { params: out, unsupported };
  },
  describe: (p) => formatDims(config(p).shape),
};
