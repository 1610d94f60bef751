import { success } from '../api/outcome';
import type { JsonObject } from '../json';
import type { Params, Shape } from '../graph/types';
import { convOutputLength, fail, formatDims, formatShape, issue, pairText, singleImageInput, singleInput } from './common';
import { channelsLast, jsonEqual, makeCodec } from './configCodec';
import { nullablePairSpec, pairSpec, paddingSpec } from './paramSpecs';
import { layerConfig, type LayerConfig } from './layerConfig';
import type { FromConfigResult, LayerDef, LayerIssue, ParamSpec, ShapeOutcome } from './types';
import { paramIssues } from './validateParam';

/** MaxPooling2D and AveragePooling2D: same params, same shape rule (Keras 3 BasePooling). */

const poolSize = pairSpec('pool_size', [2, 2], 'Height and width of the window whose maximum / average is kept; 2×2 halves the image.', { key: true });
const strides = nullablePairSpec('strides', 'How far the window moves each step; empty means the same as pool_size (no overlap).');

const params = [poolSize, strides, paddingSpec] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as poolingConfig };

const codec = makeCodec(params, ['pool_size', 'padding', 'strides', channelsLast]);

/** Keras's strides=None: the window moves by its own size. */
function effectiveStrides(c: LayerConfig<typeof params>): readonly [number, number] {
  return c.strides ?? c.pool_size;
}

function poolShape(inputs: readonly Shape[], p: Params): ShapeOutcome {
  const input = singleImageInput(inputs);
  if (!input.ok) return input;
  const shape = input.value;
  const c = config(p);
  const pool = c.pool_size;
  const s = effectiveStrides(c);
  const padding = c.padding;
  const h = convOutputLength(shape[1] ?? null, pool[0], s[0], padding);
  const w = convOutputLength(shape[2] ?? null, pool[1], s[1], padding);
  if ((h !== null && h <= 0) || (w !== null && w <= 0)) {
    return fail(
      'spatial-size',
      `has a ${pairText(pool)} window but its input is only ${formatDims([shape[1] ?? null, shape[2] ?? null])}; use a smaller pool_size, padding 'same', or remove this pooling`,
      'pool_size',
    );
  }
  return success([shape[0] ?? null, h, w, shape[3] ?? null]);
}

function poolChecks(inputs: readonly Shape[], p: Params): LayerIssue[] {
  const issues = paramIssues(params, p);
  const shape = singleInput(inputs);
  const { pool_size: pool, padding } = config(p);
  if (shape !== null && shape.length === 4 && padding === 'same') {
    const [, h, w] = shape;
    if ((typeof h === 'number' && pool[0] > h) || (typeof w === 'number' && pool[1] > w)) {
      issues.push(
        issue(
          'pool-larger-than-input',
          `has a ${pairText(pool)} window, larger than its ${formatShape(shape)} input; the pooling then mostly sees padding, so use a smaller pool_size or a GlobalPooling layer`,
          'pool_size',
          'warning',
        ),
      );
    }
  }
  return issues;
}

export function makePoolingDef(className: 'MaxPooling2D' | 'AveragePooling2D', text: Pick<LayerDef, 'summary' | 'explanation'>): LayerDef {
  return {
    className,
    family: 'pooling',
    ...text,
    params,
    inputs: { min: 1, max: 1 },
    outputShape: poolShape,
    weights: () => [],
    check: poolChecks,
    toConfig(p): JsonObject {
      // Keras stores strides=None as pool_size and writes that.
      return { ...codec.toConfig(p), strides: effectiveStrides(config(p)) };
    },
    fromConfig(config): FromConfigResult {
      const result = codec.fromConfig(config);
      // Strides equal to pool_size are Keras's default: store them as "same as pool_size".
      if (jsonEqual(result.params['strides'], result.params['pool_size'])) return { ...result, params: { ...result.params, strides: null } };
      return result;
    },
    describe(p) {
      const { pool_size: pool, strides: s, padding } = config(p);
      const parts = [pairText(pool)];
      if (s !== null && (s[0] !== pool[0] || s[1] !== pool[1])) parts.push(`stride ${s[0] === s[1] ? s[0] : pairText(s)}`);
      if (padding === 'same') parts.push('same');
      return parts.join(', ');
    },
  };
}

/** GlobalAveragePooling2D and GlobalMaxPooling2D (Keras 3 BaseGlobalPooling). */
const keepdims = {
  name: 'keepdims',
  type: 'bool',
  default: false,
  advanced: true,
  help: 'Keep the height and width as size-1 axes: output (None, 1, 1, C) instead of (None, C).',
} as const satisfies ParamSpec;
const globalParams = [keepdims] as const;
const globalConfig = layerConfig(globalParams);
const globalCodec = makeCodec(globalParams, [channelsLast, 'keepdims']);

export function makeGlobalPoolingDef(className: 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D', text: Pick<LayerDef, 'summary' | 'explanation'>): LayerDef {
  return {
    className,
    family: 'pooling',
    ...text,
    params: globalParams,
    inputs: { min: 1, max: 1 },
    outputShape(inputs, p) {
      const input = singleImageInput(inputs);
      if (!input.ok) return input;
      const shape = input.value;
      const c = shape[3] ?? null;
      return success(globalConfig(p).keepdims ? [shape[0] ?? null, 1, 1, c] : [shape[0] ?? null, c]);
    },
    weights: () => [],
    check: (_inputs, p) => paramIssues(globalParams, p),
    toConfig: globalCodec.toConfig,
    fromConfig: globalCodec.fromConfig,
    describe: (p) => (globalConfig(p).keepdims ? 'keep dims' : ''),
  };
}
