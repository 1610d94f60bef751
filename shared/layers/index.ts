/** The layer catalog's public surface: import from 'shared/layers' rather than from its files. */
export type { Family, FromConfigResult, LayerDef, LayerIssue, ParamSpec, ParamType, ShapeOutcome, WeightSpec } from './types';
export { families } from './types';
export { getLayerDef, layerDefs } from './registry';
export { defaultParams, paramIssues, validateParam, withDefaults } from './validateParam';
export { keras3LayerConfig, float32Policy } from './keras3Config';
export { decodeParam, encodeParam, jsonEqual, serializerKeys } from './configCodec';
export {
  activationNames,
  encodeKerasObject,
  kerasObjectClasses,
  kerasObjectDefaults,
  normalizeActivation,
  normalizeKerasObject,
  shortestFloat32,
  validateKerasObject,
  type ObjectKind,
} from './kerasObjects';
export { convOutputLength, convTransposeOutputLength, formatDims, formatShape } from './common';
