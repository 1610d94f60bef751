import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/**
 * TF.js 4.22 cannot differentiate, or train, a BatchNormalization without γ (scale = False, as in
 * every InceptionV3 conv block) or without β (center = False):
 * - in training, tfjs-layers' call reads `this.gamma.read()` and `this.beta.read()` unguarded, and
 *   those weights were never added (TypeError "reading 'read'"), so fit() fails outright;
 * - in inference it passes γ = undefined to tf.batchNorm, and the FusedBatchNorm gradient lists
 *   'scale' in inputsToSave, so the tape clones `undefined` ("reading 'dataId'"); an absent offset
 *   breaks the tape's reachability walk instead ("reading 'id'").
 * A corrected registerGradient cannot help: the tape saves the inputs before any gradient runs.
 *
 * So, for the length of each call only, such a layer gets a constant γ = 1 / β = 0 (created in the
 * layer's own tidy, never a weight): Keras's parameters stay exact (no gamma/beta weights, config
 * unchanged), and the arithmetic is tfjs's own with scale 1 / offset 0, which is what an absent
 * scale/offset already means. Layers with both γ and β are left untouched.
 */

type Layer = LayersModel['layers'][number];

interface ConstantVariable {
  read(): tf.Tensor;
}

/** [features] along the layer's axis, from the tensor being normalised (the weights' names get uniquified). */
function featureShape(layer: Layer, inputs: tf.Tensor | tf.Tensor[]): number[] | null {
  const x = Array.isArray(inputs) ? inputs[0] : inputs;
  const axis = layer.getConfig()['axis'];
  if (x === undefined || typeof axis !== 'number') return null;
  const dim = x.shape[axis < 0 ? x.rank + axis : axis];
  return dim === undefined ? null : [dim];
}

/** Runs `fn` with the layer's missing γ / β stood in by constants, restoring the layer after. */
function withConstants<T>(layer: Layer, inputs: tf.Tensor | tf.Tensor[], gamma: boolean, beta: boolean, fn: () => T): T {
  const shape = featureShape(layer, inputs);
  // No tensor or axis to size the constants from: tfjs-layers' own call reports the problem.
  if (shape === null) return fn();
  const saved = {
    gamma: Reflect.get(layer, 'gamma'),
    beta: Reflect.get(layer, 'beta'),
    scale: Reflect.get(layer, 'scale'),
    center: Reflect.get(layer, 'center'),
  };
  if (gamma) {
    const ones: ConstantVariable = { read: () => tf.ones(shape) };
    Reflect.set(layer, 'gamma', ones);
    Reflect.set(layer, 'scale', true);
  }
  if (beta) {
    const zeros: ConstantVariable = { read: () => tf.zeros(shape) };
    Reflect.set(layer, 'beta', zeros);
    Reflect.set(layer, 'center', true);
  }
  try {
    return fn();
  } finally {
    for (const [key, value] of Object.entries(saved)) Reflect.set(layer, key, value);
  }
}

/** Gives every BatchNormalization with scale or center off the constants its TF.js call needs. */
export function fillBatchNormConstants(model: LayersModel): void {
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const config = layer.getConfig();
    const gamma = config['scale'] === false;
    const beta = config['center'] === false;
    if (!gamma && !beta) continue;
    const call = layer.call.bind(layer);
    layer.call = (inputs, kwargs) => withConstants(layer, inputs, gamma, beta, () => call(inputs, kwargs));
  }
}
