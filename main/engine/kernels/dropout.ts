import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { getKernel, registerKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { asWasm } from '../wasm/heap';
import { activeTier, output, view } from './glue';

/**
 * A cheaper tf.dropout while a tier is active. tfjs-core's draws the noise with seedrandom's
 * alea in JavaScript (a call per element), copies it to the heap and runs Add, Floor and RealDiv
 * over it before the Multiply: on the Keras CNN's [200, 12, 12, 64] dropout that is several times
 * the cost of the Multiply itself. Ours writes the mask (0 or 1/keep) straight into the heap from
 * a 32-bit generator seeded by Math.random (which the trainer seeds: same seed, same masks) and
 * multiplies once; the gradient is Multiply's own (dy·mask). Elements are kept with probability
 * 1 − rate, as in tfjs-core. Anything unusual (noise shapes, non-float input, no tier) runs
 * tfjs-core's own.
 */

const MASK = 'BlockpropDropoutMask';

const maskKernel: KernelConfig = {
  kernelName: MASK,
  backendName: 'wasm',
  kernelFunc: ({ backend, attrs }) => {
    const shape = attrs?.['shape'];
    const keep = attrs?.['keep'];
    const seed = attrs?.['seed'];
    if (!Array.isArray(shape) || !shape.every((d): d is number => typeof d === 'number') || typeof keep !== 'number' || typeof seed !== 'number') {
      throw new Error(`${MASK}: shape, keep and seed attributes expected`);
    }
    const out = output(asWasm(backend), shape);
    const mask = view(asWasm(backend), out);
    const scale = Math.fround(1 / keep);
    // xorshift32, two 16-bit draws per step (a 1/65536 step in the keep probability): the
    // mask costs about as much as one pass over memory. The seed is scrambled first so that
    // nearby seeds start far apart.
    let s = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0 || 1;
    const drop = Math.round((1 - keep) * 65536);
    const n = mask.length;
    for (let i = 0; i < n; i += 2) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      mask[i] = s >>> 16 >= drop ? scale : 0;
      if (i + 1 < n) mask[i + 1] = (s & 0xffff) >= drop ? scale : 0;
    }
    return out;
  },
};

type Dropout = typeof tf.dropout;

function fastDropout(original: Dropout): Dropout {
  return (x, rate, noiseShape, seed) => {
    // tfjs-layers passes a null noise shape (and seed) when the layer has none.
    const ns: unknown = noiseShape;
    const plain =
      ns === undefined || ns === null || (x instanceof tf.Tensor && Array.isArray(ns) && ns.length === x.rank && ns.every((d, i) => d === x.shape[i]));
    if (activeTier() === null || tf.getBackend() !== 'wasm' || !(x instanceof tf.Tensor) || x.dtype !== 'float32' || !plain || !(rate > 0 && rate < 1))
      return original(x, rate, noiseShape, seed);
    const start = typeof seed === 'number' ? seed : Math.floor(Math.random() * 2 ** 32);
    return tf.tidy(() => {
      const mask: unknown = tf.engine().runKernel(MASK, {}, { shape: [...x.shape], keep: 1 - rate, seed: start });
      if (!(mask instanceof tf.Tensor)) throw new Error(`${MASK} returned several outputs`);
      return tf.mul(x, mask);
    });
  };
}

let installed = false;

/**
 * Puts ours into tfjs-core's CommonJS exports, where tfjs-layers looks `dropout` up on every call
 * (the ES-module namespace we import is read-only; the exports object behind it is not).
 */
export function installDropout(): boolean {
  if (installed) return true;
  const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
  const core: unknown = req('@tensorflow/tfjs-core');
  if (typeof core !== 'object' || core === null || Reflect.get(core, 'dropout') !== tf.dropout) return false;
  if (getKernel(MASK, 'wasm') === undefined) registerKernel(maskKernel);
  installed = Reflect.set(core, 'dropout', fastDropout(tf.dropout));
  return installed;
}
