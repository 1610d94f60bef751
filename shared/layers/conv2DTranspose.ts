import { success } from '../api/outcome';
import { convTransposeOutputLength, issue, pairText } from './common';
import { makeCodec } from './configCodec';
import {
  convChecks,
  convGeometry,
  convWeightsRule,
  convWindowKeys,
  describeFilters,
  dilationSpec,
  filtersSpec,
  imageInput,
  kernelSizeSpec,
  paddingSpec,
  stridesSpec,
} from './convCommon';
import { activationKernelBiasKeys, activationSpec, kernelBiasSpecs, nullablePairSpec, useBiasSpec } from './paramSpecs';
import type { Params, Shape } from '../graph/types';
import { layerConfig } from './layerConfig';
import type { LayerDef, ShapeOutcome } from './types';

const outputPadding = nullablePairSpec(
  'output_padding',
  'Extra rows/columns added to one side of the output (each must be less than the stride); empty lets Keras choose.',
  { min: 0, advanced: true },
);

const params = [
  filtersSpec,
  kernelSizeSpec,
  activationSpec(),
  { ...stridesSpec, help: 'How much the layer enlarges its input: strides 2 doubles the height and width.' },
  paddingSpec,
  outputPadding,
  dilationSpec,
  useBiasSpec,
  ...kernelBiasSpecs('kernel'),
] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as conv2DTransposeConfig };

const codec = makeCodec(params, ['filters', ...convWindowKeys(['output_padding']), ...activationKernelBiasKeys('kernel')]);

function outputShape(inputs: readonly Shape[], p: Params): ShapeOutcome {
  const input = imageInput(inputs);
  if (!input.ok) return input;
  const { shape } = input.value;
  const c = config(p);
  const g = convGeometry(c);
  const op = c.output_padding;
  const h = convTransposeOutputLength(shape[1] ?? null, g.kernel[0], g.strides[0], g.padding, op === null ? null : op[0], g.dilation[0]);
  const w = convTransposeOutputLength(shape[2] ?? null, g.kernel[1], g.strides[1], g.padding, op === null ? null : op[1], g.dilation[1]);
  return success([shape[0] ?? null, h, w, c.filters]);
}

export const conv2DTranspose: LayerDef = {
  className: 'Conv2DTranspose',
  family: 'convolution',
  summary: 'A learned upsampling: the reverse direction of a strided convolution.',
  explanation:
    'A transposed convolution (sometimes called deconvolution) spreads each input pixel over a learned filter window, so with strides 2 it doubles the height and width. ' +
    'Decoders, autoencoders and segmentation networks (U-Net) use it to grow feature maps back to image size. ' +
    'filters sets the output channels, kernel_size the window, strides the enlargement; output_padding fine-tunes the exact output size.',
  params,
  inputs: { min: 1, max: 1 },
  outputShape,
  // Keras stores the transposed kernel as (kh, kw, filters, input channels).
  weights: convWeightsRule(config, outputShape, ({ kernel_size: k, filters }, channels) => ({
    kernels: [{ name: 'kernel', shape: [k[0], k[1], filters, channels], trainable: true }],
    biasSize: filters,
  })),
  check(_inputs, p) {
    const c = config(p);
    const issues = convChecks(params, p, convGeometry(c));
    const op = c.output_padding;
    const s = c.strides;
    if (op !== null && (op[0] >= s[0] || op[1] >= s[1])) {
      issues.push(
        issue(
          'output-padding',
          `has output_padding ${pairText(op)} but strides ${pairText(s)}; each output_padding value must be less than its stride (Keras refuses it), so lower it or clear it`,
          'output_padding',
        ),
      );
    }
    return issues;
  },
  toConfig: codec.toConfig,
  fromConfig: codec.fromConfig,
  describe: describeFilters(config),
};
