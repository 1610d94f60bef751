import { sameShape } from './activationCommon';
import { makeCodec } from './configCodec';
import { layerConfig } from './layerConfig';
import type { LayerDef, ParamSpec } from './types';
import { weightlessLayer } from './weightless';

const scale = {
  name: 'scale',
  type: 'float',
  default: 1 / 255,
  key: true,
  help: 'Every value is multiplied by this; 1/255 maps pixels 0–255 to 0–1.',
} as const satisfies ParamSpec;
const offset = {
  name: 'offset',
  type: 'float',
  default: 0.0,
  key: true,
  help: 'Added after scaling; scale 1/127.5 with offset -1 maps pixels to -1…1.',
} as const satisfies ParamSpec;
const params = [scale, offset] as const;
const config = layerConfig(params);
/** The typed params, for readers outside the layer files (inspection, warnings, training). */
export { config as rescalingConfig };
const codec = makeCodec(params, ['scale', 'offset']);

function formatScale(s: number): string {
  const inverse = 1 / s;
  if (s !== 0 && Math.abs(inverse - Math.round(inverse)) < 1e-9 && Math.abs(inverse) > 1) return `×1/${Math.round(inverse)}`;
  return `×${Number(s.toPrecision(4))}`;
}

export const rescaling: LayerDef = {
  className: 'Rescaling',
  family: 'core',
  summary: 'Multiplies and shifts every value, e.g. pixels 0–255 to 0–1.',
  explanation:
    'Rescaling computes input × scale + offset for every value, with nothing to learn. ' +
    'Put it right after the Input so the model takes raw pixels (0–255) and scales them itself, for example with scale 1/255. ' +
    'scale multiplies, offset is added afterwards.',
  ...weightlessLayer(params, codec),
  outputShape: sameShape,
  describe(p) {
    const { scale: s, offset: o } = config(p);
    const text = formatScale(s);
    return o === 0 ? text : `${text} ${o < 0 ? '−' : '+'} ${Math.abs(o)}`;
  },
};
