import type { JsonObject, JsonValue } from '../json';
import type { Params } from '../graph/types';
import type { LayerDef } from './types';

/** Keras 3's dtype entry for a float32 layer. */
export const float32Policy: JsonObject = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

/**
 * A layer's complete Keras 3 `config` object, exactly as Keras 3.15 writes it: name, trainable and
 * dtype placed where Keras puts them, plus `def.toConfig(params)`.
 *  - most layers: name, trainable, dtype (DTypePolicy), then — only when set — activity_regularizer
 *    (Keras's base Layer writes it there), then the layer's own keys;
 *  - InputLayer: batch_shape, dtype 'float32', sparse, ragged, name, optional (no trainable);
 *  - SpatialDropout2D: rate, seed, name, dtype 'float32', data_format (no trainable: Keras's
 *    SpatialDropout2D refuses a trainable argument when loading).
 */
export function keras3LayerConfig(def: LayerDef, name: string, params: Params, trainable = true): JsonObject {
  const own = def.toConfig(params);
  if (def.className === 'InputLayer') {
    const { batch_shape: batchShape = null, optional = false, ...rest } = own;
    return { batch_shape: batchShape, dtype: 'float32', ...rest, name, optional };
  }
  if (def.className === 'SpatialDropout2D') {
    const { data_format: dataFormat = 'channels_last', ...rest } = own;
    return { ...rest, name, dtype: 'float32', data_format: dataFormat };
  }
  const out: { [key: string]: JsonValue } = { name, trainable, dtype: float32Policy };
  const activity = own['activity_regularizer'];
  if (activity !== undefined && activity !== null) out['activity_regularizer'] = activity;
  for (const [key, value] of Object.entries(own)) if (!(key in out)) out[key] = value;
  return out;
}
