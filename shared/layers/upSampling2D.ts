import { success } from '../api/outcome';
import { mapImageSize, pairText, singleImageInput } from './common';
import { channelsLast, makeCodec } from './configCodec';
import { pairSpec } from './paramSpecs';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { weightlessLayer } from './weightless';

const size = pairSpec('size', [2, 2], 'How many times the rows and columns are repeated: 2×2 doubles the height and width.', { key: true });
const interpolation = {
  name: 'interpolation',
  type: 'enum',
  options: ['nearest', 'bilinear'],
  default: 'nearest',
  help: "'nearest' copies each pixel; 'bilinear' blends neighbouring pixels for a smoother result.",
} as const satisfies ParamSpec;
const params = [size, interpolation] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as upSampling2DConfig };
const codec = makeCodec(params, ['size', channelsLast, 'interpolation']);

export const upSampling2D: LayerDef = {
  className: 'UpSampling2D',
  family: 'core',
  summary: 'Enlarges each image by repeating (or blending) pixels.',
  explanation:
    'UpSampling2D makes feature maps larger by repeating each row and column, with no weights to learn. ' +
    'Decoders and segmentation networks use it, usually followed by a convolution, as a simpler alternative to Conv2DTranspose. ' +
    'size sets the enlargement factors; interpolation chooses between copying pixels and blending them.',
  ...weightlessLayer(params, codec),
  outputShape(inputs, p) {
    const input = singleImageInput(inputs);
    if (!input.ok) return input;
    const factors = config(p).size;
    return success(mapImageSize(input.value, (size, axis) => size * factors[axis]));
  },
  describe(p) {
    const c = config(p);
    const text = pairText(c.size);
    return c.interpolation === 'nearest' ? text : `${text}, ${c.interpolation}`;
  },
};
