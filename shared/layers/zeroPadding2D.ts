import { success } from '../api/outcome';
import { mapImageSize, singleImageInput } from './common';
import { channelsLast, makeCodec } from './configCodec';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { weightlessLayer } from './weightless';

const padding = {
  name: 'padding',
  type: 'padding2d',
  default: [
    [1, 1],
    [1, 1],
  ],
  key: true,
  help: 'Rows of zeros added at the top and bottom, and columns at the left and right: ((top, bottom), (left, right)).',
} as const satisfies ParamSpec;
const params = [padding] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as zeroPadding2DConfig };
const codec = makeCodec(params, ['padding', channelsLast]);

/** "1" when all four sides match, "(1, 2), (3, 4)" otherwise (shared with Cropping2D). */
export function describePadding2d(v: readonly [readonly [number, number], readonly [number, number]]): string {
  const [[t, b], [l, r]] = v;
  if (t === b && b === l && l === r) return String(t);
  if (t === b && l === r) return `${t}, ${l}`;
  return `(${t}, ${b}), (${l}, ${r})`;
}

export const zeroPadding2D: LayerDef = {
  className: 'ZeroPadding2D',
  family: 'core',
  summary: 'Adds a border of zeros around each image.',
  explanation:
    'ZeroPadding2D adds rows and columns of zeros around every feature map, making the image larger without changing its content. ' +
    "Use it before a convolution or pooling with 'valid' padding to keep the size, or to control padding exactly as ResNet and MobileNet do. " +
    'padding sets how many rows/columns are added on each side.',
  ...weightlessLayer(params, codec),
  outputShape(inputs, p) {
    const input = singleImageInput(inputs);
    if (!input.ok) return input;
    const padding = config(p).padding;
    return success(mapImageSize(input.value, (size, axis) => size + padding[axis][0] + padding[axis][1]));
  },
  describe: (p) => describePadding2d(config(p).padding),
};
