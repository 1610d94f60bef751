import { success } from '../api/outcome';
import { fail, formatShape, mapImageSize, singleImageInput } from './common';
import { channelsLast, makeCodec } from './configCodec';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { weightlessLayer } from './weightless';
import { describePadding2d } from './zeroPadding2D';

const cropping = {
  name: 'cropping',
  type: 'padding2d',
  default: [
    [0, 0],
    [0, 0],
  ],
  key: true,
  help: 'Rows removed at the top and bottom, and columns at the left and right: ((top, bottom), (left, right)).',
} as const satisfies ParamSpec;
const params = [cropping] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as cropping2DConfig };
const codec = makeCodec(params, ['cropping', channelsLast]);

export const cropping2D: LayerDef = {
  className: 'Cropping2D',
  family: 'core',
  summary: 'Cuts rows and columns off the edges of each image.',
  explanation:
    'Cropping2D removes rows from the top and bottom and columns from the left and right of every feature map. ' +
    'Use it to trim borders or to make two branches the same size before they are merged (as in U-Net). ' +
    'cropping sets how much is cut on each side; it must leave at least one row and one column.',
  ...weightlessLayer(params, codec),
  outputShape(inputs, p) {
    const input = singleImageInput(inputs);
    if (!input.ok) return input;
    const shape = input.value;
    const cropping = config(p).cropping;
    const [[t, b], [l, r]] = cropping;
    const [, h, w] = shape;
    if ((typeof h === 'number' && t + b >= h) || (typeof w === 'number' && l + r >= w)) {
      return fail(
        'spatial-size',
        `crops ((${t}, ${b}), (${l}, ${r})) from a ${formatShape(shape)} input, leaving nothing; crop less than the height and width`,
        'cropping',
      );
    }
    return success(mapImageSize(shape, (size, axis) => size - cropping[axis][0] - cropping[axis][1]));
  },
  describe: (p) => describePadding2d(config(p).cropping),
};
