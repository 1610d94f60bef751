import { describe, expect, it } from 'vitest';
import { buildChain } from '../graph/fromSpec';
import { defaultTraining } from '../project/schema';
import { resizedLimits } from '../project/resizeBudget';
import { generatePython } from './generatePython';

const net = (shape: number[]) =>
  buildChain('sequential', [
    { name: 'input_layer', kind: 'InputLayer', params: { shape } },
    { name: 'flatten', kind: 'Flatten' },
    { name: 'dense', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
  ]);

describe('the exported script resizes MNIST as the app does', () => {
  it('resizes to the Input, copies grey to 3 channels and keeps the same number of images', () => {
    const code = generatePython(net([64, 48, 3]), defaultTraining, { kind: 'mnist', resize: true });
    const { train, test } = resizedLimits(64, 48, 3);
    expect(code).toContain(`x_train, y_train = x_train[:${train}], y_train[:${train}]`);
    expect(code).toContain(`x_test, y_test = x_test[:${test}], y_test[:${test}]`);
    expect(code).toContain('keras.ops.image.resize(x[i:i + 500], (64, 48), interpolation="bilinear"');
    expect(code).toContain('return np.repeat(x, 3, axis=-1)');
    expect(code).not.toContain('x_train.reshape(');
  });
  it('without resize, reshapes as before', () => {
    const code = generatePython(net([28, 28, 1]), defaultTraining, { kind: 'mnist' });
    expect(code).toContain('x_train = x_train.reshape((-1,) + (28, 28, 1))');
    expect(code).not.toContain('resize_images');
  });
});
